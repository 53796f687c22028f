-- Identity: accounts, logins (refresh-token families), signing keys, devices and the audit log.

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Stored as given, matched case-insensitively through the unique index below.
    email         text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash text NOT NULL,
    full_name     text NOT NULL,
    -- Personal data beyond the login email is encrypted by the application (AES-256-GCM, "<key id>:<base64>").
    phone         text,
    locale        text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'ru')),
    role          text NOT NULL DEFAULT 'traveller' CHECK (role IN ('traveller', 'admin')),
    disabled_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
-- System design §2.2.3: users.email unique.
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

-- One login: every refresh token issued from it belongs to it, and so do its access tokens (claim "sid").
-- Revoking it ends them all at once; the check is made against this table, so no cache flush can revive them.
CREATE TABLE sessions (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text CHECK (revoked_reason IN ('logout', 'reuse', 'password_change', 'erased', 'disabled'))
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE refresh_tokens (
    jti        uuid PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    -- Set when the token is exchanged; presenting it again is reuse.
    spent_at   timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Token signing keys (ES256). The private key is encrypted like other secrets at rest. A retired key no longer
-- signs but still verifies until the tokens it signed have expired.
CREATE TABLE signing_keys (
    kid         text PRIMARY KEY,
    private_key text NOT NULL,
    public_jwk  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

CREATE TABLE devices (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Push tokens identify a person's phone: encrypted, and matched through a keyed hash.
    token      text NOT NULL,
    token_hash text NOT NULL,
    platform   text NOT NULL CHECK (platform IN ('ios', 'android', 'web')),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, token_hash)
);

-- Who did what, when, from where, and how it ended. Never a password or a token.
CREATE TABLE audit_log (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    user_id  uuid,
    event    text NOT NULL,
    outcome  text NOT NULL,
    ip       text,
    detail   text
);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
