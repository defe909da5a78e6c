//! Licence and account changes, sign-ins and sign-outs each write exactly
//! one audit entry, and no password ever reaches the log.

use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn licence_changes_are_recorded_and_a_number_removed_with_its_licence_too() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    app.done(Call::licence(ISAIAH, "EnterpriseE5", true, 1, false))
        .await;
    // Already held: nothing to do, nothing to record.
    app.done(Call::licence(ISAIAH, "EnterpriseE5", true, 2, false))
        .await;
    app.done(Call::licence(ADELE, "DomesticCallingPlan", false, 1, true))
        .await;

    let entries = app.new_entries(since, 3).await;
    assert_entry(
        &entries[0],
        json!({
            "action": "LicenceAssigned", "actor": "admin", "target": "Isaiah Langer",
            "user_name": "Isaiah Langer", "number": null, "before": "", "after": "Enterprise E5",
        }),
    );
    assert_entry(
        &entries[1],
        json!({
            "action": "NumberRemoved", "target": "Adele Vance", "number": ADELES_NUMBER,
            "before": "+1 425-555-0100 at Redmond HQ",
            "after": "with the Domestic Calling Plan license",
        }),
    );
    assert_entry(
        &entries[2],
        json!({
            "action": "LicenceRemoved", "target": "Adele Vance", "user_name": "Adele Vance",
            "before": "Domestic Calling Plan", "after": "",
        }),
    );
}

#[tokio::test]
async fn account_changes_are_recorded() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let created = app
        .done(Call::create_account(
            "audit.helpdesk",
            "Audit Helpdesk",
            "Helpdesk",
        ))
        .await;
    let id = created["account"]["id"].as_i64().expect("an id");
    app.done(Call::create_account("jurgenm@contoso.com", "", "User"))
        .await;
    app.done(Call::set_role(id, "VoiceAdmin", 1)).await;
    let reset = app.done(Call::reset_password(id)).await;
    let one_time = reset["password"].as_str().expect("a one-time password");
    let own = app.signed_in("audit.helpdesk", one_time).await;
    let change = Call::change_password(one_time, "my-own-passphrase-42");
    let (status, body) = app.send_with(&own, change).await;
    assert_eq!(status, 200, "{body}");
    let version = app.account("audit.helpdesk").await.unwrap()["version"]
        .as_i64()
        .expect("a version");
    app.done(Call::remove_account(id, version)).await;

    let entries = app.new_entries(since, 7).await;
    assert_eq!(
        actions(&entries),
        [
            "AccountCreated",
            "AccountCreated",
            "RoleChanged",
            "PasswordChanged",
            "SignedIn",
            "PasswordChanged",
            "AccountRemoved"
        ]
    );
    assert_entry(
        &entries[0],
        json!({ "actor": "admin", "target": "audit.helpdesk", "user_name": null, "before": "", "after": "Helpdesk" }),
    );
    assert_entry(
        &entries[1],
        json!({ "actor": "admin", "target": "jurgenm@contoso.com", "user_name": "Jürgen Müller", "after": "User" }),
    );
    assert_entry(
        &entries[2],
        json!({ "actor": "admin", "target": "audit.helpdesk", "before": "Helpdesk", "after": "Voice administrator" }),
    );
    assert_entry(
        &entries[3],
        json!({ "actor": "admin", "target": "audit.helpdesk", "after": "reset by an admin" }),
    );
    assert_entry(
        &entries[5],
        json!({ "actor": "audit.helpdesk", "target": "audit.helpdesk", "after": "by the account holder" }),
    );
    assert_entry(
        &entries[6],
        json!({ "actor": "admin", "target": "audit.helpdesk", "before": "Voice administrator", "after": "" }),
    );
    let no_secrets = entries.iter().all(|e| {
        !e.to_string().contains(one_time) && !e.to_string().contains("my-own-passphrase-42")
    });
    assert!(no_secrets, "passwords never reach the log: {entries:#?}");
}

#[tokio::test]
async fn sign_ins_failed_sign_ins_and_sign_outs_are_recorded() {
    let app = spawn_app().await;
    let since = app.last_audit_id().await;

    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (_, status, _) = app.sign_in(HELPDESK, "not-the-password-1").await;
    assert_eq!(status, 401);
    let (_, status, _) = app.sign_in("mallory", "any-password-at-all").await;
    assert_eq!(status, 401);
    let (status, body) = app
        .call_with(&helpdesk, "/api/auth/sign-out", json!({}))
        .await;
    assert_eq!(status, 200, "{body}");

    let entries = app.new_entries(since, 4).await;
    assert_entry(
        &entries[0],
        json!({ "action": "SignedIn", "actor": HELPDESK, "target": HELPDESK, "after": "from 127.0.0.1" }),
    );
    assert_entry(
        &entries[1],
        json!({ "action": "SignInFailed", "actor": HELPDESK, "target": HELPDESK, "after": "from 127.0.0.1" }),
    );
    // A username that names no account is kept as a short hash, never as typed.
    let unknown = app::auth::throttle::unknown_account("mallory");
    assert_entry(
        &entries[2],
        json!({ "action": "SignInFailed", "actor": unknown, "target": unknown }),
    );
    assert_entry(
        &entries[3],
        json!({ "action": "SignedOut", "actor": HELPDESK }),
    );
    assert!(
        !entries
            .iter()
            .any(|e| e.to_string().contains("not-the-password-1")),
        "a mistyped password is never logged"
    );
}
