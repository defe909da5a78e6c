//! Changing an account: its role, a reset password, removing it. Each takes
//! effect on the account's open sessions at once.

use super::*;

#[tokio::test]
async fn a_new_role_applies_to_the_accounts_open_sessions_at_once() {
    let app = spawn_app().await;
    let voice_admin = app.as_role("VoiceAdmin").await;
    let id = app.account_id(VOICE_ADMIN).await;

    let (status, account) = set_role(&app, id, "Helpdesk", 1).await;

    assert_eq!(status, 200, "{account}");
    assert_eq!(account["role"], "Helpdesk");
    assert_eq!(account["version"], 2);
    assert_eq!(app.account(VOICE_ADMIN).await.unwrap(), account);
    let (status, body) = app.send_with(&voice_admin, Call::remove(ALEX, 1)).await;
    assert_eq!(status, 403, "Helpdesk changes nothing: {body}");
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, Some(ALEX));
    let (status, _) = list_voice_users(&app, &voice_admin).await;
    assert_eq!(status, 200, "Helpdesk still reads");

    // Promoted to Global administrator: the same session manages accounts.
    let (status, account) = set_role(&app, id, "GlobalAdmin", 2).await;
    assert_eq!((status, &account["role"]), (200, &json!("GlobalAdmin")));
    let (status, listed) = app
        .call_with(&voice_admin, "/api/accounts/list", json!({}))
        .await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed.as_array().unwrap().len(), 15);
}

#[tokio::test]
async fn set_role_refuses_stale_versions_own_account_non_users_and_unknown_ids() {
    let app = spawn_app().await;
    let helpdesk = app.account_id(HELPDESK).await;
    let admin = app.account_id("admin").await;
    let (status, body) = set_role(&app, helpdesk, "VoiceAdmin", 1).await;
    assert_eq!(status, 200, "{body}");

    let cases = [
        // Another admin changed it meanwhile (version is now 2).
        (helpdesk, "GlobalAdmin", 1, 409, "Conflict"),
        (admin, "Helpdesk", 1, 409, "Conflict"),
        // Only a voice user's account can have the User role.
        (helpdesk, "User", 2, 422, "Invalid"),
        (UNKNOWN, "Helpdesk", 1, 404, "NotFound"),
    ];
    for (id, role, version, expected, expected_variant) in cases {
        let before = app.snapshot().await;
        let (status, body) = set_role(&app, id, role, version).await;
        assert_eq!(
            (status, variant(&body)),
            (expected, expected_variant.into()),
            "{id} {role}: {body}"
        );
        app.assert_unchanged(&before, &format!("{id} {role}")).await;
    }
    let (status, body) = set_role(&app, admin, "Helpdesk", 1).await;
    assert!(
        body["Conflict"]["message"]
            .as_str()
            .unwrap()
            .contains("your own role"),
        "{status} {body}"
    );
    assert_eq!(app.account(HELPDESK).await.unwrap()["role"], "VoiceAdmin");
    assert_eq!(app.account("admin").await.unwrap()["role"], "GlobalAdmin");
}

#[tokio::test]
async fn reset_password_ends_the_accounts_sessions_and_gives_a_new_one_time_password() {
    let app = spawn_app().await;
    let first = app.as_role("Helpdesk").await;
    let second = app.as_role("Helpdesk").await;
    let id = app.account_id(HELPDESK).await;

    let (status, reset) = reset_password(&app, id).await;

    assert_eq!(status, 200, "{reset}");
    assert_eq!(reset["account"]["username"], HELPDESK);
    assert_eq!(reset["account"]["must_change_password"], true);
    assert_eq!(reset["account"]["version"], 2);
    for client in [&first, &second] {
        let (status, body) = list_voice_users(&app, client).await;
        assert_eq!(
            (status, variant(&body)),
            (401, "SignedOut".into()),
            "{body}"
        );
    }
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 401, "the old password is gone");
    let password = reset["password"].as_str().unwrap();
    assert_ne!(password, DEMO_PASSWORD);
    let fresh = app.signed_in(HELPDESK, password).await;
    let (status, body) = list_voice_users(&app, &fresh).await;
    assert_eq!(
        (status, &body["Forbidden"]["message"]),
        (403, &json!(CHOOSE_PASSWORD))
    );

    // The admin's own session is untouched.
    let (status, _) = list_voice_users(&app, &app.client).await;
    assert_eq!(status, 200);

    // Another reset, another password; the previous one stops working.
    let (status, again) = reset_password(&app, id).await;
    assert_eq!(status, 200, "{again}");
    assert_ne!(again["password"], reset["password"]);
    let (_, status, _) = app.sign_in(HELPDESK, password).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn reset_password_refuses_own_account_and_unknown_ids() {
    let app = spawn_app().await;
    let admin = app.account_id("admin").await;
    for (id, expected, why) in [
        (admin, 409, "the admin's own"),
        (UNKNOWN, 404, "no such account"),
    ] {
        let before = app.snapshot().await;
        let (status, body) = reset_password(&app, id).await;
        assert_eq!(status, expected, "{why}: {body}");
        app.assert_unchanged(&before, why).await;
    }
    let (status, _) = list_voice_users(&app, &app.client).await;
    assert_eq!(status, 200, "the admin is still signed in");
    let (_, status, _) = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(status, 200, "and still has the same password");
}

#[tokio::test]
async fn removing_an_account_ends_its_sessions() {
    let app = spawn_app().await;
    let helpdesk = app.as_role("Helpdesk").await;
    let id = app.account_id(HELPDESK).await;

    let (status, body) = remove(&app, id, 0).await;
    assert_eq!(status, 409, "stale version: {body}");
    let (status, _) = list_voice_users(&app, &helpdesk).await;
    assert_eq!(status, 200, "nothing happened");

    let (status, body) = remove(&app, id, 1).await;

    assert_eq!(status, 200, "{body}");
    assert!(body.is_null(), "{body}");
    let (status, body) = list_voice_users(&app, &helpdesk).await;
    assert_eq!(
        (status, variant(&body)),
        (401, "SignedOut".into()),
        "{body}"
    );
    let (_, status, _) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(status, 401);
    assert_eq!(app.account(HELPDESK).await, None);
    assert_eq!(app.accounts().await.len(), 14);
}

#[tokio::test]
async fn an_admin_cannot_remove_their_own_account_but_another_admin_can() {
    let app = spawn_app().await;
    let admin = app.account_id("admin").await;

    let (status, body) = remove(&app, admin, 1).await;
    assert_eq!(status, 409, "{body}");
    assert!(message(&body).contains("remove your own account"), "{body}");
    assert!(app.account("admin").await.is_some());
    let (status, body) = remove(&app, UNKNOWN, 1).await;
    assert_eq!((status, variant(&body)), (404, "NotFound".into()), "{body}");

    // A second Global administrator may.
    let (status, created) = create(&app, "second.admin", "Second Admin", "GlobalAdmin").await;
    assert_eq!(status, 200, "{created}");
    let one_time = created["password"].as_str().unwrap();
    let second = app.signed_in("second.admin", one_time).await;
    let change = Call::change_password(one_time, "second-admins-passphrase");
    let (status, body) = app.send_with(&second, change).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.send_with(&second, Call::remove_account(admin, 1)).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = list_voice_users(&app, &app.client).await;
    assert_eq!(status, 401, "the removed admin's session ended");
}
