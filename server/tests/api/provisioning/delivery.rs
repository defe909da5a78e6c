//! Delivery through the simulated phone system: pending until confirmed,
//! failures retried until they succeed, a restart mid-delivery, a number's
//! jobs in order, and what the admin reads on the way.

use std::time::Duration;

use serde_json::json;

use super::{journal, simulated, RETRY};
use crate::helpers::*;

#[tokio::test]
async fn a_change_is_pending_until_the_phone_system_confirms_it() {
    let app = spawn_signed_in(simulated(400, 0.0)).await;
    let since = app.last_audit_id().await;
    let number = app.free_number("US", "calling_plan").await;
    let (status, answer) = app
        .send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["saved"]["provisioning"], "Pending", "{answer}");
    let open = app.open_jobs(json!({})).await;
    assert_eq!(open["open"], 1, "{open}");
    assert_eq!(open["jobs"][0]["number"], number.as_str(), "{open}");

    app.await_provisioning(MEGAN, Some("Active")).await;

    let job = &app.jobs_of(MEGAN).await[0];
    assert_eq!(job["attempts"], 1, "{job}");
    assert!(
        job["sent_at"].is_i64() && job["confirmed_at"].is_i64(),
        "{job}"
    );
    let username = app.user(MEGAN).await["username"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        journal(&app),
        vec![format!("route {number} sip:{username}")]
    );
    assert_eq!(app.open_jobs(json!({})).await["open"], 0);
    // The confirmation is in the log, named as the phone system's, so
    // consoles hear of it live.
    let entries = app.new_entries(since, 2).await;
    assert_eq!(entries[1]["action"], "ProvisioningConfirmed", "{entries:?}");
    assert_eq!(entries[1]["actor"], "switchboard", "{entries:?}");
    assert_eq!(entries[1]["number"], number.as_str(), "{entries:?}");
}

#[tokio::test]
async fn a_failed_delivery_says_why_and_retry_now_sends_it_again() {
    let app = spawn_signed_in(simulated(0, 1.0)).await;
    let number = app.free_number("US", "calling_plan").await;
    app.send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    app.await_provisioning(MEGAN, Some("Failed")).await;
    let job = app.jobs_of(MEGAN).await[0].clone();
    let reason = job["last_error"].as_str().unwrap();
    assert!(reason.contains("failed this attempt"), "{job}");
    let failed = app.open_jobs(json!({ "status": "Failed" })).await;
    assert_eq!(
        (failed["open"].as_i64(), failed["failed"].as_i64()),
        (Some(1), Some(1)),
        "{failed}"
    );
    assert_eq!(
        app.open_jobs(json!({ "status": "Pending" })).await["jobs"],
        json!([])
    );
    // Only the first failure is logged, not every retry.
    const FAILURES: &str = "SELECT COUNT(*) FROM audit_log WHERE action = 'PROVISIONING_FAILED'";
    assert_eq!(app.count(FAILURES).await, 1);

    // The phone system recovers: Retry now sends the job at once, with no
    // clock to wait for.
    let app = app.restart_with(simulated(0, 0.0)).await;
    let attempts = app.jobs_of(MEGAN).await[0]["attempts"].as_i64().unwrap();
    let (status, answer) = app
        .call(RETRY, json!({ "request": { "job": job["id"] } }))
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["jobs"], 1, "{answer}");
    let mut waited = 0;
    while app.provisioning_of(MEGAN).await.as_deref() != Some("Active") {
        assert!(
            waited < 100,
            "not confirmed after Retry now: {:?}",
            app.jobs_of(MEGAN).await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += 1;
    }
    let job = &app.jobs_of(MEGAN).await[0];
    assert!(job["attempts"].as_i64().unwrap() > attempts, "{job}");
    assert_eq!(app.count(FAILURES).await, 1);
}

#[tokio::test]
async fn failures_are_retried_with_backoff_until_every_change_is_confirmed() {
    // Half of all attempts fail: the worker keeps trying each job, later
    // each time, until the phone system takes it.
    let app = spawn_signed_in(simulated(0, 0.5)).await;
    let number = app.free_number("US", "calling_plan").await;
    let (status, answer) = app
        .send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(status, 200, "{answer}");
    const JOHANNA: i64 = 7;
    let holders = [ADELE, ALEX, JOHANNA, NESTOR, PATTI];
    let (status, answer) = app
        .send(Call::remove_selected(&holders.map(|u| (u, 1))))
        .await;
    assert_eq!(status, 200, "{answer}");
    let mut retried = 0;
    for (user, done) in holders
        .into_iter()
        .map(|u| (u, None))
        .chain([(MEGAN, Some("Active"))])
    {
        app.await_provisioning(user, done).await;
        let job = &app.jobs_of(user).await[0];
        if job["attempts"].as_i64().unwrap() > 1 {
            retried += 1;
            // The reason of the last failure stays on the job.
            assert!(job["last_error"].is_string(), "{job}");
        }
    }
    assert!(
        retried > 0,
        "no job needed a second attempt at a 50% failure rate"
    );
    assert_eq!(app.open_jobs(json!({})).await["open"], 0);
}

#[tokio::test]
async fn a_restart_in_the_middle_of_a_delivery_delivers_it_after_all() {
    let app = spawn_signed_in(simulated(3_000, 0.0)).await;
    let number = app.free_number("US", "calling_plan").await;
    app.send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    // Wait until the worker has sent it, then stop the server mid-delivery,
    // as a kill would.
    let mut waited = 0;
    while app.jobs_of(MEGAN).await[0]["sent_at"].is_null() {
        assert!(waited < 100, "the job was never sent");
        tokio::time::sleep(Duration::from_millis(20)).await;
        waited += 1;
    }
    let app = app.restart_with(simulated(0, 0.0)).await;
    // A lease another server left (PostgreSQL) runs out; SQLite's own are
    // ended on start. Either way the job goes out again.
    app.clock.advance(121);
    app.await_provisioning(MEGAN, Some("Active")).await;
    let job = &app.jobs_of(MEGAN).await[0];
    assert_eq!(job["attempts"], 2, "{job}");
    let username = app.user(MEGAN).await["username"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        journal(&app),
        vec![format!("route {number} sip:{username}")]
    );
}

#[tokio::test]
async fn a_numbers_changes_reach_the_phone_system_in_the_order_they_were_saved() {
    const PRADEEP: i64 = 12;
    let app = spawn_signed_in(simulated(150, 0.0)).await;
    let number = app.free_number("US", "calling_plan").await;
    let saves = [
        Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1),
        Call::remove(MEGAN, 2),
        Call::assign(
            PRADEEP,
            &number,
            Some(REDMOND_HQ),
            app.version_of(PRADEEP).await,
        ),
    ];
    for save in saves {
        let (status, answer) = app.send(save).await;
        assert_eq!(status, 200, "{answer}");
    }
    app.await_provisioning(PRADEEP, Some("Active")).await;
    app.await_provisioning(MEGAN, None).await;
    let megan = app.user(MEGAN).await["username"]
        .as_str()
        .unwrap()
        .to_owned();
    let pradeep = app.user(PRADEEP).await["username"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        journal(&app),
        vec![
            format!("route {number} sip:{megan}"),
            format!("unroute {number}"),
            format!("route {number} sip:{pradeep}"),
        ]
    );
}
