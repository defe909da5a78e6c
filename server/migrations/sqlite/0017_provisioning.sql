-- Provisioning: every change to where a number's calls go is a job for the
-- phone system, written in the same transaction as the change (an outbox),
-- and delivered by the server's worker in order per number. A job is kept
-- once confirmed: it is the change's timeline (saved, sent, confirmed).
-- Numbers are kept by value, as in change_set_users: a number may be
-- released later, and its history stays.
CREATE TABLE provisioning_jobs (
    id               INTEGER PRIMARY KEY,
    e164             TEXT NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('route', 'unroute', 'activate')),
    -- Whose change: the new holder of a routed number, the former holder
    -- of an unrouted one; NULL for a new number's activation.
    user_id          INTEGER,
    address          TEXT,                -- route: the SIP address calls go to
    change_set       INTEGER,             -- the change set that asked for it
    actor            TEXT NOT NULL,       -- who saved it, or 'switchboard'
    created_at       BIGINT NOT NULL,     -- seconds since the epoch, UTC
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    sent_at          BIGINT,              -- the last attempt's start
    confirmed_at     BIGINT,
    failed_at        BIGINT,              -- the last failed attempt's end
    last_error       TEXT,
    -- The server delivering it now, and until when: another server (or this
    -- one after a restart) takes it over once the lease has run out.
    lease_owner      TEXT,
    lease_until      BIGINT,
    CHECK ((action = 'route') = (address IS NOT NULL))
);
-- The jobs not yet confirmed, in order per number and overall.
CREATE INDEX provisioning_jobs_open_by_number ON provisioning_jobs (e164, id) WHERE confirmed_at IS NULL;
CREATE INDEX provisioning_jobs_open ON provisioning_jobs (id) WHERE confirmed_at IS NULL;
-- A user's latest job: the Status column and the action pane's timeline.
CREATE INDEX provisioning_jobs_by_user ON provisioning_jobs (user_id, id);

-- Drift: a check compares the phone system's routes with the assignments
-- (asked for on start, on a schedule, or by an admin; done by the worker)
-- and keeps what differed, for the Drift view to list and repair.
CREATE TABLE drift_checks (
    id           INTEGER PRIMARY KEY,
    asked_at     BIGINT NOT NULL,
    asked_by     TEXT NOT NULL,       -- an admin, or 'switchboard'
    checked_at   BIGINT,              -- NULL until the worker has done it
    found        INTEGER,             -- how many numbers differed
    error        TEXT                 -- why it could not be done
);

CREATE TABLE drift_findings (
    check_id     INTEGER NOT NULL REFERENCES drift_checks (id),
    e164         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('not_routed', 'wrong_user', 'not_assigned')),
    expected     TEXT,                -- the SIP address the assignment says
    actual       TEXT,                -- the one the phone system routes to
    repaired_at  BIGINT,              -- when a job to repair it was written
    repaired_by  TEXT,
    PRIMARY KEY (check_id, e164)
);
