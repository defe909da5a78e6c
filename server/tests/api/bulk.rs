//! Numbers for many users at once: suggestions, the check that writes
//! nothing, and the save of all rows as one change set, or of none.

use serde_json::{json, Value};

use crate::helpers::*;

const SUGGEST: &str = "/api/bulk/suggest";
const CHECK: &str = "/api/bulk/check";
const SAVE: &str = "/api/bulk/save";

async fn suggest(app: &TestApp, users: &[i64], city: &str, range: &str) -> Vec<Value> {
    let request = json!({ "users": users, "narrow": { "city": city, "range": range } });
    let (status, answer) = app.call(SUGGEST, json!({ "request": request })).await;
    assert_eq!(status, 200, "{answer}");
    answer.as_array().expect("suggestions").clone()
}

fn e164(suggestion: &Value) -> &str {
    suggestion["number"]["number"]["e164"]
        .as_str()
        .unwrap_or_else(|| panic!("a suggested number: {suggestion}"))
}

/// A row giving `user` (at `version`) `number` at `location`.
fn row(user: i64, version: i64, number: Option<&str>, location: Option<i64>) -> Value {
    json!({ "user_id": user, "expected_version": version, "number": number,
            "location_id": location })
}

async fn save(app: &TestApp, rows: Vec<Value>) -> (u16, Value) {
    app.call(SAVE, json!({ "rows": rows })).await
}

