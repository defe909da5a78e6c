//! Requests a browser would never send: the server answers 4xx and keeps serving.

use serde_json::{json, Value};

use crate::helpers::*;

const ASSIGN: &str = "/api/assignments/assign";

fn assign_request(user_id: Value, number: Value, location_id: Value, version: Value) -> Value {
    json!({ "request": {
        "user_id": user_id, "number": number, "location_id": location_id, "expected_version": version
    } })
}

/// The server still answers an ordinary request.
async fn assert_still_serving(app: &TestApp) {
    let (status, page) = app.list_users(query("Adele")).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["total"], 1);
}

#[tokio::test]
async fn unreadable_requests_return_400() {
    let app = spawn_app().await;
    let cases: Vec<(&str, String, &str)> = vec![
        (ASSIGN, "{\"request\": ".into(), "unparsable JSON"),
        (ASSIGN, "not json at all".into(), "not JSON"),
        (ASSIGN, "".into(), "an empty body"),
        (ASSIGN, "{}".into(), "missing 'request'"),
        (ASSIGN, "[]".into(), "an array instead of an object"),
        (
            ASSIGN,
            json!({ "request": { "user_id": 3 } }).to_string(),
            "missing fields",
        ),
        (
            ASSIGN,
            assign_request(json!("three"), json!("+14255550120"), json!(1), json!(1)).to_string(),
            "user id as text",
        ),
        (
            ASSIGN,
            assign_request(json!(3), json!(14255550120_i64), json!(1), json!(1)).to_string(),
            "number as a JSON number",
        ),
        (
            ASSIGN,
            assign_request(json!(3.5), json!("+14255550120"), json!(1), json!(1)).to_string(),
            "fractional id",
        ),
        (
            "/api/voice-users/list",
            json!({ "query": { "search": "", "sort": "Salary", "descending": false,
                               "after": null, "limit": 50 } })
            .to_string(),
            "unknown sort column",
        ),
        (
            "/api/voice-users/list",
            json!({ "query": { "search": "", "sort": "DisplayName", "descending": false,
                               "after": null, "limit": -1 } })
            .to_string(),
            "negative limit",
        ),
        (
            "/api/voice-users/get",
            json!({ "id": "1" }).to_string(),
            "id as text",
        ),
        (
            "/api/numbers/assignable",
            json!({ "filter": { "text": "", "country": "USA", "limit": 10 } }).to_string(),
            "three-letter country",
        ),
    ];
    for (path, body, why) in cases {
        let (status, answer) = read(app.post_raw(path, body).await).await;
        assert_eq!(status, 400, "{why}: {answer}");
        assert!(
            answer["BadRequest"]["message"].is_string(),
            "{why}: {answer}"
        );
    }
    assert_still_serving(&app).await;
}

#[tokio::test]
async fn a_missing_request_argument_is_named_in_the_message() {
    let app = spawn_app().await;

    let (status, body) = app.call(ASSIGN, json!({})).await;

    assert_eq!(status, 400, "{body}");
    // Not just "The request could not be read": the argument, by name.
    let message = body["BadRequest"]["message"].as_str().unwrap();
    assert!(message.contains("`request`"), "{message}");
}

#[tokio::test]
async fn assign_returns_400_for_a_number_not_in_international_form() {
    let app = spawn_app().await;
    for number in ["abc", "12", "", "   ", "4255550120", "+"] {
        let (status, body) = app.assign(MEGAN, number, Some(REDMOND_HQ), 1).await;

        assert_eq!(status, 400, "{number:?}: {body}");
        let message = body["BadRequest"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("international form"),
            "{number:?}: {message}"
        );
    }
    assert_eq!(app.version_of(MEGAN).await, 1);
    assert_still_serving(&app).await;
}

#[tokio::test]
async fn assign_returns_400_for_a_number_outside_any_numbering_plan() {
    let app = spawn_app().await;

    let (status, body) = app
        .assign(MEGAN, "+1 000 000 0000", Some(REDMOND_HQ), 1)
        .await;

    assert_eq!(status, 400, "{body}");
    assert!(body["BadRequest"]["message"].is_string(), "{body}");
}

#[tokio::test]
async fn assign_returns_404_for_an_unknown_user_or_location() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let cases = [
        (999_999, Some(REDMOND_HQ), "999999", "unknown user"),
        (-1, Some(REDMOND_HQ), "-1", "negative user id"),
        (MEGAN, Some(9999), "9999", "unknown location"),
        (MEGAN, Some(-5), "-5", "negative location id"),
    ];
    for (user, location, named, why) in cases {
        let (status, body) = app.assign(user, &number, location, 1).await;

        assert_eq!(status, 404, "{why}: {body}");
        let message = body["NotFound"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(named), "{why}: {message}");
    }
    let (status, body) = app.remove(999_999, 1).await;
    assert_eq!(status, 404, "remove for an unknown user: {body}");
    assert_eq!(app.holder_of(&number).await, None);
    assert_eq!(app.version_of(MEGAN).await, 1);
    assert_still_serving(&app).await;
}

#[tokio::test]
async fn assign_with_a_negative_expected_version_is_stale() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;

    let (status, body) = app.assign(MEGAN, &number, Some(REDMOND_HQ), -1).await;

    assert_eq!(status, 409, "{body}");
    assert_eq!(body["Stale"]["current"]["version"], 1, "{body}");
    assert_eq!(app.holder_of(&number).await, None);
}

#[tokio::test]
async fn a_body_over_64_kib_returns_413() {
    let app = spawn_app().await;
    let huge = assign_request(json!(3), json!("1".repeat(100 * 1024)), json!(1), json!(1));

    let (status, body) = read(app.post_raw(ASSIGN, huge.to_string()).await).await;

    assert_eq!(status, 413, "{body}");
    assert_eq!(app.version_of(MEGAN).await, 1);
    assert_still_serving(&app).await;
}

#[tokio::test]
async fn hostile_text_in_searches_is_only_text() {
    let app = spawn_app().await;
    let cases = [
        "'; DROP TABLE voice_users; --",
        "\" OR \"a\"=\"a\" --",
        "ünïcödé 🙂",
        "\\%",
    ];
    for search in cases {
        let (status, page) = app.list_users(query(search)).await;
        assert_eq!(status, 200, "{search:?}: {page}");
        assert_eq!(page["total"], 0, "{search:?}");
        let (status, body) = app.assignable(search, None, 10).await;
        assert_eq!(status, 200, "{search:?}: {body}");
        assert_eq!(body["numbers"], json!([]), "{search:?}");
        let (status, body) = app.locations(search).await;
        assert_eq!(status, 200, "{search:?}: {body}");
        assert_eq!(body, json!([]), "{search:?}");
    }
    assert_still_serving(&app).await;
}
