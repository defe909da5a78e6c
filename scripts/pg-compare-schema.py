#!/usr/bin/env python3
"""Compares server/migrations/postgres with server/migrations (SQLite).

    python3 scripts/pg-compare-schema.py SERVER_URL

SERVER_URL is a PostgreSQL server a superuser can reach (scripts/pg.sh
start prints one). The script creates a database there (dropping an old
one of the same name), then applies the two migration sets side by side,
SQLite's to a temporary file, one version at a time, and after each
compares the schemas: tables, columns (type, NOT NULL, default, identity),
primary keys, unique constraints, foreign keys (ON DELETE), the number of
CHECKs, named indexes (columns or expressions, uniqueness, WHERE) and
triggers. Last, it runs the same statements on both databases and compares
what each did: the rows read, or the kind of error (unique, check, foreign
key, not null) and a trigger's message.

The differences the PostgreSQL set makes on purpose are listed in EXPECTED
and not reported. Exit status 1 when anything else differs.

Needs psql on PATH and python3's sqlite3 with FTS5 (the SQLite set uses it).
"""

import os
import re
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SQLITE_DIR = os.path.join(ROOT, "server", "migrations", "sqlite")
PG_DIR = os.path.join(ROOT, "server", "migrations", "postgres")
DATABASE = "switchboard_compare"

# SQLite objects with no PostgreSQL counterpart, by design: FTS5 tables (and
# their shadow tables) and the triggers that keep them in step.
FTS_TABLES = {"voice_user_search", "phone_number_search", "audit_search"}
FTS_TRIGGERS = {
    "voice_users_search_insert", "voice_users_search_delete", "voice_users_search_update",
    "phone_numbers_search_insert", "phone_numbers_search_delete", "phone_numbers_search_update",
    "audit_log_search_insert", "audit_log_search_delete",
}
# PostgreSQL objects with no SQLite counterpart, by design.
PG_ONLY_INDEXES = {
    "voice_users_search_name_trgm", "phone_numbers_e164_trgm", "phone_numbers_search_city_trgm",
    "audit_log_actor_trgm", "audit_log_target_trgm", "audit_log_user_name_trgm",
    "audit_log_number_trgm",
}
# audit_log_notify: NOTIFY of a new entry, for the other servers (0016).
PG_ONLY_TRIGGERS = {"audit_log_no_truncate", "audit_log_notify"}
# INTEGER PRIMARY KEY columns that are not identities on PostgreSQL: a key
# that is always another table's id, and the one-row permit (default 1).
NOT_IDENTITY = {("number_assignments", "user_id"), ("audit_delete_permit", "id")}
EXPECTED_DEFAULTS = {("audit_delete_permit", "id"): "1"}

TYPES = {"INTEGER": "bigint", "BIGINT": "bigint", "TEXT": "text", "BOOLEAN": "boolean", "BLOB": "bytea"}


def psql(url, sql, single_transaction=False, file=None):
    """Runs `sql` (or `file`); returns (rows as lists of fields, error)."""
    args = ["psql", url, "-X", "-q", "-A", "-t", "-F", "\x1f", "-v", "ON_ERROR_STOP=1",
            "-v", "VERBOSITY=verbose"]
    if single_transaction:
        args.append("--single-transaction")
    args += ["-f", file] if file else ["-c", sql]
    done = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        return None, done.stderr.strip()
    rows = [line.split("\x1f") for line in done.stdout.splitlines() if line != ""]
    return rows, None


def pg_query(url, sql):
    rows, error = psql(url, sql)
    if error:
        sys.exit(f"pg-compare-schema: {sql}\n{error}")
    return rows


def norm(text):
    """An expression, column list or default as both spell it."""
    if text is None:
        return None
    text = text.lower()
    text = re.sub(r"::(text|bigint|integer|boolean)", "", text)
    text = re.sub(r'collate\s+"?c"?', "", text)
    return re.sub(r"[\s()]", "", text)


