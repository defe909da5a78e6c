//! Guesses sent at once: each is counted, and the lock checked, before its
//! password is, so no more passwords are checked than the limit allows,
//! however many arrive together.

use super::*;

/// The failures a username may have before it is locked.
const LIMIT: usize = 5;

fn guess(username: &str, i: usize) -> Value {
    json!({ "username": username, "password": format!("parallel-guess-{i}-x") })
}

fn count_of(answers: &[(u16, Value)], status: u16) -> usize {
    answers.iter().filter(|(s, _)| *s == status).count()
}

/// Seven guesses all waiting for the write lock at once: five passwords
/// are checked, two are refused unchecked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_guesses_check_no_more_passwords_than_the_limit() {
    let app = spawn_app().await;
    let guesses = (0..MAX_RACERS)
        .map(|i| {
            let call = Call::new("/api/auth/sign-in", guess(HELPDESK, i));
            (app.anonymous(), call)
        })
        .collect();

    let answers = app.race(guesses).await;

    assert_eq!(count_of(&answers, 401), LIMIT, "checked: {answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != 401) {
        assert_eq!((*status, body), (429, &too_many("15 minutes")));
    }
    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("15 minutes")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_guesses_check_at_most_five_and_then_the_right_password_is_refused() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let guesses = (0..50).map(|i| {
        let app = &app;
        async move {
            let client = app.anonymous();
            app.call_with(&client, "/api/auth/sign-in", guess(VOICE_ADMIN, i))
                .await
        }
    });
    let answers = futures::future::join_all(guesses).await;

    let checked = count_of(&answers, 401);
    assert!(checked <= LIMIT, "{checked} passwords checked: {answers:?}");
    assert_eq!(count_of(&answers, 429), 50 - checked, "{answers:?}");
    let failed = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE id > {since} AND action = 'SIGN_IN_FAILED'"
        ))
        .await;
    assert_eq!(failed, checked as i64, "one entry per password checked");

    let (client, status, body) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("15 minutes")));
    let (status, _) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!(status, 401, "no session while locked");
}

/// The right password is being checked (slowly: this address has failed
/// often) when a later guess locks the username: it is refused too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_right_password_in_flight_is_refused_when_the_username_locks_meanwhile() {
    let app = spawn_app().await;
    // Ten failures from this address: each next attempt waits 2 s.
    failures_from_this_address(&app, "slow", 10).await;
    let wrong = (0..LIMIT - 2).map(|i| {
        let app = &app;
        async move { app.sign_in(HELPDESK, &format!("wrong-{i}-x")).await.1 }
    });
    assert_eq!(futures::future::join_all(wrong).await, vec![401; LIMIT - 2]);

    let right = app.sign_in(HELPDESK, DEMO_PASSWORD);
    let last_guess = async {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.sign_in(HELPDESK, "the-fifth-wrong-guess").await
    };
    let ((_, right_status, right_body), (_, guess_status, _)) = tokio::join!(right, last_guess);

    assert_eq!(guess_status, 401, "the fifth guess is checked, and locks");
    assert_eq!(
        (right_status, right_body),
        (429, too_many("15 minutes")),
        "no session once the username is locked"
    );
    let sessions: i64 = app
        .count(&format!(
            "SELECT COUNT(*) FROM sessions WHERE account_id = {}",
            app.account_id(HELPDESK).await
        ))
        .await;
    assert_eq!(sessions, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_guesses_of_the_current_password_check_at_most_five() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let change = |current: String| Call::change_password(&current, "a brand new passphrase");

    let guesses = (0..50).map(|i| {
        let (app, helpdesk) = (&app, &helpdesk);
        async move {
            app.send_with(helpdesk, change(format!("wrong guess {i}")))
                .await
        }
    });
    let answers = futures::future::join_all(guesses).await;

    let checked = count_of(&answers, 403);
    assert!(checked <= LIMIT, "{checked} passwords checked: {answers:?}");
    assert_eq!(count_of(&answers, 429), 50 - checked, "{answers:?}");
    let (status, body) = app
        .send_with(&helpdesk, change(DEMO_PASSWORD.to_owned()))
        .await;
    assert_eq!(status, 429, "the right password, once locked: {body}");
}
