-- A push token belongs to one account: whoever registered it last. Registered by two, a phone handed on or signed in
-- as someone else would keep receiving the first account's notices.
DELETE FROM devices AS older
USING devices AS newer
WHERE older.token_hash = newer.token_hash
  AND (older.created_at, older.id) < (newer.created_at, newer.id);
ALTER TABLE devices DROP CONSTRAINT devices_user_id_token_hash_key;
ALTER TABLE devices ADD CONSTRAINT devices_token_hash_key UNIQUE (token_hash);
CREATE INDEX devices_user_idx ON devices (user_id);
