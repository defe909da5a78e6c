-- Safe retries: a request sent with an `Idempotency-Key` header is run once
-- per account and key; a retry with the same key and request gets the first
-- answer again, and the same key with another request is refused. Kept 24
-- hours. `status` is NULL while the first request runs.
CREATE TABLE idempotency_keys (
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idempotency_key  TEXT NOT NULL,
    -- SHA-256 of the method, path and body.
    request_hash     TEXT NOT NULL,
    status           INTEGER,
    content_type     TEXT,
    body             BLOB,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
