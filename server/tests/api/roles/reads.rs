//! The matrix's reads: each request, and what an allowed call answers.

use serde_json::{json, Value};

use super::Needs;
use crate::helpers::*;

/// The CSV exports are the reads that are not server functions: GETs.
pub const EXPORT: &str = "GET /api/audit/export.csv";
pub const USERS_EXPORT: &str = "GET /api/voice-users/export.csv";
pub const NUMBERS_EXPORT: &str = "GET /api/phone-numbers/export.csv";

pub struct Read {
    pub path: &'static str,
    pub needs: Needs,
    pub body: fn() -> Value,
    /// Checks what a call by `role` that may read answered.
    pub check: fn(&str, &Value),
}

impl Read {
    /// Calls this read with `client`: status and body.
    pub async fn call(&self, app: &TestApp, client: &reqwest::Client) -> (u16, Value) {
        if let Some(path) = self.path.strip_prefix("GET ") {
            read(app.get_with(client, path).await).await
        } else {
            app.call_with(client, self.path, (self.body)()).await
        }
    }
}

fn nothing() -> Value {
    json!({})
}

pub const READS: [Read; 28] = [
    Read {
        path: "/api/import/check",
        needs: Needs::ManageVoice,
        body: || json!({ "request": { "file": "Username,Action\r\nalexw@contoso.com,remove\r\n" } }),
        check: |role, answer| {
            assert_eq!(
                answer["lines"][0]["problems"],
                json!([]),
                "{role}: {answer}"
            );
        },
    },
    Read {
        path: "/api/bulk/suggest",
        needs: Needs::ManageVoice,
        body: || json!({ "request": { "users": [MEGAN], "narrow": { "city": "", "range": "" } } }),
        check: |role, answer| {
            let number = &answer[0]["number"]["number"]["e164"];
            assert!(
                number.as_str().is_some_and(|n| n.starts_with("+1")),
                "{role}: {answer}"
            );
        },
    },
    Read {
        path: "/api/bulk/check",
        needs: Needs::ManageVoice,
        body: || {
            json!({ "rows": [{ "user_id": ALEX, "expected_version": 1, "number": null,
                               "location_id": null }] })
        },
        check: |role, answer| assert_eq!(answer, &json!([]), "{role}"),
    },
    Read {
        path: "/api/change-sets/list",
        needs: Needs::ViewVoice,
        body: || json!({ "before": null }),
        check: |role, answer| {
            // A fresh organisation has saved nothing yet.
            assert_eq!(answer["sets"], json!([]), "{role}: {answer}");
            assert!(answer["next"].is_null(), "{role}: {answer}");
        },
    },
    Read {
        path: "/api/provisioning/user",
        needs: Needs::ViewVoice,
        body: || json!({ "user_id": ADELE }),
        check: |role, answer| {
            // Adele's number was assigned before provisioning was tracked.
            assert_eq!(answer["jobs"], json!([]), "{role}: {answer}");
            assert!(answer["now"].is_i64(), "{role}: {answer}");
        },
    },
    Read {
        path: "/api/provisioning/list",
        needs: Needs::ViewVoice,
        body: || json!({ "query": {} }),
        check: |role, answer| {
            assert_eq!(answer["jobs"], json!([]), "{role}: {answer}");
            assert_eq!(answer["open"], 0, "{role}: {answer}");
        },
    },
    Read {
        path: "/api/drift/latest",
        needs: Needs::ViewVoice,
        body: nothing,
        check: |role, answer| {
            // No phone system: nothing was ever compared.
            assert!(answer["latest"].is_null(), "{role}: {answer}");
            assert_eq!(answer["findings"], json!([]), "{role}: {answer}");
            assert_eq!(answer["comparable"], false, "{role}: {answer}");
        },
    },
    Read {
        path: "/api/voice-users/list",
        needs: Needs::ViewVoice,
        body: || json!({ "query": query("") }),
        check: |role, answer| {
            assert_eq!(answer["total"], 280, "{role}: {answer}");
            assert_eq!(answer["users"].as_array().unwrap().len(), 50, "{role}");
        },
    },
    Read {
        path: "/api/voice-users/get",
        needs: Needs::ViewVoice,
        body: || json!({ "id": ADELE }),
        check: |role, answer| {
            assert_eq!(answer["display_name"], "Adele Vance", "{role}: {answer}");
            let number = &answer["assigned_number"]["number"]["e164"];
            assert_eq!(number, ADELES_NUMBER, "{role}: {answer}");
        },
    },
    Read {
        path: "/api/numbers/assignable",
        needs: Needs::ViewVoice,
        body: || json!({ "filter": { "text": "", "country": null, "limit": 10 } }),
        check: |role, answer| {
            assert_eq!(answer["numbers"].as_array().unwrap().len(), 10, "{role}");
            assert!(
                answer["available"].as_i64().unwrap() > 10,
                "{role}: {answer}"
            );
        },
    },
    Read {
        path: "/api/emergency-locations/validated",
        needs: Needs::ViewVoice,
        body: || json!({ "city": "Redmond" }),
        check: |role, answer| {
            let names: Vec<&Value> = answer
                .as_array()
                .unwrap()
                .iter()
                .map(|l| &l["description"])
                .collect();
            assert_eq!(names, [&json!("Redmond HQ")], "{role}: {answer}");
        },
    },
    Read {
        path: "/api/emergency-locations/list",
        needs: Needs::ViewVoice,
        body: || json!({ "city": "" }),
        check: |role, answer| assert_eq!(answer.as_array().unwrap().len(), 8, "{role}"),
    },
    Read {
        path: "/api/phone-numbers/list",
        needs: Needs::ViewVoice,
        body: || {
            json!({ "query": {
                "search": "", "state": null, "kind": null, "source": null, "country": null,
                "sort": "Number", "descending": false, "after": null, "limit": 50
            }})
        },
        check: |role, answer| assert_eq!(answer["total"], 540, "{role}: {answer}"),
    },
    Read {
        path: USERS_EXPORT,
        needs: Needs::ViewVoice,
        body: nothing,
        check: |role, answer| {
            let text = answer["text"].as_str().expect("CSV text");
            let rows = parse_csv(text.strip_prefix('\u{feff}').expect("a BOM"));
            assert_eq!(rows[0][0], "Username", "{role}: {answer}");
            assert_eq!(rows.len(), 1 + 280, "{role}");
        },
    },
    Read {
        path: NUMBERS_EXPORT,
        needs: Needs::ViewVoice,
        body: nothing,
        check: |role, answer| {
            let text = answer["text"].as_str().expect("CSV text");
            let rows = parse_csv(text.strip_prefix('\u{feff}').expect("a BOM"));
            assert_eq!(rows[0][0], "Username", "{role}: {answer}");
            assert_eq!(rows.len(), 1 + 540, "{role}");
        },
    },
    Read {
        path: "/api/licences/list",
        needs: Needs::ViewLicences,
        body: nothing,
        check: |role, answer| {
            let e5 = answer
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["licence"] == "EnterpriseE5")
                .expect("an Enterprise E5 row");
            assert_eq!(e5["purchased"], 200, "{role}: {answer}");
        },
    },
    Read {
        path: "/api/audit/list",
        needs: Needs::ViewAudit,
        body: || json!({ "query": audit_query(json!({})) }),
        check: |role, answer| {
            let me = username_of(role);
            let entries = answer["entries"].as_array().unwrap();
            let own = entries
                .iter()
                .any(|e| e["action"] == "SignedIn" && e["actor"] == me);
            assert!(own, "the caller's own sign-in is listed: {role}: {answer}");
        },
    },
    Read {
        path: EXPORT,
        needs: Needs::ViewAudit,
        body: nothing,
        check: |role, answer| {
            let rows = parse_csv(answer["text"].as_str().expect("CSV text"));
            assert_eq!(rows[0][0], "Time (UTC)", "{role}: {answer}");
            let me = username_of(role);
            let own = rows.iter().any(|r| r[1] == me && r[2] == "Signed in");
            assert!(
                own,
                "the caller's own sign-in is exported: {role}: {answer}"
            );
        },
    },
    Read {
        path: "/api/accounts/list",
        needs: Needs::ManageAccounts,
        body: nothing,
        check: |role, answer| {
            let accounts = answer.as_array().unwrap();
            assert_eq!(accounts.len(), 15, "{role}: {answer}");
            assert_eq!(accounts[0]["username"], "admin", "{role}: {answer}");
        },
    },
    Read {
        path: "/api/progress",
        needs: Needs::SignedIn,
        body: || json!({ "key": "nothing-running" }),
        // No request of this account runs under that key.
        check: |role, answer| assert!(answer.is_null(), "{role}: {answer}"),
    },
    Read {
        path: "GET /api/openapi.json",
        needs: Needs::SignedIn,
        body: nothing,
        check: |role, answer| assert_eq!(answer["openapi"], "3.1.0", "{role}"),
    },
    Read {
        path: "/api/reference",
        needs: Needs::SignedIn,
        body: nothing,
        check: |role, answer| {
            let areas = answer["areas"].as_array().expect("areas");
            assert!(areas.len() > 5, "{role}: {answer}");
        },
    },
    Read {
        path: "/api/auth/my-profile",
        needs: Needs::SignedIn,
        body: nothing,
        check: |role, answer| {
            assert_eq!(answer["username"], username_of(role), "{role}: {answer}");
            assert_eq!(answer["role"], role, "{role}: {answer}");
            assert_eq!(answer["is_voice_user"], role == "User", "{role}: {answer}");
        },
    },
    Read {
        path: "/api/auth/two-step/status",
        needs: Needs::SignedIn,
        body: nothing,
        check: |role, answer| {
            assert!(answer["on_since"].is_null(), "{role}: {answer}");
            assert_eq!(answer["recovery_codes_left"], 0, "{role}: {answer}");
            assert_eq!(answer["required"], false, "{role}: {answer}");
        },
    },
    Read {
        path: "/api/auth/tokens/list",
        needs: Needs::SignedIn,
        body: nothing,
        check: |role, answer| assert_eq!(answer, &json!([]), "{role}"),
    },
    Read {
        path: "/api/settings/sign-in",
        needs: Needs::ManageAccounts,
        body: nothing,
        check: |role, answer| {
            assert_eq!(answer, &json!({ "two_step_for_admins": false }), "{role}");
        },
    },
    Read {
        path: "/api/console/status",
        needs: Needs::Nothing,
        body: nothing,
        check: |role, answer| {
            if role == "Anonymous" {
                assert!(answer["account"].is_null(), "{role}: {answer}");
                assert_eq!(answer["voice"], false, "{role}: {answer}");
            } else {
                let account = &answer["account"];
                assert_eq!(account["username"], username_of(role), "{role}: {answer}");
                assert_eq!(account["role"], role, "{role}: {answer}");
                assert_eq!(answer["voice"], true, "{role}: {answer}");
            }
        },
    },
    // Signing out is open to anyone and only ends the caller's own session;
    // it comes last so the reads above run signed in.
    Read {
        path: "/api/auth/sign-out",
        needs: Needs::Nothing,
        body: nothing,
        check: |role, answer| assert!(answer.is_null(), "{role}: {answer}"),
    },
];
