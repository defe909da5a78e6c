//! Web security around every request: state changes from another site are
//! refused, every response carries the headers that keep the console out of
//! frames and away from other origins' scripts, pages get a fresh CSP nonce,
//! https turns on HSTS and the `__Host-` Secure cookie, and the edges of the
//! API (unknown paths, GET on a server function, oversized bodies, internal
//! errors) answer without doing or telling anything more.

use serde_json::{json, Value};

use crate::helpers::*;

const CROSS_SITE: &str = "This request came from another site and was refused.";
const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";
const HSTS: &str = "max-age=31536000; includeSubDomains";
const SIGN_IN: &str = "/api/auth/sign-in";
const SIGN_OUT: &str = "/api/auth/sign-out";
const REMOVE: &str = "/api/assignments/remove";

fn refused() -> Value {
    json!({ "Forbidden": { "message": CROSS_SITE } })
}

/// The ways a browser says a request comes from another site. `same` is the
/// server's own origin, e.g. `http://127.0.0.1:PORT`.
fn cross_site_headers(same: &str) -> Vec<Vec<(&'static str, String)>> {
    let port: u16 = same.rsplit(':').next().unwrap().parse().unwrap();
    let other_port = format!("http://127.0.0.1:{}", port.wrapping_add(1));
    vec![
        vec![("sec-fetch-site", "cross-site".into())],
        vec![("sec-fetch-site", "same-site".into())],
        vec![("origin", "https://evil.example".into())],
        vec![("origin", other_port)],
        vec![("origin", "null".into())],
        vec![
            ("sec-fetch-site", "same-origin".into()),
            ("origin", "https://evil.example".into()),
        ],
        vec![
            ("sec-fetch-site", "cross-site".into()),
            ("origin", same.into()),
        ],
    ]
}

fn as_pairs<'a>(headers: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    headers.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn cookie(token: &str) -> String {
    format!("{SESSION_COOKIE}={token}")
}

async fn get(url: String, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("sending the request")
}

/// The headers every response carries, whatever it is.
fn assert_common_headers(response: &reqwest::Response, what: &str) {
    let expected = [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cross-origin-opener-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    for (name, value) in expected {
        assert_eq!(
            header(response, name).as_deref(),
            Some(value),
            "{name} on {what}"
        );
    }
    assert_eq!(
        header(response, "strict-transport-security"),
        None,
        "no HSTS over http: {what}"
    );
}

/// The headers of an API answer: no caching, and a policy that allows nothing.
fn assert_api_headers(response: &reqwest::Response, what: &str) {
    assert_common_headers(response, what);
    assert_eq!(
        header(response, "content-security-policy").as_deref(),
        Some(API_POLICY),
        "{what}"
    );
    assert_eq!(
        header(response, "cache-control").as_deref(),
        Some("no-store"),
        "{what}"
    );
}

/// The nonce in a page's Content-Security-Policy header.
fn policy_nonce(policy: &str) -> String {
    let start = policy
        .find("'nonce-")
        .unwrap_or_else(|| panic!("no nonce in {policy}"))
        + "'nonce-".len();
    let length = policy[start..].find('\'').expect("a closing quote");
    policy[start..start + length].to_owned()
}

/// The opening tags of every `<script>` in `html`.
fn script_tags(html: &str) -> Vec<&str> {
    html.match_indices("<script")
        .map(|(i, _)| &html[i..i + html[i..].find('>').expect("a closed tag") + 1])
        .collect()
}

// ---- Cross-site requests ----

#[tokio::test]
async fn a_cross_site_change_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let token = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let version = app.version_of(ADELE).await;
    let request = json!({ "request": { "user_id": ADELE, "expected_version": version } });
    let before = app.snapshot().await;

    for headers in cross_site_headers(&app.address) {
        let mut pairs = as_pairs(&headers);
        let session = cookie(&token);
        pairs.push(("cookie", &session));

        let response = app.post_with_headers(REMOVE, request.clone(), &pairs).await;

        assert_api_headers(&response, "a refusal");
        assert_eq!(read(response).await, (403, refused()), "{headers:?}");
    }
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        [] as [&str; 0]
    );
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
}

