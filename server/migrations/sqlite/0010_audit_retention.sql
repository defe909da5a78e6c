-- Audit retention (`--audit-retention-days`, off by default): entries older
-- than the setting are written to an archive file in the data folder, then
-- deleted. That is the only delete the log allows, and it is audited itself.
--
-- The server opens a permit naming the entries it archived (an id range and
-- a time they are all older than) in the transaction that deletes them, and
-- closes it again before committing. The append-only trigger lets a delete
-- through only within an open permit, so a plain DELETE is still refused, as
-- is any UPDATE. (PostgreSQL would do the delete as a role that alone may.)
CREATE TABLE audit_delete_permit (
    id          INTEGER PRIMARY KEY CHECK (id = 1),   -- one at a time
    first_id    INTEGER NOT NULL,
    last_id     INTEGER NOT NULL,
    before_at   BIGINT NOT NULL
);

DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (
    SELECT 1 FROM audit_delete_permit p
    WHERE OLD.id BETWEEN p.first_id AND p.last_id AND OLD.at < p.before_at
)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The search index (0005) follows the log's deletes too.
CREATE TRIGGER audit_log_search_delete AFTER DELETE ON audit_log
BEGIN
    INSERT INTO audit_search (audit_search, rowid, actor, target, user_name, number)
    VALUES ('delete', old.id, old.actor, old.target, old.user_name, old.number);
END;
