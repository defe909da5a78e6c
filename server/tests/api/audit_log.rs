//! The audit log: each change writes exactly one entry (one per number for
//! the number inventory), in the transaction of the change; refused changes
//! write none. It can be searched, filtered, paged and exported as CSV, and
//! the database refuses to edit or delete it.

use serde_json::{json, Value};

use crate::helpers::*;

const NESTOR: i64 = 10;
const BELLEVUE: &str = "500 108th Ave NE, Bellevue WA 98004, US";

fn bellevue(description: &str) -> Value {
    json!({ "address": {
        "description": description, "street": "500 108th Ave NE", "city": "Bellevue",
        "state": "WA", "postal_code": "98004", "country": "US"
    }})
}

/// Asserts every field `expected` names; `at` is NOW unless named.
fn assert_entry(entry: &Value, expected: Value) {
    let mut expected = expected;
    if expected.get("at").is_none() {
        expected["at"] = json!(NOW);
    }
    for (field, value) in expected.as_object().unwrap() {
        assert_eq!(&entry[field], value, "{field} of {entry}");
    }
}

/// The entries written since `since`, asserting there are `count`.
async fn new_entries(app: &TestApp, since: i64, count: usize) -> Vec<Value> {
    let entries = app.audit_since(since).await;
    assert_eq!(entries.len(), count, "new audit entries: {entries:#?}");
    entries
}

fn actions(entries: &[Value]) -> Vec<&str> {
    entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect()
}

// ---- One entry per change ----

