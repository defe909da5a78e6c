-- Sign-in accounts and their roles, server-side sessions, the sign-in
-- throttle, and the append-only audit log. Portable SQL, as in 0001.

CREATE TABLE accounts (
    id                    INTEGER PRIMARY KEY,
    -- Stored lower case; a user's account shares the voice user's username.
    username              TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 256),
    display_name          TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 256),
    -- Role::code(): GLOBAL_ADMIN, VOICE_ADMIN, HELPDESK or USER.
    role                  TEXT NOT NULL CHECK (role IN ('GLOBAL_ADMIN', 'VOICE_ADMIN', 'HELPDESK', 'USER')),
    -- argon2id, PHC string format.
    password_hash         TEXT NOT NULL,
    -- A generated or admin-set password must be replaced at first sign-in.
    must_change_password  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at            BIGINT NOT NULL,
    -- Bumped by every change, so two admins editing one account can't both win.
    version               INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token: a leaked database doesn't leak sessions.
    token_hash    TEXT PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Failed sign-ins per typed username and per client address.
CREATE TABLE sign_in_throttle (
    throttle_key     TEXT PRIMARY KEY,
    failures         INTEGER NOT NULL,
    last_failure_at  BIGINT NOT NULL,
    locked_until     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          BIGINT NOT NULL,                 -- seconds since the epoch, UTC
    actor       TEXT NOT NULL,                   -- username, or the typed one for a failed sign-in
    action      TEXT NOT NULL,                   -- AuditAction::code()
    target      TEXT NOT NULL,                   -- what changed, as an admin reads it
    user_name   TEXT,                            -- the voice user concerned, if any
    number      TEXT,                            -- the E.164 number concerned, if any
    before      TEXT NOT NULL DEFAULT '',
    after       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_at ON audit_log (at, id);
