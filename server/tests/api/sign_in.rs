//! Signing in and out: the session cookie and what the database keeps of it,
//! identical answers for a wrong password and an unknown user, the throttle
//! on repeated failures, idle and absolute timeouts, a new session at every
//! sign-in, changing one's password, and the first administrator.

use serde_json::{json, Value};
use server::accounts::FirstAdmin;
use server::startup::Application;

use crate::helpers::*;

const WRONG: &str = "The username or password is incorrect.";
const SIGNED_OUT: &str = "You are signed out. Sign in again to continue.";
const CHOOSE_PASSWORD: &str = "Choose a new password before you continue.";
const NEW_PASSWORD: &str = "a-brand-new-passphrase-7";
const MINUTE: i64 = 60;

/// Any call that needs a session and the Voice permission.
const LIST_USERS: &str = "/api/voice-users/list";

fn list_body() -> Value {
    json!({ "query": query("") })
}

fn signed_out() -> Value {
    json!({ "SignedOut": { "message": SIGNED_OUT } })
}

fn sign_in_failed() -> Value {
    json!({ "SignInFailed": { "message": WRONG } })
}

fn too_many(minutes: &str) -> Value {
    let message = format!("Too many failed sign-ins. Try again in {minutes}.");
    json!({ "TooManyAttempts": { "message": message } })
}

/// Lists voice users with the session `token`: the status.
async fn list_status(app: &TestApp, token: &str) -> u16 {
    app.call_with_token(token, LIST_USERS, list_body()).await.0
}

/// Lists voice users with the app's admin client: the status.
async fn admin_list_status(app: &TestApp) -> u16 {
    app.list_users(query("")).await.0
}

async fn session_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&app.pool)
        .await
        .expect("counting sessions")
}

async fn token_hashes(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&app.pool)
        .await
        .expect("reading sessions")
}

async fn change_password(app: &TestApp, token: &str, current: &str, new: &str) -> (u16, Value) {
    let body = json!({ "current": current, "new": new });
    app.call_with_token(token, "/api/auth/change-password", body)
        .await
}

async fn sign_out(app: &TestApp, token: &str) -> reqwest::Response {
    let cookie = format!("{SESSION_COOKIE}={token}");
    app.post_with_headers("/api/auth/sign-out", json!({}), &[("cookie", &cookie)])
        .await
}

// ---- Signing in ----

#[tokio::test]
async fn signing_in_returns_the_account_and_an_http_only_session_cookie() {
    let app = spawn_app().await;
    let sessions_before = session_count(&app).await;

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
    let token = cookies[0]
        .strip_prefix("switchboard_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("not the session cookie: {}", cookies[0]));
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
    assert_eq!(session_count(&app).await, sessions_before + 1);
    assert_eq!(
        list_status(&app, token).await,
        200,
        "the token is a session"
    );
}

#[tokio::test]
async fn the_database_keeps_only_the_sha256_of_the_token() {
    let app = spawn_app().await;
    let sessions_before = session_count(&app).await;

    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;

    assert_eq!(session_count(&app).await, sessions_before + 1);
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
    let sessions_before = session_count(&app).await;

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
    assert_eq!(session_count(&app).await, sessions_before);
}

#[tokio::test]
async fn failed_and_successful_sign_ins_are_in_the_audit_log() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let (_, status, _) = app.sign_in("nobody", "whatever-it-is-1").await;
    assert_eq!(status, 401);
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200);

    let entries = app.audit_since(since).await;
    let summary: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["actor"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("SignInFailed", "nobody", "nobody"),
            ("SignedIn", HELPDESK, HELPDESK)
        ]
    );
}

// ---- The throttle ----

