-- PostgreSQL twin of migrations/0008_a_global_admin_remains.sql. The
-- organisation always keeps a Global administrator: nobody else can manage
-- accounts, and there is no way back in without one. The server refuses
-- such a change with the reason before it gets here; these triggers catch
-- any path that forgets, with SQLite's message: 'the last Global
-- administrator must remain' (SQLSTATE P0001).
--
-- SQLite's `WHEN ... NOT EXISTS (SELECT ...)` moves into the function (a
-- PostgreSQL trigger's WHEN can't hold a subquery); the OLD/NEW part stays
-- in WHEN. Of two Global admins removing each other at once, SQLite runs
-- the second after the first has committed (writes take turns). PostgreSQL
-- writers don't take turns under READ COMMITTED, so the check first takes
-- a transaction-scoped advisory lock: the second check waits for the first
-- transaction to end and then sees what it committed (each statement of a
-- plpgsql function takes a fresh snapshot), and finds no other Global
-- administrator left.
CREATE FUNCTION accounts_keep_a_global_admin() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('switchboard: a global admin remains'));
    IF NOT EXISTS (SELECT 1 FROM accounts WHERE role = 'GLOBAL_ADMIN') THEN
        RAISE EXCEPTION 'the last Global administrator must remain';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER accounts_keep_a_global_admin_on_delete AFTER DELETE ON accounts
FOR EACH ROW
WHEN (OLD.role = 'GLOBAL_ADMIN')
EXECUTE FUNCTION accounts_keep_a_global_admin();

CREATE TRIGGER accounts_keep_a_global_admin_on_role AFTER UPDATE OF role ON accounts
FOR EACH ROW
WHEN (OLD.role = 'GLOBAL_ADMIN' AND NEW.role <> 'GLOBAL_ADMIN')
EXECUTE FUNCTION accounts_keep_a_global_admin();
