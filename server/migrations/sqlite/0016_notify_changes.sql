-- SQLite twin of postgres/0016_notify_changes.sql, kept so both sets
-- number alike. On PostgreSQL a trigger on the audit log NOTIFYs every
-- server of a change; an SQLite file has one server, whose writer tells
-- its own live streams (store::Commits), so there is nothing to add here.
SELECT 1;
