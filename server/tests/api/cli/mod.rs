//! switchboard-cli, the real binary, against a server on port 0: each
//! command's output as a table, JSON and CSV, and each exit code.

mod commands;
mod exit_codes;
mod files;
mod inventory;
mod users_filter;

use serde_json::{json, Value};

use crate::helpers::*;

/// What a run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

/// Runs `switchboard-cli args…` with `url` and `token` in its environment.
async fn cli_with(url: &str, token: Option<&str>, args: &[&str]) -> Run {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_switchboard-cli"));
    command
        .args(args)
        .env("SWITCHBOARD_URL", url)
        .env_remove("SWITCHBOARD_TOKEN");
    if let Some(token) = token {
        command.env("SWITCHBOARD_TOKEN", token);
    }
    let out = command.output().await.expect("running switchboard-cli");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A Voice administrator's token on `app`.
async fn voice_token(app: &TestApp) -> String {
    let client = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let request = json!({ "request": { "name": "cli" } });
    let (status, made) = app
        .call_with(&client, "/api/auth/tokens/create", request)
        .await;
    assert_eq!(status, 200, "{made}");
    made["token"].as_str().unwrap().to_owned()
}
