//! Many sign-ins at once, slowed by the throttle and hashed at argon2's full
//! cost, leave the rest of the console answering: a slowed sign-in waits
//! without a database connection, and only about one password per core is
//! hashed at a time.

use std::time::{Duration, Instant};

use super::*;

const SIGN_INS: usize = 100;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_sign_ins_at_once_leave_the_console_answering() {
    let app = spawn_configured(|s| {
        let cost = app::auth::password::HashCost::default();
        s.password_hash_memory_kib = cost.memory_kib;
        s.password_hash_iterations = cost.iterations;
    })
    .await;
    let admin = app.signed_in("admin", ADMIN_PASSWORD).await;
    // Every attempt from this address now waits 2 s before its check.
    failures_from_this_address(&app, "earlier", 10).await;

    let started = Instant::now();
    let crowd: Vec<_> = (0..SIGN_INS)
        .map(|i| {
            let client = app.anonymous();
            let url = format!("{}/api/auth/sign-in", app.address);
            let body = json!({ "username": format!("crowd.{i}"), "password": "a-wrong-guess-1" });
            tokio::spawn(async move {
                let response = client.post(url).json(&body).send().await;
                read(response.expect("sending a sign-in")).await
            })
        })
        .collect();
    let mut latencies = Vec::new();
    while !crowd.iter().all(|c| c.is_finished()) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let asked = Instant::now();
        let (status, body) = app.call_with(&admin, LIST_USERS, list_body()).await;
        latencies.push(asked.elapsed());
        assert_eq!(
            status, 200,
            "listing users while {SIGN_INS} sign in: {body}"
        );
    }
    let mut answers = Vec::new();
    for c in crowd {
        answers.push(c.await.expect("a sign-in"));
    }

    latencies.sort();
    let slowest = *latencies.last().expect("the list was asked at least once");
    let busy = answers.iter().filter(|(s, _)| *s == 503).count();
    eprintln!(
        "{SIGN_INS} sign-ins answered in {:?} ({busy} asked to try again); the user list \
         asked {} times meanwhile: median {:?}, slowest {slowest:?}",
        started.elapsed(),
        latencies.len(),
        latencies[latencies.len() / 2],
    );
    assert!(slowest < Duration::from_secs(5), "{latencies:?}");
    for (status, body) in &answers {
        // 503 tells a sign-in that waited too long for its turn to try again.
        assert!(
            *status == 401 || (*status == 503 && body.get("Busy").is_some()),
            "{status} {body}"
        );
    }
}
