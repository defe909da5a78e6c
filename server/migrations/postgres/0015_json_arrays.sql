-- The two JSON functions of SQLite's that the store's many-values-at-once
-- statements use (app/src/store/sets.rs, free_numbers.rs), so those
-- statements are the same text on both stores: one bound JSON array for
-- 10,000 users instead of 10,000 bound values.

-- json_each(array): each element of a JSON array, as text (an element that
-- is itself an array, as its JSON text). Text elements are unquoted.
CREATE FUNCTION json_each(arr text) RETURNS TABLE (value text)
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT json_array_elements_text(arr::json) $$;

-- json_extract(array, '$[N]'): the N-th element (from 0) of a JSON array,
-- as text; NULL for a JSON null.
CREATE FUNCTION json_extract(doc text, path text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT (doc::json) ->> (substring(path FROM '^\$\[(\d+)\]$')::int) $$;
