//! A number's lifecycle with a phone system: a new number is activating
//! (not assignable) until the phone system confirms it; a number given
//! back can be blocked from re-use for a number of days.

use serde_json::json;

use super::simulated;
use crate::helpers::*;

async fn activation_of(app: &TestApp, e164: &str) -> String {
    sqlx::query_scalar("SELECT activation FROM phone_numbers WHERE e164 = $1")
        .bind(e164)
        .fetch_one(&app.pool)
        .await
        .expect("reading the number")
}

#[tokio::test]
async fn a_new_number_is_assignable_once_the_phone_system_activated_it() {
    // Slow enough to see it waiting, and half the attempts fail.
    let app = spawn_signed_in(simulated(300, 0.0)).await;
    let (status, body) = app.send(Call::add_new_numbers("US", "Redmond", 2)).await;
    assert_eq!(status, 200, "{body}");
    let added = e164s(&body);
    for n in body.as_array().unwrap() {
        assert_eq!(n["activation"], "Pending", "{n}");
    }
    let offered = app.assignable_e164s("Redmond").await;
    assert!(
        !offered.iter().any(|n| added.contains(n)),
        "not assignable while activating"
    );
    let open = app.open_jobs(json!({ "action": "Activate" })).await;
    assert_eq!(open["jobs"].as_array().unwrap().len(), 2, "{open}");
    let (status, answer) = app
        .send(Call::assign(MEGAN, &added[0], Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(
        status, 422,
        "a number still activating can't be assigned: {answer}"
    );

    app.settled().await;
    for n in &added {
        assert_eq!(activation_of(&app, n).await, "active", "{n}");
    }
    let offered = app.assignable_e164s("Redmond").await;
    assert!(added.iter().all(|n| offered.contains(n)), "{offered:?}");
}

#[tokio::test]
async fn a_failing_activation_shows_as_failed_until_it_goes_through() {
    let app = spawn_signed_in(simulated(0, 1.0)).await;
    let (_, body) = app.send(Call::add_new_numbers("US", "Redmond", 1)).await;
    let number = e164s(&body)[0].clone();
    let mut waited = 0;
    while activation_of(&app, &number).await != "failed" {
        assert!(waited < 200, "the activation never failed");
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        waited += 1;
    }
    let app = app.restart_with(simulated(0, 0.0)).await;
    app.clock.advance(600);
    app.settled().await;
    assert_eq!(activation_of(&app, &number).await, "active");
}

#[tokio::test]
async fn with_no_phone_system_new_numbers_are_active_at_once() {
    let app = spawn_app().await;
    let (_, body) = app.send(Call::add_new_numbers("US", "Redmond", 1)).await;
    assert_eq!(body[0]["activation"], "Active", "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM provisioning_jobs").await, 0);
}

#[tokio::test]
async fn a_number_given_back_is_blocked_for_the_days_set() {
    let app = spawn_signed_in(|s| s.reuse_block_days = 10).await;
    let (status, answer) = app.send(Call::remove(ALEX, 1)).await;
    assert_eq!(status, 200, "{answer}");
    let until: Option<String> =
        sqlx::query_scalar("SELECT blocked_until FROM phone_numbers WHERE e164 = $1")
            .bind(ALEXS_NUMBER)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        until.as_deref(),
        Some("2026-12-06"),
        "10 days after {TODAY}"
    );
    // Nobody gets it meanwhile, Alex included.
    let (status, answer) = app
        .send(Call::assign(MEGAN, ALEXS_NUMBER, Some(REDMOND_HQ), 1))
        .await;
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer.to_string().contains("2026-12-06"),
        "the refusal says until when: {answer}"
    );

    // Changing to another number gives the old one back: blocked too.
    let first = app.free_number("US", "calling_plan").await;
    app.send(Call::assign(MEGAN, &first, Some(REDMOND_HQ), 1))
        .await;
    let second = app.free_number("US", "calling_plan").await;
    let (status, answer) = app
        .send(Call::assign(MEGAN, &second, Some(REDMOND_HQ), 2))
        .await;
    assert_eq!(status, 200, "{answer}");
    let blocked: Vec<String> = sqlx::query_scalar(
        "SELECT e164 FROM phone_numbers WHERE blocked_until = '2026-12-06' ORDER BY e164",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let mut want = vec![ALEXS_NUMBER.to_owned(), first];
    want.sort();
    assert_eq!(blocked, want);
}
