-- PostgreSQL twin of migrations/0009_sign_in_throttle_counts.sql. The
-- sign-in throttle (0002) counts attempts before their password is
-- checked, and keeps what the audit log used to be flooded with as counts.
--
-- An attempt refused while its username is locked costs no audit entry:
-- `refused` counts them, and one entry reports the count when the row is
-- purged after the lock. `label` is what that entry names: the account's
-- username, or "unknown account #…" (a short hash) for a username that
-- names no account, so attacker-typed text is never kept.
ALTER TABLE sign_in_throttle ADD COLUMN refused BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sign_in_throttle ADD COLUMN label TEXT COLLATE "C" NOT NULL DEFAULT '';

-- Expired rows are purged as new attempts are counted: found by this index.
CREATE INDEX sign_in_throttle_by_last_failure ON sign_in_throttle (last_failure_at);

-- Keys were "account:<typed username>" in clear; they are now a SHA-256 of
-- it. The old counts expire within 15 minutes anyway.
DELETE FROM sign_in_throttle;
