-- PostgreSQL twin of migrations/0004_search_at_scale.sql: finding one of
-- 100,000 voice users, or of 150,000 numbers, by any part of a name,
-- username, number or city without reading every row.
--
-- REPLACES the SQLite FTS5 objects: the external-content tables
-- voice_user_search (search_name) and phone_number_search (e164,
-- search_city), their 'rebuild', and the six sync triggers
-- voice_users_search_{insert,delete,update} and
-- phone_numbers_search_{insert,delete,update}. None exist here: pg_trgm GIN
-- indexes on the base columns answer the same "contains" searches, and
-- PostgreSQL keeps an index in step by itself.
--
-- QUERY SHAPE on PostgreSQL: no `MATCH`, no `rowid`, no FTS phrase
-- (fts_phrase): the lower-case term as a LIKE pattern on the base table,
--   u.search_name LIKE '%' || $1 || '%'      -- $1 lower case, like the column
--   n.search_city LIKE '%' || $1 || '%'
--   n.e164        LIKE '%' || $1 || '%'      -- $1 the term's digits
-- or, as the store already binds it, `col LIKE $1 ESCAPE '\'` with
-- $1 = like_pattern(term). The columns hold lower case written by Rust
-- (FTS5 used `case_sensitive 1`), so plain case-sensitive LIKE is exact.
--   `u.id IN (SELECT rowid FROM voice_user_search WHERE voice_user_search MATCH $1)`
-- becomes `u.search_name LIKE $1 ESCAPE '\'`, and the capped probe
-- (search_index::probe) `SELECT id FROM voice_users WHERE search_name LIKE $1
-- ESCAPE '\' LIMIT $2` (likewise phone_numbers' e164 / search_city).
-- A trigram index needs three characters: shorter terms are scanned, as
-- the store already does (search_index::INDEXED).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The display name and username as the search compares them: lower case as
-- Rust gives it, one line each. The server writes it
-- (store::users::search_name) and fills in rows that lack it when it
-- starts, so users added by any means are found.
ALTER TABLE voice_users ADD COLUMN search_name TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX voice_users_search_name_trgm ON voice_users USING gin (search_name gin_trgm_ops);

-- A number's digits and its city as the search compares them (the city in
-- lower case, as store::numbers writes it and start-up fills it in): "5550"
-- finds +1 425-555-0100 and whoever holds it, "redm" the Redmond numbers.
ALTER TABLE phone_numbers ADD COLUMN search_city TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX phone_numbers_e164_trgm ON phone_numbers USING gin (e164 gin_trgm_ops);
CREATE INDEX phone_numbers_search_city_trgm ON phone_numbers USING gin (search_city gin_trgm_ops);

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
