-- Every save that changes who holds which number is one change set: an
-- admin's Save (one user or many), an import, an undo. What each of its
-- users held before and after is kept, so the set can be undone while
-- nobody has changed those users since. Numbers and locations are kept by
-- value, not by reference: either may be released or deleted later, and
-- the undo then says so instead of the history blocking the release.
CREATE TABLE change_sets (
    id          INTEGER PRIMARY KEY,
    at          BIGINT NOT NULL,                 -- seconds since the epoch, UTC
    actor       TEXT NOT NULL,                   -- the admin's username
    summary     TEXT NOT NULL,                   -- what it did, as an admin reads it
    users       INTEGER NOT NULL,
    undoes      INTEGER UNIQUE REFERENCES change_sets (id)  -- a set is undone at most once
);

CREATE TABLE change_set_users (
    change_set          INTEGER NOT NULL REFERENCES change_sets (id),
    user_id             INTEGER NOT NULL REFERENCES voice_users (id) ON DELETE CASCADE,
    before_number       TEXT,                    -- E.164, NULL when the user held none
    before_location     INTEGER,
    after_number        TEXT,
    after_location      INTEGER,
    version_after       INTEGER NOT NULL,        -- the user's version the set left
    PRIMARY KEY (change_set, user_id)
) WITHOUT ROWID;

-- The audit entries a set wrote (older entries have none).
ALTER TABLE audit_log ADD COLUMN change_set INTEGER;
CREATE INDEX audit_log_by_change_set ON audit_log (change_set) WHERE change_set IS NOT NULL;
