-- Finding one of 100,000 voice users, or of 150,000 numbers, by any part
-- of a name, username, number or city without reading every row. SQLite only: FTS5 is its own; a
-- PostgreSQL store would use pg_trgm indexes on the same columns.

-- The display name and username as the search compares them: lower case as
-- Rust gives it (SQLite's lower() knows only ASCII), one line each. The
-- server writes it (store::users::search_name) and fills in rows that lack
-- it when it starts, so users added by any means are found.
ALTER TABLE voice_users ADD COLUMN search_name TEXT NOT NULL DEFAULT '';

-- "Contains" for three characters or more: trigrams of search_name. An
-- external-content index: the text lives only in voice_users, and the
-- triggers below keep the index in step in the same transaction.
CREATE VIRTUAL TABLE voice_user_search USING fts5(
    search_name,
    content = 'voice_users',
    content_rowid = 'id',
    tokenize = 'trigram case_sensitive 1'
);
-- Index the rows already there (with an empty search_name until start-up
-- fills it), so that the update trigger removes exactly what is indexed.
INSERT INTO voice_user_search (voice_user_search) VALUES ('rebuild');

CREATE TRIGGER voice_users_search_insert AFTER INSERT ON voice_users
BEGIN
    INSERT INTO voice_user_search (rowid, search_name) VALUES (new.id, new.search_name);
END;

CREATE TRIGGER voice_users_search_delete AFTER DELETE ON voice_users
BEGIN
    INSERT INTO voice_user_search (voice_user_search, rowid, search_name)
    VALUES ('delete', old.id, old.search_name);
END;

CREATE TRIGGER voice_users_search_update AFTER UPDATE OF search_name ON voice_users
BEGIN
    INSERT INTO voice_user_search (voice_user_search, rowid, search_name)
    VALUES ('delete', old.id, old.search_name);
    INSERT INTO voice_user_search (rowid, search_name) VALUES (new.id, new.search_name);
END;

-- A number's digits and its city as the search compares them (the city in
-- lower case, as store::numbers writes it and start-up fills it in): "5550"
-- finds +1 425-555-0100 and whoever holds it, "redm" the Redmond numbers.
ALTER TABLE phone_numbers ADD COLUMN search_city TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE phone_number_search USING fts5(
    e164,
    search_city,
    content = 'phone_numbers',
    content_rowid = 'id',
    tokenize = 'trigram case_sensitive 1'
);
INSERT INTO phone_number_search (phone_number_search) VALUES ('rebuild');

CREATE TRIGGER phone_numbers_search_insert AFTER INSERT ON phone_numbers
BEGIN
    INSERT INTO phone_number_search (rowid, e164, search_city)
    VALUES (new.id, new.e164, new.search_city);
END;

CREATE TRIGGER phone_numbers_search_delete AFTER DELETE ON phone_numbers
BEGIN
    INSERT INTO phone_number_search (phone_number_search, rowid, e164, search_city)
    VALUES ('delete', old.id, old.e164, old.search_city);
END;

CREATE TRIGGER phone_numbers_search_update AFTER UPDATE OF e164, search_city ON phone_numbers
BEGIN
    INSERT INTO phone_number_search (phone_number_search, rowid, e164, search_city)
    VALUES ('delete', old.id, old.e164, old.search_city);
    INSERT INTO phone_number_search (rowid, e164, search_city)
    VALUES (new.id, new.e164, new.search_city);
END;

-- The Phone numbers grid's filters: a rare value (service numbers, one
-- country's, the pending ones) is found through its index; a common one is
-- read along the sort's index instead. The assignable user numbers of a
-- country, in number order, for the Assign number dialog.
CREATE INDEX phone_numbers_by_kind ON phone_numbers (kind, e164);
CREATE INDEX phone_numbers_by_source ON phone_numbers (source, e164);
CREATE INDEX phone_numbers_by_country ON phone_numbers (country, e164);
CREATE INDEX phone_numbers_not_active ON phone_numbers (e164) WHERE activation <> 'active';
CREATE INDEX phone_numbers_blocked ON phone_numbers (blocked_until, e164) WHERE blocked_until IS NOT NULL;
CREATE INDEX phone_numbers_assignable ON phone_numbers (country, e164)
    WHERE kind = 'user' AND activation = 'active';

-- The users at a location (the grid's location filter and its count), in
-- user order; and locations in the order the grid sorts them.
CREATE INDEX number_assignments_by_location ON number_assignments (location_id, user_id);
CREATE INDEX emergency_locations_by_description ON emergency_locations (lower(description), id);

-- How many users hold each licence (Billing > Licenses, and the seat check
-- when a licence is given) without reading every user's licences.
CREATE INDEX user_licences_by_licence ON user_licences (licence, user_id);
