//! What a change sends down an open stream, how fast, and how a stream
//! resumes, ends or is refused.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::helpers::*;

/// Long enough for any message the server does send on a busy machine.
const PATIENCE: Duration = Duration::from_secs(10);

#[tokio::test]
async fn an_assignment_by_one_admin_reaches_another_admins_open_stream_within_a_second() {
    let app = spawn_app().await;
    assert_an_assignment_reaches_a_stream_within_a_second(&app, &app).await;
}

/// An admin assigns a number through `acting`; another admin's stream,
/// open on `listening` (the same server, or another on its database),
/// tells of it within a second, with the user as now stored.
pub async fn assert_an_assignment_reaches_a_stream_within_a_second(
    acting: &TestApp,
    listening: &TestApp,
) {
    let mut stream = listening.events(&listening.client, None).await;
    assert_eq!(stream.status, 200);
    assert_eq!(
        stream.header("content-type").as_deref(),
        Some("text/event-stream")
    );
    let voice_admin = acting.as_role("VoiceAdmin").await;
    let number = acting.free_number("US", "calling_plan").await;

    let call = Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1);
    let (status, megan) = acting.send_with(&voice_admin, call).await;
    let saved = Instant::now();
    assert_eq!(status, 200, "{megan}");
    let message = stream.next_within(PATIENCE).await.expect("a message");
    let waited = saved.elapsed();

    assert!(
        waited < Duration::from_secs(1),
        "the message took {waited:?}"
    );
    assert_eq!(message.event, "changes");
    assert_eq!(message.id, Some(acting.last_audit_id().await.to_string()));
    let batch = message.json();
    let change = &batch["changes"][0];
    assert_eq!(
        batch["changes"].as_array().map(Vec::len),
        Some(1),
        "{batch}"
    );
    assert_eq!(change["action"], "NumberAssigned");
    assert_eq!(change["actor"], VOICE_ADMIN);
    assert_eq!(change["user"], MEGAN);
    assert_eq!(change["user_name"], "Megan Bowen");
    assert_eq!(change["number"], number.as_str());
    assert_eq!(
        batch["users"],
        json!([megan["saved"]]),
        "the user as now stored"
    );
    assert_eq!(batch["reload"], false);
}

#[tokio::test]
async fn each_kind_of_change_an_admin_sees_arrives_in_order() {
    let app = spawn_app().await;
    let mut stream = app.events(&app.client, None).await;
    let version = app.version_of(ADELE).await;

    app.done(Call::remove(ADELE, version)).await;
    app.done(Call::add_location(bellevue("Bellevue Annex")))
        .await;
    app.done(Call::add_new_numbers("US", "Redmond", 2)).await;

    let mut actions = Vec::new();
    let mut ids = Vec::new();
    while actions.last().map(String::as_str) != Some("NumbersAdded") {
        let message = stream.next_within(PATIENCE).await.expect("a message");
        ids.push(message.id.clone().expect("an id"));
        for change in message.json()["changes"].as_array().expect("changes") {
            actions.push(change["action"].as_str().expect("an action").to_owned());
        }
    }
    actions.dedup();
    assert_eq!(actions, ["NumberRemoved", "LocationAdded", "NumbersAdded"]);
    let ids: Vec<i64> = ids.iter().map(|id| id.parse().expect("a number")).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
}

#[tokio::test]
async fn a_stream_resumes_after_a_restart_from_the_last_event_it_had() {
    let app = spawn_app().await;
    let mut stream = app.events(&app.client, None).await;
    let version = app.version_of(ADELE).await;
    app.done(Call::remove(ADELE, version)).await;
    let heard = stream.next_within(PATIENCE).await.expect("a message");
    let last = heard.id.expect("an id");
    drop(stream);
    let number = app.free_number("US", "calling_plan").await;
    app.done(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;

    let app = app.restart().await;
    let mut resumed = app.events(&app.client, Some(&last)).await;

    let missed = resumed
        .next_within(PATIENCE)
        .await
        .expect("what was missed");
    let changes = &missed.json()["changes"];
    assert_eq!(changes.as_array().map(Vec::len), Some(1), "{changes}");
    assert_eq!(changes[0]["action"], "NumberAssigned");
    assert_eq!(changes[0]["user"], MEGAN);
    assert!(missed.id.expect("an id").parse::<i64>().unwrap() > last.parse().unwrap());
}

#[tokio::test]
async fn a_new_stream_starts_at_the_present_and_a_bad_last_event_id_is_ignored() {
    let app = spawn_app().await;
    let version = app.version_of(ADELE).await;
    app.done(Call::remove(ADELE, version)).await;

    for last in [None, Some("not-a-number"), Some("-4"), Some("99999999")] {
        let mut stream = app.events(&app.client, last).await;
        assert_eq!(stream.status, 200, "{last:?}");
        let old = stream.next_within(Duration::from_millis(300)).await;
        assert!(old.is_none(), "{last:?} replayed {old:?}");
    }
}

#[tokio::test]
async fn signing_out_ends_the_stream_with_a_last_message() {
    let app = spawn_app().await;
    let voice_admin = app.as_role("VoiceAdmin").await;
    let mut stream = app.events(&voice_admin, None).await;

    let (status, body) = app
        .call_with(&voice_admin, "/api/auth/sign-out", json!({}))
        .await;
    assert_eq!(status, 200, "{body}");

    let goodbye = stream.next_within(PATIENCE).await.expect("a last message");
    assert_eq!(goodbye.event, "signed-out");
    assert_eq!(goodbye.data, SIGNED_OUT);
    assert!(stream.ends_within(PATIENCE).await, "the stream stays open");
}

#[tokio::test]
async fn without_a_session_the_stream_is_refused() {
    let app = spawn_app().await;

    let refused = app.events(&app.anonymous(), None).await;

    assert_eq!(refused.status, 401);
    let body: serde_json::Value = serde_json::from_str(&refused.body().await).expect("JSON");
    assert_eq!(message(&body), SIGNED_OUT);
}