#[tokio::test]
async fn five_failures_lock_the_username_for_15_minutes_even_for_the_right_password() {
    let app = spawn_app().await;
    for attempt in 1..=5 {
        let (_, status, body) = app.sign_in(VOICE_ADMIN, "not-the-password-1").await;
        assert_eq!(
            (status, &body),
            (401, &sign_in_failed()),
            "attempt {attempt}"
        );
    }

    let (client, status, body) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("15 minutes")));
    let (status, body) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!(
        (status, body),
        (401, signed_out()),
        "no session while locked"
    );
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(
        status, 200,
        "other usernames from the same address still sign in"
    );

    app.clock.advance(14 * MINUTE);
    let (_, status, body) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("1 minute")));

    app.clock.advance(MINUTE + 1);
    let (client, status, body) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "the lock is over: {body}");
    let (status, body) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn an_unknown_username_locks_the_same_way_as_a_real_one() {
    let app = spawn_app().await;
    for _ in 0..5 {
        let (_, status, _) = app.sign_in("nobody", "not-the-password-1").await;
        assert_eq!(status, 401);
    }

    let (_, status, body) = app.sign_in("nobody", "not-the-password-1").await;

    assert_eq!((status, body), (429, too_many("15 minutes")));
}

#[tokio::test]
async fn a_successful_sign_in_resets_the_usernames_failure_count() {
    let app = spawn_app().await;
    // Three failures, a success, three more: six failures in all, which
    // would lock the username at the fifth if the success didn't reset it.
    for _ in 0..3 {
        let (_, status, _) = app.sign_in(HELPDESK, "not-the-password-1").await;
        assert_eq!(status, 401);
    }
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200);
    for attempt in 1..=3 {
        let (_, status, body) = app.sign_in(HELPDESK, "not-the-password-1").await;
        assert_eq!(
            (status, &body),
            (401, &sign_in_failed()),
            "attempt {attempt}"
        );
    }

    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;

    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn failures_are_forgotten_15_minutes_after_the_last_one() {
    let app = spawn_app().await;
    for _ in 0..4 {
        let (_, status, _) = app.sign_in(HELPDESK, "not-the-password-1").await;
        assert_eq!(status, 401);
    }
    app.clock.advance(15 * MINUTE + 1);

    // Without forgetting, this fifth failure would lock the username.
    let (_, status, body) = app.sign_in(HELPDESK, "not-the-password-1").await;
    assert_eq!((status, body), (401, sign_in_failed()));
    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn guesses_sent_in_parallel_all_count() {
    let app = spawn_app().await;
    let guesses = (0..8).map(|i| {
        let app = &app;
        async move {
            app.sign_in(HELPDESK, &format!("parallel-guess-{i}-x"))
                .await
                .1
        }
    });

    let statuses = futures::future::join_all(guesses).await;

    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 429),
        "{statuses:?}"
    );
    assert!(statuses.contains(&401), "{statuses:?}");
    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("15 minutes")));
}

#[tokio::test]
async fn twenty_failures_from_one_address_lock_it_for_every_username() {
    let app = spawn_app().await;
    // Different usernames, so no one username reaches its own limit; sent
    // together, so the growing delay doesn't slow the test.
    let guesses = (0..20).map(|i| {
        let app = &app;
        async move {
            app.sign_in(&format!("guess.{i}"), "not-the-password-1")
                .await
                .1
        }
    });
    let statuses = futures::future::join_all(guesses).await;
    assert_eq!(statuses, vec![401; 20]);

    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!((status, body), (429, too_many("15 minutes")));
    assert_eq!(
        admin_list_status(&app).await,
        200,
        "sessions already open go on"
    );

    app.clock.advance(15 * MINUTE + 1);
    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "{body}");
}

// ---- Timeouts ----

