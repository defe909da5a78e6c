//! Signing in and out: the session cookie and what the database keeps of it,
//! identical answers for a wrong password and an unknown user, the throttle
//! on repeated failures, idle and absolute timeouts, a new session at every
//! sign-in, changing one's password, and the first administrator.

mod first_admin;
mod passwords;
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
