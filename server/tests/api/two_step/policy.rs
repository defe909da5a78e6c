use super::*;

const SET: &str = "/api/settings/sign-in/set";
const LIST_USERS: &str = "/api/voice-users/list";
const MUST_SET_UP: &str =
    "Set up two-step sign-in before you continue: your organization requires it for admin roles.";

fn require(on: bool) -> Value {
    json!({ "policy": { "two_step_for_admins": on } })
}

fn list_users() -> Value {
    json!({ "query": query("") })
}

#[tokio::test]
async fn a_global_admin_requires_it_only_once_they_have_it() {
    let app = spawn_app().await;
    let (status, answer) = app.call(SET, require(true)).await;
    assert_eq!(status, 409, "{answer}");
    assert!(message(&answer).starts_with("Turn on two-step sign-in for yourself first"));

    enrol(&app, &app.client).await;
    let since = app.last_audit_id().await;
    let (status, answer) = app.call(SET, require(true)).await;
    assert_eq!(
        (status, answer.clone()),
        (200, json!({ "two_step_for_admins": true }))
    );
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "action": "SignInPolicyChanged", "actor": "admin", "at": app.clock.now(),
                "before": "two-step sign-in optional",
                "after": "two-step sign-in required for admin roles" }),
    );
    let (_, read) = app.call("/api/settings/sign-in", json!({})).await;
    assert_eq!(read, json!({ "two_step_for_admins": true }));
    // Saying it again changes and audits nothing.
    let (status, _) = app.call(SET, require(true)).await;
    assert_eq!(status, 200);
    app.new_entries(since, 1).await;
}

#[tokio::test]
async fn an_admin_without_it_can_only_set_it_up_and_then_carries_on() {
    let app = spawn_app().await;
    let voice_admin = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let user = app.signed_in(ADELE_USERNAME, DEMO_PASSWORD).await;
    enrol(&app, &app.client).await;
    assert_eq!(app.call(SET, require(true)).await.0, 200);

    // At once, in the session already open.
    let (status, answer) = app.call_with(&voice_admin, LIST_USERS, list_users()).await;
    assert_eq!(
        (status, message(&answer)),
        (403, MUST_SET_UP.into()),
        "{answer}"
    );
    let (_, areas) = app
        .call_with(&voice_admin, "/api/console/status", json!({}))
        .await;
    assert_eq!(areas["must_set_up_two_step"], true, "{areas}");
    let (_, status) = app.call_with(&voice_admin, STATUS, json!({})).await;
    assert_eq!(status["required"], true, "{status}");
    // A new sign-in with the password alone gets the same restricted session.
    let fresh = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(app.call_with(&fresh, LIST_USERS, list_users()).await.0, 403);
    // Users aren't admins: nothing changes for them.
    let (_, areas) = app.call_with(&user, "/api/console/status", json!({})).await;
    assert_eq!(areas["must_set_up_two_step"], false, "{areas}");

    let (key, _) = enrol(&app, &voice_admin).await;
    let (status, answer) = app.call_with(&voice_admin, LIST_USERS, list_users()).await;
    assert_eq!(status, 200, "{answer}");
    let (_, areas) = app
        .call_with(&voice_admin, "/api/console/status", json!({}))
        .await;
    assert_eq!(areas["must_set_up_two_step"], false, "{areas}");

    // Required, it can't be turned off; the code isn't spent on the refusal.
    let code = code_at(&key, app.clock.now());
    let (status, answer) = app
        .call_with(&voice_admin, TURN_OFF, json!({ "code": code }))
        .await;
    assert_eq!(status, 403, "{answer}");
    assert!(
        message(&answer).contains("requires two-step sign-in"),
        "{answer}"
    );
    assert_eq!(app.account(VOICE_ADMIN).await.unwrap()["two_step"], true);
    assert_eq!(app.call(SET, require(false)).await.0, 200);
    let (status, answer) = app
        .call_with(&voice_admin, TURN_OFF, json!({ "code": code }))
        .await;
    assert_eq!(status, 200, "optional again: {answer}");
}