#[tokio::test]
async fn a_session_ends_after_30_minutes_without_a_request() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let sessions = session_count(&app).await;

    app.clock.advance(31 * MINUTE);

    let (status, body) = app.list_users(query("")).await;
    assert_eq!((status, body), (401, signed_out()));
    let (status, body) = app.call_with_token(&token, LIST_USERS, list_body()).await;
    assert_eq!((status, body), (401, signed_out()));
    assert_eq!(
        session_count(&app).await,
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
    let (app, _) = spawn_configured(|s| {
        s.session_idle_minutes = 5;
        s.session_max_hours = 1;
    })
    .await
    .expect("starting with short sessions");

    let idle = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let busy = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    app.clock.advance(5 * MINUTE + 1);
    assert_eq!(list_status(&app, &idle).await, 401, "idle for 5 minutes");
    assert_eq!(list_status(&app, &busy).await, 401, "idle for 5 minutes");

    let busy = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    for step in 1..=15 {
        app.clock.advance(4 * MINUTE);
        assert_eq!(
            list_status(&app, &busy).await,
            200,
            "after {} minutes",
            step * 4
        );
    }
    app.clock.advance(1);
    assert_eq!(list_status(&app, &busy).await, 401, "an hour after sign-in");
}

#[tokio::test]
async fn sessions_survive_a_restart_of_the_server() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let old_admin_client = app.client.clone();

    let app = app.restart().await;

    assert_eq!(list_status(&app, &token).await, 200);
    let (status, body) = app
        .call_with(&old_admin_client, LIST_USERS, list_body())
        .await;
    assert_eq!(status, 200, "the admin client's cookie still works: {body}");
}

// ---- Signing out and renewal ----

#[tokio::test]
async fn signing_out_ends_the_session_and_clears_the_cookie() {
    let app = spawn_app().await;
    let token = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let sessions = session_count(&app).await;
    let since = app.last_audit_id().await;

    let response = sign_out(&app, &token).await;
    let cookies = set_cookies(&response);
    let (status, body) = read(response).await;

    assert_eq!((status, body), (200, Value::Null));
    assert_eq!(
        cookies,
        ["switchboard_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"]
    );
    assert_eq!(session_count(&app).await, sessions - 1);
    let (status, body) = app.call_with_token(&token, LIST_USERS, list_body()).await;
    assert_eq!((status, body), (401, signed_out()), "the old token is dead");
    let entries = app.audit_since(since).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["action"], "SignedOut");
    assert_eq!(entries[0]["actor"], HELPDESK);

    let (status, _) = read(sign_out(&app, &token).await).await;
    assert_eq!(status, 200, "signing out twice is not an error");
}

#[tokio::test]
async fn a_browser_that_signed_out_is_signed_out() {
    let app = spawn_app().await;
    let client = app.signed_in(HELPDESK, DEMO_PASSWORD).await;

    let (status, _) = app
        .call_with(&client, "/api/auth/sign-out", json!({}))
        .await;
    assert_eq!(status, 200);

    let (status, body) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!((status, body), (401, signed_out()));
    assert_eq!(admin_list_status(&app).await, 200, "other sessions go on");
}

#[tokio::test]
async fn signing_out_without_a_session_is_200() {
    let app = spawn_app().await;

    let (status, body) = app
        .call_with(&app.anonymous(), "/api/auth/sign-out", json!({}))
        .await;

    assert_eq!((status, body), (200, Value::Null));
    let made_up = "0".repeat(64);
    let (status, _) = read(sign_out(&app, &made_up).await).await;
    assert_eq!(status, 200, "nor with a token that names no session");
}

#[tokio::test]
async fn signing_in_again_replaces_the_session_the_browser_had() {
    let app = spawn_app().await;
    let old = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let sessions = session_count(&app).await;

    let cookie = format!("{SESSION_COOKIE}={old}");
    let body = json!({ "username": HELPDESK, "password": DEMO_PASSWORD });
    let response = app
        .post_with_headers("/api/auth/sign-in", body, &[("cookie", &cookie)])
        .await;
    let cookies = set_cookies(&response);
    assert_eq!(response.status(), 200);

    let new = cookies[0]
        .strip_prefix("switchboard_session=")
        .and_then(|rest| rest.split(';').next())
        .expect("a new session cookie");
    assert_ne!(new, old);
    assert_eq!(list_status(&app, &old).await, 401, "the old token is dead");
    assert_eq!(list_status(&app, new).await, 200);
    assert_eq!(session_count(&app).await, sessions, "one replaced by one");
}

