-- PostgreSQL twin of migrations/0007_one_time_password_expiry.sql. A
-- one-time password (a new account's, one an admin reset, the first
-- administrator's) travels in chat, e-mail or a file, so sign-in refuses it
-- once it is older than the server's setting (24 hours by default). When it
-- was issued, in seconds since the epoch; NULL for a password the account
-- holder chose.
ALTER TABLE accounts ADD COLUMN one_time_password_issued_at BIGINT;

-- Those waiting today were issued at or after their account's creation:
-- the earliest time is the safe guess, and a reset gives a fresh one.
UPDATE accounts SET one_time_password_issued_at = created_at WHERE must_change_password;
