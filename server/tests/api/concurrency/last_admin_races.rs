//! Global administrators acting on each other at the same moment: each
//! change is checked against the other's inside the write lock, so the
//! organisation always keeps at least one Global administrator; and the
//! database refuses to lose the last one, whoever asks.

use serde_json::Value;

use crate::helpers::*;

/// voice.admin promoted to Global administrator (version 2) and signed in:
/// the client and the account's id.
async fn a_second_global_admin(app: &TestApp) -> (reqwest::Client, i64) {
    let id = app.account_id(VOICE_ADMIN).await;
    app.done(Call::set_role(id, "GlobalAdmin", 1)).await;
    (app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await, id)
}

async fn global_admins(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM accounts WHERE role = 'GLOBAL_ADMIN'")
        .await
}

/// The one refusal among `answers`, which must be a 409 naming the last
/// Global administrator left.
fn refused_as_the_last(answers: &[(u16, Value)]) {
    assert_eq!(statuses(answers), [200, 409], "{answers:?}");
    let (_, body) = answers.iter().find(|(s, _)| *s == 409).unwrap();
    let message = body["Conflict"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("is the last Global administrator"),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_global_admins_removing_each_other_at_once_leave_one() {
    let app = spawn_app().await;
    let (second, second_id) = a_second_global_admin(&app).await;
    let admin_id = app.account_id("admin").await;
    let since = app.last_audit_id().await;

    let answers = app
        .race(vec![
            (app.client.clone(), Call::remove_account(second_id, 2)),
            (second, Call::remove_account(admin_id, 1)),
        ])
        .await;

    refused_as_the_last(&answers);
    assert_eq!(global_admins(&app).await, 1);
    // Read from the database: the loser may be the admin whose account went.
    let removals =
        format!("SELECT COUNT(*) FROM audit_log WHERE id > {since} AND action = 'ACCOUNT_REMOVED'");
    assert_eq!(app.count(&removals).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_global_admins_demoting_each_other_at_once_leave_one() {
    let app = spawn_app().await;
    let (second, second_id) = a_second_global_admin(&app).await;
    let admin_id = app.account_id("admin").await;

    let answers = app
        .race(vec![
            (app.client.clone(), Call::set_role(second_id, "Helpdesk", 2)),
            (second, Call::set_role(admin_id, "VoiceAdmin", 1)),
        ])
        .await;

    refused_as_the_last(&answers);
    assert_eq!(global_admins(&app).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_removing_while_the_other_demotes_leaves_one() {
    let app = spawn_app().await;
    let (second, second_id) = a_second_global_admin(&app).await;
    let admin_id = app.account_id("admin").await;

    let answers = app
        .race(vec![
            (app.client.clone(), Call::remove_account(second_id, 2)),
            (second, Call::set_role(admin_id, "Helpdesk", 1)),
        ])
        .await;

    refused_as_the_last(&answers);
    assert_eq!(global_admins(&app).await, 1);
}

#[tokio::test]
async fn the_database_refuses_to_lose_its_last_global_administrator() {
    let app = spawn_app().await;
    let cases = [
        (
            "DELETE FROM accounts WHERE role = 'GLOBAL_ADMIN'",
            "a delete",
        ),
        (
            "UPDATE accounts SET role = 'HELPDESK' WHERE role = 'GLOBAL_ADMIN'",
            "a demotion",
        ),
    ];
    for (sql, why) in cases {
        let refused = sqlx::query(sql).execute(&app.pool).await;

        let error = refused.expect_err(why).to_string();
        assert!(
            error.contains("the last Global administrator must remain"),
            "{why}: {error}"
        );
        assert_eq!(global_admins(&app).await, 1, "{why}");
    }
}
