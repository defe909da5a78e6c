//! The matrix's writes outside Voice: licences, accounts and one's own
//! password. Each request, and what an allowed call must have done.

use serde_json::json;

use super::fixture::account_role;
use super::{Needs, Write, AUDIT};
use crate::helpers::*;

pub const NEW_PASSWORD: &str = "a-brand-new-passphrase-7";

pub const ACCOUNT_WRITES: [Write; 11] = [
    Write {
        path: "/api/licences/change",
        needs: Needs::ManageLicences,
        changes: &["voice_users", "user_licences", AUDIT],
        body: |_, _| {
            json!({ "change": {
                "user_id": ISAIAH, "licence": "EnterpriseE5", "assign": true,
                "expected_version": 1, "also_remove_number": false
            }})
        },
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert_eq!(
                    answer["licences"],
                    json!(["EnterpriseE5"]),
                    "{role}: {answer}"
                );
                let isaiah = app.user(ISAIAH).await;
                assert_eq!(isaiah["licences"], json!(["EnterpriseE5"]), "{role}");
            })
        },
    },
    Write {
        path: "/api/accounts/create",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
        body: |_, _| {
            json!({ "request": {
                "username": "new.helpdesk", "display_name": "New Helpdesk", "role": "Helpdesk"
            }})
        },
        check: |app, _, role, answer| {
            Box::pin(async move {
                let account = &answer["account"];
                assert_eq!(account["username"], "new.helpdesk", "{role}: {answer}");
                assert_eq!(account["role"], "Helpdesk", "{role}: {answer}");
                let password = answer["password"].as_str().expect("a one-time password");
                assert!(password.chars().count() >= 12, "{role}: {answer}");
                assert!(app.account("new.helpdesk").await.is_some(), "{role}");
            })
        },
    },
    Write {
        path: "/api/accounts/set-role",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
        body: |f, _| json!({ "id": f.megan_account, "role": "Helpdesk", "expected_version": 1 }),
        check: |app, f, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["role"], "Helpdesk", "{role}: {answer}");
                assert_eq!(answer["version"], 2, "{role}: {answer}");
                let stored = account_role(app, f.megan_account).await;
                assert_eq!(stored.as_deref(), Some("HELPDESK"), "{role}");
            })
        },
    },
    // Alex has two-step sign-in (the fixture's); before his password is reset.
    Write {
        path: "/api/accounts/reset-two-step",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
        body: |f, _| json!({ "id": f.alex_account }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["username"], "alexw@contoso.com", "{role}: {answer}");
                assert_eq!(answer["two_step"], false, "{role}: {answer}");
                let stored = app.account("alexw@contoso.com").await.expect("alex");
                assert_eq!(stored["two_step"], false, "{role}");
            })
        },
    },
    // Optional already: answered, nothing written, nothing audited.
    Write {
        path: "/api/settings/sign-in/set",
        needs: Needs::ManageAccounts,
        changes: &[],
        body: |_, _| json!({ "policy": { "two_step_for_admins": false } }),
        check: |_, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["two_step_for_admins"], false, "{role}: {answer}");
            })
        },
    },
    Write {
        path: "/api/auth/two-step/start",
        needs: Needs::SignedIn,
        changes: &["accounts"],
        body: |_, _| json!({}),
        check: |_, _, role, answer| {
            Box::pin(async move {
                let address = answer["address"].as_str().unwrap_or_default();
                assert!(
                    address.starts_with("otpauth://totp/Switchboard:"),
                    "{role}: {answer}"
                );
                let account = username_of(role).replace('@', "%40");
                assert!(address.contains(&account), "{role}: {answer}");
                assert!(answer["qr_size"].as_u64() >= Some(21), "{role}: {answer}");
            })
        },
    },
    Write {
        path: "/api/auth/tokens/create",
        needs: Needs::SignedIn,
        changes: &["api_tokens", AUDIT],
        body: |_, _| json!({ "request": { "name": "matrix" } }),
        check: |_, _, role, answer| {
            Box::pin(async move {
                let token = answer["token"].as_str().unwrap_or_default();
                assert!(token.starts_with("sbt_"), "{role}: {answer}");
                assert_eq!(answer["info"]["name"], "matrix", "{role}: {answer}");
                assert_eq!(answer["info"]["role"], role, "its account's role: {answer}");
            })
        },
    },
    // The token the write before made: the first of this database.
    Write {
        path: "/api/auth/tokens/revoke",
        needs: Needs::SignedIn,
        changes: &["api_tokens", AUDIT],
        body: |_, _| json!({ "id": 1 }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert!(answer.is_null(), "{role}: {answer}");
                let revoked: Option<i64> =
                    sqlx::query_scalar("SELECT revoked_at FROM api_tokens WHERE id = 1")
                        .fetch_one(&app.pool)
                        .await
                        .unwrap();
                assert!(revoked.is_some(), "{role}");
            })
        },
    },
    Write {
        path: "/api/accounts/reset-password",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
        body: |f, _| json!({ "id": f.alex_account }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                let account = &answer["account"];
                assert_eq!(account["username"], "alexw@contoso.com", "{role}: {answer}");
                assert_eq!(account["must_change_password"], true, "{role}: {answer}");
                let password = answer["password"].as_str().expect("a one-time password");
                let (_, status, _) = app.sign_in("alexw@contoso.com", password).await;
                assert_eq!(status, 200, "the one-time password signs in: {role}");
            })
        },
    },
    Write {
        path: "/api/accounts/remove",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
        body: |f, _| json!({ "id": f.lee_account, "expected_version": 1 }),
        check: |app, f, role, answer| {
            Box::pin(async move {
                assert!(answer.is_null(), "{role}: {answer}");
                assert_eq!(account_role(app, f.lee_account).await, None, "{role}");
            })
        },
    },
    // Last: it ends the caller's other sessions.
    Write {
        path: "/api/auth/change-password",
        needs: Needs::SignedIn,
        changes: &["accounts", AUDIT],
        body: |_, role| {
            let current = match role {
                "Anonymous" => DEMO_PASSWORD,
                role => password_of(role),
            };
            json!({ "current": current, "new": NEW_PASSWORD })
        },
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["username"], username_of(role), "{role}: {answer}");
                assert_eq!(answer["must_change_password"], false, "{role}: {answer}");
                let (_, status, _) = app.sign_in(username_of(role), NEW_PASSWORD).await;
                assert_eq!(status, 200, "the new password signs in: {role}");
            })
        },
    },
];
