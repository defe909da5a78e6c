//! The outbox: which jobs each kind of change writes, in its own
//! transaction, and what the API answers about them (with no phone system,
//! each is confirmed as it is saved).

use serde_json::{json, Value};

use super::{LIST, RETRY, USER_JOBS};
use crate::helpers::*;

/// (action, number, confirmed as saved) of each job, oldest first.
fn summary(jobs: &[Value]) -> Vec<(String, String, bool)> {
    let mut listed: Vec<_> = jobs
        .iter()
        .map(|j| {
            (
                j["action"].as_str().unwrap().to_owned(),
                j["number"].as_str().unwrap().to_owned(),
                j["confirmed_at"] == j["created_at"],
            )
        })
        .collect();
    listed.reverse();
    listed
}

fn route(number: &str) -> (String, String, bool) {
    ("Route".into(), number.into(), true)
}

fn unroute(number: &str) -> (String, String, bool) {
    ("Unroute".into(), number.into(), true)
}

#[tokio::test]
async fn assign_change_and_remove_each_write_their_jobs() {
    let app = spawn_app().await;
    let first = app.free_number("US", "calling_plan").await;
    let (status, answer) = app
        .send(Call::assign(MEGAN, &first, Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["saved"]["provisioning"], "Active", "{answer}");
    let jobs = app.jobs_of(MEGAN).await;
    assert_eq!(summary(&jobs), vec![route(&first)]);
    let username = app.user(MEGAN).await["username"]
        .as_str()
        .unwrap()
        .to_owned();
    let job = &jobs[0];
    assert_eq!(job["address"], format!("sip:{username}"), "{job}");
    assert_eq!(job["actor"], "admin", "{job}");
    assert_eq!(job["change_set"], answer["change_set"], "{job}");
    assert_eq!(job["created_at"], NOW, "{job}");
    assert_eq!(job["user_name"], "Megan Bowen", "{job}");

    // A new location alone is nothing for the phone system.
    app.send(Call::assign(MEGAN, &first, Some(SEATTLE_OFFICE), 2))
        .await;
    assert_eq!(app.jobs_of(MEGAN).await.len(), 1);

    let second = app.free_number("US", "calling_plan").await;
    let (status, answer) = app
        .send(Call::assign(MEGAN, &second, Some(REDMOND_HQ), 3))
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        summary(&app.jobs_of(MEGAN).await),
        vec![route(&first), unroute(&first), route(&second)]
    );

    let (status, answer) = app.send(Call::remove(MEGAN, 4)).await;
    assert_eq!(status, 200, "{answer}");
    // A removal the phone system confirmed leaves nothing to show.
    assert!(answer["saved"]["provisioning"].is_null(), "{answer}");
    let jobs = app.jobs_of(MEGAN).await;
    assert_eq!(summary(&jobs)[3], unroute(&second));
    assert!(jobs[0]["address"].is_null(), "{jobs:?}");
    assert_eq!(app.provisioning_of(MEGAN).await, None);
}

#[tokio::test]
async fn undo_bulk_and_licence_removal_write_jobs_too() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let (_, answer) = app
        .send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    let set = answer["change_set"].as_i64().unwrap();
    let (status, undone) = app
        .call(
            "/api/change-sets/undo",
            json!({ "request": { "change_set": set } }),
        )
        .await;
    assert_eq!(status, 200, "{undone}");
    let jobs = app.jobs_of(MEGAN).await;
    assert_eq!(summary(&jobs), vec![route(&number), unroute(&number)]);
    assert_eq!(jobs[0]["change_set"], undone["change_set"], "{jobs:?}");

    let (status, answer) = app.send(Call::remove_selected(&[(ALEX, 1)])).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        summary(&app.jobs_of(ALEX).await),
        vec![unroute(ALEXS_NUMBER)]
    );

    // Adele's calling-plan number needs her Calling Plan: taking the licence
    // with the number is an unroute with no change set.
    let (status, answer) = app
        .send(Call::licence(ADELE, "DomesticCallingPlan", false, 1, true))
        .await;
    assert_eq!(status, 200, "{answer}");
    let jobs = app.jobs_of(ADELE).await;
    assert_eq!(summary(&jobs), vec![unroute(ADELES_NUMBER)], "{jobs:?}");
    assert!(jobs[0]["change_set"].is_null(), "{jobs:?}");
}

#[tokio::test]
async fn a_refused_save_writes_no_job() {
    let app = spawn_app().await;
    let before = app.count("SELECT COUNT(*) FROM provisioning_jobs").await;
    let (status, answer) = app
        .send(Call::assign(MEGAN, ALEXS_NUMBER, Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(status, 409, "{answer}");
    let (status, answer) = app
        .send(Call::assign(MEGAN, "+14255550199", Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM provisioning_jobs").await,
        before
    );
}

#[tokio::test]
async fn bad_requests_are_named() {
    let app = spawn_app().await;
    let (status, answer) = app.call(USER_JOBS, json!({ "user_id": 999_999 })).await;
    assert_eq!(
        (status, variant(&answer).as_str()),
        (404, "NotFound"),
        "{answer}"
    );

    let (status, answer) = app.call(RETRY, json!({ "request": { "job": 4242 } })).await;
    assert_eq!(
        (status, variant(&answer).as_str()),
        (404, "NotFound"),
        "{answer}"
    );
    assert!(message(&answer).contains("4242"), "{answer}");

    let number = app.free_number("US", "calling_plan").await;
    app.send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    let job = app.jobs_of(MEGAN).await[0]["id"].as_i64().unwrap();
    let (status, answer) = app.call(RETRY, json!({ "request": { "job": job } })).await;
    assert_eq!(
        (status, variant(&answer).as_str()),
        (409, "Conflict"),
        "{answer}"
    );
    assert!(message(&answer).contains("already confirmed"), "{answer}");

    let (status, answer) = app
        .call(LIST, json!({ "query": { "status": "Active" } }))
        .await;
    assert_eq!(status, 400, "{answer}");
    let (status, answer) = app
        .call(LIST, json!({ "query": { "status": "Lost" } }))
        .await;
    assert_eq!(status, 400, "{answer}");
}
