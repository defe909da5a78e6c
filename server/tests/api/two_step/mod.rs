//! Two-step sign-in: setting an authenticator up from My profile, signing
//! in with its codes or a recovery code (each once), the throttle on wrong
//! codes, turning it off and renewing codes, the organisation's rule for
//! admin roles, and a Global administrator's reset. Codes are made here by
//! `totp-rs`, as an authenticator app makes them, from the key the server
//! shows.

mod enrolment;
mod policy;
mod reset;
mod roles;
mod signing_in;

use app::clock::Clock;
use serde_json::{json, Value};
use totp_rs::{Builder, Secret};

use crate::helpers::*;

const START: &str = "/api/auth/two-step/start";
const CONFIRM: &str = "/api/auth/two-step/confirm";
const STATUS: &str = "/api/auth/two-step/status";
const RENEW: &str = "/api/auth/two-step/recovery-codes";
const TURN_OFF: &str = "/api/auth/two-step/turn-off";
const SIGN_IN_CODE: &str = "/api/auth/sign-in/code";
const STEP: i64 = 30;

/// The authenticator app's code for `key` (as shown, in groups) at `at`.
fn code_at(key: &str, at: i64) -> String {
    let bytes = Secret::try_from_base32(key.replace(' ', "")).expect("a base32 key");
    let totp = Builder::new()
        .with_secret(bytes)
        .build()
        .expect("a valid authenticator");
    totp.generate(u64::try_from(at).unwrap()).to_string()
}

/// Sets two-step sign-in up for the account behind `client`: its key and
/// its recovery codes.
async fn enrol(app: &TestApp, client: &reqwest::Client) -> (String, Vec<String>) {
    let (status, started) = app.call_with(client, START, json!({})).await;
    assert_eq!(status, 200, "{started}");
    let key = started["secret"].as_str().expect("a key").to_owned();
    let code = code_at(&key, app.clock.now());
    let (status, codes) = app
        .call_with(client, CONFIRM, json!({ "code": code }))
        .await;
    assert_eq!(status, 200, "{codes}");
    let codes = codes
        .as_array()
        .expect("recovery codes")
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    // The next code is another step's: the one just used works once.
    app.clock.advance(STEP);
    (key, codes)
}

/// Signs in with the password: the challenge for the second step.
async fn password_step(app: &TestApp, username: &str, password: &str) -> (reqwest::Client, String) {
    let (client, status, body) = app.sign_in(username, password).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["outcome"], "code_needed", "{body}");
    let challenge = body["challenge"].as_str().expect("a challenge").to_owned();
    (client, challenge)
}

async fn code_step(
    app: &TestApp,
    client: &reqwest::Client,
    challenge: &str,
    code: &str,
) -> (u16, Value) {
    let body = json!({ "challenge": challenge, "code": code });
    app.call_with(client, SIGN_IN_CODE, body).await
}

/// Whether `client` has a session: My profile answers.
async fn has_session(app: &TestApp, client: &reqwest::Client) -> bool {
    let (status, _) = app
        .call_with(client, "/api/auth/my-profile", json!({}))
        .await;
    status == 200
}

fn wrong_code() -> String {
    "That code isn't right. Check that your phone's clock is set automatically, or use a recovery code."
        .to_owned()
}
