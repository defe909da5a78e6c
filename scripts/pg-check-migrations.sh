#!/usr/bin/env bash
# Checks server/migrations/postgres on a throwaway PostgreSQL cluster
# (scripts/pg.sh): one file per SQLite migration, same names; each applies
# cleanly, in order, in one transaction as sqlx applies it; then the schema
# behaves as SQLite's does (constraints, the append-only audit log and its
# retention permit, the last Global administrator, the statements the store
# runs with ON CONFLICT / RETURNING) and the trigram indexes answer the
# searches. Prints a schema summary; with python3, also compares the schema
# against the SQLite set's (scripts/pg-compare-schema.py).
#
#   bash scripts/pg-check-migrations.sh
#
# Needs no input; runs as root (the cluster as postgres) or as a user.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
say() { printf '==> %s\n' "$*"; }
die() { printf 'pg-check-migrations: %s\n' "$*" >&2; exit 1; }

pg_dir=$(mktemp -d)
trap 'bash "$root/scripts/pg.sh" stop "$pg_dir"' EXIT
server_url=$(bash scripts/pg.sh start "$pg_dir")
say "cluster at $server_url"

db=switchboard_check
psql "$server_url" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db" </dev/null
url=${server_url%/postgres}/$db
# Runs psql on the check's database; `-f -` reads the statements from stdin.
run() { psql "$url" -X -q -v ON_ERROR_STOP=1 "$@"; }

say "the migrations match the SQLite set by name"
diff <(cd server/migrations/sqlite && ls -- *.sql) <(cd server/migrations/postgres && ls -- *.sql) ||
  die "server/migrations/postgres must hold one file per SQLite migration, same name"

