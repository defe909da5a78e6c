-- PostgreSQL twin of migrations/0003_audit_append_only.sql. The audit log
-- is append-only: no server function edits or deletes it, and the database
-- refuses it too, with SQLite's message: 'the audit log is append-only'
-- (an exception of SQLSTATE P0001, raise_exception).
--
-- SQLite's three triggers become one plpgsql function and three row
-- triggers of the same names. SQLite's audit_log_no_replace guards against
-- INSERT OR REPLACE (a delete that fires no DELETE trigger); PostgreSQL has
-- no such statement, but the trigger is kept so that an INSERT naming an
-- existing id is refused with the same message rather than as a duplicate
-- key. PostgreSQL also has TRUNCATE, which fires no row trigger: a
-- statement trigger refuses it (SQLite has nothing to guard there).
--
-- Defence in depth an administrator can add (not run here: the roles are
-- the site's). With the application connecting as `switchboard_app`:
--
--   REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM switchboard_app;
--   REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
--
-- Audit retention (0010, `--audit-retention-days`) deletes archived
-- entries; with the revoke in place it must run as a role that still has
-- DELETE (e.g. `GRANT DELETE ON audit_log TO switchboard_retention;`), or
-- leave DELETE granted and rely on 0010's permit trigger.

CREATE FUNCTION audit_log_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();

-- An insert may only add a new entry. (The identity default is applied
-- before BEFORE triggers run, so NEW.id is set here.)
CREATE FUNCTION audit_log_refuse_replace() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'the audit log is append-only';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_replace();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
