-- Nothing to do on SQLite: json_each and json_extract are built in.
-- PostgreSQL's 0015 defines them, so the store's statements over JSON
-- arrays (app/src/store/sets.rs) are the same text on both stores.
SELECT 1;
