//! A pane opened before another admin's change is stale: its write is
//! refused with 409 and the user as stored now, so the pane can refresh.

use crate::helpers::*;

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
    assert!(message(&body).contains("Megan Bowen"), "{body}");
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