#[tokio::test]
async fn assigning_a_number_writes_one_entry_naming_the_actor_user_and_number() {
    let app = spawn_app().await;
    let voice_admin = app.as_role("VoiceAdmin").await;
    let number = app.free_number("US", "calling_plan").await;
    let since = app.last_audit_id().await;

    let request = json!({ "user_id": MEGAN, "number": number, "location_id": REDMOND_HQ, "expected_version": 1 });
    let (status, megan) = app
        .call_with(
            &voice_admin,
            "/api/assignments/assign",
            json!({ "request": request }),
        )
        .await;

    assert_eq!(status, 200, "{megan}");
    let international = megan["assigned_number"]["number"]["international"]
        .as_str()
        .unwrap();
    let entries = new_entries(&app, since, 1).await;
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
    let entries = new_entries(&app, since, 2).await;
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
    let requests = json!([
        { "user_id": ALEX, "expected_version": 1 },
        { "user_id": NESTOR, "expected_version": 1 },
    ]);
    let (status, body) = app
        .call(
            "/api/assignments/remove-selected",
            json!({ "requests": requests }),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let entries = new_entries(&app, since, 3).await;
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
    let request = json!({ "country": "US", "city": "Redmond", "quantity": 3 });
    let (status, added) = app
        .call("/api/phone-numbers/add-new", json!({ "request": request }))
        .await;
    assert_eq!(status, 200, "{added}");
    let entries = new_entries(&app, since, 3).await;
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
    let port = |text: String| json!({ "request": { "source": { "List": { "text": text } }, "city": "Seattle" } });
    let since = app.last_audit_id().await;
    let (status, report) = app
        .call("/api/phone-numbers/port/check", port(outside.join("\n")))
        .await;
    assert_eq!(
        (status, report["accepted"].as_array().unwrap().len()),
        (200, 2),
        "{report}"
    );
    new_entries(&app, since, 0).await;
    let text = format!("{}\n{}\n{ADELES_NUMBER}", outside[0], outside[1]);
    let (status, report) = app.call("/api/phone-numbers/port/add", port(text)).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["problems"].as_array().unwrap().len(), 1, "{report}");
    let entries = new_entries(&app, since, 2).await;
    for (entry, e164) in entries.iter().zip(outside) {
        assert_entry(
            entry,
            json!({ "action": "NumbersPorted", "number": e164, "before": "", "after": "Seattle, Direct Routing" }),
        );
    }

    // Releasing: one entry per number, saying where it was from.
    let since = app.last_audit_id().await;
    let released = [added[0].clone(), outside[1].to_owned()];
    let (status, body) = app
        .call("/api/phone-numbers/release", json!({ "numbers": released }))
        .await;
    assert_eq!((status, body), (200, json!(2)));
    let entries = new_entries(&app, since, 2).await;
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

    let (status, location) = app
        .call("/api/emergency-locations/add", bellevue("Bellevue Office"))
        .await;
    assert_eq!(status, 200, "{location}");
    let id = location["id"].clone();
    let rename = json!({ "id": id, "description": "Bellevue Campus" });
    let (status, body) = app.call("/api/emergency-locations/rename", rename).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call("/api/emergency-locations/delete", json!({ "id": id }))
        .await;
    assert_eq!(status, 200, "{body}");

    let entries = new_entries(&app, since, 3).await;
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

#[tokio::test]
async fn licence_changes_are_recorded_and_a_number_removed_with_its_licence_too() {
    let app = spawn_app().await;
    let change = |user: i64, licence: &str, assign: bool, version: i64, also: bool| {
        json!({ "change": {
            "user_id": user, "licence": licence, "assign": assign,
            "expected_version": version, "also_remove_number": also
        }})
    };
    let since = app.last_audit_id().await;

    let (status, body) = app
        .call(
            "/api/licences/change",
            change(ISAIAH, "EnterpriseE5", true, 1, false),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // Already held: nothing to do, nothing to record.
    let (status, body) = app
        .call(
            "/api/licences/change",
            change(ISAIAH, "EnterpriseE5", true, 2, false),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call(
            "/api/licences/change",
            change(ADELE, "DomesticCallingPlan", false, 1, true),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let entries = new_entries(&app, since, 3).await;
    assert_entry(
        &entries[0],
        json!({
            "action": "LicenceAssigned", "actor": "admin", "target": "Isaiah Langer",
            "user_name": "Isaiah Langer", "number": null, "before": "", "after": "Enterprise E5",
        }),
    );
    assert_entry(
        &entries[1],
        json!({
            "action": "NumberRemoved", "target": "Adele Vance", "number": ADELES_NUMBER,
            "before": "+1 425-555-0100 at Redmond HQ",
            "after": "with the Domestic Calling Plan license",
        }),
    );
    assert_entry(
        &entries[2],
        json!({
            "action": "LicenceRemoved", "target": "Adele Vance", "user_name": "Adele Vance",
            "before": "Domestic Calling Plan", "after": "",
        }),
    );
}

#[tokio::test]
async fn account_changes_are_recorded() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let create = |username: &str, display_name: &str, role: &str| json!({ "request": { "username": username, "display_name": display_name, "role": role } });
    let (status, created) = app
        .call(
            "/api/accounts/create",
            create("audit.helpdesk", "Audit Helpdesk", "Helpdesk"),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    let id = created["account"]["id"].clone();
    let (status, body) = app
        .call(
            "/api/accounts/create",
            create("jurgenm@contoso.com", "", "User"),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call(
            "/api/accounts/set-role",
            json!({ "id": id, "role": "VoiceAdmin", "expected_version": 1 }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, reset) = app
        .call("/api/accounts/reset-password", json!({ "id": id }))
        .await;
    assert_eq!(status, 200, "{reset}");
    let own = app
        .signed_in("audit.helpdesk", reset["password"].as_str().unwrap())
        .await;
    let change = json!({ "current": reset["password"], "new": "my-own-passphrase-42" });
    let (status, body) = app
        .call_with(&own, "/api/auth/change-password", change)
        .await;
    assert_eq!(status, 200, "{body}");
    let version = app.account("audit.helpdesk").await.unwrap()["version"].clone();
    let (status, body) = app
        .call(
            "/api/accounts/remove",
            json!({ "id": id, "expected_version": version }),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let entries = new_entries(&app, since, 7).await;
    assert_eq!(
        actions(&entries),
        [
            "AccountCreated",
            "AccountCreated",
            "RoleChanged",
            "PasswordChanged",
            "SignedIn",
            "PasswordChanged",
            "AccountRemoved"
        ]
    );
    assert_entry(
        &entries[0],
        json!({ "actor": "admin", "target": "audit.helpdesk", "user_name": null, "before": "", "after": "Helpdesk" }),
    );
    assert_entry(
        &entries[1],
        json!({ "actor": "admin", "target": "jurgenm@contoso.com", "user_name": "Jürgen Müller", "after": "User" }),
    );
    assert_entry(
        &entries[2],
        json!({ "actor": "admin", "target": "audit.helpdesk", "before": "Helpdesk", "after": "Voice administrator" }),
    );
    assert_entry(
        &entries[3],
        json!({ "actor": "admin", "target": "audit.helpdesk", "after": "reset by an admin" }),
    );
    assert_entry(
        &entries[5],
        json!({ "actor": "audit.helpdesk", "target": "audit.helpdesk", "after": "by the account holder" }),
    );
    assert_entry(
        &entries[6],
        json!({ "actor": "admin", "target": "audit.helpdesk", "before": "Voice administrator", "after": "" }),
    );
    let no_secrets = entries.iter().all(|e| {
        !e.to_string().contains(reset["password"].as_str().unwrap())
            && !e.to_string().contains("my-own-passphrase-42")
    });
    assert!(no_secrets, "passwords never reach the log: {entries:#?}");
}

#[tokio::test]
async fn sign_ins_failed_sign_ins_and_sign_outs_are_recorded() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (_, status, _) = app.sign_in(HELPDESK, "not-the-password-1").await;
    assert_eq!(status, 401);
    let (_, status, _) = app.sign_in("mallory", "any-password-at-all").await;
    assert_eq!(status, 401);
    let (status, body) = app
        .call_with(&helpdesk, "/api/auth/sign-out", json!({}))
        .await;
    assert_eq!(status, 200, "{body}");

    let entries = new_entries(&app, since, 4).await;
    assert_entry(
        &entries[0],
        json!({ "action": "SignedIn", "actor": HELPDESK, "target": HELPDESK, "after": "from 127.0.0.1" }),
    );
    assert_entry(
        &entries[1],
        json!({ "action": "SignInFailed", "actor": HELPDESK, "target": HELPDESK, "after": "from 127.0.0.1" }),
    );
    assert_entry(
        &entries[2],
        json!({ "action": "SignInFailed", "actor": "mallory", "target": "mallory" }),
    );
    assert_entry(
        &entries[3],
        json!({ "action": "SignedOut", "actor": HELPDESK }),
    );
    assert!(
        !entries
            .iter()
            .any(|e| e.to_string().contains("not-the-password-1")),
        "a mistyped password is never logged"
    );
}

// ---- Refused changes write nothing ----

#[tokio::test]
async fn a_refused_change_writes_no_entry_and_changes_nothing() {
    let app = spawn_app().await;
    let helpdesk = app.as_role("Helpdesk").await;
    let free = app.free_number("US", "calling_plan").await;
    let admin_id = app.account_id("admin").await;
    let refused: Vec<(&str, Value, u16)> = vec![
        // The number is Adele's.
        (
            "/api/assignments/assign",
            json!({ "request": { "user_id": MEGAN, "number": ADELES_NUMBER, "location_id": REDMOND_HQ, "expected_version": 1 } }),
            409,
        ),
        // A stale pane.
        (
            "/api/assignments/assign",
            json!({ "request": { "user_id": MEGAN, "number": free, "location_id": REDMOND_HQ, "expected_version": 7 } }),
            409,
        ),
        // Adele's removal is written first, then Alex's is stale: neither stays.
        (
            "/api/assignments/remove-selected",
            json!({ "requests": [
                { "user_id": ADELE, "expected_version": 1 },
                { "user_id": ALEX, "expected_version": 5 },
            ]}),
            409,
        ),
        // The free number sorts first and is released, then Adele's is refused.
        (
            "/api/phone-numbers/release",
            json!({ "numbers": [free, ADELES_NUMBER] }),
            409,
        ),
        (
            "/api/emergency-locations/add",
            json!({ "address": {
                "description": "Nowhere", "street": "No number street", "city": "Bellevue",
                "state": null, "postal_code": "1", "country": "US"
            }}),
            422,
        ),
        (
            "/api/emergency-locations/delete",
            json!({ "id": REDMOND_HQ }),
            409,
        ),
        (
            "/api/licences/change",
            json!({ "change": {
                "user_id": ADELE, "licence": "DomesticCallingPlan", "assign": false,
                "expected_version": 1, "also_remove_number": false
            }}),
            409,
        ),
        (
            "/api/accounts/create",
            json!({ "request": { "username": "helpdesk", "display_name": "Twin", "role": "Helpdesk" } }),
            409,
        ),
        (
            "/api/accounts/set-role",
            json!({ "id": admin_id, "role": "Helpdesk", "expected_version": 1 }),
            409,
        ),
    ];
    for (path, body, expected) in refused {
        let before = app.snapshot().await;
        let (status, answer) = app.call(path, body).await;
        assert_eq!(status, expected, "{path}: {answer}");
        assert_eq!(
            changed_tables(&before, &app.snapshot().await),
            Vec::<&str>::new(),
            "{path}: a refused change leaves no trace"
        );
    }

    // Forbidden: Helpdesk may not assign.
    let before = app.snapshot().await;
    let request = json!({ "user_id": MEGAN, "number": free, "location_id": REDMOND_HQ, "expected_version": 1 });
    let (status, answer) = app
        .call_with(
            &helpdesk,
            "/api/assignments/assign",
            json!({ "request": request }),
        )
        .await;
    assert_eq!(status, 403, "{answer}");
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        Vec::<&str>::new()
    );
}

#[tokio::test]
async fn a_change_whose_entry_cannot_be_written_does_not_happen() {
    let app = spawn_app().await;
    sqlx::query(
        "CREATE TRIGGER refuse_assignment_entries BEFORE INSERT ON audit_log \
         WHEN NEW.action = 'NUMBER_ASSIGNED' BEGIN SELECT RAISE(ABORT, 'no entry'); END",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let number = app.free_number("US", "calling_plan").await;
    let before = app.snapshot().await;

    let (status, body) = app.assign(MEGAN, &number, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 500, "{body}");
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        Vec::<&str>::new(),
        "the assignment and its entry commit together or not at all"
    );
    assert_eq!(app.holder_of(&number).await, None);
    assert_eq!(app.version_of(MEGAN).await, 1);
}

// ---- Reading the log ----

/// Entries on two days: the 26th (sign-ins, an assignment by voice.admin, a
/// change of Adele's location, a sign-in at 23:59:59) and the 27th (a
/// sign-in at midnight and a rename). `app.client` is signed in again on the
/// 27th.
async fn two_days_of_changes(app: &mut TestApp) -> String {
    let voice_admin = app.as_role("VoiceAdmin").await;
    let number = app.free_number("US", "calling_plan").await;
    let request = json!({ "user_id": MEGAN, "number": number, "location_id": REDMOND_HQ, "expected_version": 1 });
    let (status, body) = app
        .call_with(
            &voice_admin,
            "/api/assignments/assign",
            json!({ "request": request }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1)
        .await;
    assert_eq!(status, 200, "{body}");

    let to_midnight = 86_400 - NOW % 86_400;
    app.clock.advance(to_midnight - 1);
    app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    app.clock.advance(1);
    app.client = app.signed_in("admin", ADMIN_PASSWORD).await;
    let rename = json!({ "id": LONDON_OFFICE, "description": "London Paddington" });
    let (status, body) = app.call("/api/emergency-locations/rename", rename).await;
    assert_eq!(status, 200, "{body}");
    number
}

#[tokio::test]
async fn the_log_is_newest_first_and_filters_by_search_action_and_day() {
    let mut app = spawn_app().await;
    let megans_number = two_days_of_changes(&mut app).await;
    let midnight = NOW + 86_400 - NOW % 86_400;

    let all = app.audit_entries(json!({})).await;
    assert_eq!(
        actions(&all),
        [
            "LocationRenamed",
            "SignedIn",
            "SignedIn",
            "NumberChanged",
            "NumberAssigned",
            "SignedIn",
            "SignedIn"
        ]
    );
    let ids: Vec<i64> = all.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");
    assert_eq!(all[1]["at"], midnight);
    assert_eq!(all[2]["at"], midnight - 1);

    let cases: Vec<(Value, Vec<&str>)> = vec![
        // By user name, any case.
        (json!({ "search": "MEGAN" }), vec!["NumberAssigned"]),
        // By digits of a number, however they are spaced.
        (json!({ "search": "425 555 0100" }), vec!["NumberChanged"]),
        (
            json!({ "search": &megans_number[2..] }),
            vec!["NumberAssigned"],
        ),
        // By actor (and target: a sign-in's target is the account).
        (
            json!({ "search": "voice.admin" }),
            vec!["NumberAssigned", "SignedIn"],
        ),
        // Wildcards are text.
        (json!({ "search": "%" }), vec![]),
        (json!({ "search": "_" }), vec![]),
        (json!({ "action": "NumberChanged" }), vec!["NumberChanged"]),
        (json!({ "action": "SignedIn" }), vec!["SignedIn"; 4]),
        (
            json!({ "action": "SignedIn", "search": "admin" }),
            vec!["SignedIn"; 3],
        ),
        (
            json!({ "to": "2026-11-26" }),
            vec![
                "SignedIn",
                "NumberChanged",
                "NumberAssigned",
                "SignedIn",
                "SignedIn",
            ],
        ),
        (
            json!({ "from": "2026-11-27" }),
            vec!["LocationRenamed", "SignedIn"],
        ),
        (
            json!({ "from": "2026-11-27", "to": "2026-11-27" }),
            vec!["LocationRenamed", "SignedIn"],
        ),
        (
            json!({ "from": "2026-11-26", "to": "2026-11-26", "action": "SignedIn" }),
            vec!["SignedIn"; 3],
        ),
        (json!({ "from": "2026-11-25", "to": "2026-11-25" }), vec![]),
        (json!({ "from": "2026-11-28" }), vec![]),
    ];
    for (filter, expected) in cases {
        let entries = app.audit_entries(filter.clone()).await;
        assert_eq!(actions(&entries), expected, "{filter}: {entries:#?}");
    }

    // What a search finds, it finds in the right entries.
    let by_user = app.audit_entries(json!({ "search": "megan" })).await;
    assert_eq!(by_user[0]["user_name"], "Megan Bowen");
    let by_digits = app.audit_entries(json!({ "search": "425 555 0100" })).await;
    assert_eq!(by_digits[0]["number"], ADELES_NUMBER);
    let by_actor = app.audit_entries(json!({ "search": "voice.admin" })).await;
    assert!(
        by_actor.iter().all(|e| e["actor"] == VOICE_ADMIN),
        "{by_actor:#?}"
    );
    let day_one = app.audit_entries(json!({ "to": "2026-11-26" })).await;
    assert!(day_one.iter().all(|e| e["at"].as_i64().unwrap() < midnight));
}

#[tokio::test]
async fn bad_filters_are_400() {
    let app = spawn_app().await;
    let cases = [
        json!({ "action": "NUMBER_ASSIGNED" }),
        json!({ "action": "Bogus" }),
        json!({ "from": "2026-02-30" }),
        json!({ "to": "yesterday" }),
        json!({ "search": "x".repeat(101) }),
    ];
    for filter in cases {
        let (status, body) = app
            .call(
                "/api/audit/list",
                json!({ "query": audit_query(filter.clone()) }),
            )
            .await;
        assert_eq!(status, 400, "{filter}: {body}");
        assert_eq!(variant(&body), "BadRequest", "{filter}: {body}");
    }
}

#[tokio::test]
async fn pages_of_50_follow_each_other_through_before_id() {
    let app = spawn_app().await;
    let request = json!({ "country": "US", "city": "Redmond", "quantity": 60 });
    let (status, body) = app
        .call("/api/phone-numbers/add-new", json!({ "request": request }))
        .await;
    assert_eq!(status, 200, "{body}");
    let in_db: Vec<i64> = sqlx::query_scalar("SELECT id FROM audit_log ORDER BY id DESC")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(in_db.len(), 61, "60 numbers and the admin's sign-in");

    let ids = |page: &Value| -> Vec<i64> {
        page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    };
    let first = app.audit_page(json!({})).await;
    assert_eq!(ids(&first).len(), 50);
    assert_eq!(first["next"], ids(&first)[49], "next is the last id shown");
    let second = app.audit_page(json!({ "before_id": first["next"] })).await;
    assert_eq!(ids(&second).len(), 11);
    assert!(second["next"].is_null(), "{second}");
    let both: Vec<i64> = ids(&first).into_iter().chain(ids(&second)).collect();
    assert_eq!(both, in_db, "every entry once, newest first");

    // With a filter, and exactly 50 left: no further page.
    let added = app.audit_page(json!({ "action": "NumbersAdded" })).await;
    assert_eq!(ids(&added).len(), 50);
    let rest = app
        .audit_page(json!({ "action": "NumbersAdded", "before_id": added["next"] }))
        .await;
    assert_eq!(ids(&rest).len(), 10);
    assert!(rest["next"].is_null());
    let tenth = ids(&added)[9];
    let exactly_50 = app
        .audit_page(json!({ "action": "NumbersAdded", "before_id": tenth }))
        .await;
    assert_eq!(ids(&exactly_50).len(), 50);
    assert!(
        exactly_50["next"].is_null(),
        "no empty last page: {}",
        exactly_50["next"]
    );
}

// ---- CSV export ----

#[tokio::test]
async fn the_csv_export_holds_the_log_with_formulas_neutralised() {
    let app = spawn_app().await;
    let (status, body) = app
        .call(
            "/api/emergency-locations/add",
            bellevue("=SUM(A1:A9) Annex"),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1)
        .await;
    assert_eq!(status, 200, "{body}");

    let response = app.export_csv(&app.client, "").await;

    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"switchboard-audit-2026-11-26.csv\""
    );
    let text = response.text().await.unwrap();
    let rows = parse_csv(&text);
    let location_after = format!("'=SUM(A1:A9) Annex: {BELLEVUE}");
    assert_eq!(
        rows[0],
        [
            "Time (UTC)",
            "Actor",
            "Action",
            "Target",
            "User",
            "Number",
            "Before",
            "After"
        ]
    );
    assert_eq!(
        rows[1..].to_vec(),
        vec![
            vec![
                "2026-11-26 19:23:10 UTC",
                "admin",
                "Number or location changed",
                "Adele Vance",
                "Adele Vance",
                "'+14255550100",
                "'+1 425-555-0100 at Redmond HQ",
                "'+1 425-555-0100 at Seattle Office",
            ],
            vec![
                "2026-11-26 19:23:10 UTC",
                "admin",
                "Emergency location added",
                "'=SUM(A1:A9) Annex",
                "",
                "",
                "",
                location_after.as_str(),
            ],
            vec![
                "2026-11-26 19:23:10 UTC",
                "admin",
                "Signed in",
                "admin",
                "",
                "",
                "",
                "from 127.0.0.1"
            ],
        ]
    );
    assert!(
        text.lines()
            .all(|line| line.starts_with('"') && line.ends_with('"')),
        "every cell is quoted, so a ';' or ',' never splits one: {text}"
    );
    let formula = rows
        .iter()
        .flatten()
        .any(|cell| cell.starts_with(['=', '+', '-', '@']));
    assert!(!formula, "no cell starts a formula: {rows:?}");
}

#[tokio::test]
async fn the_csv_export_applies_the_filters() {
    let mut app = spawn_app().await;
    two_days_of_changes(&mut app).await;
    let rows = |query: &'static str| {
        let app = &app;
        async move {
            let response = app.export_csv(&app.client, query).await;
            assert_eq!(response.status(), 200, "{query}");
            let rows = parse_csv(&response.text().await.unwrap());
            assert_eq!(rows[0][0], "Time (UTC)", "{query}");
            rows[1..].to_vec()
        }
    };

    assert_eq!(rows("").await.len(), 7);
    let assigned = rows("action=NUMBER_ASSIGNED").await;
    assert_eq!(assigned.len(), 1);
    assert_eq!(
        assigned[0][1..5],
        [
            "voice.admin",
            "Number assigned",
            "Megan Bowen",
            "Megan Bowen"
        ]
    );
    let adele = rows("search=adele%20vance").await;
    assert_eq!(adele.len(), 1);
    assert_eq!(adele[0][2], "Number or location changed");
    let day_two = rows("from=2026-11-27").await;
    let day_two: Vec<&str> = day_two.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(day_two, ["2026-11-27 00:00:00 UTC"; 2]);
    let sign_ins = rows("action=SIGNED_IN&to=2026-11-26").await;
    assert_eq!(sign_ins.len(), 3);
    assert_eq!(sign_ins[0][0], "2026-11-26 23:59:59 UTC");
    assert_eq!(
        rows("search=&action=&from=&to=").await.len(),
        7,
        "empty filters are none"
    );
}

#[tokio::test]
async fn the_csv_export_needs_a_session_and_the_audit_permission() {
    let app = spawn_app().await;
    let cases = [
        ("Anonymous", 401, "SignedOut"),
        ("Helpdesk", 403, "Forbidden"),
        ("User", 403, "Forbidden"),
    ];
    for (role, expected_status, expected_variant) in cases {
        let client = app.as_role(role).await;
        let (status, body) = read(app.export_csv(&client, "").await).await;
        assert_eq!(
            (status, variant(&body)),
            (expected_status, expected_variant.into()),
            "{role}: {body}"
        );
    }
    let voice_admin = app.as_role("VoiceAdmin").await;
    let response = app.export_csv(&voice_admin, "").await;
    assert_eq!(response.status(), 200);
    let rows = parse_csv(&response.text().await.unwrap());
    assert!(
        rows.iter()
            .any(|r| r[1] == "voice.admin" && r[2] == "Signed in" && r[3] == "voice.admin"),
        "{rows:?}"
    );
}

#[tokio::test]
async fn the_csv_export_refuses_bad_filters_with_400() {
    let app = spawn_app().await;
    let bad = [
        "action=BOGUS".to_owned(),
        "action=NumberAssigned".to_owned(),
        "from=2026-02-30".to_owned(),
        "to=yesterday".to_owned(),
        "colour=blue".to_owned(),
        format!("search={}", "x".repeat(101)),
    ];
    for query in bad {
        let (status, body) = read(app.export_csv(&app.client, &query).await).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert_eq!(variant(&body), "BadRequest", "{query}: {body}");
    }
}

#[tokio::test]
async fn an_account_that_must_choose_a_password_cannot_export_the_log_yet() {
    let app = spawn_app().await;
    let request =
        json!({ "username": "new.voice", "display_name": "New Voice", "role": "VoiceAdmin" });
    let (status, created) = app
        .call("/api/accounts/create", json!({ "request": request }))
        .await;
    assert_eq!(status, 200, "{created}");
    let fresh = app
        .signed_in("new.voice", created["password"].as_str().unwrap())
        .await;

    let (status, body) = app
        .call_with(
            &fresh,
            "/api/audit/list",
            json!({ "query": audit_query(json!({})) }),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = read(app.export_csv(&fresh, "").await).await;
    assert_eq!(status, 403, "the export is as closed as the list: {body}");
}

// ---- Append-only ----

#[tokio::test]
async fn the_database_refuses_to_edit_or_delete_the_log() {
    let app = spawn_app().await;
    let (status, body) = app
        .assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1)
        .await;
    assert_eq!(status, 200, "{body}");
    let before = app.snapshot().await;
    assert_eq!(app.audit_count().await, 2);

    let update = sqlx::query("UPDATE audit_log SET actor = 'x'")
        .execute(&app.pool)
        .await;
    let delete = sqlx::query("DELETE FROM audit_log")
        .execute(&app.pool)
        .await;

    for (what, result) in [("UPDATE", update), ("DELETE", delete)] {
        let err = result.expect_err(what).to_string();
        assert!(err.contains("append-only"), "{what}: {err}");
    }
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        Vec::<&str>::new()
    );
    let entries = app.audit_entries(json!({})).await;
    assert_eq!(entries[0]["actor"], "admin");
    assert_eq!(entries.len(), 2);
}

#[tokio::test]
async fn the_database_refuses_to_overwrite_an_entry_by_replacing_it() {
    let app = spawn_app().await;
    let before = app.snapshot().await;
    let replace = sqlx::query(
        "INSERT OR REPLACE INTO audit_log (id, at, actor, action, target) \
         VALUES (1, 0, 'someone-else', 'SIGNED_IN', 'x')",
    )
    .execute(&app.pool)
    .await;
    assert!(replace.is_err(), "replacing entry 1 must fail");
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        Vec::<&str>::new()
    );
}
