-- ADMIN_EMAIL naming an account that already exists (anyone may sign up with any address) makes it the admin and ends
-- every login to it: whoever signed up with that address before the operators must not keep a session that is now an
-- admin's.
ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
    CHECK (revoked_reason IN ('logout', 'reuse', 'password_change', 'erased', 'disabled', 'admin_bootstrap'));
