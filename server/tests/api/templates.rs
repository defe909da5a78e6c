//! The tests' premise: an app started on a copy of the template database is
//! the app a fresh start seeds, row for row (but for the password hashes'
//! random salts).

use crate::helpers::*;

/// Every state table but `accounts`, whose hashes are salted, and the
/// accounts without their hashes.
async fn organisation(app: &TestApp) -> (Snapshot, Vec<String>) {
    let tables: Vec<&str> = STATE_TABLES
        .into_iter()
        .filter(|t| *t != "accounts")
        .collect();
    let accounts = sqlx::query_scalar(
        "SELECT id || '|' || username || '|' || display_name || '|' || role || '|' \
         || must_change_password || '|' || created_at || '|' || version \
         || '|' || substr(password_hash, 1, 10) FROM accounts ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("reading the accounts");
    (app.snapshot_of(&tables).await, accounts)
}

#[tokio::test]
async fn a_copy_of_the_template_starts_as_a_fresh_start_does() {
    let copied = spawn_app().await;
    let seeded = spawn_app_seeded_at_start_up().await;

    let (copied_tables, copied_accounts) = organisation(&copied).await;
    let (seeded_tables, seeded_accounts) = organisation(&seeded).await;

    assert_eq!(
        changed_tables(&seeded_tables, &copied_tables),
        Vec::<&str>::new()
    );
    assert_eq!(copied_accounts, seeded_accounts);
    assert_eq!(copied_accounts.len(), 15, "admin, 2 demo staff, 12 users");
    let (_, status, _) = copied.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "the template's demo passwords work");
}