/// The places of the refused rows and the variant names of their problems.
fn refused(answer: &Value) -> Vec<(u64, Vec<String>)> {
    answer["RowsRejected"]["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("expected RowsRejected, got {answer}"))
        .iter()
        .map(|r| {
            let names = r["violations"].as_array().unwrap().iter().map(variant);
            (r["row"].as_u64().unwrap(), names.collect())
        })
        .collect()
}

#[tokio::test]
async fn each_user_is_suggested_a_different_number_their_licences_allow() {
    let app = spawn_app().await;

    let found = suggest(&app, &[MEGAN, LEE, ISAIAH, DIEGO, GRADY], "", "").await;

    assert_eq!(found.len(), 5);
    let (megan, lee, isaiah, diego) = (&found[0], &found[1], &found[2], &found[3]);
    assert!(e164(megan).starts_with("+1"), "{megan}");
    // Lee has Phone System without a Calling Plan.
    assert!(e164(lee).starts_with("+1"), "{lee}");
    assert_ne!(lee["number"]["source"], "CallingPlan", "{lee}");
    assert_ne!(e164(megan), e164(lee));
    assert!(e164(diego).starts_with("+44"), "{diego}");
    assert!(isaiah["number"].is_null(), "{isaiah}");
    assert!(
        isaiah["note"].as_str().unwrap().contains("Phone System"),
        "{isaiah}"
    );
    // Grady's Enterprise E3 doesn't open Voice numbers either.
    assert!(found[4]["number"].is_null(), "{}", found[4]);
}

#[tokio::test]
async fn suggestions_keep_to_a_city_or_a_range() {
    let app = spawn_app().await;
    let by_range = suggest(&app, &[MEGAN, LEE], "", "+1 206 xx").await;
    for s in &by_range {
        assert!(e164(s).starts_with("+1206"), "{s}");
    }
    let by_area = suggest(&app, &[MEGAN], "", "212").await;
    assert!(e164(&by_area[0]).starts_with("+1212"), "{by_area:?}");
    let by_city = suggest(&app, &[MEGAN], "seattle", "").await;
    assert_eq!(by_city[0]["number"]["city"], "Seattle", "{by_city:?}");
    let nowhere = suggest(&app, &[MEGAN], "Atlantis", "").await;
    assert!(nowhere[0]["number"].is_null());
    assert!(
        nowhere[0]["note"]
            .as_str()
            .unwrap()
            .contains("No free number"),
        "{nowhere:?}"
    );
}

#[tokio::test]
async fn a_bulk_save_writes_every_row_as_one_change_set_that_undo_takes_back() {
    let app = spawn_app().await;
    let found = suggest(&app, &[MEGAN, DIEGO], "", "").await;
    let since = app.last_audit_id().await;
    let rows = vec![
        row(MEGAN, 1, Some(e164(&found[0])), Some(REDMOND_HQ)),
        row(DIEGO, 1, Some(e164(&found[1])), Some(LONDON_OFFICE)),
    ];

    let (status, answer) = save(&app, rows).await;

    assert_eq!(status, 200, "{answer}");
    assert_eq!(app.holder_of(e164(&found[0])).await, Some(MEGAN));
    assert_eq!(app.holder_of(e164(&found[1])).await, Some(DIEGO));
    let entries = app.new_entries(since, 2).await;
    assert!(
        entries.iter().all(|e| e["action"] == "NumberAssigned"),
        "{entries:?}"
    );
    let set = answer["change_set"].as_i64().expect("a change set");
    let (_, recent) = app
        .call("/api/change-sets/list", json!({ "before": null }))
        .await;
    assert_eq!(
        recent["sets"][0]["summary"],
        "Numbers for 2 users: 2 assigned"
    );

    let (status, undone) = app
        .call(
            "/api/change-sets/undo",
            json!({ "request": { "change_set": set } }),
        )
        .await;
    assert_eq!(status, 200, "{undone}");
    assert_eq!(app.holder_of(e164(&found[0])).await, None);
    assert_eq!(app.holder_of(e164(&found[1])).await, None);
}

#[tokio::test]
async fn one_bad_row_refuses_the_whole_set_and_check_says_the_same() {
    let app = spawn_app().await;
    let found = suggest(&app, &[MEGAN, DIEGO], "", "").await;
    let rows = vec![
        row(MEGAN, 1, Some(e164(&found[0])), Some(REDMOND_HQ)),
        // A US location for a GB number.
        row(DIEGO, 1, Some(e164(&found[1])), Some(REDMOND_HQ)),
        row(ISAIAH, 1, Some("+1 425 555 01"), Some(REDMOND_HQ)),
        row(9999, 1, None, None),
    ];
    let before = app.snapshot_of(&ALL_TABLES).await;

    let (status, checked) = app.call(CHECK, json!({ "rows": rows.clone() })).await;
    assert_eq!(status, 200, "{checked}");
    let (status, answer) = save(&app, rows).await;

    assert_eq!(status, 422, "{answer}");
    let expected = vec![
        (1, vec!["LocationCountryMismatch".to_owned()]),
        (2, vec!["NumberUnreadable".to_owned()]),
        (3, vec!["UnknownUser".to_owned()]),
    ];
    assert_eq!(refused(&answer), expected);
    let check_rows = json!({ "RowsRejected": { "rows": checked } });
    assert_eq!(refused(&check_rows), expected, "check agrees with save");
    app.assert_unchanged(&before, "a refused bulk save and a check")
        .await;
}

#[tokio::test]
async fn two_users_swap_numbers_in_one_save_but_no_number_goes_twice() {
    let app = spawn_app().await;
    let (adele, alex) = (app.version_of(ADELE).await, app.version_of(ALEX).await);
    let swap = vec![
        row(ADELE, adele, Some(ALEXS_NUMBER), Some(REDMOND_HQ)),
        row(ALEX, alex, Some(ADELES_NUMBER), Some(REDMOND_HQ)),
    ];
    let twice = vec![
        row(ADELE, adele, Some(ALEXS_NUMBER), Some(REDMOND_HQ)),
        row(MEGAN, 1, Some(ALEXS_NUMBER), Some(REDMOND_HQ)),
    ];

    let (status, answer) = save(&app, twice).await;
    assert_eq!(status, 409, "{answer}");
    let names: Vec<Vec<String>> = refused(&answer).into_iter().map(|(_, n)| n).collect();
    assert!(
        names[0].contains(&"NumberTwiceInSet".to_owned()),
        "{answer}"
    );
    assert!(names[1].contains(&"AlreadyAssigned".to_owned()), "{answer}");

    let (status, answer) = save(&app, swap).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, Some(ADELE));
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ALEX));
}

#[tokio::test]
async fn a_row_for_a_user_changed_meanwhile_is_a_409() {
    let app = spawn_app().await;
    let (status, answer) = save(&app, vec![row(ALEX, 7, None, None)]).await;
    assert_eq!(status, 409, "{answer}");
    assert_eq!(
        refused(&answer),
        vec![(0, vec!["UserChangedMeanwhile".to_owned()])]
    );
}

#[tokio::test]
async fn no_rows_or_too_many_are_refused_before_reading() {
    let app = spawn_app().await;
    let (status, answer) = save(&app, vec![]).await;
    assert_eq!(status, 400, "{answer}");
    let many: Vec<Value> = (0..10_001).map(|_| row(MEGAN, 1, None, None)).collect();
    let (status, answer) = save(&app, many).await;
    assert_eq!(status, 413, "{answer}");
    assert!(
        answer["TooLarge"]["message"]
            .as_str()
            .unwrap()
            .contains("at most 10,000"),
        "{answer}"
    );
}
