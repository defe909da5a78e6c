-- PostgreSQL twin of migrations/0013_idempotency_keys.sql. Safe retries: a
-- request sent with an `Idempotency-Key` header is run once per account and
-- key; a retry with the same key and request gets the first answer again,
-- and the same key with another request is refused. Kept 24 hours. `status`
-- is NULL while the first request runs. SQLite's BLOB is BYTEA (Vec<u8>).
CREATE TABLE idempotency_keys (
    account_id       BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idempotency_key  TEXT COLLATE "C" NOT NULL,
    -- SHA-256 of the method, path and body.
    request_hash     TEXT COLLATE "C" NOT NULL,
    status           BIGINT,
    content_type     TEXT COLLATE "C",
    body             BYTEA,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
