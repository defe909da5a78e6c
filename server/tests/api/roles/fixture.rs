//! What the matrix's calls work on, found in a fresh Contoso database. Each
//! write touches different users, numbers, locations and accounts, so all
//! can succeed one after the other on one database.

use crate::helpers::*;

pub struct Fixture {
    /// A free US number, for Megan.
    pub free_us: String,
    /// A free GB number, to release.
    pub free_gb: String,
    /// Two valid numbers outside the inventory: checked, then ported.
    pub outside: [String; 2],
    pub megan_account: i64,
    pub alex_account: i64,
    pub lee_account: i64,
    /// A drift check already done, which found nothing.
    pub drift_check: i64,
}

impl Fixture {
    pub async fn new(app: &TestApp) -> Fixture {
        let outside = app.numbers_not_in_inventory(2).await;
        // Alex has two-step sign-in, for a Global administrator to reset.
        app.execute(
            "UPDATE accounts SET totp_secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', totp_since = 1 \
             WHERE username = 'alexw@contoso.com'",
        )
        .await;
        app.execute(
            "INSERT INTO drift_checks (asked_at, asked_by, checked_at, found) \
             VALUES (1, 'switchboard', 1, 0)",
        )
        .await;
        Fixture {
            drift_check: app.count("SELECT MAX(id) FROM drift_checks").await,
            free_us: app.free_number("US", "calling_plan").await,
            free_gb: app.free_number("GB", "calling_plan").await,
            outside: [outside[0].clone(), outside[1].clone()],
            megan_account: app.account_id("meganb@contoso.com").await,
            alex_account: app.account_id("alexw@contoso.com").await,
            lee_account: app.account_id("leeg@contoso.com").await,
        }
    }
}

/// A location's description as stored, if it exists.
pub async fn location_description(app: &TestApp, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT description FROM emergency_locations WHERE id = $1")
        .bind(id)
        .fetch_optional(&app.pool)
        .await
        .expect("reading the locations")
}

/// An account's role code as stored, if it exists.
pub async fn account_role(app: &TestApp, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT role FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_optional(&app.pool)
        .await
        .expect("reading the accounts")
}
