//! Sessions end after 30 idle minutes or 12 hours, whichever comes first
//! (or as configured), and survive a restart of the server.

use super::*;

#[tokio::test]
async fn a_session_ends_after_30_minutes_without_a_request() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let sessions = app.session_count().await;

    app.clock.advance(31 * MINUTE);

    let (status, body) = app.list_users(query("")).await;
    assert_eq!((status, body), (401, signed_out()));
    let (status, body) = app.call_with_token(&token, LIST_USERS, list_body()).await;
    assert_eq!((status, body), (401, signed_out()));
    assert_eq!(
        app.session_count().await,
        sessions - 2,
        "expired sessions are deleted when seen"
    );
    let (status, areas) = app.call("/api/console/status", json!({})).await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["account"], Value::Null, "{areas}");
}

#[tokio::test]
async fn exactly_30_idle_minutes_is_still_signed_in_one_second_more_is_not() {
    let app = spawn_app().await;

    app.clock.advance(30 * MINUTE);
    assert_eq!(admin_list_status(&app).await, 200);
    app.clock.advance(30 * MINUTE + 1);
    assert_eq!(admin_list_status(&app).await, 401);
}

#[tokio::test]
async fn requests_keep_a_session_alive() {
    let app = spawn_app().await;

    app.clock.advance(29 * MINUTE);
    assert_eq!(admin_list_status(&app).await, 200);
    app.clock.advance(29 * MINUTE);
    assert_eq!(
        admin_list_status(&app).await,
        200,
        "58 minutes after sign-in"
    );
    app.clock.advance(29 * MINUTE);
    assert_eq!(
        admin_list_status(&app).await,
        200,
        "87 minutes after sign-in"
    );

    app.clock.advance(31 * MINUTE);
    assert_eq!(admin_list_status(&app).await, 401);
}

#[tokio::test]
async fn a_session_ends_12_hours_after_sign_in_however_busy() {
    let app = spawn_app().await;

    // A request every 20 minutes, up to exactly 12 hours after sign-in.
    for step in 1..=36 {
        app.clock.advance(20 * MINUTE);
        let (status, body) = app.list_users(query("")).await;
        assert_eq!(status, 200, "after {} minutes: {body}", step * 20);
    }
    app.clock.advance(1);

    let (status, body) = app.list_users(query("")).await;
    assert_eq!((status, body), (401, signed_out()));
    let (client, status, _) = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(status, 200, "signing in again starts a new 12 hours");
    let (status, _) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn the_configured_timeouts_apply() {
    let app = spawn_configured(|s| {
        s.session_idle_minutes = 5;
        s.session_max_hours = 1;
    })
    .await;

    let idle = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    app.clock.advance(5 * MINUTE);
    assert_eq!(app.list_status(&idle).await, 200, "idle for 5 minutes");
    app.clock.advance(5 * MINUTE + 1);
    assert_eq!(
        app.list_status(&idle).await,
        401,
        "idle for 5 minutes and 1 s"
    );

    let busy = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    for step in 1..=15 {
        app.clock.advance(4 * MINUTE);
        assert_eq!(
            app.list_status(&busy).await,
            200,
            "after {} minutes",
            step * 4
        );
    }
    app.clock.advance(1);
    assert_eq!(app.list_status(&busy).await, 401, "an hour after sign-in");
}

#[tokio::test]
async fn sessions_survive_a_restart_of_the_server() {
    let app = spawn_app_seeded_at_start_up().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let old_admin_client = app.client.clone();

    let app = app.restart().await;

    assert_eq!(app.list_status(&token).await, 200);
    let (status, body) = app
        .call_with(&old_admin_client, LIST_USERS, list_body())
        .await;
    assert_eq!(status, 200, "the admin client's cookie still works: {body}");
}
