//! Signing in: the account and an HttpOnly session cookie, only the token's
//! SHA-256 kept, the same answer for a wrong password and an unknown user.

use super::*;

#[tokio::test]
async fn signing_in_returns_the_account_and_an_http_only_session_cookie() {
    let app = spawn_app().await;
    let sessions_before = app.session_count().await;

    let response = app.sign_in_response("admin", ADMIN_PASSWORD).await;
    let cookies = set_cookies(&response);
    let (status, account) = read(response).await;

    assert_eq!(status, 200, "{account}");
    assert_eq!(account["username"], "admin");
    assert_eq!(account["display_name"], "Administrator");
    assert_eq!(account["role"], "GlobalAdmin");
    assert_eq!(account["must_change_password"], false);
    assert_eq!(account["id"], app.account_id("admin").await);
    assert_eq!(cookies.len(), 1, "one Set-Cookie: {cookies:?}");
    let token = session_token(&cookies[0], SESSION_COOKIE);
    assert_eq!(token.len(), 64, "{token}");
    assert!(
        token.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')),
        "lower-case hex: {token}"
    );
    assert_eq!(
        cookies[0],
        format!("switchboard_session={token}; Path=/; HttpOnly; SameSite=Lax"),
        "no Secure over http, no Domain, no Max-Age: the cookie ends with the browser"
    );
    assert_eq!(app.session_count().await, sessions_before + 1);
    assert_eq!(app.list_status(&token).await, 200, "the token is a session");
}

#[tokio::test]
async fn the_database_keeps_only_the_sha256_of_the_token() {
    let app = spawn_app().await;
    let sessions_before = app.session_count().await;

    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;

    assert_eq!(app.session_count().await, sessions_before + 1);
    let hashes = token_hashes(&app).await;
    assert!(
        !hashes.iter().any(|h| h.contains(&token)),
        "the token itself is stored: {hashes:?}"
    );
    // The app's own digest, checked against the FIPS 180-2 example first.
    let sha256 = app::auth::session::token_hash;
    assert_eq!(
        sha256("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let stored: Option<String> = sqlx::query_scalar(
        "SELECT s.token_hash FROM sessions s JOIN accounts a ON a.id = s.account_id \
         WHERE a.username = $1",
    )
    .bind(HELPDESK)
    .fetch_optional(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, Some(sha256(&token)));
}

#[tokio::test]
async fn the_username_is_matched_whatever_its_case_and_surrounding_spaces() {
    let app = spawn_app().await;

    let (_, status, account) = app.sign_in("  Voice.ADMIN ", DEMO_PASSWORD).await;

    assert_eq!(status, 200, "{account}");
    assert_eq!(account["username"], VOICE_ADMIN);
    assert_eq!(account["role"], "VoiceAdmin");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer_and_no_cookie() {
    let app = spawn_app().await;
    let sessions_before = app.session_count().await;

    let wrong_password = app.sign_in_response("admin", "not-the-password-1").await;
    let wrong_cookies = set_cookies(&wrong_password);
    let unknown_user = app.sign_in_response("nobody", ADMIN_PASSWORD).await;
    let unknown_cookies = set_cookies(&unknown_user);
    let wrong_case = app
        .sign_in_response("admin", &ADMIN_PASSWORD.to_uppercase())
        .await;

    assert_eq!(read(wrong_password).await, (401, sign_in_failed()));
    assert_eq!(read(unknown_user).await, (401, sign_in_failed()));
    assert_eq!(
        read(wrong_case).await,
        (401, sign_in_failed()),
        "passwords are case-sensitive"
    );
    assert_eq!(wrong_cookies, Vec::<String>::new());
    assert_eq!(unknown_cookies, Vec::<String>::new());
    assert_eq!(app.session_count().await, sessions_before);
}
