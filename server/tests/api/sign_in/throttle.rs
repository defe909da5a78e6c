//! The throttle on failed sign-ins, one at a time: per username, and for
//! guesses of the current password when changing it. Guesses in parallel
//! are in `parallel_guesses`, addresses in `proxies`.

use super::*;

#[tokio::test]
async fn five_failures_lock_the_username_for_15_minutes_even_for_the_right_password() {
    let app = spawn_app().await;
    for attempt in 1..=5 {
        let (_, status, body) = app.sign_in(VOICE_ADMIN, "not-the-password-1").await;
        assert_eq!(
            (status, &body),
            (401, &sign_in_failed()),
            "attempt {attempt}"
        );
    }

    let (client, status, body) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("15 minutes")));
    let (status, body) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!(
        (status, body),
        (401, signed_out()),
        "no session while locked"
    );
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(
        status, 200,
        "other usernames from the same address still sign in"
    );

    app.clock.advance(14 * MINUTE);
    let (_, status, body) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("1 minute")));

    app.clock.advance(MINUTE + 1);
    let (client, status, body) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "the lock is over: {body}");
    let (status, body) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn an_unknown_username_locks_the_same_way_as_a_real_one() {
    let app = spawn_app().await;
    for _ in 0..5 {
        let (_, status, _) = app.sign_in("nobody", "not-the-password-1").await;
        assert_eq!(status, 401);
    }

    let (_, status, body) = app.sign_in("nobody", "not-the-password-1").await;

    assert_eq!((status, body), (429, too_many("15 minutes")));
}

#[tokio::test]
async fn a_successful_sign_in_resets_the_usernames_failure_count() {
    let app = spawn_app().await;
    // Three failures, a success, three more: six failures in all, which
    // would lock the username at the fifth if the success didn't reset it.
    for _ in 0..3 {
        let (_, status, _) = app.sign_in(HELPDESK, "not-the-password-1").await;
        assert_eq!(status, 401);
    }
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200);
    for attempt in 1..=3 {
        let (_, status, body) = app.sign_in(HELPDESK, "not-the-password-1").await;
        assert_eq!(
            (status, &body),
            (401, &sign_in_failed()),
            "attempt {attempt}"
        );
    }

    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;

    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn failures_are_forgotten_15_minutes_after_the_last_one() {
    let app = spawn_app().await;
    for _ in 0..4 {
        let (_, status, _) = app.sign_in(HELPDESK, "not-the-password-1").await;
        assert_eq!(status, 401);
    }
    app.clock.advance(15 * MINUTE + 1);

    // Without forgetting, this fifth failure would lock the username.
    let (_, status, body) = app.sign_in(HELPDESK, "not-the-password-1").await;
    assert_eq!((status, body), (401, sign_in_failed()));
    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn guessing_the_current_password_locks_like_failed_sign_ins() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let change = |current: &str| Call::change_password(current, "a brand new passphrase");
    for attempt in 1..=5 {
        let (status, body) = app.send_with(&helpdesk, change("wrong guess")).await;
        assert_eq!(status, 403, "attempt {attempt}: {body}");
    }
    let (status, body) = app.send_with(&helpdesk, change(DEMO_PASSWORD)).await;
    assert_eq!(status, 429, "even the right password, once locked: {body}");
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 429, "signing in is locked too");

    app.clock.advance(15 * MINUTE + 1);
    let (status, body) = app.send_with(&helpdesk, change(DEMO_PASSWORD)).await;
    assert_eq!(status, 200, "after the lock: {body}");
}
