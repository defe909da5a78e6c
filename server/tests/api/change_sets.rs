//! Change sets: every Save is one, Recent changes lists them, and Undo puts
//! a set's users back exactly, or refuses with every reason and changes
//! nothing.

use serde_json::{json, Value};

use crate::helpers::*;

const LIST: &str = "/api/change-sets/list";
const UNDO: &str = "/api/change-sets/undo";

async fn undo(app: &TestApp, change_set: i64) -> (u16, Value) {
    app.call(UNDO, json!({ "request": { "change_set": change_set } }))
        .await
}

async fn recent(app: &TestApp, before: Option<i64>) -> Value {
    let (status, page) = app.call(LIST, json!({ "before": before })).await;
    assert_eq!(status, 200, "{page}");
    page
}

/// The change set an answer of a save names.
fn set_of(answer: &Value) -> i64 {
    answer["change_set"].as_i64().expect("a change set id")
}

#[tokio::test]
async fn an_assignment_is_a_change_set_that_undo_takes_back() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let (status, answer) = app
        .send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(status, 200, "{answer}");
    let set = set_of(&answer);

    let page = recent(&app, None).await;
    let listed = &page["sets"][0];
    assert_eq!(listed["id"], set, "{page}");
    assert_eq!(listed["users"], 1);
    assert_eq!(listed["actor"], "admin");
    assert!(
        listed["summary"].as_str().unwrap().contains("Megan Bowen"),
        "{listed}"
    );
    assert!(listed["undone_by"].is_null());
    let since = app.last_audit_id().await;

    let (status, undone) = undo(&app, set).await;

    assert_eq!(status, 200, "{undone}");
    assert!(undone["saved"][0]["assigned_number"].is_null(), "{undone}");
    assert_eq!(app.holder_of(&number).await, None);
    assert_eq!(app.version_of(MEGAN).await, 3);
    let entries = app.new_entries(since, 1).await;
    assert_eq!(entries[0]["action"], "NumberRemoved", "{entries:?}");
    let page = recent(&app, None).await;
    assert_eq!(page["sets"][0]["undoes"], set, "{page}");
    assert_eq!(page["sets"][1]["undone_by"], set_of(&undone), "{page}");

    let (status, again) = undo(&app, set).await;
    assert_eq!(status, 409, "{again}");
    assert!(
        again["Conflict"]["message"]
            .as_str()
            .unwrap()
            .contains("already undone"),
        "{again}"
    );
}

#[tokio::test]
async fn undoing_an_undo_puts_the_change_back() {
    let app = spawn_app().await;
    let (adele, alex) = (app.version_of(ADELE).await, app.version_of(ALEX).await);
    let (status, removed) = app
        .send(Call::remove_selected(&[(ADELE, adele), (ALEX, alex)]))
        .await;
    assert_eq!(status, 200, "{removed}");

    let (status, undone) = undo(&app, set_of(&removed)).await;
    assert_eq!(status, 200, "{undone}");
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, Some(ALEX));
    let adele_now = app.user(ADELE).await;
    assert_eq!(adele_now["emergency_location"]["id"], REDMOND_HQ);

    let (status, redone) = undo(&app, set_of(&undone)).await;
    assert_eq!(status, 200, "{redone}");
    assert_eq!(app.holder_of(ADELES_NUMBER).await, None);
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, None);
}

#[tokio::test]
async fn undo_refuses_when_a_user_changed_since_and_changes_nothing() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let (_, first) = app
        .send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    let (status, _) = app.assign(MEGAN, &number, Some(SEATTLE_OFFICE), 2).await;
    assert_eq!(status, 200);
    let before = app.snapshot_of(&ALL_TABLES).await;

    let (status, refused) = undo(&app, set_of(&first)).await;

    assert_eq!(status, 409, "{refused}");
    let changed = violation(&refused, "ChangedSince");
    assert_eq!(changed["user"], "Megan Bowen");
    app.assert_unchanged(&before, "a refused undo").await;
}

#[tokio::test]
async fn undo_refuses_when_a_freed_number_was_taken_since() {
    let app = spawn_app().await;
    let (status, removed) = app.send(Call::remove(ALEX, 1)).await;
    assert_eq!(status, 200, "{removed}");
    let (status, _) = app.assign(MEGAN, ALEXS_NUMBER, Some(REDMOND_HQ), 1).await;
    assert_eq!(status, 200);
    let before = app.snapshot_of(&ALL_TABLES).await;

    let (status, refused) = undo(&app, set_of(&removed)).await;

    assert_eq!(status, 409, "{refused}");
    assert_eq!(
        violation(&refused, "AlreadyAssigned")["holder"],
        "Megan Bowen"
    );
    app.assert_unchanged(&before, "a refused undo").await;
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, Some(MEGAN));
}

#[tokio::test]
async fn undo_of_an_unknown_or_malformed_change_set_is_a_4xx() {
    let app = spawn_app().await;
    let (status, answer) = undo(&app, 4242).await;
    assert_eq!(status, 404, "{answer}");
    let (status, answer) = app
        .call(UNDO, json!({ "request": { "change_set": "seven" } }))
        .await;
    assert_eq!(status, 400, "{answer}");
}

#[tokio::test]
async fn an_undo_whose_audit_entry_cannot_be_written_changes_nothing() {
    let app = spawn_app().await;
    let (_, removed) = app.send(Call::remove(ALEX, 1)).await;
    app.refuse_audit_entries("no entry").await;
    let before = app.snapshot_of(&ALL_TABLES).await;

    let answer = undo(&app, set_of(&removed)).await;

    assert_eq!(answer, (500, json!("Internal")));
    app.assert_unchanged(&before, "an undo without its entry")
        .await;
}

#[tokio::test]
async fn recent_changes_page_newest_first() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    // Megan starts at version 1; each save moves her on one.
    for version in 1..=51 {
        let (status, answer) = if version % 2 == 1 {
            app.assign(MEGAN, &number, Some(REDMOND_HQ), version).await
        } else {
            app.remove(MEGAN, version).await
        };
        assert_eq!(status, 200, "{answer}");
    }

    let first = recent(&app, None).await;
    let sets = first["sets"].as_array().unwrap();
    assert_eq!(sets.len(), 50);
    assert_eq!(sets[0]["id"], 51);
    assert_eq!(sets[49]["id"], 2);
    assert_eq!(first["next"], 2);
    assert_eq!(
        (&first["total"], &first["total_capped"]),
        (&json!(51), &json!(false))
    );
    let last = recent(&app, Some(2)).await;
    assert_eq!(last["sets"].as_array().unwrap().len(), 1, "{last}");
    assert_eq!(last["sets"][0]["id"], 1);
    assert!(last["next"].is_null(), "{last}");
}
