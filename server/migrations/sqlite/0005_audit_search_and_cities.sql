-- The audit log's search: who, what and the user concerned (any case), and
-- the number's digits. The log is only ever appended to, so one trigger
-- keeps the index in step.
CREATE VIRTUAL TABLE audit_search USING fts5 (
    actor, target, user_name, number,
    content = 'audit_log', content_rowid = 'id',
    tokenize = 'trigram case_sensitive 0'
);
INSERT INTO audit_search (audit_search) VALUES ('rebuild');

CREATE TRIGGER audit_log_search_insert AFTER INSERT ON audit_log
BEGIN
    INSERT INTO audit_search (rowid, actor, target, user_name, number)
    VALUES (new.id, new.actor, new.target, new.user_name, new.number);
END;

-- A search that matches one big city ("redmond") lists that city's numbers
-- in number order from here, instead of walking every number before them;
-- the city names are read by hopping along it.
CREATE INDEX phone_numbers_in_city ON phone_numbers (search_city, e164);
