//! Each stream carries only what its session may read: an admin role what
//! it may view, an end user only changes to their own Work Phone, and
//! nobody the changes to accounts.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;

const PATIENCE: Duration = Duration::from_secs(10);

/// The changes of every message until one names `last_action`.
async fn changes_until(stream: &mut Events, last_action: &str) -> Vec<Value> {
    let mut all = Vec::new();
    loop {
        let message = stream.next_within(PATIENCE).await.expect("a message");
        assert_eq!(message.event, "changes");
        let batch = message.json();
        let changes = batch["changes"].as_array().expect("changes").clone();
        let done = changes.iter().any(|c| c["action"] == last_action);
        all.extend(changes);
        if done {
            return all;
        }
    }
}

fn actions(changes: &[Value]) -> Vec<&str> {
    changes
        .iter()
        .filter_map(|c| c["action"].as_str())
        .collect()
}

#[tokio::test]
async fn a_helpdesk_hears_of_numbers_and_licences_but_not_of_accounts() {
    let app = spawn_app().await;
    let helpdesk = app.as_role("Helpdesk").await;
    let mut stream = app.events(&helpdesk, None).await;
    assert_eq!(stream.status, 200);

    app.done(Call::create_account("new.helper", "New Helper", "Helpdesk"))
        .await;
    let version = app.version_of(ADELE).await;
    app.done(Call::remove(ADELE, version)).await;
    let version = app.version_of(ISAIAH).await;
    app.done(Call::licence(ISAIAH, "PhoneSystem", true, version, false))
        .await;

    let heard = changes_until(&mut stream, "LicenceAssigned").await;
    assert_eq!(actions(&heard), ["NumberRemoved", "LicenceAssigned"]);
    assert_eq!(heard[0]["actor"], "admin");
}

#[tokio::test]
async fn an_end_user_hears_only_of_their_own_work_phone_and_not_who_changed_it() {
    let app = spawn_app().await;
    let adele = app.as_role("User").await;
    let mut stream = app.events(&adele, None).await;
    assert_eq!(stream.status, 200);

    let number = app.free_number("US", "calling_plan").await;
    app.done(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    app.done(Call::add_location(bellevue("Bellevue Annex")))
        .await;
    let version = app.version_of(ADELE).await;
    let adele_now = app.done(Call::remove(ADELE, version)).await;

    let message = stream.next_within(PATIENCE).await.expect("a message");
    let batch = message.json();
    assert_eq!(
        actions(batch["changes"].as_array().expect("changes")),
        ["NumberRemoved"],
        "{batch}"
    );
    assert_eq!(batch["changes"][0]["user"], ADELE);
    assert_eq!(
        batch["changes"][0]["actor"], "",
        "an end user isn't told who"
    );
    assert_eq!(
        batch["users"],
        json!([adele_now["saved"]]),
        "only her own user"
    );
    let more = stream.next_within(Duration::from_millis(300)).await;
    assert!(more.is_none(), "{more:?}");
}

#[tokio::test]
async fn a_user_who_must_still_choose_a_password_hears_nothing_of_others() {
    let app = spawn_app().await;
    let created = app
        .done(Call::create_account(
            "fresh.admin",
            "Fresh Admin",
            "VoiceAdmin",
        ))
        .await;
    let password = created["password"]
        .as_str()
        .expect("a one-time password")
        .to_owned();
    let fresh = app.signed_in("fresh.admin", &password).await;
    let mut stream = app.events(&fresh, None).await;
    assert_eq!(stream.status, 200);

    let version = app.version_of(ADELE).await;
    app.done(Call::remove(ADELE, version)).await;

    let heard = stream.next_within(Duration::from_millis(500)).await;
    assert!(heard.is_none(), "{heard:?}");
}
