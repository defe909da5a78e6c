//! `Idempotency-Key`: retries change nothing twice.

use super::*;

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

    let first = app
        .keyed(&script, "assign-megan-1", assign.path, &assign.body)
        .await;
    assert_eq!((first.0, first.1), (200, false), "{}", first.2);
    let again = app
        .keyed(&script, "assign-megan-1", assign.path, &assign.body)
        .await;
    assert_eq!(
        again,
        (200, true, first.2.clone()),
        "the first answer, replayed"
    );
    app.new_entries(since, 1).await;
    let version = megan["version"].as_i64().unwrap();
    assert_eq!(app.user(MEGAN).await["version"], version + 1);

    // The same key for another request: refused, nothing done.
    let other = Call::remove(MEGAN, version + 1);
    let (status, _, answer) = app
        .keyed(&script, "assign-megan-1", other.path, &other.body)
        .await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        message(&answer).contains("used for another request"),
        "{answer}"
    );
    let (status, _, answer) = app
        .keyed(&script, "assign-megan-1", assign.path, &json!({}))
        .await;
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
    let (assign, _) = assign_megan(&app).await;
    let first = app
        .keyed(&app.client, "k-1", assign.path, &assign.body)
        .await;
    assert_eq!((first.0, first.1), (200, false), "{}", first.2);
    assert_eq!(
        app.keyed(&app.client, "k-1", assign.path, &assign.body)
            .await,
        (200, true, first.2)
    );

    // Another account's key of the same name is its own: it runs, and
    // finds Megan changed since the version it names.
    let voice_admin = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let theirs = app
        .keyed(&voice_admin, "k-1", assign.path, &assign.body)
        .await;
    assert_eq!((theirs.0, theirs.1), (409, false), "{}", theirs.2);

    let stale = app
        .keyed(&app.client, "k-2", assign.path, &assign.body)
        .await;
    assert_eq!((stale.0, stale.1), (409, false), "{}", stale.2);
    assert_eq!(
        app.keyed(&app.client, "k-2", assign.path, &assign.body)
            .await,
        (409, true, stale.2)
    );

    app.clock.advance(24 * 60 * 60 + 1);
    let fresh = app.signed_in("admin", ADMIN_PASSWORD).await;
    let (status, replayed, answer) = app.keyed(&fresh, "k-1", assign.path, &assign.body).await;
    assert_eq!(
        (status, replayed),
        (409, false),
        "forgotten after 24 hours, so run again: {answer}"
    );
}

#[tokio::test]
async fn two_retries_at_once_run_the_request_once() {
    let app = spawn_app().await;
    let (assign, _) = assign_megan(&app).await;
    let since = app.last_audit_id().await;
    let tries = (0..8).map(|_| app.keyed(&app.client, "race-1", assign.path, &assign.body));
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
    app.new_entries(since, 1).await;
}

#[tokio::test]
async fn a_malformed_key_is_400_and_runs_nothing() {
    let app = spawn_app().await;
    let (assign, megan) = assign_megan(&app).await;
    for key in ["x".repeat(201), "with space".to_owned(), "naïve".to_owned()] {
        let (status, _, answer) = app
            .keyed(&app.client, &key, assign.path, &assign.body)
            .await;
        assert_eq!(status, 400, "{key}: {answer}");
    }
    assert_eq!(app.user(MEGAN).await, megan);
}

#[tokio::test]
async fn an_answer_holding_a_secret_is_never_kept() {
    let app = spawn_app().await;
    let body = json!({ "request": { "name": "secret" } });
    let first = app.keyed(&app.client, "t-1", CREATE, &body).await;
    assert_eq!((first.0, first.1), (200, false), "{}", first.2);
    let again = app.keyed(&app.client, "t-1", CREATE, &body).await;
    assert_eq!(
        (again.0, again.1),
        (409, false),
        "run again, not replayed: {}",
        again.2
    );
    let kept: i64 = app.count("SELECT COUNT(*) FROM idempotency_keys").await;
    assert_eq!(kept, 0, "the token isn't stored as text anywhere");
}