for file in server/migrations/postgres/*.sql; do
  say "applying $(basename "$file")"
  run --single-transaction -f "$file" </dev/null || die "$file failed"
done

say "sanity checks"
run -f - <<'SQL' || die "a sanity check failed"
\set VERBOSITY terse
-- Results aside: the notices (each refusal, with its SQLSTATE) are the report.
\o /dev/null
-- Runs `statement`, which must fail with `message` in its text.
CREATE FUNCTION pg_temp.refused(statement text, message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE statement;
    EXCEPTION WHEN OTHERS THEN
        IF position(message IN SQLERRM) = 0 THEN
            RAISE EXCEPTION 'expected "%" from: %; got: %', message, statement, SQLERRM;
        END IF;
        RAISE NOTICE 'refused as expected: % (%: %)', statement, SQLSTATE, SQLERRM;
        RETURN;
    END;
    RAISE EXCEPTION 'expected "%" but it ran: %', message, statement;
END;
$$;

CREATE FUNCTION pg_temp.check(ok boolean, what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ok IS NOT TRUE THEN RAISE EXCEPTION 'check failed: %', what; END IF;
END;
$$;

-- The demo seed's shape (server/src/demo/write.rs): explicit ids, then the
-- setval the seeding step needs before any insert without an id.
INSERT INTO licences (code, purchased) VALUES ('PHONE_SYSTEM', 10), ('ENTERPRISE_E5', 10);
INSERT INTO emergency_locations (id, description, street, city, state, postal_code, country, validated)
VALUES (1, 'Redmond HQ', '1 Microsoft Way', 'Redmond', 'WA', '98052', 'US', TRUE);
INSERT INTO voice_users (id, display_name, username, usage_location, search_name)
VALUES (1, 'Zoë Müller', 'zoe.mueller@contoso.com', 'DE', 'zoë müller' || chr(10) || 'zoe.mueller@contoso.com');
INSERT INTO phone_numbers (id, e164, country, city, kind, source, activation, blocked_until, search_city)
VALUES (1, '+14255550199', 'US', 'Redmond', 'user', 'direct_routing', 'active', NULL, 'redmond');
SELECT pg_temp.refused(
    $$INSERT INTO voice_users (display_name, username, usage_location) VALUES ('Ravi', 'ravi@contoso.com', 'US')$$,
    'voice_users_pkey');
SELECT setval(pg_get_serial_sequence(t, 'id'), COALESCE(max_id, 0) + 1, false)
FROM (VALUES ('voice_users', (SELECT max(id) FROM voice_users)),
             ('phone_numbers', (SELECT max(id) FROM phone_numbers)),
             ('emergency_locations', (SELECT max(id) FROM emergency_locations))) AS s (t, max_id);

-- The store's own statements, with $n as sqlx sends them.
PREPARE add_user (text, text, text, text) AS
    INSERT INTO voice_users (display_name, username, usage_location, search_name)
    VALUES ($1, $2, $3, $4) RETURNING id;
EXECUTE add_user('Ravi Patel', 'ravi@contoso.com', 'US', 'ravi patel' || chr(10) || 'ravi@contoso.com');
SELECT pg_temp.check((SELECT id FROM voice_users WHERE username = 'ravi@contoso.com') = 2, 'ids go on after setval');
PREPARE add_number (text, text, text, text, text, text, text) AS
    INSERT INTO phone_numbers (e164, country, city, kind, source, activation, search_city)
    VALUES ($1, $2, $3, $4, $5, $6, $7);
EXECUTE add_number('+14255550142', 'US', 'Redmond', 'user', 'calling_plan', 'active', 'redmond');
SELECT pg_temp.check((SELECT activation FROM phone_numbers WHERE id = 1) = 'active', 'activation defaults to active');
INSERT INTO user_licences (user_id, licence) VALUES (1, 'ENTERPRISE_E5') ON CONFLICT DO NOTHING;
INSERT INTO user_licences (user_id, licence) VALUES (1, 'ENTERPRISE_E5') ON CONFLICT DO NOTHING;
INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at)
VALUES (2, 1, 1, '2026-11-20T10:00:00Z');
UPDATE voice_users SET version = version + 1 WHERE id = 2 AND version = 1;
SELECT pg_temp.check((SELECT version FROM voice_users WHERE id = 2) = 2, 'version bumps');

-- Constraints as SQLite's: checks, uniqueness, foreign keys, not null.
SELECT pg_temp.refused($$INSERT INTO voice_users (display_name, username, usage_location) VALUES ('', 'abc', 'US')$$, 'check constraint');
SELECT pg_temp.refused($$INSERT INTO voice_users (display_name, username, usage_location) VALUES ('X', 'ab', 'US')$$, 'check constraint');
SELECT pg_temp.refused($$INSERT INTO voice_users (display_name, username, usage_location) VALUES ('X', 'abc', 'USA')$$, 'check constraint');
SELECT pg_temp.refused($$INSERT INTO voice_users (display_name, username, usage_location) VALUES ('X', 'ravi@contoso.com', 'US')$$, 'duplicate key');
SELECT pg_temp.refused($$INSERT INTO phone_numbers (e164, country, city, kind, source) VALUES ('+1', 'US', 'x', 'mobile', 'calling_plan')$$, 'check constraint');
SELECT pg_temp.refused($$INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) VALUES (1, 1, 1, 'x')$$, 'duplicate key');
SELECT pg_temp.refused($$INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) VALUES (1, 99, 1, 'x')$$, 'foreign key');
SELECT pg_temp.refused($$DELETE FROM phone_numbers WHERE id = 1$$, 'foreign key');
SELECT pg_temp.refused($$INSERT INTO user_licences (user_id, licence) VALUES (1, 'NOPE')$$, 'foreign key');
SELECT pg_temp.refused($$INSERT INTO licences (code, purchased) VALUES ('X', -1)$$, 'check constraint');
SELECT pg_temp.refused($$INSERT INTO emergency_locations (description, street, city, postal_code, country) VALUES ('d', 's', 'c', 'p', 'U')$$, 'check constraint');

-- Accounts: RETURNING with ON CONFLICT, defaults, the one-time password column.
PREPARE add_account (text, text, text, text, boolean, bigint, bigint) AS
    INSERT INTO accounts (username, display_name, role, password_hash, must_change_password,
    one_time_password_issued_at, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id;
EXECUTE add_account('admin', 'Admin', 'GLOBAL_ADMIN', 'h', TRUE, 1795000000, 1795000000);
EXECUTE add_account('admin', 'Admin', 'GLOBAL_ADMIN', 'h', TRUE, 1795000000, 1795000000);
EXECUTE add_account('helpdesk', 'Help', 'HELPDESK', 'h', FALSE, NULL, 1795000000);
SELECT pg_temp.check((SELECT count(*) FROM accounts) = 2, 'ON CONFLICT DO NOTHING');
SELECT pg_temp.check((SELECT totp_last_step = 0 AND version = 1 AND totp_secret IS NULL FROM accounts WHERE username = 'admin'), 'account defaults');
SELECT pg_temp.refused($$INSERT INTO accounts (username, display_name, role, password_hash, created_at) VALUES ('x12', 'X', 'ROOT', 'h', 0)$$, 'check constraint');

-- The last Global administrator remains (0008), with SQLite's message.
SELECT pg_temp.refused($$DELETE FROM accounts WHERE username = 'admin'$$, 'the last Global administrator must remain');
SELECT pg_temp.refused($$UPDATE accounts SET role = 'VOICE_ADMIN' WHERE username = 'admin'$$, 'the last Global administrator must remain');
SELECT pg_temp.refused($$DELETE FROM accounts WHERE role = 'GLOBAL_ADMIN' OR role = 'HELPDESK'$$, 'the last Global administrator must remain');
UPDATE accounts SET role = 'GLOBAL_ADMIN' WHERE username = 'helpdesk';
UPDATE accounts SET role = 'VOICE_ADMIN', version = version + 1 WHERE username = 'admin';
UPDATE accounts SET display_name = 'Help desk' WHERE username = 'helpdesk';
SELECT pg_temp.check((SELECT count(*) FROM accounts WHERE role = 'GLOBAL_ADMIN') = 1, 'one Global admin left');

-- Sessions, throttle upsert, settings upsert, tokens, idempotency keys.
INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ('s1', 1, 1, 1);
INSERT INTO sign_in_throttle (throttle_key, label, failures, last_failure_at, locked_until)
VALUES ('k', 'admin', 1, 10, 0) ON CONFLICT (throttle_key) DO UPDATE
SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until;
INSERT INTO sign_in_throttle (throttle_key, label, failures, last_failure_at, locked_until)
VALUES ('k', 'admin', 2, 11, 99) ON CONFLICT (throttle_key) DO UPDATE
SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until;
UPDATE sign_in_throttle SET refused = refused + 1 WHERE throttle_key = 'k';
SELECT pg_temp.check((SELECT failures = 2 AND locked_until = 99 AND refused = 1 FROM sign_in_throttle), 'throttle upsert');
INSERT INTO settings (name, value) VALUES ('two_step_for_admins', 'true') ON CONFLICT (name) DO UPDATE SET value = excluded.value;
INSERT INTO settings (name, value) VALUES ('two_step_for_admins', 'false') ON CONFLICT (name) DO UPDATE SET value = excluded.value;
SELECT pg_temp.check((SELECT value = 'true' FROM settings WHERE name = 'two_step_for_admins') = FALSE, 'settings upsert');
INSERT INTO api_tokens (account_id, name, role, token_hash, created_at, expires_at)
VALUES (1, 'ci', 'HELPDESK', 't1', 1, 2) RETURNING id, account_id, name, role, created_at, expires_at, last_used_at;
SELECT pg_temp.refused($$INSERT INTO api_tokens (account_id, name, role, token_hash, created_at, expires_at) VALUES (1, '', 'USER', 't2', 1, 2)$$, 'check constraint');
INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, created_at)
VALUES (1, 'key', 'h', 1) ON CONFLICT (account_id, idempotency_key) DO NOTHING;
UPDATE idempotency_keys SET status = 200, content_type = 'application/json', body = '\x7b7d'::bytea
WHERE account_id = 1 AND idempotency_key = 'key';
INSERT INTO recovery_codes (account_id, code_hash) VALUES (1, 'c1');
INSERT INTO sign_in_challenges (token_hash, account_id, created_at) VALUES ('c', 1, 1);

-- Change sets: explicit ids, as the store names them.
INSERT INTO change_sets (id, at, actor, summary, users, undoes) VALUES (1, 1, 'admin', 'Assigned', 1, NULL);
INSERT INTO change_sets (id, at, actor, summary, users, undoes) VALUES (2, 2, 'admin', 'Undid', 1, 1);
SELECT pg_temp.refused($$INSERT INTO change_sets (id, at, actor, summary, users, undoes) VALUES (3, 3, 'admin', 'Undid again', 1, 1)$$, 'duplicate key');
INSERT INTO change_set_users (change_set, user_id, before_number, before_location, after_number, after_location, version_after)
VALUES (1, 2, NULL, NULL, '+14255550199', 1, 2);

-- The audit log: appended, never edited, deleted, replaced or truncated.
INSERT INTO audit_log (at, actor, action, target, user_name, number, change_set, user_id)
VALUES (1795000000, 'old.admin', 'NUMBER_ASSIGNED', '+1 425-555-0199', 'Ravi Patel', '+14255550199', 1, 2),
       (1795000100, 'Admin', 'SIGNED_IN', 'admin', NULL, NULL, NULL, NULL),
       (1795000200, 'admin', 'SIGNED_IN', 'admin', NULL, NULL, NULL, NULL);
SELECT pg_temp.check((SELECT before = '' AND after = '' FROM audit_log WHERE id = 1), 'audit defaults');
SELECT pg_temp.refused($$UPDATE audit_log SET actor = 'x'$$, 'the audit log is append-only');
SELECT pg_temp.refused($$UPDATE audit_log SET actor = 'x' WHERE id = 1$$, 'the audit log is append-only');
SELECT pg_temp.refused($$DELETE FROM audit_log$$, 'the audit log is append-only');
SELECT pg_temp.refused($$DELETE FROM audit_log WHERE id = 1$$, 'the audit log is append-only');
SELECT pg_temp.refused($$TRUNCATE audit_log$$, 'the audit log is append-only');
SELECT pg_temp.refused($$INSERT INTO audit_log (id, at, actor, action, target) VALUES (1, 0, 'someone-else', 'SIGNED_IN', 'x')$$, 'the audit log is append-only');
SELECT pg_temp.refused($$INSERT INTO audit_log (id, at, actor, action, target) VALUES (1, 0, 'someone-else', 'SIGNED_IN', 'x') ON CONFLICT (id) DO UPDATE SET actor = 'someone-else'$$, 'the audit log is append-only');
-- Retention's permit (0010) opens only the entries it names, never an edit.
INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (1, 1, 1, 0);
SELECT pg_temp.refused($$DELETE FROM audit_log$$, 'the audit log is append-only');
SELECT pg_temp.refused($$UPDATE audit_log SET actor = 'x' WHERE id = 1$$, 'the audit log is append-only');
SELECT pg_temp.refused($$INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (1, 1, 1, 0)$$, 'duplicate key');
SELECT pg_temp.refused($$INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (2, 1, 1, 0)$$, 'check constraint');
DELETE FROM audit_delete_permit;
-- store::audit_archive::delete_archived, in one transaction.
BEGIN;
INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (1, 1, 2, 1795000150);
DELETE FROM audit_log WHERE id BETWEEN 1 AND 2 AND at < 1795000150;
DELETE FROM audit_delete_permit;
COMMIT;
SELECT pg_temp.check((SELECT array_agg(id ORDER BY id) FROM audit_log) = ARRAY[3::bigint], 'retention deleted 1 and 2 only');
-- A permit without an id is permit 1 (SQLite: max(id) + 1 of an empty table).
INSERT INTO audit_delete_permit (first_id, last_id, before_at) VALUES (9, 9, 0);
SELECT pg_temp.check((SELECT id FROM audit_delete_permit) = 1, 'permit id defaults to 1');
DELETE FROM audit_delete_permit;
SELECT pg_temp.check((SELECT max(id) FROM audit_log) = 3, 'max(id) of the log');

-- Cascades as in SQLite.
DELETE FROM accounts WHERE username = 'admin';
SELECT pg_temp.check((SELECT count(*) FROM sessions) + (SELECT count(*) FROM api_tokens)
    + (SELECT count(*) FROM idempotency_keys) + (SELECT count(*) FROM recovery_codes)
    + (SELECT count(*) FROM sign_in_challenges) = 0, 'an account''s rows go with it');
DELETE FROM voice_users WHERE id = 2;
SELECT pg_temp.check((SELECT count(*) FROM number_assignments) + (SELECT count(*) FROM change_set_users) = 0,
    'a user''s assignment and history go with them');

-- lower() and ordering are SQLite's: ASCII-only lower case, byte order.
UPDATE voice_users SET display_name = 'ZOË MÜLLER' WHERE id = 1;
SELECT pg_temp.check((SELECT lower(display_name) FROM voice_users WHERE id = 1) = 'zoË mÜller',
    'lower() of a column is ASCII-only, as SQLite''s');
SELECT pg_temp.check(('~' COLLATE "C") > '+99' AND chr(1114111) > ('zz' COLLATE "C"), 'sentinels sort last');
SELECT pg_temp.check((SELECT e164 < '~' FROM phone_numbers WHERE id = 1), 'a number sorts before ''~''');
SQL

say "the trigram indexes answer the searches (EXPLAIN, sequential scans off)"
run -f - <<'SQL' || die "an EXPLAIN failed"
SET enable_seqscan = off;
PREPARE user_search (text) AS SELECT id FROM voice_users u WHERE u.search_name LIKE $1 ESCAPE '\' LIMIT 1001;
PREPARE city_search (text) AS SELECT id FROM phone_numbers n WHERE n.search_city LIKE $1 ESCAPE '\';
PREPARE digit_search (text) AS SELECT id FROM phone_numbers n WHERE n.e164 LIKE '%' || $1 || '%';
PREPARE audit_search (text, text) AS SELECT id FROM audit_log WHERE lower(actor) LIKE $1 ESCAPE '\'
    OR lower(target) LIKE $1 ESCAPE '\' OR lower(COALESCE(user_name, '')) LIKE $1 ESCAPE '\'
    OR COALESCE(number, '') LIKE $2 ESCAPE '\';
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE user_search('%müller%');
EXPLAIN (COSTS OFF) EXECUTE city_search('%redm%');
EXPLAIN (COSTS OFF) EXECUTE digit_search('5550');
EXPLAIN (COSTS OFF) EXECUTE audit_search('%admin%', '%5550%');
EXECUTE user_search('%müller%');
EXECUTE city_search('%redm%');
EXECUTE digit_search('5550');
SQL
plans=$(run -At -f - <<'SQL'
SET enable_seqscan = off;
SET plan_cache_mode = force_generic_plan;
PREPARE user_search (text) AS SELECT id FROM voice_users u WHERE u.search_name LIKE $1 ESCAPE '\';
PREPARE city_search (text) AS SELECT id FROM phone_numbers n WHERE n.search_city LIKE $1 ESCAPE '\';
PREPARE digit_search (text) AS SELECT id FROM phone_numbers n WHERE n.e164 LIKE $1 ESCAPE '\';
PREPARE audit_search (text, text) AS SELECT id FROM audit_log WHERE lower(actor) LIKE $1 ESCAPE '\'
    OR lower(target) LIKE $1 ESCAPE '\' OR lower(COALESCE(user_name, '')) LIKE $1 ESCAPE '\'
    OR COALESCE(number, '') LIKE $2 ESCAPE '\';
EXPLAIN (COSTS OFF) EXECUTE user_search('%müller%');
EXPLAIN (COSTS OFF) EXECUTE city_search('%redm%');
EXPLAIN (COSTS OFF) EXECUTE digit_search('%5550%');
EXPLAIN (COSTS OFF) EXECUTE audit_search('%admin%', '%5550%');
SQL
)
for index in voice_users_search_name_trgm phone_numbers_search_city_trgm phone_numbers_e164_trgm \
  audit_log_actor_trgm audit_log_target_trgm audit_log_user_name_trgm audit_log_number_trgm; do
  grep -q "Bitmap Index Scan on $index" <<<"$plans" || die "no plan uses $index:
$plans"
done

say "schema summary"
run -f - <<'SQL'
\pset footer off
SELECT c.table_name AS "table",
       string_agg(c.column_name || ' ' || c.data_type
                  || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END
                  || CASE WHEN c.is_identity = 'YES' THEN ' identity' ELSE '' END
                  || COALESCE(' = ' || c.column_default, ''), E'\n' ORDER BY c.ordinal_position) AS columns
FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
GROUP BY c.table_name ORDER BY c.table_name;
SELECT tablename AS "table", indexname AS index, regexp_replace(indexdef, '^.* USING ', '') AS definition
FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname;
SELECT conrelid::regclass AS "table", conname AS constraint, pg_get_constraintdef(oid) AS definition
FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('c', 'f', 'u')
ORDER BY conrelid::regclass::text, conname;
SELECT tgrelid::regclass AS "table", tgname AS trigger, tgfoid::regproc AS function
FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2;
SQL

if command -v python3 >/dev/null; then
  say "the schema against SQLite's (scripts/pg-compare-schema.py)"
  python3 scripts/pg-compare-schema.py "$server_url" </dev/null || die "the schemas differ"
fi
say "all $(ls server/migrations/postgres/*.sql | wc -l) migrations apply and behave"
