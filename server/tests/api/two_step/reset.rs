use super::*;

const RESET: &str = "/api/accounts/reset-two-step";

#[tokio::test]
async fn a_global_admin_resets_a_lost_second_step_and_ends_the_sessions() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (key, _) = enrol(&app, &helpdesk).await;
    let id = app.account_id(HELPDESK).await;

    let since = app.last_audit_id().await;
    let (status, account) = app.call(RESET, json!({ "id": id })).await;
    assert_eq!(status, 200, "{account}");
    assert_eq!(account["two_step"], false, "{account}");
    assert!(!has_session(&app, &helpdesk).await, "their sessions ended");
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "action": "TwoStepReset", "actor": "admin", "target": HELPDESK,
                "at": app.clock.now(), "after": "reset by an admin; their sessions ended" }),
    );
    // The password alone signs in; the old authenticator is worthless.
    let (client, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(
        (status, body["outcome"].clone()),
        (200, json!("signed_in")),
        "{body}"
    );
    let code = code_at(&key, app.clock.now());
    let (status, _) = app
        .call_with(&client, TURN_OFF, json!({ "code": code }))
        .await;
    assert_eq!(status, 409, "off already");

    let (status, answer) = app.call(RESET, json!({ "id": id })).await;
    assert_eq!(status, 409, "nothing to reset: {answer}");
    assert!(
        message(&answer).contains("has no two-step sign-in"),
        "{answer}"
    );
}

#[tokio::test]
async fn a_reset_is_refused_for_oneself_and_for_no_account() {
    let app = spawn_app().await;
    enrol(&app, &app.client).await;
    let me = app.account_id("admin").await;
    let (status, answer) = app.call(RESET, json!({ "id": me })).await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        message(&answer).starts_with("You can't reset your own"),
        "{answer}"
    );
    let (status, answer) = app.call(RESET, json!({ "id": 999_999 })).await;
    assert_eq!(
        (status, variant(&answer)),
        (404, "NotFound".into()),
        "{answer}"
    );
    assert_eq!(app.account("admin").await.unwrap()["two_step"], true);
}
