//! Two admins at once: stale versions, double clicks and racing assigns.

use futures::future::join_all;
use serde_json::Value;

use crate::helpers::*;

/// Licensed US users (Phone System and a Calling Plan) holding no number.
async fn free_licensed_us_users(app: &TestApp, count: usize) -> Vec<i64> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT u.id FROM voice_users u WHERE u.usage_location = 'US' \
         AND u.id NOT IN (SELECT user_id FROM number_assignments) \
         AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                     AND l.licence IN ('ENTERPRISE_E5', 'PHONE_SYSTEM')) \
         AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                     AND l.licence IN ('DOMESTIC_CALLING_PLAN', 'INTERNATIONAL_CALLING_PLAN')) \
         ORDER BY u.id LIMIT $1",
    )
    .bind(count as i64)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        ids.len(),
        count,
        "the demo has {count} free licensed US users"
    );
    ids
}

#[tokio::test]
async fn assign_returns_409_stale_with_the_current_user_when_the_version_is_old() {
    let app = spawn_app().await;
    let first = app.free_number("US", "calling_plan").await;
    let (status, body) = app.assign(MEGAN, &first, Some(REDMOND_HQ), 1).await;
    assert_eq!(status, 200, "{body}");

    // Another admin, still looking at version 1, picks another number.
    let second = app.free_number("US", "calling_plan").await;
    let (status, body) = app.assign(MEGAN, &second, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 409, "{body}");
    let current = &body["Stale"]["current"];
    assert_eq!(current["version"], 2, "{body}");
    assert_eq!(current["assigned_number"]["number"]["e164"], first);
    assert!(body["Stale"]["message"]
        .as_str()
        .unwrap()
        .contains("Megan Bowen"));
    assert_eq!(app.holder_of(&first).await, Some(MEGAN));
    assert_eq!(app.holder_of(&second).await, None);
    assert_eq!(app.version_of(MEGAN).await, 2);
}

#[tokio::test]
async fn remove_returns_409_stale_when_the_version_is_old() {
    let app = spawn_app().await;
    let (status, body) = app
        .assign(ALEX, ALEXS_NUMBER, Some(SEATTLE_OFFICE), 1)
        .await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = app.remove(ALEX, 1).await;

    assert_eq!(status, 409, "{body}");
    assert_eq!(body["Stale"]["current"]["version"], 2, "{body}");
    assert_eq!(
        app.holder_of(ALEXS_NUMBER).await,
        Some(ALEX),
        "the number stays"
    );
    assert_eq!(app.version_of(ALEX).await, 2);
}

#[tokio::test]
async fn a_double_clicked_assign_changes_the_data_once() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;

    let (first, body) = app.assign(MEGAN, &number, Some(REDMOND_HQ), 1).await;
    let (second, again) = app.assign(MEGAN, &number, Some(REDMOND_HQ), 1).await;

    assert_eq!(first, 200, "{body}");
    assert_eq!(second, 409, "{again}");
    assert_eq!(
        again["Stale"]["current"], body,
        "the second click sees the first's result"
    );
    assert_eq!(app.version_of(MEGAN).await, 2);
    assert_eq!(app.assignments_of_number(&number).await, 1);
}

#[tokio::test]
async fn a_double_clicked_remove_changes_the_data_once() {
    let app = spawn_app().await;
    let before = app.available().await;

    let (first, body) = app.remove(ALEX, 1).await;
    let (second, again) = app.remove(ALEX, 1).await;

    assert_eq!(first, 200, "{body}");
    assert_eq!(second, 409, "{again}");
    assert_eq!(again["Stale"]["current"]["version"], 2, "{again}");
    assert_eq!(app.version_of(ALEX).await, 2);
    assert_eq!(app.available().await, before + 1);
}

/// Sends one assign of `number` per user at the same moment and checks that
/// exactly one wins and every other admin is told who did.
async fn race_for_one_number(users: usize) {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let ids = free_licensed_us_users(&app, users).await;

    let answers = join_all(
        ids.iter()
            .map(|&id| app.assign(id, &number, Some(REDMOND_HQ), 1)),
    )
    .await;

    let winners: Vec<(i64, &Value)> = ids
        .iter()
        .zip(&answers)
        .filter(|(_, (status, _))| *status == 200)
        .map(|(id, (_, body))| (*id, body))
        .collect();
    assert_eq!(winners.len(), 1, "exactly one wins: {answers:?}");
    let (winner, won) = winners[0];
    let winner_name = won["display_name"].as_str().unwrap();
    for (status, body) in answers.iter().filter(|(status, _)| *status != 200) {
        assert_eq!(*status, 409, "{body}");
        assert_eq!(
            violation(body, "AlreadyAssigned")["holder"],
            winner_name,
            "{body}"
        );
    }
    assert_eq!(app.assignments_of_number(&number).await, 1);
    assert_eq!(app.holder_of(&number).await, Some(winner));
    for id in ids.iter().filter(|&&id| id != winner) {
        assert_eq!(app.version_of(*id).await, 1, "loser {id} is unchanged");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_concurrent_assigns_of_one_number_let_exactly_one_win() {
    race_for_one_number(2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_assigns_of_one_number_let_exactly_one_win() {
    race_for_one_number(8).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_concurrent_assigns_to_one_user_let_exactly_one_win() {
    let app = spawn_app().await;
    let numbers: Vec<String> = app
        .assignable_e164s("Redmond")
        .await
        .into_iter()
        .take(2)
        .collect();

    let answers = join_all(
        numbers
            .iter()
            .map(|n| app.assign(MEGAN, n, Some(REDMOND_HQ), 1)),
    )
    .await;

    let statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
    let mut sorted = statuses.clone();
    sorted.sort();
    assert_eq!(sorted, vec![200, 409], "{answers:?}");
    let winner = statuses.iter().position(|s| *s == 200).unwrap();
    let loser = &answers[1 - winner].1;
    assert_eq!(loser["Stale"]["current"]["version"], 2, "{loser}");
    let megan = app.user(MEGAN).await;
    assert_eq!(megan["version"], 2);
    assert_eq!(megan["assigned_number"]["number"]["e164"], numbers[winner]);
    assert_eq!(app.holder_of(&numbers[1 - winner]).await, None);
}
