-- API tokens: scripts and the command line sign in with
-- `Authorization: Bearer sbt_…`. The token acts for its account with `role`
-- (never above the account's own: the lower of the two applies), until
-- `expires_at` or until revoked; it goes with its account.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          TEXT NOT NULL CHECK (role IN ('GLOBAL_ADMIN', 'VOICE_ADMIN', 'HELPDESK', 'USER')),
    -- SHA-256 of the token: a leaked database doesn't leak tokens.
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_tokens_by_account ON api_tokens (account_id);
