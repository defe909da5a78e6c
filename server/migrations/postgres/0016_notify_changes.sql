-- Live updates across servers. Every change an admin may be told of
-- writes an audit entry, so one statement trigger on the log tells every
-- server, through NOTIFY, that there is something new to read. PostgreSQL
-- delivers it when the transaction commits (never for a rolled-back one)
-- and folds a transaction's notifications into one; each server LISTENs
-- on the channel and wakes its live streams, which read the log from
-- where they are. (SQLite has one server per file: the process tells its
-- own streams, and needs no twin of this migration.)

CREATE FUNCTION audit_log_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('switchboard_changes', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_notify();
