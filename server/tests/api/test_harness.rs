//! The harness's own promises: an app started on a copy of the template
//! database is the app a fresh start seeds, row for row (but for the
//! password hashes' random salts); and a race is refused unless every
//! request really waits for the write lock.

use serde_json::json;

use crate::helpers::*;

/// Every state table but `accounts`, whose hashes are salted, and the
/// accounts without their hashes.
async fn organisation(app: &TestApp) -> (Snapshot, Vec<String>) {
    let tables: Vec<&str> = STATE_TABLES
        .iter()
        .copied()
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

/// A request that never takes the write lock answers while the test holds
/// it: `race` says so instead of passing it off as a race. (A long read
/// could hold its connection past `race`'s steady window on a loaded
/// machine; the console's status is two small reads.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[should_panic(expected = "not a race")]
async fn requests_that_never_wait_for_the_write_lock_are_no_race() {
    let app = spawn_app().await;
    let status = Call::new("/api/console/status", json!({}));

    app.race(vec![
        (app.client.clone(), status.clone()),
        (app.client.clone(), status),
    ])
    .await;
}
