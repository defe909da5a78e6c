//! The Voice area exists only for organisations with an Enterprise E5,
//! Phone System or Audio Conferencing licence; the server enforces it on
//! every Voice function, whichever role calls.
//!
//! The organisation without Voice is built here from the licence codes
//! themselves, not from the code under test: Contoso with none of those
//! three bought (users keep what they were given; Enterprise E3 and the
//! Calling Plans stay bought, and open nothing).

use serde_json::{json, Value};
use server::demo::DemoOrg;

use crate::helpers::*;
use crate::roles::{writes, Fixture, READS};

const VOICE_LICENCES: [&str; 3] = ["ENTERPRISE_E5", "PHONE_SYSTEM", "AUDIO_CONFERENCING"];
const VOICE_LOCKED: &str = "Voice isn't available: your organization needs at least one \
     Enterprise E5, Phone System or Audio Conferencing license. See Billing > Licenses.";

/// Sets how many of `code` the organisation bought.
async fn buy(app: &TestApp, code: &str, purchased: i64) {
    let sql = format!("UPDATE licences SET purchased = {purchased} WHERE code = '{code}'");
    assert_eq!(app.execute(&sql).await, 1, "there is a licence {code}");
}

/// Contoso without a licence that opens Voice, and the role matrix's fixture.
async fn spawn_without_voice() -> (TestApp, Fixture) {
    let app = spawn_app().await;
    let fixture = Fixture::new(&app).await;
    for code in VOICE_LICENCES {
        buy(&app, code, 0).await;
    }
    (app, fixture)
}

async fn console_voice(app: &TestApp) -> Value {
    let (status, areas) = app.call("/api/console/status", json!({})).await;
    assert_eq!(status, 200, "{areas}");
    areas["voice"].clone()
}

/// Every function of the role matrix that needs a Voice permission, with the
/// request the matrix sends.
fn voice_calls(fixture: &Fixture) -> Vec<Call> {
    let voice_writes = writes()
        .filter(|w| w.needs.is_voice())
        .map(|w| Call::new(w.path, (w.body)(fixture, "GlobalAdmin")));
    let voice_reads = READS
        .iter()
        .filter(|r| r.needs.is_voice())
        .map(|r| Call::new(r.path, (r.body)()));
    voice_writes.chain(voice_reads).collect()
}

#[tokio::test]
async fn without_a_voice_licence_every_voice_function_answers_403_and_changes_nothing() {
    let (app, fixture) = spawn_without_voice().await;
    let locked = (403, json!({ "Forbidden": { "message": VOICE_LOCKED } }));
    let calls = voice_calls(&fixture);
    assert!(calls.len() >= 16, "the matrix's Voice functions: {calls:?}");

    for role in ["GlobalAdmin", "VoiceAdmin"] {
        let client = app.as_role(role).await;
        for call in calls.iter().cloned() {
            let path = call.path;
            let before = app.snapshot_of(&ALL_TABLES).await;

            let answer = app.send_with(&client, call).await;

            assert_eq!(answer, locked, "{role} {path}");
            app.assert_unchanged(&before, &format!("{role} {path}"))
                .await;
        }
    }
}

#[tokio::test]
async fn without_a_voice_licence_the_rest_of_the_console_stays_open() {
    let (app, _) = spawn_without_voice().await;

    assert_eq!(console_voice(&app).await, false);
    // Billing among them: it is where the licence is bought.
    let others = READS
        .iter()
        .filter(|r| !r.needs.is_voice() && r.path != "/api/auth/sign-out");
    for read in others {
        let (status, answer) = read.call(&app, &app.client).await;
        assert_eq!(status, 200, "{}: {answer}", read.path);
    }
}

#[tokio::test]
async fn buying_any_one_licence_that_opens_voice_opens_it_again() {
    let (app, _) = spawn_without_voice().await;
    let list_users = || app.list_users(query(""));
    for code in VOICE_LICENCES {
        buy(&app, code, 1).await;

        assert_eq!(console_voice(&app).await, true, "with {code}");
        let (status, page) = list_users().await;
        assert_eq!(status, 200, "with {code}: {page}");

        buy(&app, code, 0).await;
        assert_eq!(console_voice(&app).await, false, "without {code} again");
        assert_eq!(list_users().await.0, 403, "without {code} again");
    }
}

#[tokio::test]
async fn the_contoso_without_voice_demo_has_bought_no_licence_that_opens_voice() {
    let app = spawn_app_with(DemoOrg::ContosoWithoutVoice).await;

    let bought = app
        .count(
            "SELECT COUNT(*) FROM licences WHERE purchased > 0 \
             AND code IN ('ENTERPRISE_E5', 'PHONE_SYSTEM', 'AUDIO_CONFERENCING')",
        )
        .await;

    assert_eq!(bought, 0);
    assert_eq!(console_voice(&app).await, false);
}
