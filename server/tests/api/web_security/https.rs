//! Served over https: HSTS, and the `__Host-` Secure session cookie.

use super::*;

#[tokio::test]
async fn hsts_is_sent_only_when_the_console_is_served_over_https() {
    let https = spawn_configured(|s| s.public_url = Some("https://sb.example".into())).await;
    let page = https.page_with(&https.anonymous(), "/").await;
    let api = https.post("/api/console/status", json!({})).await;
    assert_eq!(
        page.header("strict-transport-security").as_deref(),
        Some(HSTS)
    );
    assert_eq!(
        header(api.headers(), "strict-transport-security").as_deref(),
        Some(HSTS)
    );

    let http = spawn_configured(|s| s.public_url = Some("http://sb.example".into())).await;
    let page = http.page_with(&http.anonymous(), "/").await;
    assert_eq!(page.header("strict-transport-security"), None);
}

#[tokio::test]
async fn over_https_the_session_cookie_is_secure_and_host_prefixed() {
    let app = spawn_configured(|s| s.public_url = Some("https://sb.example".into())).await;

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
