//! What failed sign-ins leave behind: an audit entry per password checked,
//! one entry counting the attempts refused while a username was locked, no
//! typed text of a username that names no account, and no throttle count
//! kept once it has expired.

use super::*;

async fn entries_since(app: &TestApp, since: i64) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM audit_log WHERE id > {since}"
    ))
    .await
}

#[tokio::test]
async fn attempts_refused_while_locked_are_counted_in_one_entry_not_written_one_by_one() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;
    for _ in 0..5 {
        let (_, status, _) = app.sign_in(VOICE_ADMIN, "not-the-password-1").await;
        assert_eq!(status, 401);
    }
    let failed = app.new_entries(since, 5).await;
    assert_entry(
        &failed[4],
        json!({ "action": "SignInFailed", "actor": VOICE_ADMIN, "target": VOICE_ADMIN,
                "after": "from 127.0.0.1; locked for 15 minutes" }),
    );
    let locked_at = app.last_audit_id().await;

    for _ in 0..20 {
        let (_, status, _) = app.sign_in(VOICE_ADMIN, "still-guessing-1").await;
        assert_eq!(status, 429);
    }
    assert_eq!(
        entries_since(&app, locked_at).await,
        0,
        "no entry per refusal"
    );

    app.clock.advance(15 * MINUTE + 1);
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200);
    let entries = app.new_entries(locked_at, 2).await;
    assert_entry(
        &entries[0],
        json!({ "action": "SignInsRefused", "actor": VOICE_ADMIN, "target": VOICE_ADMIN,
                "after": "20 sign-ins refused while locked",
                "at": NOW + 15 * MINUTE + 1 }),
    );
    assert_entry(
        &entries[1],
        json!({ "action": "SignedIn", "actor": HELPDESK, "at": NOW + 15 * MINUTE + 1 }),
    );
}

#[tokio::test]
async fn a_username_that_names_no_account_is_logged_as_an_unknown_account_not_as_typed() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;
    // A password typed in the username box, as happens.
    let typed = "Secret-Typed-In-The-Wrong-Box-7";

    let (_, status, _) = app.sign_in(typed, "not-the-password-1").await;
    assert_eq!(status, 401);

    let label = app::auth::throttle::unknown_account(&typed.to_lowercase());
    assert!(label.starts_with("unknown account #"), "{label}");
    assert!(
        label.len() <= "unknown account #".len() + 4,
        "a short hash: {label}"
    );
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "action": "SignInFailed", "actor": label, "target": label,
                "after": "from 127.0.0.1" }),
    );
    let tables = app.snapshot_of(&ALL_TABLES).await;
    for (table, rows) in tables.iter() {
        assert!(
            !rows.to_lowercase().contains(&typed.to_lowercase()),
            "the typed username is kept in {table}: {rows}"
        );
    }
}

#[tokio::test]
async fn throttle_counts_are_purged_once_they_have_expired() {
    let app = spawn_app().await;
    failures_from_this_address(&app, "long.gone", 8).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM sign_in_throttle").await, 9);

    app.clock.advance(15 * MINUTE + 1);
    let (_, status, _) = app.sign_in("new.guess", "not-the-password-1").await;
    assert_eq!(status, 401);

    assert_eq!(
        app.count("SELECT COUNT(*) FROM sign_in_throttle").await,
        2,
        "the new guess's username and address only"
    );
}
