//! Signing out ends the session; signing in always starts a new one, so a
//! token planted or left behind is worthless.

use super::*;

#[tokio::test]
async fn signing_out_ends_the_session_and_clears_the_cookie() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let sessions = app.session_count().await;
    let since = app.last_audit_id().await;

    let response = sign_out(&app, &token).await;
    let cookies = set_cookies(&response);
    let (status, body) = read(response).await;

    assert_eq!((status, body), (200, Value::Null));
    assert_eq!(
        cookies,
        ["switchboard_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"]
    );
    assert_eq!(app.session_count().await, sessions - 1);
    let (status, body) = app.call_with_token(&token, LIST_USERS, list_body()).await;
    assert_eq!((status, body), (401, signed_out()), "the old token is dead");
    let entries = app.audit_since(since).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["action"], "SignedOut");
    assert_eq!(entries[0]["actor"], HELPDESK);

    let (status, _) = read(sign_out(&app, &token).await).await;
    assert_eq!(status, 200, "signing out twice is not an error");
}

#[tokio::test]
async fn a_browser_that_signed_out_is_signed_out() {
    let app = spawn_app().await;
    let client = app.signed_in(HELPDESK, DEMO_PASSWORD).await;

    let (status, _) = app
        .call_with(&client, "/api/auth/sign-out", json!({}))
        .await;
    assert_eq!(status, 200);

    let (status, body) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!((status, body), (401, signed_out()));
    assert_eq!(admin_list_status(&app).await, 200, "other sessions go on");
}

#[tokio::test]
async fn signing_out_with_a_token_that_names_no_session_is_200() {
    let app = spawn_app().await;
    let made_up = "0".repeat(64);

    let answer = read(sign_out(&app, &made_up).await).await;

    assert_eq!(answer, (200, Value::Null));
}

#[tokio::test]
async fn signing_in_again_replaces_the_session_the_browser_had() {
    let app = spawn_app().await;
    let old = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let sessions = app.session_count().await;

    let response = sign_in_over(&app, &old).await;
    let cookies = set_cookies(&response);
    assert_eq!(response.status(), 200);

    let new = session_token(&cookies[0], SESSION_COOKIE);
    assert_ne!(new, old);
    assert_eq!(app.list_status(&old).await, 401, "the old token is dead");
    assert_eq!(app.list_status(&new).await, 200);
    assert_eq!(app.session_count().await, sessions, "one replaced by one");
}

#[tokio::test]
async fn a_token_planted_before_sign_in_is_never_adopted() {
    let app = spawn_app().await;
    let planted = "ab".repeat(32);

    let response = sign_in_over(&app, &planted).await;
    let cookies = set_cookies(&response);
    assert_eq!(response.status(), 200);

    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert!(!cookies[0].contains(&planted), "{cookies:?}");
    assert_eq!(app.list_status(&planted).await, 401);
}

#[tokio::test]
async fn signing_in_as_someone_else_ends_the_first_session() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;

    let (status, _) = app
        .call_with(
            &helpdesk,
            "/api/auth/sign-in",
            json!({ "username": VOICE_ADMIN, "password": DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(status, 200);

    let (status, areas) = app
        .call_with(&helpdesk, "/api/console/status", json!({}))
        .await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["account"]["username"], VOICE_ADMIN);
    let helpdesk_sessions = app
        .count(
            "SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id \
             WHERE a.username = 'helpdesk'",
        )
        .await;
    assert_eq!(helpdesk_sessions, 0);
}
