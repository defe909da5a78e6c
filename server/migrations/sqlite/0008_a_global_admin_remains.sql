-- The organisation always keeps a Global administrator: nobody else can
-- manage accounts, and there is no way back in without one. The server
-- refuses such a change with the reason before it gets here; these triggers
-- catch any path that forgets. Of two Global admins removing each other at
-- once, the second runs after the first has committed (writes take turns)
-- and finds no other Global administrator left.
CREATE TRIGGER accounts_keep_a_global_admin_on_delete AFTER DELETE ON accounts
WHEN OLD.role = 'GLOBAL_ADMIN'
     AND NOT EXISTS (SELECT 1 FROM accounts WHERE role = 'GLOBAL_ADMIN')
BEGIN
    SELECT RAISE(ABORT, 'the last Global administrator must remain');
END;

CREATE TRIGGER accounts_keep_a_global_admin_on_role AFTER UPDATE OF role ON accounts
WHEN OLD.role = 'GLOBAL_ADMIN' AND NEW.role <> 'GLOBAL_ADMIN'
     AND NOT EXISTS (SELECT 1 FROM accounts WHERE role = 'GLOBAL_ADMIN')
BEGIN
    SELECT RAISE(ABORT, 'the last Global administrator must remain');
END;
