//! Who calls is decided before what they sent is read: a caller who may not
//! use a route gets 401 or 403 whatever the body, nonsense included; only a
//! caller who may gets the 400 for a malformed request.

use serde_json::json;

use super::{assert_refused, may, writes, Needs, READS, STREAMS, WITH_CODES};
use crate::helpers::*;
use app::api::gates::{gate, routes, Gate};
use app::domain::Permission;

/// Every POST route of the matrix, with what it needs.
fn posted() -> Vec<(&'static str, Needs)> {
    writes()
        .map(|w| (w.path, w.needs))
        .chain(READS.iter().map(|r| (r.path, r.needs)))
        .chain(WITH_CODES)
        .filter(|(path, _)| !path.starts_with("GET "))
        .collect()
}

/// A body no route accepts: not JSON at all.
async fn nonsense(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, serde_json::Value) {
    let response = client
        .post(format!("{}{path}", app.address))
        .header("content-type", "application/json")
        .body("{ this is not json")
        .send()
        .await
        .expect("sending");
    read(response).await
}

#[tokio::test]
async fn a_caller_who_may_not_call_a_route_is_refused_before_the_body_is_read() {
    let app = spawn_app().await;
    for role in ROLES {
        let client = app.as_role(role).await;
        for (path, needs) in posted() {
            if may(role, needs) {
                continue;
            }
            let (status, answer) = nonsense(&app, &client, path).await;
            assert_refused(role, &format!("{path} with nonsense"), status, &answer);
            let (status, answer) = app.call_with(&client, path, json!({})).await;
            assert_refused(role, &format!("{path} with {{}}"), status, &answer);
        }
    }
}

#[tokio::test]
async fn a_caller_who_may_call_a_route_still_gets_400_for_nonsense() {
    let app = spawn_app().await;
    let client = app.as_role("GlobalAdmin").await;
    for (path, _) in posted() {
        if path == "/api/auth/sign-out" {
            continue;
        }
        let (status, answer) = nonsense(&app, &client, path).await;
        assert_eq!(status, 400, "{path}: {answer}");
    }
}

#[tokio::test]
async fn a_route_that_does_not_exist_is_401_without_a_session_and_404_with_one() {
    let app = spawn_app().await;
    let (status, answer) = app
        .call_with(&app.anonymous(), "/api/no-such-route", json!({}))
        .await;
    assert_eq!(
        (status, variant(&answer)),
        (401, "SignedOut".into()),
        "{answer}"
    );
    let (status, answer) = app.call("/api/no-such-route", json!({})).await;
    assert_eq!(
        (status, variant(&answer)),
        (404, "NotFound".into()),
        "{answer}"
    );
}

/// The gate of every route is what the matrix says the route needs.
#[test]
fn the_gates_agree_with_the_matrix() {
    let matrix: Vec<(&str, Needs)> = writes()
        .map(|w| (w.path, w.needs))
        .chain(READS.iter().map(|r| (r.path, r.needs)))
        .map(|(path, needs)| (path.trim_start_matches("GET "), needs))
        .chain([("/api/auth/sign-in", Needs::Nothing)])
        .chain(WITH_CODES)
        .chain(STREAMS)
        .collect();
    for (path, needs) in &matrix {
        let want = match needs {
            Needs::Nothing => Gate::Open,
            Needs::SignedIn => Gate::Session,
            Needs::ViewVoice => Gate::Needs(Permission::ViewVoice),
            Needs::ManageVoice => Gate::Needs(Permission::ManageVoice),
            Needs::ViewLicences => Gate::Needs(Permission::ViewLicences),
            Needs::ManageLicences => Gate::Needs(Permission::ManageLicences),
            Needs::ViewAudit => Gate::Needs(Permission::ViewAudit),
            Needs::ManageAccounts => Gate::Needs(Permission::ManageAccounts),
        };
        assert_eq!(gate(path), want, "{path}");
    }
    let unknown: Vec<&str> = routes()
        .filter(|r| !matrix.iter().any(|(p, _)| p == r))
        .collect();
    assert!(
        unknown.is_empty(),
        "gated but not in the matrix: {unknown:?}"
    );
}