#[tokio::test]
async fn a_change_from_the_consoles_own_page_goes_through() {
    let app = spawn_app().await;
    let token = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let version = app.version_of(ADELE).await;
    let request = json!({ "request": { "user_id": ADELE, "expected_version": version } });
    let session = cookie(&token);
    let headers = [
        ("sec-fetch-site", "same-origin"),
        ("origin", app.address.as_str()),
        ("cookie", &session),
    ];

    let (status, body) = read(app.post_with_headers(REMOVE, request, &headers).await).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(app.holder_of(ADELES_NUMBER).await, None);
}

#[tokio::test]
async fn requests_a_browser_didnt_steer_pass() {
    let app = spawn_app().await;
    // Typed into the address bar or sent by a tool: `none`, or no header at all.
    let cases: [&[(&str, &str)]; 2] = [&[("sec-fetch-site", "none")], &[]];
    for headers in cases {
        let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
        let mut pairs = headers.to_vec();
        let session = cookie(&token);
        pairs.push(("cookie", &session));

        let (status, _) = read(app.post_with_headers(SIGN_OUT, json!({}), &pairs).await).await;

        assert_eq!(status, 200, "{headers:?}");
        let (status, _) = app
            .call_with_token(
                &token,
                "/api/voice-users/list",
                json!({ "query": query("") }),
            )
            .await;
        assert_eq!(status, 401, "signed out: {headers:?}");
    }
}

#[tokio::test]
async fn a_cross_site_sign_out_is_refused_and_the_session_goes_on() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let session = cookie(&token);

    for headers in cross_site_headers(&app.address) {
        let mut pairs = as_pairs(&headers);
        pairs.push(("cookie", &session));

        let response = app.post_with_headers(SIGN_OUT, json!({}), &pairs).await;

        assert_eq!(set_cookies(&response), Vec::<String>::new(), "{headers:?}");
        assert_eq!(read(response).await, (403, refused()), "{headers:?}");
    }
    let (status, body) = app
        .call_with_token(
            &token,
            "/api/voice-users/list",
            json!({ "query": query("") }),
        )
        .await;
    assert_eq!(status, 200, "still signed in: {body}");
}

#[tokio::test]
async fn a_cross_site_sign_in_is_refused_and_starts_no_session() {
    let app = spawn_app().await;
    let before = app.snapshot().await;
    let sessions = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sessions")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let sessions_before = sessions().await;
    let credentials = json!({ "username": HELPDESK, "password": DEMO_PASSWORD });

    for headers in cross_site_headers(&app.address) {
        let response = app
            .post_with_headers(SIGN_IN, credentials.clone(), &as_pairs(&headers))
            .await;

        assert_eq!(set_cookies(&response), Vec::<String>::new(), "{headers:?}");
        assert_eq!(read(response).await, (403, refused()), "{headers:?}");
    }
    assert_eq!(sessions().await, sessions_before);
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        [] as [&str; 0]
    );
}

#[tokio::test]
async fn the_audit_export_answers_get_only() {
    let app = spawn_app().await;

    let response = app
        .client
        .post(format!("{}/api/audit/export.csv", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);

    let response = app.export_csv(&app.client, "").await;
    assert_eq!(response.status(), 200);
    assert_api_headers(&response, "the CSV export");
    let content_type = header(&response, "content-type").unwrap();
    assert!(content_type.starts_with("text/csv"), "{content_type}");
}

#[tokio::test]
async fn server_functions_refuse_get() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let session = cookie(&token);
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
    let (status, _) = app
        .call_with_token(
            &token,
            "/api/voice-users/list",
            json!({ "query": query("") }),
        )
        .await;
    assert_eq!(status, 200, "GET sign-out didn't sign out");
}

// ---- Headers ----

#[tokio::test]
async fn a_page_carries_the_security_headers_and_a_nonce_policy() {
    let app = spawn_app().await;

    let response = get(format!("{}/", app.address), &[]).await;

    assert_eq!(response.status(), 200);
    assert_common_headers(&response, "the home page");
    let content_type = header(&response, "content-type").unwrap();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let policy = header(&response, "content-security-policy").expect("a policy");
    let nonce = policy_nonce(&policy);
    assert_eq!(
        policy,
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
    );
}

