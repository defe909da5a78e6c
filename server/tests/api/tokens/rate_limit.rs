//! Requests a minute per token: 429 with Retry-After past the limit.

use super::*;

#[tokio::test]
async fn a_token_past_its_requests_a_minute_waits_and_others_do_not() {
    let app = spawn_configured(|s| s.token_requests_per_minute = 3).await;
    let admin = app.signed_in("admin", ADMIN_PASSWORD).await;
    let (busy, _) = token_of(&app, &admin, json!({ "name": "busy" })).await;
    let (other, _) = token_of(&app, &admin, json!({ "name": "other" })).await;
    // The minute of the test's clock: its start, so the window is whole.
    let into_minute = app.clock.now().rem_euclid(60);
    app.clock.advance(60 - into_minute);

    for _ in 0..3 {
        assert_eq!(
            with_token(&app, &busy, LIST_USERS, list_users()).await.0,
            200
        );
    }
    app.clock.advance(20);
    let response = reqwest::Client::new()
        .post(format!("{}{LIST_USERS}", app.address))
        .bearer_auth(&busy)
        .json(&list_users())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "40");
    let (_, answer) = read(response).await;
    assert_eq!(
        message(&answer),
        "Too many requests with this token: at most 3 a minute. Try again in 40 s."
    );
    assert_eq!(
        with_token(&app, &other, LIST_USERS, list_users()).await.0,
        200,
        "its own count"
    );
    let console = app.call_with(&admin, LIST_USERS, list_users()).await;
    assert_eq!(console.0, 200, "the console isn't limited");

    app.clock.advance(40);
    assert_eq!(
        with_token(&app, &busy, LIST_USERS, list_users()).await.0,
        200,
        "a new minute"
    );
}
