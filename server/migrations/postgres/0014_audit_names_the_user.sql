-- PostgreSQL twin of migrations/0014_audit_names_the_user.sql. Live updates
-- (GET /api/events) are read from the audit log: its id orders the changes
-- and lets a console's stream resume where it stopped. A console refreshes
-- the voice users a change names, so each entry now keeps the user's id
-- beside their name. No foreign key: the log outlives the users it names.
-- Older entries have none.
ALTER TABLE audit_log ADD COLUMN user_id BIGINT;
