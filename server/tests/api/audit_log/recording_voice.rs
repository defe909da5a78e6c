//! Each Voice change writes exactly one audit entry (one per number for the
//! number inventory) naming who did what to whom, before and after.

use serde_json::{json, Value};

use super::BELLEVUE;
use crate::helpers::*;

#[tokio::test]
async fn assigning_a_number_writes_one_entry_naming_the_actor_user_and_number() {
    let app = spawn_app().await;
    let voice_admin = app.as_role("VoiceAdmin").await;
    let number = app.free_number("US", "calling_plan").await;
    let since = app.last_audit_id().await;

    let assign = Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1);
    let (status, megan) = saved(app.send_with(&voice_admin, assign).await);

    assert_eq!(status, 200, "{megan}");
    let international = megan["assigned_number"]["number"]["international"]
        .as_str()
        .unwrap();
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({
            "action": "NumberAssigned", "actor": VOICE_ADMIN, "target": "Megan Bowen",
            "user_name": "Megan Bowen", "number": number, "before": "",
            "after": format!("{international} at Redmond HQ"),
        }),
    );
}

#[tokio::test]
async fn changing_a_location_or_number_records_before_and_after() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let (status, body) = app
        .assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1)
        .await;
    assert_eq!(status, 200, "{body}");
    let new_number = app.free_number("US", "calling_plan").await;
    let (status, adele) = app
        .assign(ADELE, &new_number, Some(SEATTLE_OFFICE), 2)
        .await;
    assert_eq!(status, 200, "{adele}");

    let international = adele["assigned_number"]["number"]["international"]
        .as_str()
        .unwrap();
    let entries = app.new_entries(since, 2).await;
    assert_entry(
        &entries[0],
        json!({
            "action": "NumberChanged", "actor": "admin", "target": "Adele Vance",
            "user_name": "Adele Vance", "number": ADELES_NUMBER,
            "before": "+1 425-555-0100 at Redmond HQ", "after": "+1 425-555-0100 at Seattle Office",
        }),
    );
    assert_entry(
        &entries[1],
        json!({
            "action": "NumberChanged", "number": new_number,
            "before": "+1 425-555-0100 at Seattle Office",
            "after": format!("{international} at Seattle Office"),
        }),
    );
}

#[tokio::test]
async fn removing_numbers_writes_one_entry_per_user() {
    let app = spawn_app().await;
    let nestor = app.user(NESTOR).await;
    let nestors_number = nestor["assigned_number"]["number"].clone();
    let since = app.last_audit_id().await;

    let (status, body) = app.remove(ADELE, 1).await;
    assert_eq!(status, 200, "{body}");
    app.done(Call::remove_selected(&[(ALEX, 1), (NESTOR, 1)]))
        .await;

    let entries = app.new_entries(since, 3).await;
    assert_entry(
        &entries[0],
        json!({
            "action": "NumberRemoved", "actor": "admin", "target": "Adele Vance",
            "user_name": "Adele Vance", "number": ADELES_NUMBER,
            "before": "+1 425-555-0100 at Redmond HQ", "after": "",
        }),
    );
    assert_entry(
        &entries[1],
        json!({
            "action": "NumberRemoved", "target": "Alex Wilber", "number": ALEXS_NUMBER,
            "before": "+1 425-555-0101 at Redmond HQ", "after": "",
        }),
    );
    assert_entry(
        &entries[2],
        json!({
            "action": "NumberRemoved", "target": "Nestor Wilke", "user_name": "Nestor Wilke",
            "number": nestors_number["e164"],
            "before": format!("{} at London Office", nestors_number["international"].as_str().unwrap()),
        }),
    );
}

#[tokio::test]
async fn added_ported_and_released_numbers_write_one_entry_per_number() {
    let app = spawn_app().await;

    // New user numbers.
    let since = app.last_audit_id().await;
    let added = app.done(Call::add_new_numbers("US", "Redmond", 3)).await;
    let entries = app.new_entries(since, 3).await;
    for (entry, number) in entries.iter().zip(added.as_array().unwrap()) {
        assert_entry(
            entry,
            json!({
                "action": "NumbersAdded", "actor": "admin",
                "target": number["number"]["international"], "number": number["number"]["e164"],
                "user_name": null, "before": "", "after": "Redmond, Calling Plan",
            }),
        );
    }
    let added = e164s(&added);

    // Checking a port writes nothing; adding writes one entry per number added.
    let outside = ["+14255550391", "+14255550392"];
    let list = |text: String| json!({ "List": { "text": text } });
    let since = app.last_audit_id().await;
    let check = Call::port("check", list(outside.join("\n")), "Seattle");
    let report = app.done(check).await;
    assert_eq!(report["accepted"].as_array().unwrap().len(), 2, "{report}");
    app.new_entries(since, 0).await;
    let text = format!("{}\n{}\n{ADELES_NUMBER}", outside[0], outside[1]);
    let report = app.done(Call::port("add", list(text), "Seattle")).await;
    assert_eq!(report["problems"].as_array().unwrap().len(), 1, "{report}");
    let entries = app.new_entries(since, 2).await;
    for (entry, e164) in entries.iter().zip(outside) {
        assert_entry(
            entry,
            json!({ "action": "NumbersPorted", "number": e164, "before": "", "after": "Seattle, Direct Routing" }),
        );
    }

    // Releasing: one entry per number, saying where it was from.
    let since = app.last_audit_id().await;
    let released = [added[0].clone(), outside[1].to_owned()];
    let count = app.done(Call::release(json!(released))).await;
    assert_eq!(count, json!(2));
    let entries = app.new_entries(since, 2).await;
    let mut recorded: Vec<(&Value, &Value)> = entries
        .iter()
        .map(|e| (&e["number"], &e["before"]))
        .collect();
    recorded.sort_by_key(|(n, _)| n.as_str().unwrap().to_owned());
    let mut expected = [
        (json!(added[0]), json!("Redmond, Calling Plan")),
        (json!(outside[1]), json!("Seattle, Direct Routing")),
    ];
    expected.sort_by_key(|(n, _)| n.as_str().unwrap().to_owned());
    let expected: Vec<(&Value, &Value)> = expected.iter().map(|(n, b)| (n, b)).collect();
    assert_eq!(recorded, expected);
    assert!(entries
        .iter()
        .all(|e| e["action"] == "NumbersReleased" && e["after"] == ""));
}

#[tokio::test]
async fn emergency_location_changes_are_recorded_with_the_address() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let location = app
        .done(Call::add_location(bellevue("Bellevue Office")))
        .await;
    let id = location["id"].as_i64().expect("an id");
    app.done(Call::rename_location(id, "Bellevue Campus")).await;
    app.done(Call::delete_location(id)).await;

    let entries = app.new_entries(since, 3).await;
    assert_entry(
        &entries[0],
        json!({
            "action": "LocationAdded", "actor": "admin", "target": "Bellevue Office",
            "user_name": null, "number": null,
            "before": "", "after": format!("Bellevue Office: {BELLEVUE}"),
        }),
    );
    assert_entry(
        &entries[1],
        json!({
            "action": "LocationRenamed", "target": "Bellevue Campus",
            "before": "Bellevue Office", "after": "Bellevue Campus",
        }),
    );
    assert_entry(
        &entries[2],
        json!({
            "action": "LocationDeleted", "target": "Bellevue Campus",
            "before": format!("Bellevue Campus: {BELLEVUE}"), "after": "",
        }),
    );
}
