//! Changing one's own password: the rules a new one must meet, and the
//! account's other sessions ending.

use super::*;

#[tokio::test]
async fn change_password_refuses_wrong_current_and_weak_or_unchanged_new_passwords() {
    let app = spawn_app().await;
    let token = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let invalid = |message: &str| (422, json!({ "Invalid": { "message": message } }));
    let cases = [
        (
            DEMO_PASSWORD,
            "short-pw-1",
            invalid("The password must be at least 12 characters long."),
            "too short",
        ),
        (
            DEMO_PASSWORD,
            "my-Voice.Admin-passphrase",
            invalid("The password can't contain the username."),
            "the username in any case",
        ),
        (
            DEMO_PASSWORD,
            "zzzzzzzzzzzzzzzz",
            invalid("The password can't be one character repeated."),
            "one character repeated",
        ),
        (
            DEMO_PASSWORD,
            "QwertyUiop123",
            invalid(
                "This password is one of the most common passwords, which attackers try \
                 first. Choose one that is your own.",
            ),
            "one of the most common passwords, in any case",
        ),
        (
            DEMO_PASSWORD,
            DEMO_PASSWORD,
            invalid("The new password must differ from the current one."),
            "unchanged",
        ),
        (
            "not-the-current-one-1",
            NEW_PASSWORD,
            (
                403,
                json!({ "Forbidden": { "message": "The current password is incorrect." } }),
            ),
            "a wrong current password",
        ),
    ];
    for (current, new, expected, why) in cases {
        let answer = change_password(&app, &token, current, new).await;
        assert_eq!(answer, expected, "{why}");
    }

    let (_, status, _) = app.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "the password is unchanged");
    let (_, status, _) = app.sign_in(VOICE_ADMIN, NEW_PASSWORD).await;
    assert_eq!(status, 401);
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
    assert_eq!(app.list_status(&this).await, 200, "this session goes on");
    assert_eq!(app.list_status(&other).await, 401, "the other one ends");
    assert_eq!(app.list_status(&someone_else).await, 200);
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
