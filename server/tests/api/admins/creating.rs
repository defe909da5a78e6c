//! Listing accounts and creating them: every role, one-time passwords that
//! must be replaced first, usernames taken once.

use super::*;

#[tokio::test]
async fn the_list_shows_every_account_admins_first_without_secrets() {
    let app = spawn_app().await;

    let accounts = app.accounts().await;

    assert_eq!(
        accounts.len(),
        15,
        "admin, voice.admin, helpdesk and 12 users"
    );
    assert_eq!(
        accounts[0],
        json!({
            "id": app.account_id("admin").await, "username": "admin", "display_name": "Administrator",
            "role": "GlobalAdmin", "must_change_password": false, "two_step": false, "version": 1
        })
    );
    assert_eq!(accounts[1]["username"], VOICE_ADMIN);
    assert_eq!(accounts[1]["role"], "VoiceAdmin");
    assert_eq!(accounts[2]["username"], HELPDESK);
    assert_eq!(accounts[2]["role"], "Helpdesk");
    for pair in accounts.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let ordered =
            (rank(&a["role"]), a["username"].as_str()) < (rank(&b["role"]), b["username"].as_str());
        assert!(ordered, "by role, then username: {a} before {b}");
    }
    let adele = accounts
        .iter()
        .find(|a| a["username"] == ADELE_USERNAME)
        .expect("Adele's account");
    assert_eq!(adele["display_name"], "Adele Vance");
    assert_eq!(adele["role"], "User");
    for account in &accounts {
        let mut keys: Vec<&String> = account.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "display_name",
                "id",
                "must_change_password",
                "role",
                "two_step",
                "username",
                "version"
            ],
            "no password hash leaves the server: {account}"
        );
    }
}

#[tokio::test]
async fn an_admin_creates_accounts_of_every_role_with_one_time_passwords() {
    let app = spawn_app().await;
    let cases = [
        (
            "  Second.Admin ",
            "Second Admin",
            "GlobalAdmin",
            "second.admin",
            "Second Admin",
        ),
        (
            "new.voice",
            "New Voice",
            "VoiceAdmin",
            "new.voice",
            "New Voice",
        ),
        (
            "new.helpdesk",
            " New Helpdesk ",
            "Helpdesk",
            "new.helpdesk",
            "New Helpdesk",
        ),
        // A User's display name is the voice user's.
        (
            "JurgenM@contoso.com",
            "",
            "User",
            "jurgenm@contoso.com",
            "Jürgen Müller",
        ),
    ];
    let mut passwords = Vec::new();
    for (username, display_name, role, stored_username, stored_name) in cases {
        let (status, created) = create(&app, username, display_name, role).await;

        assert_eq!(status, 200, "{username}: {created}");
        let account = &created["account"];
        assert_eq!(account["username"], stored_username, "{created}");
        assert_eq!(account["display_name"], stored_name, "{created}");
        assert_eq!(account["role"], role, "{created}");
        assert_eq!(account["must_change_password"], true, "{created}");
        assert_eq!(account["version"], 1, "{created}");
        assert_eq!(app.account(stored_username).await.as_ref(), Some(account));

        let password = created["password"].as_str().unwrap().to_owned();
        assert!(password.chars().count() >= 12, "{password}");
        let (_, status, signed_in) = app.sign_in(stored_username, &password).await;
        assert_eq!(status, 200, "the one-time password signs in: {signed_in}");
        assert_eq!(signed_in["must_change_password"], true);
        passwords.push(password);
    }
    passwords.sort();
    passwords.dedup();
    assert_eq!(passwords.len(), 4, "each account gets its own password");
    assert_eq!(app.accounts().await.len(), 19);
}

