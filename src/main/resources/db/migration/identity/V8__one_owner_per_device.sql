-- A push token belongs to one account: whoever registered it last. Registered by two, a phone handed on or signed in
-- as someone else would keep receiving the first account's notices. Which of two accounts registered a token last is
-- not recorded (a registration again by the same account left its row as it was), so a token held by more than one
-- account is forgotten by all of them: the app registers it again at its next start.
DELETE FROM devices
WHERE token_hash IN (SELECT token_hash FROM devices GROUP BY token_hash HAVING count(*) > 1);
ALTER TABLE devices ADD CONSTRAINT devices_token_hash_key UNIQUE (token_hash);
-- devices_user_id_token_hash_key stays while instances of the release before may still run beside this one (their
-- upsert names it); it goes in a later release.
