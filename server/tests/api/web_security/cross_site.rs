//! State changes from another site are refused, whatever header gives the
//! site away; the console's own page, and requests no browser steered, pass.

use super::*;

#[tokio::test]
async fn a_cross_site_change_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let token = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let version = app.version_of(ADELE).await;
    let request = json!({ "request": { "user_id": ADELE, "expected_version": version } });
    let before = app.snapshot().await;

    for headers in cross_site_headers(&app.address) {
        let mut pairs = as_pairs(&headers);
        let session = session_cookie(&token);
        pairs.push(("cookie", &session));

        let response = app.post_with_headers(REMOVE, request.clone(), &pairs).await;

        assert_api_headers(response.headers(), "a refusal");
        assert_eq!(read(response).await, (403, refused()), "{headers:?}");
    }
    app.assert_unchanged(&before, "a cross-site remove").await;
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
}

#[tokio::test]
async fn a_change_from_the_consoles_own_page_goes_through() {
    let app = spawn_app().await;
    let token = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let version = app.version_of(ADELE).await;
    let request = json!({ "request": { "user_id": ADELE, "expected_version": version } });
    let session = session_cookie(&token);
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
        let session = session_cookie(&token);
        pairs.push(("cookie", &session));

        let (status, _) = read(app.post_with_headers(SIGN_OUT, json!({}), &pairs).await).await;

        assert_eq!(status, 200, "{headers:?}");
        assert_eq!(
            app.list_status(&token).await,
            401,
            "signed out: {headers:?}"
        );
    }
}

#[tokio::test]
async fn a_cross_site_sign_out_is_refused_and_the_session_goes_on() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let session = session_cookie(&token);

    for headers in cross_site_headers(&app.address) {
        let mut pairs = as_pairs(&headers);
        pairs.push(("cookie", &session));

        let response = app.post_with_headers(SIGN_OUT, json!({}), &pairs).await;

        assert_eq!(set_cookies(&response), Vec::<String>::new(), "{headers:?}");
        assert_eq!(read(response).await, (403, refused()), "{headers:?}");
    }
    assert_eq!(app.list_status(&token).await, 200, "still signed in");
}

#[tokio::test]
async fn a_cross_site_sign_in_is_refused_and_starts_no_session() {
    let app = spawn_app().await;
    let before = app.snapshot_of(&ALL_TABLES).await;
    let credentials = json!({ "username": HELPDESK, "password": DEMO_PASSWORD });

    for headers in cross_site_headers(&app.address) {
        let response = app
            .post_with_headers(SIGN_IN, credentials.clone(), &as_pairs(&headers))
            .await;

        assert_eq!(set_cookies(&response), Vec::<String>::new(), "{headers:?}");
        assert_eq!(read(response).await, (403, refused()), "{headers:?}");
    }
    app.assert_unchanged(&before, "no session, no failure counted")
        .await;
}

#[tokio::test]
async fn behind_a_proxy_the_public_origin_is_not_cross_site() {
    let app = spawn_configured(|s| s.public_url = Some("https://sb.example/".into())).await;
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