#[tokio::test]
async fn a_token_planted_before_sign_in_is_never_adopted() {
    let app = spawn_app().await;
    let planted = "ab".repeat(32);

    let cookie = format!("{SESSION_COOKIE}={planted}");
    let body = json!({ "username": HELPDESK, "password": DEMO_PASSWORD });
    let response = app
        .post_with_headers("/api/auth/sign-in", body, &[("cookie", &cookie)])
        .await;
    let cookies = set_cookies(&response);
    assert_eq!(response.status(), 200);

    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert!(!cookies[0].contains(&planted), "{cookies:?}");
    assert_eq!(list_status(&app, &planted).await, 401);
}

#[tokio::test]
async fn signing_in_as_someone_else_ends_the_first_session() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;

    let (status, _) = app
        .call_with(
            &helpdesk,
            "/api/auth/sign-in",
            json!({ "username": VOICE_ADMIN, "password": DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(status, 200);

    let (status, areas) = app
        .call_with(&helpdesk, "/api/console/status", json!({}))
        .await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["account"]["username"], VOICE_ADMIN);
    let helpdesk_sessions: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id \
         WHERE a.username = $1",
    )
    .bind(HELPDESK)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(helpdesk_sessions, 0);
}

// ---- Changing one's password ----

#[tokio::test]
async fn change_password_refuses_wrong_current_and_weak_or_unchanged_new_passwords() {
    let app = spawn_app().await;
    let token = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let cases = [
        (DEMO_PASSWORD, "short-pw-1", 422),
        (DEMO_PASSWORD, "my-Voice.Admin-passphrase", 422),
        (DEMO_PASSWORD, "zzzzzzzzzzzzzzzz", 422),
        (DEMO_PASSWORD, DEMO_PASSWORD, 422),
        ("not-the-current-one-1", NEW_PASSWORD, 403),
    ];
    for (current, new, expected) in cases {
        let (status, body) = change_password(&app, &token, current, new).await;
        assert_eq!(status, expected, "{current} -> {new}: {body}");
        let variant = if expected == 403 {
            "Forbidden"
        } else {
            "Invalid"
        };
        assert!(
            body[variant]["message"].is_string(),
            "{current} -> {new}: {body}"
        );
    }
    let (_, body) = change_password(&app, &token, "not-the-current-one-1", NEW_PASSWORD).await;
    assert_eq!(
        body["Forbidden"]["message"],
        "The current password is incorrect."
    );
    let (_, body) = change_password(&app, &token, DEMO_PASSWORD, DEMO_PASSWORD).await;
    assert_eq!(
        body["Invalid"]["message"],
        "The new password must differ from the current one."
    );
    let (_, body) = change_password(&app, &token, DEMO_PASSWORD, "short-pw-1").await;
    assert_eq!(
        body["Invalid"]["message"],
        "The password must be at least 12 characters long."
    );

    let (_, status, _) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "the password is unchanged");
    let (_, status, _) = app.sign_in(VOICE_ADMIN, NEW_PASSWORD).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn change_password_needs_a_session() {
    let app = spawn_app().await;

    let (status, body) = app
        .call_with(
            &app.anonymous(),
            "/api/auth/change-password",
            json!({ "current": DEMO_PASSWORD, "new": NEW_PASSWORD }),
        )
        .await;

    assert_eq!((status, body), (401, signed_out()));
}

