-- PostgreSQL twin of migrations/0011_two_step_sign_in.sql. Two-step
-- sign-in (RFC 6238): after the password, a code from the account's
-- authenticator app or one of its one-time recovery codes.

-- The authenticator's shared secret, base32, once its first code was
-- confirmed; when that was; and the last 30-second step whose code was
-- accepted, so a code seen over someone's shoulder can't be used again.
ALTER TABLE accounts ADD COLUMN totp_secret TEXT COLLATE "C";
ALTER TABLE accounts ADD COLUMN totp_since BIGINT;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
-- A secret shown for setting up, not yet confirmed with a code.
ALTER TABLE accounts ADD COLUMN totp_pending_secret TEXT COLLATE "C";

-- SHA-256 of each recovery code (random, 50 bits: a slow hash adds
-- nothing), and when it was used.
CREATE TABLE recovery_codes (
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash   TEXT COLLATE "C" NOT NULL,
    used_at     BIGINT,
    PRIMARY KEY (account_id, code_hash)
);

-- A correct password of an account with two-step sign-in: the code must
-- follow within minutes, with this challenge's token (kept as its SHA-256).
CREATE TABLE sign_in_challenges (
    token_hash  TEXT COLLATE "C" PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL
);
CREATE INDEX sign_in_challenges_by_account ON sign_in_challenges (account_id);

-- The organisation's settings, one row each: 'two_step_for_admins' = 'true'
-- makes every admin role sign in with a second step.
CREATE TABLE settings (
    name   TEXT COLLATE "C" PRIMARY KEY,
    value  TEXT COLLATE "C" NOT NULL
);
