-- PostgreSQL twin of migrations/0010_audit_retention.sql. Audit retention
-- (`--audit-retention-days`, off by default): entries older than the
-- setting are written to an archive file in the data folder, then deleted.
-- That is the only delete the log allows, and it is audited itself.
--
-- The server opens a permit naming the entries it archived (an id range and
-- a time they are all older than) in the transaction that deletes them, and
-- closes it again before committing. The append-only trigger lets a delete
-- through only within an open permit, so a plain DELETE is still refused
-- ('the audit log is append-only'), as is any UPDATE (0003's trigger,
-- unchanged) and TRUNCATE. An uncommitted permit is seen by its own
-- transaction only.
--
-- `id INTEGER PRIMARY KEY CHECK (id = 1)` is one row at a time, always
-- inserted as id 1 (store::audit_archive): a plain key defaulting to 1, not
-- an identity, whose sequence would hand out 2 on the second permit. (In
-- SQLite an omitted id is max(id) + 1, i.e. 1 in the empty table.)
CREATE TABLE audit_delete_permit (
    id          BIGINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),   -- one at a time
    first_id    BIGINT NOT NULL,
    last_id     BIGINT NOT NULL,
    before_at   BIGINT NOT NULL
);

DROP TRIGGER audit_log_no_delete ON audit_log;

CREATE FUNCTION audit_log_delete_within_permit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM audit_delete_permit p
        WHERE OLD.id BETWEEN p.first_id AND p.last_id AND OLD.at < p.before_at
    ) THEN
        RAISE EXCEPTION 'the audit log is append-only';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_delete_within_permit();

-- SQLite's audit_log_search_delete (the FTS5 index following the log's
-- deletes) has no counterpart: 0005's trigram indexes are ordinary indexes.
