//! The OpenAPI document at `/api/openapi.json` holds the server to its
//! word: every documented example is a request the server reads, and what
//! it answers (a result or an error) has the status and the shape the
//! document gives it.

use app::api::contract::{self, errors};
use serde_json::{json, Value};

use crate::helpers::*;

const DOCUMENT: &str = "/api/openapi.json";

#[tokio::test]
async fn the_document_is_for_signed_in_callers_and_tokens_alike() {
    let app = spawn_app().await;
    let anonymous = app.get_with(&app.anonymous(), DOCUMENT).await;
    assert_eq!(anonymous.status(), 401);

    let user = app.as_role("User").await;
    let served = app.get_with(&user, DOCUMENT).await;
    assert_eq!(served.status(), 200);
    let served: Value = served.json().await.expect("JSON");
    assert_eq!(served["openapi"], "3.1.0");
    assert_eq!(&served, contract::document());

    let admin = app.as_role("GlobalAdmin").await;
    let (status, made) = app
        .call_with(
            &admin,
            "/api/auth/tokens/create",
            json!({ "request": { "name": "docs" } }),
        )
        .await;
    assert_eq!(status, 200, "{made}");
    let by_token = reqwest::Client::new()
        .get(format!("{}{DOCUMENT}", app.address))
        .bearer_auth(made["token"].as_str().unwrap())
        .send()
        .await
        .expect("sending");
    assert_eq!(by_token.status(), 200);
}

/// A schema of the document with the document's components beside it, so
/// its `#/components/…` references resolve.
fn validator(schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    root["components"] = contract::document()["components"].clone();
    jsonschema::validator_for(&root).expect("a valid JSON Schema")
}

#[tokio::test]
async fn every_example_is_read_by_the_server_and_answered_as_documented() {
    let app = spawn_app().await;
    let paths = contract::document()["paths"].as_object().unwrap();
    let mut checked = 0;
    for (path, item) in paths {
        let Some(post) = item.get("post") else {
            continue;
        };
        let body = &post["requestBody"]["content"]["application/json"];
        // A session of its own: an example may sign out or end sessions.
        let admin = app.as_role("GlobalAdmin").await;
        let (status, answer) = app.call_with(&admin, path, body["example"].clone()).await;
        let code = errors::code_of(&answer).unwrap_or_default().to_owned();
        assert!(
            status != 400 && status != 500,
            "{path}: the server can't take its own example: {status} {answer}"
        );
        let documented = &post["responses"][status.to_string()];
        assert!(
            documented.is_object(),
            "{path}: {status} is not documented ({answer})"
        );
        if status == 200 {
            let schema = &documented["content"]["application/json"]["schema"];
            let problems: Vec<String> = validator(schema)
                .iter_errors(&answer)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                problems.is_empty(),
                "{path}: the answer differs from the document: {problems:?}\n{answer}"
            );
        } else {
            assert!(
                errors::codes_with(status).contains(&code.as_str()),
                "{path}: {status} came with '{code}', which the document doesn't give it: {answer}"
            );
            let error = validator(&json!({ "$ref": "#/components/schemas/ApiError" }));
            assert!(error.is_valid(&answer), "{path}: not an ApiError: {answer}");
        }
        checked += 1;
    }
    assert!(checked > 40, "only {checked} functions checked");
}
