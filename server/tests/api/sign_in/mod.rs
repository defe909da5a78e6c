//! Signing in and out: the session cookie and what the database keeps of it,
//! identical answers for a wrong password and an unknown user, the throttle
//! on repeated failures (in parallel too, per address, behind a proxy, and
//! what the audit log keeps of it), a server still answering while many sign
//! in, idle and absolute timeouts, a new session at every sign-in, changing
//! one's password, and the first administrator.

mod audit_trail;
mod busy_server;
mod first_admin;
mod one_time_passwords;
mod parallel_guesses;
mod passwords;
mod proxies;
mod renewal;
mod secrets;
mod signing_in;
mod throttle;
mod timeouts;

use serde_json::{json, Value};

use crate::helpers::*;

const WRONG: &str = "The username or password is incorrect.";
const NEW_PASSWORD: &str = "a-brand-new-passphrase-7";
const MINUTE: i64 = 60;

/// Any call that needs a session and the Voice permission.
const LIST_USERS: &str = "/api/voice-users/list";

fn list_body() -> Value {
    json!({ "query": query("") })
}

fn signed_out() -> Value {
    json!({ "SignedOut": { "message": SIGNED_OUT } })
}

fn sign_in_failed() -> Value {
    json!({ "SignInFailed": { "message": WRONG } })
}

fn too_many(minutes: &str) -> Value {
    let message = format!("Too many failed sign-ins. Try again in {minutes}.");
    json!({ "TooManyAttempts": { "message": message } })
}

/// `count` wrong passwords for as many unknown usernames (`{prefix}.0`, ...)
/// from this test's address, sent together so the growing delay doesn't
/// slow the test; every answer is 401.
async fn failures_from_this_address(app: &TestApp, prefix: &str, count: usize) {
    let guesses = (0..count).map(|i| async move {
        app.sign_in(&format!("{prefix}.{i}"), "not-the-password-1")
            .await
            .1
    });
    let statuses = futures::future::join_all(guesses).await;
    assert_eq!(statuses, vec![401; count], "{prefix}: every guess checked");
}

/// Signs in through a reverse proxy that says the client is `client`: the
/// answer's status and body.
async fn sign_in_from(app: &TestApp, client: &str, username: &str, password: &str) -> (u16, Value) {
    let body = json!({ "username": username, "password": password });
    let headers = [("x-forwarded-for", client)];
    let response = app.post_with_headers("/api/auth/sign-in", body, &headers);
    read(response.await).await
}

/// Lists voice users with the app's admin client: the status.
async fn admin_list_status(app: &TestApp) -> u16 {
    app.list_users(query("")).await.0
}

async fn token_hashes(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&app.pool)
        .await
        .expect("reading sessions")
}

async fn change_password(app: &TestApp, token: &str, current: &str, new: &str) -> (u16, Value) {
    let body = json!({ "current": current, "new": new });
    app.call_with_token(token, "/api/auth/change-password", body)
        .await
}

/// Signs in as the helpdesk from a browser that sends `token` as its
/// session cookie: the raw response.
async fn sign_in_over(app: &TestApp, token: &str) -> reqwest::Response {
    let cookie = session_cookie(token);
    let body = json!({ "username": HELPDESK, "password": DEMO_PASSWORD });
    app.post_with_headers("/api/auth/sign-in", body, &[("cookie", &cookie)])
        .await
}

async fn sign_out(app: &TestApp, token: &str) -> reqwest::Response {
    let cookie = session_cookie(token);
    app.post_with_headers("/api/auth/sign-out", json!({}), &[("cookie", &cookie)])
        .await
}
