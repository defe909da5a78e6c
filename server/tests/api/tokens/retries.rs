//! `Idempotency-Key`: retries change nothing twice.

use super::*;

/// Posts `body` to `path` as `client` with an Idempotency-Key: status,
/// whether it was a replay, and the body.
async fn keyed(
    app: &TestApp,
    client: &reqwest::Client,
    key: &str,
    path: &str,
    body: &Value,
) -> (u16, bool, Value) {
    let response = client
        .post(format!("{}{path}", app.address))
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .expect("sending");
    let replayed = response.headers().get("idempotent-replayed").is_some();
    let (status, body) = read(response).await;
    (status, replayed, body)
}

async fn tokens_named(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM api_tokens WHERE name = $1")
        .bind(name)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_retry_with_the_same_key_gets_the_first_answer_and_changes_nothing_twice() {
    let app = spawn_app().await;
    let (token, _) = token_of(&app, &app.client, json!({ "name": "script" })).await;
    let script = reqwest::Client::builder()
        .default_headers(
            [(
                reqwest::header::AUTHORIZATION,
                format!("Bearer {token}").parse().unwrap(),
            )]
            .into_iter()
            .collect(),
        )
        .build()
        .unwrap();
    let (assign, megan) = assign_megan(&app).await;
    let since = app.last_audit_id().await;

    let first = keyed(&app, &script, "assign-megan-1", assign.path, &assign.body).await;
    assert_eq!((first.0, first.1), (200, false), "{}", first.2);
    let again = keyed(&app, &script, "assign-megan-1", assign.path, &assign.body).await;
    assert_eq!(
        again,
        (200, true, first.2.clone()),
        "the first answer, replayed"
    );
    app.new_entries(since, 1).await;
    assert_eq!(
        app.user(MEGAN).await["version"],
        megan["version"].as_i64().unwrap() + 1
    );

    // The same key for another request: refused, nothing done.
    let other = Call::remove(MEGAN, megan["version"].as_i64().unwrap() + 1);
    let (status, _, answer) = keyed(&app, &script, "assign-megan-1", other.path, &other.body).await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        message(&answer).contains("used for another request"),
        "{answer}"
    );
    let (status, _, answer) = keyed(&app, &script, "assign-megan-1", assign.path, &json!({})).await;
    assert_eq!(status, 409, "another body: {answer}");
    app.new_entries(since, 1).await;
    // Without a key, a request runs as ever.
    assert_eq!(
        with_token(&app, &token, other.path, other.body).await.0,
        200
    );
}

#[tokio::test]
async fn a_refusal_is_kept_too_and_keys_are_the_accounts_own_for_24_hours() {
    let app = spawn_app().await;
    let body = json!({ "request": { "name": "kept" } });
    let first = keyed(&app, &app.client, "k-1", CREATE, &body).await;
    assert_eq!((first.0, first.1), (200, false));
    let again = keyed(&app, &app.client, "k-1", CREATE, &body).await;
    assert_eq!(
        again,
        (200, true, first.2.clone()),
        "the same token, shown again to its maker"
    );
    assert_eq!(tokens_named(&app, "kept").await, 1);

    // Another account's key of the same name is its own.
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let theirs = keyed(&app, &helpdesk, "k-1", CREATE, &body).await;
    assert_eq!((theirs.0, theirs.1), (200, false), "{}", theirs.2);

    let clash = keyed(&app, &app.client, "k-2", CREATE, &body).await;
    assert_eq!(
        (clash.0, clash.1),
        (409, false),
        "the name is taken: {}",
        clash.2
    );
    assert_eq!(
        keyed(&app, &app.client, "k-2", CREATE, &body).await,
        (409, true, clash.2)
    );

    app.clock.advance(24 * 60 * 60 + 1);
    let fresh = app.signed_in("admin", ADMIN_PASSWORD).await;
    let (status, replayed, answer) = keyed(&app, &fresh, "k-1", CREATE, &body).await;
    assert_eq!(
        (status, replayed),
        (409, false),
        "forgotten after 24 hours, so run again: {answer}"
    );
}

#[tokio::test]
async fn two_retries_at_once_run_the_request_once() {
    let app = spawn_app().await;
    let body = json!({ "request": { "name": "raced" } });
    let tries = (0..8).map(|_| keyed(&app, &app.client, "race-1", CREATE, &body));
    let answers = futures::future::join_all(tries).await;
    let ran: Vec<_> = answers
        .iter()
        .filter(|(s, replayed, _)| *s == 200 && !replayed)
        .collect();
    assert_eq!(ran.len(), 1, "{answers:?}");
    for (status, replayed, answer) in &answers {
        let ok = (*status == 200 && (*replayed || answer == &ran[0].2)) || *status == 409;
        assert!(ok, "a replay or 'still running': {status} {answer}");
    }
    assert_eq!(tokens_named(&app, "raced").await, 1);
}

#[tokio::test]
async fn a_malformed_key_is_400_and_runs_nothing() {
    let app = spawn_app().await;
    let body = json!({ "request": { "name": "never" } });
    for key in ["x".repeat(201), "with space".to_owned(), "naïve".to_owned()] {
        let (status, _, answer) = keyed(&app, &app.client, &key, CREATE, &body).await;
        assert_eq!(status, 400, "{key}: {answer}");
    }
    assert_eq!(tokens_named(&app, "never").await, 0);
}