#[tokio::test]
async fn every_inline_script_carries_the_nonce_of_its_response() {
    let app = spawn_app().await;
    let mut nonces = Vec::new();

    for _ in 0..2 {
        let response = get(format!("{}/", app.address), &[]).await;
        let policy = header(&response, "content-security-policy").expect("a policy");
        let nonce = policy_nonce(&policy);
        let html = response.text().await.unwrap();

        let scripts = script_tags(&html);
        assert!(!scripts.is_empty(), "no script in {html}");
        for tag in &scripts {
            let inline = !tag.contains(" src=");
            if inline {
                assert!(
                    tag.contains(&format!("nonce=\"{nonce}\"")),
                    "an inline script without this response's nonce {nonce}: {tag}"
                );
            }
        }
        assert!(nonce.len() >= 16, "a nonce of at least 96 bits: {nonce}");
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "each response has its own nonce");
}

#[tokio::test]
async fn api_answers_carry_the_security_headers_and_no_store() {
    let app = spawn_app().await;

    let ok = app.post("/api/console/status", json!({})).await;
    assert_eq!(ok.status(), 200);
    assert_api_headers(&ok, "an API answer");

    let anonymous = app
        .anonymous()
        .post(format!("{}/api/voice-users/list", app.address))
        .json(&json!({ "query": query("") }))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_api_headers(&anonymous, "an API error");
}

#[tokio::test]
async fn not_found_answers_carry_the_security_headers() {
    let app = spawn_app().await;

    let page = get(format!("{}/no/such/page", app.address), &[]).await;
    assert_eq!(page.status(), 404);
    assert_common_headers(&page, "the 404 page");
    let policy = header(&page, "content-security-policy").expect("a policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    let nonce = policy_nonce(&policy);
    let html = page.text().await.unwrap();
    for tag in script_tags(&html) {
        assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "{tag}");
    }

    let api = app.post("/api/no/such/function", json!({})).await;
    assert_eq!(api.status(), 404);
    assert_api_headers(&api, "an unknown API function");
}

#[tokio::test]
async fn unknown_api_paths_answer_404_in_json() {
    let app = spawn_app().await;

    for path in [
        "/api/nope",
        "/api/voice-users/nope",
        "/api/auth/sign-in/extra",
    ] {
        let expected =
            json!({ "NotFound": { "message": format!("There is no API function at {path}.") } });
        let post = app.post(path, json!({})).await;
        let content_type = header(&post, "content-type").unwrap_or_default();
        assert!(
            content_type.starts_with("application/json"),
            "{path}: {content_type}"
        );
        assert_eq!(read(post).await, (404, expected.clone()), "POST {path}");

        let response = get(format!("{}{path}", app.address), &[]).await;
        assert_eq!(read(response).await, (404, expected), "GET {path}");
    }
}

// ---- https ----

#[tokio::test]
async fn hsts_is_sent_only_when_the_console_is_served_over_https() {
    let (https, _) = spawn_configured(|s| s.public_url = Some("https://sb.example".into()))
        .await
        .expect("starting with an https address");
    let page = get(format!("{}/", https.address), &[]).await;
    let api = https.post("/api/console/status", json!({})).await;
    assert_eq!(
        header(&page, "strict-transport-security").as_deref(),
        Some(HSTS)
    );
    assert_eq!(
        header(&api, "strict-transport-security").as_deref(),
        Some(HSTS)
    );

    let (http, _) = spawn_configured(|s| s.public_url = Some("http://sb.example".into()))
        .await
        .expect("starting with an http address");
    let page = get(format!("{}/", http.address), &[]).await;
    assert_eq!(header(&page, "strict-transport-security"), None);
}

