//! Reading (and, to arrange a test, changing) the database directly,
//! independently of the server's own queries.

use app::store::Dialect;

use super::harness::{store_under_test, TestApp};

impl TestApp {
    /// The one number an SQL query returns, e.g. `SELECT COUNT(*) FROM ...`.
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(&self.pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Runs SQL that arranges a test; how many rows it changed.
    pub async fn execute(&self, sql: &str) -> u64 {
        sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&self.pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .rows_affected()
    }

    /// A number of the inventory chosen by an SQL condition on `phone_numbers n`.
    pub async fn number_where(&self, condition: &str) -> String {
        self.numbers_where(condition, 1)
            .await
            .pop()
            .unwrap_or_else(|| panic!("the demo inventory has no number where {condition}"))
    }

    /// Up to `limit` numbers of the inventory where `condition`, in order.
    pub async fn numbers_where(&self, condition: &str, limit: i64) -> Vec<String> {
        let sql = format!(
            "SELECT n.e164 FROM phone_numbers n WHERE {condition} ORDER BY n.e164 LIMIT {limit}"
        );
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await
            .expect("querying the inventory")
    }

    /// A free, active, unblocked user number of `source` in `country`.
    pub async fn free_number(&self, country: &str, source: &str) -> String {
        self.number_where(&format!(
            "n.country = '{country}' AND n.source = '{source}' AND n.kind = 'user' \
             AND n.activation = 'active' AND n.blocked_until IS NULL \
             AND n.id NOT IN (SELECT number_id FROM number_assignments)"
        ))
        .await
    }

    pub async fn in_inventory(&self, e164: &str) -> bool {
        self.count(&format!(
            "SELECT COUNT(*) FROM phone_numbers WHERE e164 = '{e164}'"
        ))
        .await
            > 0
    }

    /// The first `count` valid US numbers from +1 425 555 0300 on that are
    /// not in the organisation's inventory.
    pub async fn numbers_not_in_inventory(&self, count: usize) -> Vec<String> {
        let mut found = Vec::new();
        for n in 300..400 {
            let e164 = format!("+1425555{n:04}");
            if !self.in_inventory(&e164).await {
                found.push(e164);
            }
            if found.len() == count {
                return found;
            }
        }
        panic!("fewer than {count} candidate numbers are outside the inventory");
    }

    /// A voice user's version as stored.
    pub async fn stored_version(&self, user_id: i64) -> i64 {
        self.count(&format!(
            "SELECT version FROM voice_users WHERE id = {user_id}"
        ))
        .await
    }

    /// The emergency location of a user's assignment as stored, if any.
    pub async fn stored_location(&self, user_id: i64) -> Option<i64> {
        sqlx::query_scalar("SELECT location_id FROM number_assignments WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await
            .expect("querying the assignments")
    }

    /// The id of whoever holds `e164` in the database.
    pub async fn holder_of(&self, e164: &str) -> Option<i64> {
        sqlx::query_scalar(
            "SELECT a.user_id FROM number_assignments a \
             JOIN phone_numbers n ON n.id = a.number_id WHERE n.e164 = $1",
        )
        .bind(e164)
        .fetch_optional(&self.pool)
        .await
        .expect("querying the assignments")
    }

    pub async fn assignments_of_number(&self, e164: &str) -> i64 {
        self.count(&format!(
            "SELECT COUNT(*) FROM number_assignments a \
             JOIN phone_numbers n ON n.id = a.number_id WHERE n.e164 = '{e164}'"
        ))
        .await
    }

    /// Licensed US users (Phone System and a Calling Plan) holding no number.
    pub async fn free_licensed_us_users(&self, count: usize) -> Vec<i64> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT u.id FROM voice_users u WHERE u.usage_location = 'US' \
             AND u.id NOT IN (SELECT user_id FROM number_assignments) \
             AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                         AND l.licence IN ('ENTERPRISE_E5', 'PHONE_SYSTEM')) \
             AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                         AND l.licence IN ('DOMESTIC_CALLING_PLAN', 'INTERNATIONAL_CALLING_PLAN')) \
             ORDER BY u.id LIMIT $1",
        )
        .bind(count as i64)
        .fetch_all(&self.pool)
        .await
        .expect("querying the users");
        assert_eq!(
            ids.len(),
            count,
            "the demo has {count} free licensed US users"
        );
        ids
    }

    /// The id of the account named `username`, read from the database.
    pub async fn account_id(&self, username: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM accounts WHERE username = $1")
            .bind(username)
            .fetch_optional(&self.pool)
            .await
            .expect("reading the accounts")
            .unwrap_or_else(|| panic!("no account named {username}"))
    }

    /// Makes the database refuse every new audit entry with `message`, as
    /// a broken disk or a full one would: a trigger, in the store's dialect.
    pub async fn refuse_audit_entries(&self, message: &str) {
        match store_under_test() {
            Dialect::Sqlite => {
                self.execute(&format!(
                    "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log \
                     BEGIN SELECT RAISE(ABORT, '{message}'); END"
                ))
                .await;
            }
            Dialect::Postgres => {
                self.execute(&format!(
                    "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql \
                     AS $$ BEGIN RAISE EXCEPTION '{message}'; END $$"
                ))
                .await;
                self.execute(
                    "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log \
                     FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
                )
                .await;
            }
        }
    }

    pub async fn session_count(&self) -> i64 {
        self.count("SELECT COUNT(*) FROM sessions").await
    }
}