def index_parts(sql):
    """(columns or expressions, WHERE) of a CREATE INDEX statement."""
    m = re.search(r"\bON\s+\S+\s*(?:USING\s+\w+\s*)?\((.*)$", sql, re.S | re.I)
    body = m.group(1)
    depth, cut = 1, None
    for i, c in enumerate(body):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0:
            cut = i
            break
    columns, rest = body[:cut], body[cut + 1:]
    where = re.search(r"\bWHERE\b(.*)$", rest, re.S | re.I)
    return norm(columns), norm(where.group(1)) if where else None


def sqlite_schema(db):
    tables = {}
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    shadows = {f"{t}_{s}" for t in FTS_TABLES for s in ("data", "idx", "docsize", "config", "content")}
    for t in names:
        if t in FTS_TABLES or t in shadows or t.startswith("_sqlx"):
            continue
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
        info = db.execute(f"PRAGMA table_info({t})").fetchall()
        pk = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        rowid_alias = len(pk) == 1 and any(r[1] == pk[0] and r[2].upper() == "INTEGER" for r in info) \
            and "WITHOUT ROWID" not in sql.upper()
        columns = {}
        for _, name, decl, notnull, default, _ in info:
            identity = rowid_alias and name == pk[0] and (t, name) not in NOT_IDENTITY
            columns[name] = {
                "type": TYPES[decl.upper()],
                "not null": bool(notnull) or name in pk,
                "default": EXPECTED_DEFAULTS.get((t, name), norm(default)),
                "identity": identity,
            }
        uniques = set()
        indexes = {}
        for _, iname, unique, origin, partial in db.execute(f"PRAGMA index_list({t})"):
            cols = tuple(r[2] for r in db.execute(f"PRAGMA index_info({iname})"))
            if origin == "u":
                uniques.add(cols)
            elif origin == "c":
                isql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (iname,)).fetchone()[0]
                indexes[iname] = (bool(unique),) + index_parts(isql)
        fks = set()
        grouped = {}
        for fid, _, table, src, dst, _, on_delete, _ in db.execute(f"PRAGMA foreign_key_list({t})"):
            grouped.setdefault(fid, [table, [], [], on_delete])
            grouped[fid][1].append(src)
            grouped[fid][2].append(dst)
        for table, src, dst, on_delete in grouped.values():
            fks.add((tuple(src), table, tuple(dst), on_delete.upper()))
        checks = len(re.findall(r"\bCHECK\s*\(", sql, re.I))
        tables[t] = {"columns": columns, "pk": tuple(pk), "unique": uniques, "indexes": indexes,
                     "fks": fks, "checks": checks}
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return tables, triggers - FTS_TRIGGERS


