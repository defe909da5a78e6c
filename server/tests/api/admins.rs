//! Settings > Admins: sign-in accounts, their roles and one-time passwords,
//! managed by Global administrators.

use serde_json::{json, Value};

use crate::helpers::*;

const UNKNOWN: i64 = 9_999;
const CHOOSE_PASSWORD: &str = "Choose a new password before you continue.";

async fn create(app: &TestApp, username: &str, display_name: &str, role: &str) -> (u16, Value) {
    let request = json!({ "username": username, "display_name": display_name, "role": role });
    app.call("/api/accounts/create", json!({ "request": request }))
        .await
}

async fn set_role(app: &TestApp, id: i64, role: &str, expected_version: i64) -> (u16, Value) {
    let body = json!({ "id": id, "role": role, "expected_version": expected_version });
    app.call("/api/accounts/set-role", body).await
}

async fn reset_password(app: &TestApp, id: i64) -> (u16, Value) {
    app.call("/api/accounts/reset-password", json!({ "id": id }))
        .await
}

async fn remove(app: &TestApp, id: i64, expected_version: i64) -> (u16, Value) {
    let body = json!({ "id": id, "expected_version": expected_version });
    app.call("/api/accounts/remove", body).await
}

async fn list_voice_users(app: &TestApp, client: &reqwest::Client) -> (u16, Value) {
    app.call_with(
        client,
        "/api/voice-users/list",
        json!({ "query": query("") }),
    )
    .await
}

fn rank(role: &Value) -> usize {
    ["GlobalAdmin", "VoiceAdmin", "Helpdesk", "User"]
        .iter()
        .position(|r| role == r)
        .unwrap_or_else(|| panic!("unknown role {role}"))
}

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
            "role": "GlobalAdmin", "must_change_password": false, "version": 1
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
        assert_eq!(
            changed_tables(&before, &app.snapshot().await),
            Vec::<&str>::new()
        );
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
        assert_eq!(
            changed_tables(&before, &app.snapshot().await),
            Vec::<&str>::new(),
            "{username}"
        );
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
    let (status, areas) = app
        .call_with(&client, "/api/console/status", json!({}))
        .await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["account"]["must_change_password"], true, "{areas}");

    let attempts = [
        (&*one_time, "short-pw-1", 422),
        (&*one_time, "new.voice-is-my-name", 422),
        (&*one_time, &*one_time, 422),
        ("not-the-one-time-password", "a-good-new-passphrase", 403),
    ];
    for (current, new, expected) in attempts {
        let change = json!({ "current": current, "new": new });
        let (status, body) = app
            .call_with(&client, "/api/auth/change-password", change)
            .await;
        assert_eq!(status, expected, "{new}: {body}");
    }
    let (status, body) = list_voice_users(&app, &client).await;
    assert_eq!(status, 403, "still the one-time password: {body}");

    let change = json!({ "current": one_time, "new": "a-good-new-passphrase" });
    let (status, account) = app
        .call_with(&client, "/api/auth/change-password", change)
        .await;
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

#[tokio::test]
async fn a_new_role_applies_to_the_accounts_open_sessions_at_once() {
    let app = spawn_app().await;
    let voice_admin = app.as_role("VoiceAdmin").await;
    let id = app.account_id(VOICE_ADMIN).await;
    let remove_alex = json!({ "request": { "user_id": ALEX, "expected_version": 1 } });

    let (status, account) = set_role(&app, id, "Helpdesk", 1).await;

    assert_eq!(status, 200, "{account}");
    assert_eq!(account["role"], "Helpdesk");
    assert_eq!(account["version"], 2);
    assert_eq!(app.account(VOICE_ADMIN).await.unwrap(), account);
    let (status, body) = app
        .call_with(&voice_admin, "/api/assignments/remove", remove_alex)
        .await;
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
        assert_eq!(
            changed_tables(&before, &app.snapshot().await),
            Vec::<&str>::new(),
            "{id} {role}"
        );
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
    for (id, expected) in [(admin, 409), (UNKNOWN, 404)] {
        let before = app.snapshot().await;
        let (status, body) = reset_password(&app, id).await;
        assert_eq!(status, expected, "{id}: {body}");
        assert_eq!(
            changed_tables(&before, &app.snapshot().await),
            Vec::<&str>::new()
        );
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
    assert!(body["Conflict"]["message"]
        .as_str()
        .unwrap()
        .contains("remove your own account"));
    assert!(app.account("admin").await.is_some());
    let (status, body) = remove(&app, UNKNOWN, 1).await;
    assert_eq!((status, variant(&body)), (404, "NotFound".into()), "{body}");

    // A second Global administrator may.
    let (status, created) = create(&app, "second.admin", "Second Admin", "GlobalAdmin").await;
    assert_eq!(status, 200, "{created}");
    let second = app
        .signed_in("second.admin", created["password"].as_str().unwrap())
        .await;
    let change = json!({ "current": created["password"], "new": "second-admins-passphrase" });
    let (status, body) = app
        .call_with(&second, "/api/auth/change-password", change)
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call_with(
            &second,
            "/api/accounts/remove",
            json!({ "id": admin, "expected_version": 1 }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = list_voice_users(&app, &app.client).await;
    assert_eq!(status, 401, "the removed admin's session ended");
}
