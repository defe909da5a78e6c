//! Settings > Admins: sign-in accounts, their roles and one-time passwords,
//! managed by Global administrators.

mod changing;
mod creating;

use serde_json::{json, Value};

use crate::helpers::*;

const UNKNOWN: i64 = 9_999;

async fn create(app: &TestApp, username: &str, display_name: &str, role: &str) -> (u16, Value) {
    app.send(Call::create_account(username, display_name, role))
        .await
}

async fn set_role(app: &TestApp, id: i64, role: &str, expected_version: i64) -> (u16, Value) {
    app.send(Call::set_role(id, role, expected_version)).await
}

async fn reset_password(app: &TestApp, id: i64) -> (u16, Value) {
    app.send(Call::reset_password(id)).await
}

async fn remove(app: &TestApp, id: i64, expected_version: i64) -> (u16, Value) {
    app.send(Call::remove_account(id, expected_version)).await
}

async fn list_voice_users(app: &TestApp, client: &reqwest::Client) -> (u16, Value) {
    app.call_with(
        client,
        "/api/voice-users/list",
        json!({ "query": query("") }),
    )
    .await
}

fn rank(role: &Value) -> usize {
    ["GlobalAdmin", "VoiceAdmin", "Helpdesk", "User"]
        .iter()
        .position(|r| role == r)
        .unwrap_or_else(|| panic!("unknown role {role}"))
}
