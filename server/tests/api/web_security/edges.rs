//! The edges of the API: GET on a server function, unknown paths, oversized
//! bodies, internal errors. Each answers without doing or telling anything
//! more.

use super::*;

#[tokio::test]
async fn the_audit_export_answers_get_only() {
    let app = spawn_app().await;

    let response = app.post("/api/audit/export.csv", json!({})).await;
    assert_eq!(response.status(), 405);

    let response = app.export_csv(&app.client, "").await;
    assert_eq!(response.status(), 200);
    assert_api_headers(response.headers(), "the CSV export");
    let content_type = header(response.headers(), "content-type").unwrap();
    assert!(content_type.starts_with("text/csv"), "{content_type}");
}

#[tokio::test]
async fn server_functions_refuse_get() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let session = session_cookie(&token);
    let paths = [
        "/api/voice-users/list",
        "/api/console/status",
        "/api/auth/sign-out",
        "/api/auth/sign-in?username=helpdesk&password=demo-test-password-1",
    ];

    for path in paths {
        let response = get(format!("{}{path}", app.address), &[("cookie", &session)]).await;

        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "GET {path} answered {status}");
        assert_eq!(set_cookies(&response), Vec::<String>::new(), "{path}");
        let text = response.text().await.unwrap();
        assert!(!text.contains("Adele"), "GET {path} answered data: {text}");
    }
    assert_eq!(
        app.list_status(&token).await,
        200,
        "GET sign-out didn't sign out"
    );
}

#[tokio::test]
async fn unknown_api_paths_answer_404_in_json() {
    let app = spawn_app().await;
    let admin = app.as_role("GlobalAdmin").await;
    for path in [
        "/api/nope",
        "/api/voice-users/nope",
        "/api/auth/sign-in/extra",
    ] {
        let expected =
            json!({ "NotFound": { "message": format!("There is no API function at {path}.") } });
        let post = admin
            .post(format!("{}{path}", app.address))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        let content_type = header(post.headers(), "content-type").unwrap_or_default();
        assert!(
            content_type.starts_with("application/json"),
            "{path}: {content_type}"
        );
        assert_eq!(read(post).await, (404, expected.clone()), "POST {path}");
        let response = admin
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(read(response).await, (404, expected), "GET {path}");

        // Without a session nothing says which routes exist.
        let response = get(format!("{}{path}", app.address), &[]).await;
        let (status, answer) = read(response).await;
        assert_eq!(
            (status, variant(&answer)),
            (401, "SignedOut".into()),
            "GET {path}"
        );
    }
}

#[tokio::test]
async fn a_sign_in_body_over_64_kib_is_413_and_counts_nothing() {
    let app = spawn_app().await;
    let before = app.snapshot_of(&ALL_TABLES).await;

    let huge = "x".repeat(70 * 1024);
    let response = app.sign_in_response(HELPDESK, &huge).await;
    assert_eq!(response.status(), 413);
    assert_eq!(set_cookies(&response), Vec::<String>::new());

    // Under the limit but over the longest password: read, and refused as 400.
    let long = "x".repeat(60 * 1024);
    let (_, status, body) = app.sign_in(HELPDESK, &long).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["BadRequest"]["message"],
        "'password' is too long: at most 256 characters."
    );

    app.assert_unchanged(&before, "neither counts as a failed sign-in")
        .await;
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200);
}

/// Sends `body` to `path` over a bare connection in 4 KiB chunks, without a
/// `Content-Length`; the whole answer as text.
async fn post_chunked(app: &TestApp, path: &str, body: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.address.strip_prefix("http://").unwrap();
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    let mut request = head.into_bytes();
    for chunk in body.as_bytes().chunks(4096) {
        request.extend(format!("{:x}\r\n", chunk.len()).bytes());
        request.extend(chunk);
        request.extend(b"\r\n");
    }
    request.extend(b"0\r\n\r\n");
    // The server may answer and close before reading everything.
    let _ = stream.write_all(&request).await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

fn huge_sign_in() -> String {
    json!({ "username": HELPDESK, "password": "x".repeat(70 * 1024) }).to_string()
}

#[tokio::test]
async fn a_chunked_body_over_64_kib_is_413_like_one_with_a_length_and_counts_nothing() {
    let app = spawn_app().await;
    let before = app.snapshot_of(&ALL_TABLES).await;

    let answer = post_chunked(&app, SIGN_IN, &huge_sign_in()).await;

    let status_line = answer.lines().next().unwrap_or_default();
    assert!(status_line.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(!answer.to_lowercase().contains("set-cookie"), "{answer}");
    app.assert_unchanged(&before, "not a failed sign-in").await;
}

#[tokio::test]
async fn an_internal_error_tells_the_caller_nothing_about_its_cause() {
    let app = spawn_app().await;
    app.execute("ALTER TABLE sign_in_throttle RENAME TO sign_in_throttle_gone")
        .await;

    let response = app.sign_in_response(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 500);
    assert_eq!(set_cookies(&response), Vec::<String>::new());
    assert_api_headers(response.headers(), "an internal error");
    let text = response.text().await.unwrap();

    assert_eq!(text, "\"Internal\"");
    let (status, _) = app.list_users(query("")).await;
    assert_eq!(status, 200, "the rest of the API still answers");
}