def pg_schema(url):
    tables = {}
    for t, in pg_query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                            "AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_sqlx%' ORDER BY 1"):
        tables[t] = {"columns": {}, "pk": (), "unique": set(), "indexes": {}, "fks": set(), "checks": 0,
                     "collations": set()}
    for t, name, dtype, nullable, default, identity, collation in pg_query(
            url, "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, "
                 "COALESCE(collation_name, '') FROM information_schema.columns "
                 "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"):
        if t not in tables:
            continue
        tables[t]["columns"][name] = {
            "type": dtype, "not null": nullable == "NO", "default": norm(default) if default else None,
            "identity": identity == "YES",
        }
        if dtype == "text":
            tables[t]["collations"].add(collation)
    for t, kind, cols, ftable, fcols, on_delete in pg_query(
            url, "SELECT c.conrelid::regclass::text, c.contype, "
                 "(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n) "
                 " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att), "
                 "COALESCE(c.confrelid::regclass::text, ''), "
                 "COALESCE((SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) "
                 " WITH ORDINALITY k(att, n) JOIN pg_attribute a ON a.attrelid = c.confrelid "
                 " AND a.attnum = k.att), ''), c.confdeltype "
                 "FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace"):
        entry = tables[t]
        if kind == "p":
            entry["pk"] = tuple(cols.split(","))
        elif kind == "u":
            entry["unique"].add(tuple(cols.split(",")))
        elif kind == "c":
            entry["checks"] += 1
        elif kind == "f":
            action = {"a": "NO ACTION", "c": "CASCADE", "r": "RESTRICT", "n": "SET NULL", "d": "SET DEFAULT"}
            entry["fks"].add((tuple(cols.split(",")), ftable, tuple(fcols.split(",")), action[on_delete]))
    for t, name, unique, constraint, sql in pg_query(
            url, "SELECT t.relname, i.relname, x.indisunique, "
                 "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid), pg_get_indexdef(i.oid) "
                 "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                 "WHERE t.relnamespace = 'public'::regnamespace"):
        if constraint == "t" or name in PG_ONLY_INDEXES:
            continue
        tables[t]["indexes"][name] = (unique == "t",) + index_parts(sql)
    triggers = {r[0] for r in pg_query(url, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
    return tables, triggers - PG_ONLY_TRIGGERS


def compare(lite, pg):
    problems = []
    (lt, ltrig), (pt, ptrig) = lite, pg
    for t in sorted(set(lt) | set(pt)):
        if t not in pt:
            problems.append(f"table {t}: missing on PostgreSQL")
            continue
        if t not in lt:
            problems.append(f"table {t}: only on PostgreSQL")
            continue
        a, b = lt[t], pt[t]
        if list(a["columns"]) != list(b["columns"]):
            problems.append(f"{t}: columns {list(a['columns'])} vs {list(b['columns'])}")
        for c in a["columns"]:
            if c in b["columns"] and a["columns"][c] != b["columns"][c]:
                problems.append(f"{t}.{c}: {a['columns'][c]} vs {b['columns'][c]}")
        for key in ("pk", "unique", "fks", "checks"):
            if a[key] != b[key]:
                problems.append(f"{t}: {key} {a[key]} vs {b[key]}")
        for i in sorted(set(a["indexes"]) | set(b["indexes"])):
            x, y = a["indexes"].get(i), b["indexes"].get(i)
            if x != y:
                problems.append(f"{t}: index {i} (unique, columns, where) {x} vs {y}")
        if b["collations"] - {"C"}:
            problems.append(f"{t}: text columns not COLLATE \"C\": {b['collations']}")
    if ltrig != ptrig:
        problems.append(f"triggers: SQLite {sorted(ltrig)} vs PostgreSQL {sorted(ptrig)}")
    return problems


# Statements run on both, in order, after every migration. A pair is
# (SQLite's spelling, PostgreSQL's) where the two can't share one (None: the
# same); a third part says why the outcomes differ, as expected.
CASES = [
    "INSERT INTO licences (code, purchased) VALUES ('PHONE_SYSTEM', 10), ('ENTERPRISE_E5', 10)",
    "INSERT INTO licences (code, purchased) VALUES ('X', -1)",
    "INSERT INTO emergency_locations (description, street, city, state, postal_code, country, validated) "
    "VALUES ('Redmond HQ', '1 Microsoft Way', 'Redmond', 'WA', '98052', 'US', TRUE) RETURNING id",
    "INSERT INTO emergency_locations (description, street, city, postal_code, country) "
    "VALUES ('Bellevue', '2 Main St', 'Bellevue', '98004', 'USA')",
    "INSERT INTO voice_users (display_name, username, usage_location, search_name) VALUES "
    "('ZOË MÜLLER', 'zoe.mueller@contoso.com', 'DE', 'zoë müller'), "
    "('Émile Zola', 'emile@contoso.com', 'FR', 'émile zola'), "
    "('zed', 'zed@contoso.com', 'US', 'zed'), ('~tilde', 'tilde@contoso.com', 'US', '~tilde'), "
    "('Bob', 'bob@contoso.com', 'US', 'bob') RETURNING id, version",
    "INSERT INTO voice_users (id, display_name, username, usage_location) VALUES (100, 'Ravi', 'ravi@contoso.com', 'US')",
    "INSERT INTO voice_users (display_name, username, usage_location) VALUES ('X', 'bob@contoso.com', 'US')",
    "INSERT INTO voice_users (display_name, username, usage_location) VALUES ('', 'abc', 'US')",
    "INSERT INTO voice_users (display_name, username, usage_location) VALUES ('X', 'ab', 'US')",
    "INSERT INTO voice_users (display_name, username, usage_location) VALUES ('X', 'abc', 'USA')",
    "INSERT INTO voice_users (display_name, username, usage_location) VALUES (NULL, 'abc', 'US')",
    "SELECT id, display_name, lower(display_name), version, search_name FROM voice_users ORDER BY display_name, id",
    "SELECT id FROM voice_users ORDER BY lower(display_name) DESC, id DESC",
    "SELECT id FROM voice_users WHERE lower(username) = lower('BOB@contoso.com')",
    "SELECT id FROM voice_users WHERE search_name LIKE '%ü%' ESCAPE '\\'",
    "INSERT INTO user_licences (user_id, licence) VALUES (1, 'ENTERPRISE_E5') ON CONFLICT DO NOTHING",
    "INSERT INTO user_licences (user_id, licence) VALUES (1, 'ENTERPRISE_E5') ON CONFLICT DO NOTHING",
    "INSERT INTO user_licences (user_id, licence) VALUES (1, 'NOPE')",
    "INSERT INTO phone_numbers (e164, country, city, kind, source, search_city) VALUES "
    "('+14255550199', 'US', 'Redmond', 'user', 'direct_routing', 'redmond'), "
    "('+14255550142', 'US', 'Redmond', 'user', 'calling_plan', 'redmond')",
    "INSERT INTO phone_numbers (e164, country, city, kind, source) VALUES ('+1', 'US', 'x', 'mobile', 'calling_plan')",
    "INSERT INTO phone_numbers (e164, country, city, kind, source) VALUES ('+14255550199', 'US', 'x', 'user', 'calling_plan')",
    "SELECT id, e164, activation, blocked_until, search_city FROM phone_numbers ORDER BY COALESCE(e164, '~') DESC",
    "SELECT e164 FROM phone_numbers WHERE e164 LIKE '%5550%' AND search_city LIKE 'redm%' ORDER BY e164",
    "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) VALUES (1, 1, 1, '2026-11-20T10:00:00Z')",
    "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) VALUES (2, 1, 1, 'x')",
    "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) VALUES (2, 99, 1, 'x')",
    "DELETE FROM phone_numbers WHERE id = 1",
    "DELETE FROM emergency_locations WHERE id = 1",
    "UPDATE voice_users SET version = version + 1 WHERE id = 1 AND version = 1",
    "INSERT INTO accounts (username, display_name, role, password_hash, must_change_password, created_at) "
    "VALUES ('admin', 'Admin', 'GLOBAL_ADMIN', 'h', TRUE, 1795000000) RETURNING id, version, totp_last_step",
    "INSERT INTO accounts (username, display_name, role, password_hash, created_at) VALUES ('x12', 'X', 'ROOT', 'h', 0)",
    "DELETE FROM accounts WHERE username = 'admin'",
    "UPDATE accounts SET role = 'VOICE_ADMIN' WHERE username = 'admin'",
    ("INSERT INTO accounts (username, display_name, role, password_hash, created_at) "
     "VALUES ('second', 'Second', 'GLOBAL_ADMIN', 'h', 1) RETURNING id",
     None,
     "a sequence is not transactional: the refused insert above used up id 2 on PostgreSQL; "
     "SQLite hands out max(id) + 1"),
    "UPDATE accounts SET role = 'VOICE_ADMIN', version = version + 1 WHERE username = 'admin'",
    "DELETE FROM accounts WHERE username = 'second'",
    "SELECT username, role, version, one_time_password_issued_at FROM accounts ORDER BY username",
    "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ('s1', 1, 1, 1)",
    "INSERT INTO sign_in_throttle (throttle_key, label, failures, last_failure_at, locked_until) "
    "VALUES ('k', 'admin', 2, 11, 99) ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures",
    "INSERT INTO sign_in_throttle (throttle_key, label, failures, last_failure_at, locked_until) "
    "VALUES ('k', 'admin', 3, 12, 99) ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures",
    "SELECT throttle_key, failures, last_failure_at, locked_until, refused, label FROM sign_in_throttle",
    "INSERT INTO api_tokens (account_id, name, role, token_hash, created_at, expires_at) "
    "VALUES (1, 'ci', 'HELPDESK', 't1', 1, 2) RETURNING id, last_used_at",
    "INSERT INTO api_tokens (account_id, name, role, token_hash, created_at, expires_at) "
    "VALUES (1, '', 'HELPDESK', 't2', 1, 2)",
    ("INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, status, body, created_at) "
     "VALUES (1, 'k', 'h', 200, X'7b7d', 1)",
     "INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, status, body, created_at) "
     "VALUES (1, 'k', 'h', 200, '\\x7b7d'::bytea, 1)"),
    ("SELECT hex(body) FROM idempotency_keys", "SELECT upper(encode(body, 'hex')) FROM idempotency_keys"),
    "INSERT INTO change_sets (id, at, actor, summary, users, undoes) VALUES (1, 1, 'admin', 'Assigned', 1, NULL)",
    "INSERT INTO change_sets (id, at, actor, summary, users, undoes) VALUES (2, 2, 'admin', 'Undid', 1, 1)",
    "INSERT INTO change_sets (id, at, actor, summary, users, undoes) VALUES (3, 3, 'admin', 'Again', 1, 1)",
    "INSERT INTO change_set_users (change_set, user_id, after_number, after_location, version_after) "
    "VALUES (1, 1, '+14255550199', 1, 2)",
    "INSERT INTO audit_log (at, actor, action, target, user_name, number, change_set, user_id) VALUES "
    "(1795000000, 'old.admin', 'NUMBER_ASSIGNED', '+1 425-555-0199', 'Ravi Patel', '+14255550199', 1, 1), "
    "(1795000100, 'admin', 'SIGNED_IN', 'admin', NULL, NULL, NULL, NULL), "
    "(1795000200, 'admin', 'SIGNED_IN', 'admin', NULL, NULL, NULL, NULL) RETURNING id",
    "UPDATE audit_log SET actor = 'x'",
    "UPDATE audit_log SET actor = 'x' WHERE id = 99",
    "DELETE FROM audit_log WHERE id = 1",
    "INSERT INTO audit_log (id, at, actor, action, target) VALUES (1, 0, 'someone-else', 'SIGNED_IN', 'x')",
    "INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (1, 1, 2, 1795000150)",
    "INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (2, 1, 2, 1795000150)",
    "DELETE FROM audit_log WHERE id = 3",
    "UPDATE audit_log SET actor = 'x' WHERE id = 1",
    "DELETE FROM audit_log WHERE id BETWEEN 1 AND 2 AND at < 1795000150",
    "DELETE FROM audit_delete_permit",
    "DELETE FROM audit_log WHERE id = 3",
    "SELECT id, at, actor, action, target, user_name, number, before, after, change_set, user_id FROM audit_log",
    "SELECT max(id) FROM audit_log",
    "SELECT id FROM audit_log WHERE lower(actor) LIKE '%adm%' ESCAPE '\\' OR COALESCE(number, '') LIKE '%5550%'",
    "DELETE FROM accounts WHERE username = 'admin'",
    "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM api_tokens) + (SELECT count(*) FROM idempotency_keys)",
    "DELETE FROM voice_users WHERE id = 1",
    "SELECT (SELECT count(*) FROM number_assignments) + (SELECT count(*) FROM change_set_users) "
    "+ (SELECT count(*) FROM user_licences)",
]

# The upgrade pass: data written between migrations, on both, so that the
# later migrations' data steps (0007's UPDATE, 0009's DELETE, the search
# columns and indexes over existing rows) run on rows; every table is then
# compared row by row.
SEED_AFTER = {
    "0003_audit_append_only.sql": [
        "INSERT INTO licences (code, purchased) VALUES ('ENTERPRISE_E5', 10)",
        "INSERT INTO voice_users (id, display_name, username, usage_location) VALUES "
        "(1, 'Zoë Müller', 'zoe.mueller@contoso.com', 'DE'), (2, 'Ravi Patel', 'ravi@contoso.com', 'US')",
        "INSERT INTO user_licences (user_id, licence) VALUES (1, 'ENTERPRISE_E5'), (2, 'ENTERPRISE_E5')",
        "INSERT INTO emergency_locations (id, description, street, city, state, postal_code, country, validated) "
        "VALUES (1, 'Redmond HQ', '1 Microsoft Way', 'Redmond', 'WA', '98052', 'US', TRUE)",
        "INSERT INTO phone_numbers (id, e164, country, city, kind, source) VALUES "
        "(1, '+14255550199', 'US', 'Redmond', 'user', 'direct_routing'), "
        "(2, '+14255550142', 'US', 'Redmond', 'user', 'direct_routing')",
        "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) "
        "VALUES (2, 1, 1, '2026-11-20T10:00:00Z')",
        "INSERT INTO audit_log (at, actor, action, target, user_name, number) VALUES "
        "(1795000000, 'old.admin', 'NUMBER_ASSIGNED', '+1 425-555-0199', 'Ravi Patel', '+14255550199')",
        "INSERT INTO accounts (username, display_name, role, password_hash, must_change_password, created_at) "
        "VALUES ('admin', 'Admin', 'GLOBAL_ADMIN', 'h', TRUE, 1794000000), "
        "('helpdesk', 'Help', 'HELPDESK', 'h', FALSE, 1794000100)",
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ('s', 1, 1, 2)",
        "INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at) VALUES ('account:admin', 3, 5)",
    ],
    "0006_change_sets.sql": [
        "INSERT INTO change_sets (id, at, actor, summary, users) VALUES (1, 1795000000, 'admin', 'Assigned', 1)",
        "INSERT INTO change_set_users (change_set, user_id, after_number, after_location, version_after) "
        "VALUES (1, 2, '+14255550199', 1, 2)",
        "INSERT INTO audit_log (at, actor, action, target, change_set) "
        "VALUES (1795000001, 'admin', 'NUMBER_ASSIGNED', 'x', 1)",
    ],
}


def dump_sqlite(db, table, columns):
    cols = ", ".join(f"CAST({c} AS INTEGER)" if t == "boolean" else
                     f"hex({c})" if t == "bytea" else c for c, t in columns)
    return [[norm_value(v) for v in r]
            for r in db.execute(f"SELECT {cols} FROM {table} ORDER BY {', '.join(str(i + 1) for i in range(len(columns)))}")]


def dump_pg(url, table, columns):
    cols = ", ".join(f"CAST({c} AS INTEGER)" if t == "boolean" else
                     f"upper(encode({c}, 'hex'))" if t == "bytea" else c for c, t in columns)
    rows, error = psql(url, f"SELECT {cols} FROM {table} ORDER BY {', '.join(str(i + 1) for i in range(len(columns)))}")
    if error:
        sys.exit(f"pg-compare-schema: {error}")
    return rows


def upgrade_pass(url, tmp, files):
    """Migrates both with data seeded between versions; the rows that differ."""
    db = sqlite3.connect(os.path.join(tmp, "upgrade.db"), isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    for name in files:
        with open(os.path.join(SQLITE_DIR, name)) as f:
            db.executescript(f.read())
        _, error = psql(url, None, single_transaction=True, file=os.path.join(PG_DIR, name))
        if error:
            sys.exit(f"pg-compare-schema: {name} failed on PostgreSQL:\n{error}")
        for sql in SEED_AFTER.get(name, []):
            a, b = outcome_sqlite(db, sql), outcome_pg(url, sql)
            if a[0] != "rows" or b[0] != "rows":
                sys.exit(f"pg-compare-schema: seeding after {name}: {sql}\n    {a}\n    {b}")
    problems = []
    schema, _ = pg_schema(url)
    for table in sorted(schema):
        columns = [(c, v["type"]) for c, v in schema[table]["columns"].items()]
        a, b = dump_sqlite(db, table, columns), dump_pg(url, table, columns)
        if a != b:
            problems.append(f"{table}: SQLite {a} vs PostgreSQL {b}")
    return problems


PG_ERRORS = {"23505": "unique", "23514": "check", "23503": "foreign key", "23502": "not null"}


def outcome_sqlite(db, sql):
    try:
        rows = db.execute(sql).fetchall()
        return "rows", [[norm_value(v) for v in r] for r in rows]
    except sqlite3.Error as e:
        text = str(e)
        for kind in ("UNIQUE", "CHECK", "FOREIGN KEY", "NOT NULL"):
            if text.startswith(f"{kind} constraint failed"):
                return "error", kind.lower()
        return "error", text


def outcome_pg(url, sql):
    rows, error = psql(url, sql)
    if error is None:
        return "rows", [[norm_value(v) for v in r] for r in rows]
    m = re.search(r"ERROR:\s+(\w{5}): (.*)", error)
    if not m:
        return "error", error
    return "error", PG_ERRORS.get(m.group(1), m.group(2).strip())


def norm_value(v):
    return "" if v is None else str(v)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    server = sys.argv[1]
    base = server.rsplit("/", 1)[0]
    pg_query(server, f"DROP DATABASE IF EXISTS {DATABASE}")
    pg_query(server, f"CREATE DATABASE {DATABASE}")
    url = f"{base}/{DATABASE}"

    lite_files = sorted(f for f in os.listdir(SQLITE_DIR) if f.endswith(".sql"))
    pg_files = sorted(f for f in os.listdir(PG_DIR) if f.endswith(".sql"))
    if lite_files != pg_files:
        sys.exit(f"pg-compare-schema: the sets differ by name:\n  {lite_files}\n  {pg_files}")

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(os.path.join(tmp, "switchboard.db"), isolation_level=None)
        db.execute("PRAGMA foreign_keys = ON")
        for name in lite_files:
            with open(os.path.join(SQLITE_DIR, name)) as f:
                db.execute("BEGIN")
                db.executescript(f.read())
                db.execute("COMMIT") if db.in_transaction else None
            _, error = psql(url, None, single_transaction=True, file=os.path.join(PG_DIR, name))
            if error:
                sys.exit(f"pg-compare-schema: {name} failed on PostgreSQL:\n{error}")
            problems = compare(sqlite_schema(db), pg_schema(url))
            print(f"{name}: {'same schema' if not problems else 'DIFFERS'}")
            for p in problems:
                print(f"    {p}")
            failed |= bool(problems)

        differ = expected = 0
        for case in CASES:
            case = case if isinstance(case, tuple) else (case,)
            lite_sql, pg_sql, why = (case + (None, None))[:3]
            pg_sql = pg_sql or lite_sql
            a, b = outcome_sqlite(db, lite_sql), outcome_pg(url, pg_sql)
            if a != b and why:
                expected += 1
                print(f"differs, as expected: {pg_sql}\n    SQLite:     {a}\n    PostgreSQL: {b}"
                      f"\n    because {why}")
            elif a != b:
                differ += 1
                print(f"DIFFERS: {pg_sql}\n    SQLite:     {a}\n    PostgreSQL: {b}")
            elif why:
                print(f"(no longer differs: {pg_sql})")
        print(f"{len(CASES) - differ - expected} of {len(CASES)} statements did the same on both, "
              f"{expected} differed as expected, {differ} otherwise")
        failed |= differ > 0
        pg_query(server, f"DROP DATABASE {DATABASE}")
        pg_query(server, f"CREATE DATABASE {DATABASE}")
        problems = upgrade_pass(url, tmp, lite_files)
        print(f"upgrade with data: {'same rows in every table' if not problems else 'DIFFERS'}")
        for p in problems:
            print(f"    {p}")
        failed |= bool(problems)
    pg_query(server, f"DROP DATABASE {DATABASE}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
