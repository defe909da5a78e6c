//! API tokens: made in the console (one's own, or another account's by a
//! Global administrator), shown once and kept as a hash; a script calls
//! every function with `Authorization: Bearer` and exactly the token's
//! role (never above its account's), the Voice gate included; its changes
//! are audited "via token NAME"; expiry, revocation and the account's
//! removal end it; the cross-site check is for cookies only. Retries with
//! an `Idempotency-Key` change nothing twice; each token has its requests
//! a minute.

mod bearer;
mod making;
mod rate_limit;
mod retries;

use app::clock::Clock;
use serde_json::{json, Value};

use crate::helpers::*;

const CREATE: &str = "/api/auth/tokens/create";
const LIST: &str = "/api/auth/tokens/list";
const REVOKE: &str = "/api/auth/tokens/revoke";
const LIST_USERS: &str = "/api/voice-users/list";
const DAY: i64 = 24 * 60 * 60;

/// A token `client`'s account makes for itself: the token and its info.
async fn token_of(app: &TestApp, client: &reqwest::Client, request: Value) -> (String, Value) {
    let (status, made) = app
        .call_with(client, CREATE, json!({ "request": request }))
        .await;
    assert_eq!(status, 200, "{made}");
    (
        made["token"].as_str().unwrap().to_owned(),
        made["info"].clone(),
    )
}

/// Posts `body` with the token and nothing else: no cookie.
async fn with_token(app: &TestApp, token: &str, path: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!("{}{path}", app.address))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("sending");
    read(response).await
}

/// Assigning Megan a free US number at Redmond HQ, and Megan as she is.
async fn assign_megan(app: &TestApp) -> (Call, Value) {
    let megan = app.user(MEGAN).await;
    let number = app.free_number("US", "calling_plan").await;
    let version = megan["version"].as_i64().unwrap();
    (
        Call::assign(MEGAN, &number, Some(REDMOND_HQ), version),
        megan,
    )
}

fn list_users() -> Value {
    json!({ "query": query("") })
}