#[tokio::test]
async fn over_https_the_session_cookie_is_secure_and_host_prefixed() {
    let (app, _) = spawn_configured(|s| s.public_url = Some("https://sb.example".into()))
        .await
        .expect("starting with an https address");

    let response = app.sign_in_response(HELPDESK, DEMO_PASSWORD).await;
    let cookies = set_cookies(&response);
    assert_eq!(response.status(), 200);

    assert_eq!(cookies.len(), 1, "{cookies:?}");
    let token = cookies[0]
        .strip_prefix("__Host-switchboard_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("not the __Host- cookie: {}", cookies[0]));
    assert_eq!(token.len(), 64);
    assert_eq!(
        cookies[0],
        format!("__Host-switchboard_session={token}; Path=/; HttpOnly; SameSite=Lax; Secure")
    );
    let list = json!({ "query": query("") });
    let with = |name: &str| format!("{name}={token}");
    let secure = with("__Host-switchboard_session");
    let (status, _) = read(
        app.post_with_headers(
            "/api/voice-users/list",
            list.clone(),
            &[("cookie", &secure)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "the __Host- cookie is the session");
    let plain = with("switchboard_session");
    let (status, _) = read(
        app.post_with_headers("/api/voice-users/list", list, &[("cookie", &plain)])
            .await,
    )
    .await;
    assert_eq!(status, 401, "the unprefixed name is not read over https");

    let response = app
        .post_with_headers(SIGN_OUT, json!({}), &[("cookie", &secure)])
        .await;
    assert_eq!(
        set_cookies(&response),
        ["__Host-switchboard_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure"]
    );
}

// ---- Bodies and failures ----

#[tokio::test]
async fn a_sign_in_body_over_64_kib_is_413_and_counts_nothing() {
    let app = spawn_app().await;
    let before = app.snapshot().await;
    let throttle = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sign_in_throttle")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };

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

    assert_eq!(throttle().await, 0, "neither counts as a failed sign-in");
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        [] as [&str; 0]
    );
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
async fn a_chunked_body_over_64_kib_is_refused_and_counts_nothing() {
    let app = spawn_app().await;
    let before = app.snapshot().await;

    let answer = post_chunked(&app, SIGN_IN, &huge_sign_in()).await;

    let status_line = answer.lines().next().unwrap_or_default();
    assert!(
        status_line.starts_with("HTTP/1.1 4"),
        "refused: {status_line}"
    );
    assert!(!answer.to_lowercase().contains("set-cookie"), "{answer}");
    assert_eq!(
        changed_tables(&before, &app.snapshot().await),
        [] as [&str; 0]
    );
    let throttled: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_throttle")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(throttled, 0);
}

#[tokio::test]
async fn a_chunked_body_over_64_kib_is_413_like_one_with_a_length() {
    let app = spawn_app().await;

    let answer = post_chunked(&app, SIGN_IN, &huge_sign_in()).await;

    let status_line = answer.lines().next().unwrap_or_default();
    assert!(status_line.starts_with("HTTP/1.1 413"), "{answer}");
}

#[tokio::test]
async fn an_internal_error_tells_the_caller_nothing_about_its_cause() {
    let app = spawn_app().await;
    sqlx::query("ALTER TABLE sign_in_throttle RENAME TO sign_in_throttle_gone")
        .execute(&app.pool)
        .await
        .expect("breaking the throttle table");

    let response = app.sign_in_response(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 500);
    assert_eq!(set_cookies(&response), Vec::<String>::new());
    assert_api_headers(&response, "an internal error");
    let text = response.text().await.unwrap();

    assert_eq!(text, "\"Internal\"");
    let (status, _) = app.list_users(query("")).await;
    assert_eq!(status, 200, "the rest of the API still answers");
}

#[tokio::test]
async fn behind_a_proxy_the_public_origin_is_not_cross_site() {
    let (app, _) = spawn_configured(|s| s.public_url = Some("https://sb.example/".into()))
        .await
        .expect("starting with a public URL");
    // The proxy forwards to 127.0.0.1:PORT, so Host and Origin differ.
    let from_public = app
        .post_with_headers(
            SIGN_IN,
            json!({ "username": "admin", "password": ADMIN_PASSWORD }),
            &[("origin", "https://sb.example")],
        )
        .await;
    assert_eq!(from_public.status(), 200, "the console's own origin");

    let from_elsewhere = app
        .post_with_headers(
            SIGN_IN,
            json!({ "username": "admin", "password": ADMIN_PASSWORD }),
            &[("origin", "https://sb.example.evil")],
        )
        .await;
    assert_eq!(from_elsewhere.status(), 403, "a look-alike origin");
}
