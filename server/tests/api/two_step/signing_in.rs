use super::*;

#[tokio::test]
async fn the_password_asks_for_the_code_and_the_code_starts_the_session() {
    let app = spawn_app().await;
    let (key, _) = enrol(&app, &app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await).await;

    let response = app.sign_in_response(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert!(
        set_cookies(&response).is_empty(),
        "no session before the code"
    );
    let (client, challenge) = password_step(&app, VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(challenge.len(), 64);
    assert!(!has_session(&app, &client).await);

    let since = app.last_audit_id().await;
    let (status, account) =
        code_step(&app, &client, &challenge, &code_at(&key, app.clock.now())).await;
    assert_eq!(status, 200, "{account}");
    assert_eq!(account["username"], VOICE_ADMIN);
    assert_eq!(account["two_step"], true);
    assert!(has_session(&app, &client).await);
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "action": "SignedIn", "actor": VOICE_ADMIN, "at": app.clock.now(),
                "after": "from 127.0.0.1 with an authenticator code" }),
    );
    // The challenge was used up.
    let again = code_step(&app, &app.anonymous(), &challenge, "123456").await;
    assert_eq!(
        (again.0, variant(&again.1)),
        (401, "SignedOut".into()),
        "{}",
        again.1
    );
}

#[tokio::test]
async fn a_code_works_once_and_only_within_a_step_of_now() {
    let app = spawn_app().await;
    let (key, _) = enrol(&app, &app.signed_in(HELPDESK, DEMO_PASSWORD).await).await;
    let now = app.clock.now();
    let code = code_at(&key, now);

    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(code_step(&app, &client, &challenge, &code).await.0, 200);
    // Seen over a shoulder: the same code again, within its 30 seconds.
    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    let (status, answer) = code_step(&app, &client, &challenge, &code).await;
    assert_eq!((status, message(&answer)), (401, wrong_code()), "{answer}");
    // Too old, and too new.
    let (status, _) = code_step(&app, &client, &challenge, &code_at(&key, now - 2 * STEP)).await;
    assert_eq!(status, 401);
    let (status, _) = code_step(&app, &client, &challenge, &code_at(&key, now + 2 * STEP)).await;
    assert_eq!(status, 401);
    // The next step's code, a clock a little fast, still works.
    let (status, answer) = code_step(&app, &client, &challenge, &code_at(&key, now + STEP)).await;
    assert_eq!(status, 200, "{answer}");
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    let app = spawn_app().await;
    let (_, codes) = enrol(&app, &app.signed_in(HELPDESK, DEMO_PASSWORD).await).await;

    let since = app.last_audit_id().await;
    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    let typed = codes[3].to_uppercase().replace('-', " ");
    let (status, answer) = code_step(&app, &client, &challenge, &typed).await;
    assert_eq!(status, 200, "spaces and capitals are fine: {answer}");
    let entries = app.new_entries(since, 1).await;
    assert_eq!(
        entries[0]["after"],
        "from 127.0.0.1 with a recovery code; 9 left"
    );

    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    let (status, answer) = code_step(&app, &client, &challenge, &codes[3]).await;
    assert_eq!(
        (status, message(&answer)),
        (401, wrong_code()),
        "used: {answer}"
    );
    assert!(!has_session(&app, &client).await);
}

#[tokio::test]
async fn the_code_must_follow_the_password_within_five_minutes() {
    let app = spawn_app().await;
    let (key, _) = enrol(&app, &app.signed_in(HELPDESK, DEMO_PASSWORD).await).await;
    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    app.clock.advance(5 * 60 + 1);
    let (status, answer) =
        code_step(&app, &client, &challenge, &code_at(&key, app.clock.now())).await;
    assert_eq!(
        (status, variant(&answer)),
        (401, "SignedOut".into()),
        "{answer}"
    );
    assert!(message(&answer).contains("expired"), "{answer}");

    let made_up = "f".repeat(64);
    let (status, _) = code_step(&app, &client, &made_up, &code_at(&key, app.clock.now())).await;
    assert_eq!(status, 401);
    let (status, answer) = code_step(&app, &client, "x", "not a code").await;
    assert_eq!(
        status, 401,
        "an unknown challenge is refused before the code is read: {answer}"
    );
}

#[tokio::test]
async fn five_wrong_codes_lock_the_codes_even_against_the_right_one() {
    let app = spawn_app().await;
    let (key, codes) = enrol(&app, &app.signed_in(HELPDESK, DEMO_PASSWORD).await).await;
    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    let guesses = (0..20).map(|i| {
        let (app, client, challenge) = (&app, &client, &challenge);
        async move {
            code_step(app, client, challenge, &format!("{:06}", 100_000 + i))
                .await
                .0
        }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert!(checked <= 5, "at most five codes are checked: {statuses:?}");
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 429),
        "{statuses:?}"
    );

    let right = code_at(&key, app.clock.now());
    let (status, answer) = code_step(&app, &client, &challenge, &right).await;
    assert_eq!(status, 429, "{answer}");
    assert_eq!(
        message(&answer),
        "Too many wrong codes. Try again in 15 minutes."
    );
    let (status, _) = code_step(&app, &client, &challenge, &codes[0]).await;
    assert_eq!(status, 429, "a recovery code too");
    // The right password doesn't clear the codes' count.
    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(code_step(&app, &client, &challenge, &right).await.0, 429);
    assert!(!has_session(&app, &client).await);
}

#[tokio::test]
async fn a_malformed_code_is_explained_and_not_counted() {
    let app = spawn_app().await;
    enrol(&app, &app.signed_in(HELPDESK, DEMO_PASSWORD).await).await;
    let (client, challenge) = password_step(&app, HELPDESK, DEMO_PASSWORD).await;
    for typed in ["", "12345", "abcdefg", "1234567"] {
        let (status, answer) = code_step(&app, &client, &challenge, typed).await;
        assert_eq!(status, 422, "{typed:?}: {answer}");
        assert_eq!(
            message(&answer),
            "Enter the 6-digit code from your authenticator app, or one of your recovery codes."
        );
    }
    let throttle: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key LIKE 'code:%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(throttle, 0, "nothing counted");
}
