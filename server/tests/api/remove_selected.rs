//! "Remove selected assigned number?" for several users: all or nothing.

use serde_json::Value;

use crate::helpers::*;

async fn remove_selected(app: &TestApp, users: &[(i64, i64)]) -> (u16, Value) {
    saved(app.send(Call::remove_selected(users)).await)
}

#[tokio::test]
async fn remove_selected_frees_every_selected_users_number_in_one_go() {
    let app = spawn_app().await;
    let (adele, alex) = (app.version_of(ADELE).await, app.version_of(ALEX).await);

    let (status, body) = remove_selected(&app, &[(ADELE, adele), (ALEX, alex)]).await;

    assert_eq!(status, 200, "{body}");
    let users = body.as_array().expect("a list of users");
    assert_eq!(users.len(), 2);
    for user in users {
        assert!(user["assigned_number"].is_null(), "{user}");
    }
    assert_eq!(app.holder_of(ADELES_NUMBER).await, None);
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, None);
    assert_eq!(app.version_of(ADELE).await, adele + 1);
}

#[tokio::test]
async fn remove_selected_removes_nothing_when_one_user_changed_meanwhile() {
    let app = spawn_app().await;
    let adele = app.version_of(ADELE).await;
    let stale_alex = app.version_of(ALEX).await - 1;

    let (status, body) = remove_selected(&app, &[(ADELE, adele), (ALEX, stale_alex)]).await;

    assert_eq!(status, 409, "{body}");
    assert_eq!(variant(&body), "Stale");
    assert_eq!(
        app.holder_of(ADELES_NUMBER).await,
        Some(ADELE),
        "Adele keeps her number"
    );
    assert_eq!(app.version_of(ADELE).await, adele, "and her version");
}

#[tokio::test]
async fn remove_selected_removes_nothing_when_one_user_has_no_number() {
    let app = spawn_app().await;
    let (adele, megan) = (app.version_of(ADELE).await, app.version_of(MEGAN).await);

    let (status, body) = remove_selected(&app, &[(ADELE, adele), (MEGAN, megan)]).await;

    assert_eq!(status, 409, "{body}");
    assert!(
        body.to_string()
            .contains("Megan Bowen has no assigned number"),
        "{body}"
    );
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
}

#[tokio::test]
async fn remove_selected_returns_400_for_an_empty_a_repeated_or_an_oversized_selection() {
    let app = spawn_app().await;
    let adele = app.version_of(ADELE).await;
    let too_many: Vec<(i64, i64)> = (1..=201).map(|id| (id, 1)).collect();
    let cases = [
        (vec![], "empty"),
        (vec![(ADELE, adele), (ADELE, adele)], "the same user twice"),
        (too_many, "201 users"),
    ];
    for (users, why) in cases {
        let (status, answer) = remove_selected(&app, &users).await;
        assert_eq!(status, 400, "{why}: {answer}");
        assert_eq!(variant(&answer), "BadRequest", "{why}");
    }
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
}

#[tokio::test]
async fn remove_selected_returns_404_for_an_unknown_user_and_removes_nothing() {
    let app = spawn_app().await;
    let adele = app.version_of(ADELE).await;

    let (status, body) = remove_selected(&app, &[(ADELE, adele), (999_999, 1)]).await;

    assert_eq!(status, 404, "{body}");
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
}
