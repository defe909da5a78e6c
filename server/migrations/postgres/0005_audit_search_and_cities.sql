-- PostgreSQL twin of migrations/0005_audit_search_and_cities.sql: the
-- audit log's search (who, what and the user concerned in any case, and
-- the number's digits), and the city index of the numbers.
--
-- REPLACES the SQLite FTS5 table audit_search (actor, target, user_name,
-- number; `case_sensitive 0`), its 'rebuild' and the sync trigger
-- audit_log_search_insert (0010's audit_log_search_delete likewise has no
-- counterpart). Instead: pg_trgm GIN indexes on exactly the expressions the
-- store's row-by-row audit search already compares (store::audit,
-- SearchTerm::push_condition), so that condition is index-backed as is.
--
-- QUERY SHAPE on PostgreSQL, $1 = the lower-case term as a LIKE pattern,
-- $2 = its digits as one (SearchTerm::text() / digits()):
--   lower(actor) LIKE $1 ESCAPE '\'
--   OR lower(target) LIKE $1 ESCAPE '\'
--   OR lower(COALESCE(user_name, '')) LIKE $1 ESCAPE '\'
--   OR COALESCE(number, '') LIKE $2 ESCAPE '\'
-- i.e. `lower(actor) LIKE '%' || $1 || '%'` ... written exactly so (each OR
-- arm has its index: a BitmapOr). Not `id IN (SELECT rowid FROM audit_search
-- WHERE audit_search MATCH $1)`.
-- lower() here is ASCII-only (COLLATE "C", as SQLite's lower()); FTS5's
-- case folding also folded non-ASCII capitals.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX audit_log_actor_trgm ON audit_log USING gin (lower(actor) gin_trgm_ops);
CREATE INDEX audit_log_target_trgm ON audit_log USING gin (lower(target) gin_trgm_ops);
CREATE INDEX audit_log_user_name_trgm ON audit_log USING gin (lower(COALESCE(user_name, '')) gin_trgm_ops);
CREATE INDEX audit_log_number_trgm ON audit_log USING gin (COALESCE(number, '') gin_trgm_ops);

-- A search that matches one big city ("redmond") lists that city's numbers
-- in number order from here, instead of walking every number before them;
-- the city names are read by hopping along it.
CREATE INDEX phone_numbers_in_city ON phone_numbers (search_city, e164);
