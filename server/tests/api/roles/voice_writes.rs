//! The matrix's Voice writes (and the port check, which needs the same
//! permission): each request, and what an allowed call must have done.

use serde_json::json;

use super::fixture::location_description;
use super::{Needs, Write, AUDIT, JOBS, SETS, SET_USERS};
use crate::helpers::*;

pub const VOICE_WRITES: [Write; 13] = [
    Write {
        path: "/api/assignments/assign",
        needs: Needs::ManageVoice,
        changes: &[
            "voice_users",
            "number_assignments",
            SETS,
            SET_USERS,
            JOBS,
            AUDIT,
        ],
        body: |f, _| {
            json!({ "request": {
                "user_id": MEGAN, "number": f.free_us, "location_id": REDMOND_HQ, "expected_version": 1
            }})
        },
        check: |app, f, role, answer| {
            Box::pin(async move {
                let number = &answer["saved"]["assigned_number"]["number"]["e164"];
                assert_eq!(number, f.free_us.as_str(), "{role}: {answer}");
                assert_eq!(answer["saved"]["version"], 2, "{role}: {answer}");
                assert_eq!(answer["change_set"], 1, "{role}: {answer}");
                assert_eq!(app.holder_of(&f.free_us).await, Some(MEGAN), "{role}");
            })
        },
    },
    Write {
        path: "/api/assignments/remove",
        needs: Needs::ManageVoice,
        changes: &[
            "voice_users",
            "number_assignments",
            SETS,
            SET_USERS,
            JOBS,
            AUDIT,
        ],
        body: |_, _| json!({ "request": { "user_id": ALEX, "expected_version": 1 } }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["saved"]["id"], ALEX, "{role}: {answer}");
                assert!(
                    answer["saved"]["assigned_number"].is_null(),
                    "{role}: {answer}"
                );
                assert_eq!(app.holder_of(ALEXS_NUMBER).await, None, "{role}");
            })
        },
    },
    Write {
        path: "/api/assignments/remove-selected",
        needs: Needs::ManageVoice,
        changes: &[
            "voice_users",
            "number_assignments",
            SETS,
            SET_USERS,
            JOBS,
            AUDIT,
        ],
        body: |_, _| {
            json!({ "requests": [
                { "user_id": NESTOR, "expected_version": 1 },
                { "user_id": PATTI, "expected_version": 1 },
            ]})
        },
        check: |app, _, role, answer| {
            Box::pin(async move {
                let users = answer["saved"].as_array().expect("a list of users");
                assert_eq!(users.len(), 2, "{role}: {answer}");
                let freed = users.iter().all(|u| u["assigned_number"].is_null());
                assert!(freed, "{role}: {answer}");
                for id in [NESTOR, PATTI] {
                    let user = app.user(id).await;
                    assert!(user["assigned_number"].is_null(), "{role}: {user}");
                }
            })
        },
    },
    Write {
        // The set before: the removal of Nestor's and Patti's numbers.
        path: "/api/change-sets/undo",
        needs: Needs::ManageVoice,
        changes: &[
            "voice_users",
            "number_assignments",
            SETS,
            SET_USERS,
            JOBS,
            AUDIT,
        ],
        body: |_, _| json!({ "request": { "change_set": 3 } }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                let users = answer["saved"].as_array().expect("a list of users");
                assert_eq!(users.len(), 2, "{role}: {answer}");
                assert_eq!(answer["change_set"], 4, "{role}: {answer}");
                for id in [NESTOR, PATTI] {
                    let user = app.user(id).await;
                    assert!(!user["assigned_number"].is_null(), "{role}: {user}");
                }
            })
        },
    },
    Write {
        // A bulk save of one row: Adele's number back to the inventory.
        path: "/api/bulk/save",
        needs: Needs::ManageVoice,
        changes: &[
            "voice_users",
            "number_assignments",
            SETS,
            SET_USERS,
            JOBS,
            AUDIT,
        ],
        body: |_, _| {
            json!({ "rows": [{ "user_id": ADELE, "expected_version": 1, "number": null,
                               "location_id": null }] })
        },
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert!(
                    answer["saved"][0]["assigned_number"].is_null(),
                    "{role}: {answer}"
                );
                assert_eq!(app.holder_of(ADELES_NUMBER).await, None, "{role}");
            })
        },
    },
    Write {
        // Patti has her number again since the undo before.
        path: "/api/import/apply",
        needs: Needs::ManageVoice,
        changes: &[
            "voice_users",
            "number_assignments",
            SETS,
            SET_USERS,
            JOBS,
            AUDIT,
        ],
        body: |_, _| json!({ "request": { "file": "Username,Action\npattif@contoso.com,remove\n" } }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["changed"], 1, "{role}: {answer}");
                assert!(app.user(PATTI).await["assigned_number"].is_null(), "{role}");
            })
        },
    },
    Write {
        path: "/api/phone-numbers/release",
        needs: Needs::ManageVoice,
        changes: &["phone_numbers", AUDIT],
        body: |f, _| json!({ "numbers": [f.free_gb] }),
        check: |app, f, role, answer| {
            Box::pin(async move {
                assert_eq!(answer, &json!(1), "{role}: {answer}");
                assert!(!app.in_inventory(&f.free_gb).await, "{role}");
            })
        },
    },
    Write {
        path: "/api/phone-numbers/add-new",
        needs: Needs::ManageVoice,
        changes: &["phone_numbers", AUDIT],
        body: |_, _| json!({ "request": { "country": "US", "city": "Redmond", "quantity": 2 } }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                let added = e164s(answer);
                assert_eq!(added.len(), 2, "{role}: {answer}");
                for e164 in &added {
                    assert!(e164.starts_with("+1425"), "{role}: {answer}");
                    assert!(app.in_inventory(e164).await, "{role}: {e164}");
                }
            })
        },
    },
    Write {
        path: "/api/phone-numbers/port/check",
        needs: Needs::ManageVoice,
        changes: &[],
        body: |f, _| {
            json!({ "request": {
                "source": { "List": { "text": f.outside[0] } }, "city": "Seattle"
            }})
        },
        check: |app, f, role, answer| {
            Box::pin(async move {
                assert_eq!(
                    answer["accepted"][0]["e164"],
                    f.outside[0].as_str(),
                    "{role}"
                );
                assert_eq!(answer["problems"], json!([]), "{role}: {answer}");
                let added = app.in_inventory(&f.outside[0]).await;
                assert!(!added, "checking adds nothing: {role}");
            })
        },
    },
    Write {
        path: "/api/phone-numbers/port/add",
        needs: Needs::ManageVoice,
        changes: &["phone_numbers", AUDIT],
        body: |f, _| {
            json!({ "request": {
                "source": { "List": { "text": f.outside[1] } }, "city": "Seattle"
            }})
        },
        check: |app, f, role, answer| {
            Box::pin(async move {
                assert_eq!(
                    answer["accepted"][0]["e164"],
                    f.outside[1].as_str(),
                    "{role}"
                );
                let ported = format!(
                    "n.e164 = '{}' AND n.source = 'direct_routing'",
                    f.outside[1]
                );
                assert_eq!(app.number_where(&ported).await, f.outside[1], "{role}");
            })
        },
    },
    Write {
        path: "/api/emergency-locations/add",
        needs: Needs::ManageVoice,
        changes: &["emergency_locations", AUDIT],
        body: |_, _| json!({ "address": bellevue("Bellevue Office") }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["description"], "Bellevue Office", "{role}: {answer}");
                assert_eq!(answer["validated"], true, "{role}: {answer}");
                let id = answer["id"].as_i64().expect("an id");
                let stored = location_description(app, id).await;
                assert_eq!(stored.as_deref(), Some("Bellevue Office"), "{role}");
            })
        },
    },
    Write {
        path: "/api/emergency-locations/rename",
        needs: Needs::ManageVoice,
        changes: &["emergency_locations", AUDIT],
        body: |_, _| json!({ "id": SEATTLE_OFFICE, "description": "Seattle Waterfront" }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert_eq!(
                    answer["description"], "Seattle Waterfront",
                    "{role}: {answer}"
                );
                let stored = location_description(app, SEATTLE_OFFICE).await;
                assert_eq!(stored.as_deref(), Some("Seattle Waterfront"), "{role}");
            })
        },
    },
    Write {
        path: "/api/emergency-locations/delete",
        needs: Needs::ManageVoice,
        changes: &["emergency_locations", AUDIT],
        body: |_, _| json!({ "id": READING_WAREHOUSE }),
        check: |app, _, role, answer| {
            Box::pin(async move {
                assert!(answer.is_null(), "{role}: {answer}");
                let stored = location_description(app, READING_WAREHOUSE).await;
                assert_eq!(stored, None, "{role}");
            })
        },
    },
];
