//! Whole-database snapshots: every row of the tables, read straight from
//! the database, to prove a call changed exactly what it should.

use app::store::Dialect;

use super::harness::{store_under_test, TestApp};

/// Every table the application writes: the organisation's state first,
/// then sessions and the sign-in throttle.
pub const ALL_TABLES: [&str; 20] = [
    "licences",
    "voice_users",
    "user_licences",
    "emergency_locations",
    "phone_numbers",
    "number_assignments",
    "change_sets",
    "change_set_users",
    "provisioning_jobs",
    "drift_checks",
    "drift_findings",
    "accounts",
    "recovery_codes",
    "settings",
    "api_tokens",
    "audit_log",
    "sessions",
    "sign_in_throttle",
    "sign_in_challenges",
    "idempotency_keys",
];

/// The tables whose rows make up the organisation's state: not sessions,
/// the sign-in throttle or second-step challenges, which sign-ins change,
/// nor the answers kept for retries.
pub const STATE_TABLES: &[&str] = ALL_TABLES.split_at(16).0;

/// Every row of each table, as text, by table name.
pub type Snapshot = std::collections::BTreeMap<&'static str, String>;

/// The tables whose rows differ between two snapshots, in the order of
/// `ALL_TABLES`.
pub fn changed_tables(before: &Snapshot, after: &Snapshot) -> Vec<&'static str> {
    ALL_TABLES
        .into_iter()
        .filter(|t| before.get(t) != after.get(t))
        .collect()
}

impl TestApp {
    /// Every row of the state tables.
    pub async fn snapshot(&self) -> Snapshot {
        self.snapshot_of(STATE_TABLES).await
    }

    /// Every row of `tables`.
    pub async fn snapshot_of(&self, tables: &[&'static str]) -> Snapshot {
        let (columns_of, quote, newline) = match store_under_test() {
            Dialect::Sqlite => (
                "SELECT name FROM pragma_table_info($1)",
                "quote",
                "char(10)",
            ),
            Dialect::Postgres => (
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 ORDER BY ordinal_position",
                "quote_nullable",
                "chr(10)",
            ),
        };
        let mut snapshot = Snapshot::new();
        for &table in tables {
            let columns: Vec<String> = sqlx::query_scalar(columns_of)
                .bind(table)
                .fetch_all(&self.pool)
                .await
                .expect("reading the table's columns");
            assert!(!columns.is_empty(), "there is no table {table}");
            let row = columns
                .iter()
                .map(|c| format!("{quote}(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let sql = format!(
                "SELECT COALESCE(string_agg(r, {newline} ORDER BY r), '') \
                 FROM (SELECT {row} AS r FROM {table}) AS t"
            );
            let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .fetch_one(&self.pool)
                .await
                .expect("reading the table");
            snapshot.insert(table, rows);
        }
        snapshot
    }

    /// Panics, naming `what`, if any table of `before` differs now.
    pub async fn assert_unchanged(&self, before: &Snapshot, what: &str) {
        let tables: Vec<&'static str> = before.keys().copied().collect();
        let changed = changed_tables(before, &self.snapshot_of(&tables).await);
        assert_eq!(changed, Vec::<&str>::new(), "{what}: nothing changes");
    }
}