#[tokio::test]
async fn a_new_password_ends_the_accounts_other_sessions_but_not_this_one() {
    let app = spawn_app().await;
    let this = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let other = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let someone_else = app.sign_in_token(HELPDESK, DEMO_PASSWORD).await;
    let version = app.account(VOICE_ADMIN).await.unwrap()["version"].clone();
    let since = app.last_audit_id().await;

    let (status, account) = change_password(&app, &this, DEMO_PASSWORD, NEW_PASSWORD).await;

    assert_eq!(status, 200, "{account}");
    assert_eq!(account["username"], VOICE_ADMIN);
    assert_eq!(account["must_change_password"], false);
    assert_eq!(account["version"], version.as_i64().unwrap() + 1);
    assert_eq!(list_status(&app, &this).await, 200, "this session goes on");
    assert_eq!(list_status(&app, &other).await, 401, "the other one ends");
    assert_eq!(list_status(&app, &someone_else).await, 200);
    let (_, status, _) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 401, "the old password is gone");
    let (_, status, _) = app.sign_in(VOICE_ADMIN, NEW_PASSWORD).await;
    assert_eq!(status, 200);
    let entries = app.audit_since(since).await;
    let changed: Vec<_> = entries
        .iter()
        .filter(|e| e["action"] == "PasswordChanged")
        .collect();
    assert_eq!(changed.len(), 1, "{entries:?}");
    assert_eq!(changed[0]["actor"], VOICE_ADMIN);
    assert_eq!(changed[0]["target"], VOICE_ADMIN);
}

// ---- The first administrator ----

#[tokio::test]
async fn without_a_configured_password_the_first_admin_gets_a_one_time_password() {
    let (app, first_admin) = spawn_configured(|s| s.admin_password = None)
        .await
        .expect("starting without an admin password");
    let FirstAdmin::Generated { username, password } = first_admin else {
        panic!("expected a generated password, got {first_admin:?}");
    };
    assert_eq!(username, "admin");
    assert_eq!(password.chars().count(), 20, "{password}");

    let token = app.sign_in_token("admin", &password).await;

    let (status, areas) = app
        .call_with_token(&token, "/api/console/status", json!({}))
        .await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["account"]["username"], "admin");
    assert_eq!(areas["account"]["must_change_password"], true);
    let forbidden = json!({ "Forbidden": { "message": CHOOSE_PASSWORD } });
    let refused = [
        (LIST_USERS, list_body()),
        ("/api/accounts/list", json!({})),
        (
            "/api/audit/list",
            json!({ "query": audit_query(json!({})) }),
        ),
        (
            "/api/assignments/remove",
            json!({ "request": { "user_id": ADELE, "expected_version": 1 } }),
        ),
    ];
    for (path, body) in refused {
        let answer = app.call_with_token(&token, path, body).await;
        assert_eq!(answer, (403, forbidden.clone()), "{path}");
    }
    let export = reqwest::Client::new()
        .get(format!("{}/api/audit/export.csv", app.address))
        .header("cookie", format!("{SESSION_COOKIE}={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 403, "the CSV export too");
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));

    let (status, account) = change_password(&app, &token, &password, NEW_PASSWORD).await;
    assert_eq!(status, 200, "{account}");
    assert_eq!(account["must_change_password"], false);
    let (status, page) = app.call_with_token(&token, LIST_USERS, list_body()).await;
    assert_eq!(status, 200, "{page}");
    let (_, status, _) = app.sign_in("admin", &password).await;
    assert_eq!(status, 401, "the one-time password is spent");
}

#[tokio::test]
async fn a_configured_password_creates_the_first_admin_once() {
    let data_dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let (app, first_admin) = spawn_configured_in(data_dir.clone(), |_| {})
        .await
        .expect("starting");
    assert_eq!(
        first_admin,
        FirstAdmin::Created {
            username: "admin".into()
        }
    );
    let (_, status, account) = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(status, 200);
    assert_eq!(account["must_change_password"], false, "{account}");
    drop(app);

    let (_, first_admin) = spawn_configured_in(data_dir, |s| s.admin_password = None)
        .await
        .expect("starting again");
    assert_eq!(
        first_admin,
        FirstAdmin::Existing,
        "no second admin, nothing generated"
    );
}