#[tokio::test]
async fn a_username_is_taken_once_whatever_its_case() {
    let app = spawn_app().await;
    for username in ["helpdesk", " HelpDesk ", "ADMIN"] {
        let before = app.snapshot().await;
        let (status, body) = create(&app, username, "Twin", "VoiceAdmin").await;
        assert_eq!(status, 409, "{username}: {body}");
        assert_eq!(variant(&body), "Conflict", "{body}");
        app.assert_unchanged(&before, username).await;
    }
    let (status, body) = create(&app, ADELE_USERNAME, "", "User").await;
    assert_eq!(status, 409, "a voice user has one account: {body}");
}

#[tokio::test]
async fn unusable_account_details_are_422_and_create_nothing() {
    let app = spawn_app().await;
    let cases = [
        // A User must be a voice user.
        (
            "nobody@contoso.com",
            "Nobody",
            "User",
            "There is no voice user",
        ),
        ("ab", "Too Short", "Helpdesk", "at least 3 characters"),
        ("two words", "Spaced", "Helpdesk", "no spaces"),
        // Only a voice user's display name can be taken.
        ("no.name", "  ", "Helpdesk", "Enter a display name"),
    ];
    for (username, display_name, role, message) in cases {
        let before = app.snapshot().await;
        let (status, body) = create(&app, username, display_name, role).await;
        assert_eq!(status, 422, "{username}: {body}");
        assert!(
            body["Invalid"]["message"]
                .as_str()
                .unwrap()
                .contains(message),
            "{username}: {body}"
        );
        app.assert_unchanged(&before, username).await;
    }
}

#[tokio::test]
async fn a_one_time_password_must_be_replaced_before_anything_else() {
    let app = spawn_app().await;
    let (status, created) = create(&app, "new.voice", "New Voice", "VoiceAdmin").await;
    assert_eq!(status, 200, "{created}");
    let one_time = created["password"].as_str().unwrap().to_owned();
    let client = app.signed_in("new.voice", &one_time).await;

    let (status, body) = list_voice_users(&app, &client).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["Forbidden"]["message"], CHOOSE_PASSWORD);
    let (status, body) = app
        .call_with(
            &client,
            "/api/audit/list",
            json!({ "query": audit_query(json!({})) }),
        )
        .await;
    assert_eq!(
        (status, &body["Forbidden"]["message"]),
        (403, &json!(CHOOSE_PASSWORD))
    );
    let (status, body) = read(app.export_csv(&client, "").await).await;
    assert_eq!(
        (status, &body["Forbidden"]["message"]),
        (403, &json!(CHOOSE_PASSWORD)),
        "the CSV export is as closed as the list"
    );
    let (status, areas) = app
        .call_with(&client, "/api/console/status", json!({}))
        .await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["account"]["must_change_password"], true, "{areas}");

    let attempts = [
        (&*one_time, "short-pw-1", 422, "too short"),
        (
            &*one_time,
            "new.voice-is-my-name",
            422,
            "holds the username",
        ),
        (&*one_time, &*one_time, 422, "the one-time password again"),
        (
            "not-the-one-time-password",
            "a-good-new-passphrase",
            403,
            "a wrong current password",
        ),
    ];
    for (current, new, expected, why) in attempts {
        let change = Call::change_password(current, new);
        let (status, body) = app.send_with(&client, change).await;
        assert_eq!(status, expected, "{why}: {body}");
    }
    let (status, body) = list_voice_users(&app, &client).await;
    assert_eq!(status, 403, "still the one-time password: {body}");

    let change = Call::change_password(&one_time, "a-good-new-passphrase");
    let (status, account) = app.send_with(&client, change).await;
    assert_eq!(status, 200, "{account}");
    assert_eq!(account["must_change_password"], false);
    assert_eq!(account["username"], "new.voice");

    let (status, page) = list_voice_users(&app, &client).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["total"], 280);
    let (_, status, _) = app.sign_in("new.voice", &one_time).await;
    assert_eq!(status, 401, "the one-time password is spent");
    let (_, status, _) = app.sign_in("new.voice", "a-good-new-passphrase").await;
    assert_eq!(status, 200);
}