#[tokio::test]
async fn a_weak_configured_admin_password_stops_start_up_with_the_reason() {
    let cases = [
        ("short-pw-1", "at least 12 characters"),
        ("admin-password-123", "can't contain the username"),
        ("xxxxxxxxxxxxxxxxxxxx", "one character repeated"),
    ];
    for (password, reason) in cases {
        let data_dir = tempfile::tempdir().unwrap();
        let mut settings = test_settings(&data_dir, server::demo::DemoOrg::Contoso);
        settings.admin_password = Some(password.into());

        let Err(error) = Application::build(settings).await else {
            panic!("{password} was accepted");
        };

        let message = format!("{error:#}");
        assert!(
            message.contains("SWITCHBOARD_ADMIN_PASSWORD is not accepted"),
            "{message}"
        );
        assert!(message.contains(reason), "{password}: {message}");
        assert!(
            !message.contains(password),
            "the message repeats the password"
        );
    }
}

// ---- Secrets stay secret ----

#[tokio::test]
async fn no_password_or_token_is_stored_or_logged_as_text() {
    let app = spawn_app().await;
    let typo = "a-mistyped-secret-42";
    let (_, status, _) = app.sign_in(VOICE_ADMIN, typo).await;
    assert_eq!(status, 401);
    let first = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let second = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let (status, _) = change_password(&app, &second, DEMO_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(status, 200);
    let (status, _) = read(sign_out(&app, &second).await).await;
    assert_eq!(status, 200);
    let third = app.sign_in_token(VOICE_ADMIN, NEW_PASSWORD).await;

    let snapshot = app.snapshot().await;
    let sessions: Vec<String> =
        sqlx::query_scalar("SELECT token_hash || '|' || account_id FROM sessions")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let throttle: Vec<String> =
        sqlx::query_scalar("SELECT throttle_key || '|' || failures FROM sign_in_throttle")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let export = app.export_csv(&app.client, "").await;
    assert_eq!(export.status(), 200);
    let csv = export.text().await.unwrap();
    let stored = [
        snapshot["audit_log"].as_str(),
        snapshot["accounts"].as_str(),
        &sessions.join("\n"),
        &throttle.join("\n"),
        &csv,
    ];
    let secrets = [
        typo,
        DEMO_PASSWORD,
        NEW_PASSWORD,
        ADMIN_PASSWORD,
        &first,
        &second,
        &third,
    ];
    for text in stored {
        assert!(!text.is_empty());
        for secret in secrets {
            assert!(!text.contains(secret), "{secret} appears in {text}");
        }
    }
    assert!(
        snapshot["audit_log"].contains("PASSWORD_CHANGED"),
        "the audit log was read: {}",
        snapshot["audit_log"]
    );
    let hashes: Vec<String> = sqlx::query_scalar("SELECT password_hash FROM accounts")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    for hash in hashes {
        assert!(hash.starts_with("$argon2id$"), "{hash}");
    }
}

#[tokio::test]
async fn guessing_the_current_password_locks_like_failed_sign_ins() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let change = |current: &str| json!({ "current": current, "new": "a brand new passphrase" });
    for attempt in 1..=5 {
        let (status, body) = app
            .call_with(
                &helpdesk,
                "/api/auth/change-password",
                change("wrong guess"),
            )
            .await;
        assert_eq!(status, 403, "attempt {attempt}: {body}");
    }
    let (status, body) = app
        .call_with(
            &helpdesk,
            "/api/auth/change-password",
            change(DEMO_PASSWORD),
        )
        .await;
    assert_eq!(status, 429, "even the right password, once locked: {body}");
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 429, "signing in is locked too");

    app.clock.advance(15 * 60 + 1);
    let (status, body) = app
        .call_with(
            &helpdesk,
            "/api/auth/change-password",
            change(DEMO_PASSWORD),
        )
        .await;
    assert_eq!(status, 200, "after the lock: {body}");
}
