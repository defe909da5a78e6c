//! The role matrix: every server function, called by every role. What a role
//! may do works; what it may not is refused (401 without a session, 403
//! otherwise) and changes nothing, not even the audit log.

use serde_json::{json, Value};

use crate::helpers::*;

const ROLES: [&str; 5] = ["GlobalAdmin", "VoiceAdmin", "Helpdesk", "User", "Anonymous"];

const NESTOR: i64 = 10;
const PATTI: i64 = 11;
const NOT_ALLOWED: &str = "Your role doesn't allow this. Ask a Global administrator.";
const EXPORT: &str = "GET /api/audit/export.csv";
const NEW_PASSWORD: &str = "a-brand-new-passphrase-7";

/// What a function asks of its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Needs {
    Nothing,
    SignedIn,
    ViewVoice,
    ManageVoice,
    ViewLicences,
    ManageLicences,
    ViewAudit,
    ManageAccounts,
}

/// The documented permissions of each role.
fn may(role: &str, needs: Needs) -> bool {
    use Needs::*;
    match role {
        "GlobalAdmin" => true,
        "VoiceAdmin" => matches!(
            needs,
            Nothing | SignedIn | ViewVoice | ManageVoice | ViewLicences | ViewAudit
        ),
        "Helpdesk" => matches!(needs, Nothing | SignedIn | ViewVoice | ViewLicences),
        "User" => matches!(needs, Nothing | SignedIn),
        "Anonymous" => needs == Nothing,
        other => panic!("unknown role {other}"),
    }
}

fn username_of(role: &str) -> &'static str {
    match role {
        "GlobalAdmin" => "admin",
        "VoiceAdmin" => VOICE_ADMIN,
        "Helpdesk" => HELPDESK,
        "User" => ADELE_USERNAME,
        other => panic!("{other} has no account"),
    }
}

fn password_of(role: &str) -> &'static str {
    if role == "GlobalAdmin" {
        ADMIN_PASSWORD
    } else {
        DEMO_PASSWORD
    }
}

/// A state-changing function and the tables a successful call changes.
struct Write {
    path: &'static str,
    needs: Needs,
    changes: &'static [&'static str],
}

const AUDIT: &str = "audit_log";

/// Every function that changes something (and the port check, which needs
/// the same permission), in the order the matrix calls them. Each touches
/// different users, numbers, locations and accounts, so all can succeed one
/// after the other on one database.
const WRITES: [Write; 16] = [
    Write {
        path: "/api/assignments/assign",
        needs: Needs::ManageVoice,
        changes: &["voice_users", "number_assignments", AUDIT],
    },
    Write {
        path: "/api/assignments/remove",
        needs: Needs::ManageVoice,
        changes: &["voice_users", "number_assignments", AUDIT],
    },
    Write {
        path: "/api/assignments/remove-selected",
        needs: Needs::ManageVoice,
        changes: &["voice_users", "number_assignments", AUDIT],
    },
    Write {
        path: "/api/phone-numbers/release",
        needs: Needs::ManageVoice,
        changes: &["phone_numbers", AUDIT],
    },
    Write {
        path: "/api/phone-numbers/add-new",
        needs: Needs::ManageVoice,
        changes: &["phone_numbers", AUDIT],
    },
    Write {
        path: "/api/phone-numbers/port/check",
        needs: Needs::ManageVoice,
        changes: &[],
    },
    Write {
        path: "/api/phone-numbers/port/add",
        needs: Needs::ManageVoice,
        changes: &["phone_numbers", AUDIT],
    },
    Write {
        path: "/api/emergency-locations/add",
        needs: Needs::ManageVoice,
        changes: &["emergency_locations", AUDIT],
    },
    Write {
        path: "/api/emergency-locations/rename",
        needs: Needs::ManageVoice,
        changes: &["emergency_locations", AUDIT],
    },
    Write {
        path: "/api/emergency-locations/delete",
        needs: Needs::ManageVoice,
        changes: &["emergency_locations", AUDIT],
    },
    Write {
        path: "/api/licences/change",
        needs: Needs::ManageLicences,
        changes: &["voice_users", "user_licences", AUDIT],
    },
    Write {
        path: "/api/accounts/create",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
    },
    Write {
        path: "/api/accounts/set-role",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
    },
    Write {
        path: "/api/accounts/reset-password",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
    },
    Write {
        path: "/api/accounts/remove",
        needs: Needs::ManageAccounts,
        changes: &["accounts", AUDIT],
    },
    // Last: it ends the caller's other sessions.
    Write {
        path: "/api/auth/change-password",
        needs: Needs::SignedIn,
        changes: &["accounts", AUDIT],
    },
];

/// What the calls of one run work on, found in a fresh database.
struct Fixture {
    /// A free US number, for Megan.
    free_us: String,
    /// A free GB number, to release.
    free_gb: String,
    /// Two valid numbers outside the inventory: checked, then ported.
    outside: [String; 2],
    megan_account: i64,
    alex_account: i64,
    lee_account: i64,
}

impl Fixture {
    async fn new(app: &TestApp) -> Fixture {
        let mut outside = Vec::new();
        for n in 300..400 {
            let e164 = format!("+1425555{n:04}");
            if !in_inventory(app, &e164).await {
                outside.push(e164);
            }
            if outside.len() == 2 {
                break;
            }
        }
        Fixture {
            free_us: app.free_number("US", "calling_plan").await,
            free_gb: app.free_number("GB", "calling_plan").await,
            outside: [outside[0].clone(), outside[1].clone()],
            megan_account: app.account_id("meganb@contoso.com").await,
            alex_account: app.account_id("alexw@contoso.com").await,
            lee_account: app.account_id("leeg@contoso.com").await,
        }
    }

    fn body(&self, role: &str, path: &str) -> Value {
        match path {
            "/api/assignments/assign" => json!({ "request": {
                "user_id": MEGAN, "number": self.free_us, "location_id": REDMOND_HQ, "expected_version": 1
            }}),
            "/api/assignments/remove" => {
                json!({ "request": { "user_id": ALEX, "expected_version": 1 } })
            }
            "/api/assignments/remove-selected" => json!({ "requests": [
                { "user_id": NESTOR, "expected_version": 1 },
                { "user_id": PATTI, "expected_version": 1 },
            ]}),
            "/api/phone-numbers/release" => json!({ "numbers": [self.free_gb] }),
            "/api/phone-numbers/add-new" => {
                json!({ "request": { "country": "US", "city": "Redmond", "quantity": 2 } })
            }
            "/api/phone-numbers/port/check" => json!({ "request": {
                "source": { "List": { "text": self.outside[0] } }, "city": "Seattle"
            }}),
            "/api/phone-numbers/port/add" => json!({ "request": {
                "source": { "List": { "text": self.outside[1] } }, "city": "Seattle"
            }}),
            "/api/emergency-locations/add" => json!({ "address": {
                "description": "Bellevue Office", "street": "500 108th Ave NE", "city": "Bellevue",
                "state": "WA", "postal_code": "98004", "country": "US"
            }}),
            "/api/emergency-locations/rename" => {
                json!({ "id": SEATTLE_OFFICE, "description": "Seattle Waterfront" })
            }
            "/api/emergency-locations/delete" => json!({ "id": READING_WAREHOUSE }),
            "/api/licences/change" => json!({ "change": {
                "user_id": ISAIAH, "licence": "EnterpriseE5", "assign": true,
                "expected_version": 1, "also_remove_number": false
            }}),
            "/api/accounts/create" => json!({ "request": {
                "username": "new.helpdesk", "display_name": "New Helpdesk", "role": "Helpdesk"
            }}),
            "/api/accounts/set-role" => {
                json!({ "id": self.megan_account, "role": "Helpdesk", "expected_version": 1 })
            }
            "/api/accounts/reset-password" => json!({ "id": self.alex_account }),
            "/api/accounts/remove" => json!({ "id": self.lee_account, "expected_version": 1 }),
            "/api/auth/change-password" => {
                let current = if role == "Anonymous" {
                    DEMO_PASSWORD
                } else {
                    password_of(role)
                };
                json!({ "current": current, "new": NEW_PASSWORD })
            }
            other => panic!("no request for {other}"),
        }
    }
}

async fn in_inventory(app: &TestApp, e164: &str) -> bool {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM phone_numbers WHERE e164 = $1")
        .bind(e164)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    count > 0
}

async fn location_description(app: &TestApp, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT description FROM emergency_locations WHERE id = $1")
        .bind(id)
        .fetch_optional(&app.pool)
        .await
        .unwrap()
}

async fn account_role(app: &TestApp, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT role FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_optional(&app.pool)
        .await
        .unwrap()
}

/// Checks that the allowed call at `path` answered and did what it says.
async fn check_done(app: &TestApp, f: &Fixture, role: &str, path: &str, answer: &Value) {
    let context = format!("{role} {path}: {answer}");
    match path {
        "/api/assignments/assign" => {
            assert_eq!(
                answer["assigned_number"]["number"]["e164"], f.free_us,
                "{context}"
            );
            assert_eq!(answer["version"], 2, "{context}");
            assert_eq!(app.holder_of(&f.free_us).await, Some(MEGAN), "{context}");
        }
        "/api/assignments/remove" => {
            assert_eq!(answer["id"], ALEX, "{context}");
            assert!(answer["assigned_number"].is_null(), "{context}");
            assert_eq!(app.holder_of(ALEXS_NUMBER).await, None, "{context}");
        }
        "/api/assignments/remove-selected" => {
            let users = answer.as_array().expect("a list of users");
            assert_eq!(users.len(), 2, "{context}");
            assert!(
                users.iter().all(|u| u["assigned_number"].is_null()),
                "{context}"
            );
            for id in [NESTOR, PATTI] {
                assert!(app.user(id).await["assigned_number"].is_null(), "{context}");
            }
        }
        "/api/phone-numbers/release" => {
            assert_eq!(answer, &json!(1), "{context}");
            assert!(!in_inventory(app, &f.free_gb).await, "{context}");
        }
        "/api/phone-numbers/add-new" => {
            let added = e164s(answer);
            assert_eq!(added.len(), 2, "{context}");
            for e164 in &added {
                assert!(e164.starts_with("+1425"), "{context}");
                assert!(in_inventory(app, e164).await, "{context}");
            }
        }
        "/api/phone-numbers/port/check" => {
            assert_eq!(answer["accepted"][0]["e164"], f.outside[0], "{context}");
            assert_eq!(answer["problems"], json!([]), "{context}");
            assert!(
                !in_inventory(app, &f.outside[0]).await,
                "checking adds nothing: {context}"
            );
        }
        "/api/phone-numbers/port/add" => {
            assert_eq!(answer["accepted"][0]["e164"], f.outside[1], "{context}");
            assert_eq!(
                app.number_where(&format!(
                    "n.e164 = '{}' AND n.source = 'direct_routing'",
                    f.outside[1]
                ))
                .await,
                f.outside[1]
            );
        }
        "/api/emergency-locations/add" => {
            assert_eq!(answer["description"], "Bellevue Office", "{context}");
            assert_eq!(answer["validated"], true, "{context}");
            let id = answer["id"].as_i64().expect("an id");
            assert_eq!(
                location_description(app, id).await.as_deref(),
                Some("Bellevue Office")
            );
        }
        "/api/emergency-locations/rename" => {
            assert_eq!(answer["description"], "Seattle Waterfront", "{context}");
            assert_eq!(
                location_description(app, SEATTLE_OFFICE).await.as_deref(),
                Some("Seattle Waterfront")
            );
        }
        "/api/emergency-locations/delete" => {
            assert!(answer.is_null(), "{context}");
            assert_eq!(
                location_description(app, READING_WAREHOUSE).await,
                None,
                "{context}"
            );
        }
        "/api/licences/change" => {
            assert_eq!(answer["licences"], json!(["EnterpriseE5"]), "{context}");
            assert_eq!(app.user(ISAIAH).await["licences"], json!(["EnterpriseE5"]));
        }
        "/api/accounts/create" => {
            assert_eq!(answer["account"]["username"], "new.helpdesk", "{context}");
            assert_eq!(answer["account"]["role"], "Helpdesk", "{context}");
            assert!(
                answer["password"].as_str().unwrap().len() >= 12,
                "{context}"
            );
            assert!(app.account("new.helpdesk").await.is_some(), "{context}");
        }
        "/api/accounts/set-role" => {
            assert_eq!(answer["role"], "Helpdesk", "{context}");
            assert_eq!(answer["version"], 2, "{context}");
            assert_eq!(
                account_role(app, f.megan_account).await.as_deref(),
                Some("HELPDESK")
            );
        }
        "/api/accounts/reset-password" => {
            assert_eq!(
                answer["account"]["username"], "alexw@contoso.com",
                "{context}"
            );
            assert_eq!(answer["account"]["must_change_password"], true, "{context}");
            let password = answer["password"].as_str().unwrap();
            let (_, status, _) = app.sign_in("alexw@contoso.com", password).await;
            assert_eq!(status, 200, "the one-time password signs in: {context}");
        }
        "/api/accounts/remove" => {
            assert!(answer.is_null(), "{context}");
            assert_eq!(account_role(app, f.lee_account).await, None, "{context}");
        }
        "/api/auth/change-password" => {
            assert_eq!(answer["username"], username_of(role), "{context}");
            assert_eq!(answer["must_change_password"], false, "{context}");
            let (_, status, _) = app.sign_in(username_of(role), NEW_PASSWORD).await;
            assert_eq!(status, 200, "the new password signs in: {context}");
        }
        other => panic!("no check for {other}"),
    }
}

/// The refusal a role gets for what it may not do.
fn refusal(role: &str) -> (u16, &'static str) {
    if role == "Anonymous" {
        (401, "SignedOut")
    } else {
        (403, "Forbidden")
    }
}

fn assert_refused(role: &str, what: &str, status: u16, answer: &Value) {
    let (expected_status, expected_variant) = refusal(role);
    assert_eq!(status, expected_status, "{role} {what}: {answer}");
    assert_eq!(variant(answer), expected_variant, "{role} {what}: {answer}");
    if role != "Anonymous" {
        assert_eq!(answer["Forbidden"]["message"], NOT_ALLOWED, "{role} {what}");
    }
}

/// Calls every state-changing function as `role` on a fresh database.
async fn check_writes_as(role: &str) {
    let app = spawn_app().await;
    let fixture = Fixture::new(&app).await;
    let client = app.as_role(role).await;
    for write in &WRITES {
        let before = app.snapshot().await;
        let (status, answer) = app
            .call_with(&client, write.path, fixture.body(role, write.path))
            .await;
        let after = app.snapshot().await;
        let changed = changed_tables(&before, &after);
        if may(role, write.needs) {
            assert_eq!(status, 200, "{role} {}: {answer}", write.path);
            let mut expected = write.changes.to_vec();
            expected.sort_by_key(|t| STATE_TABLES.iter().position(|s| s == t));
            assert_eq!(changed, expected, "{role} {}: what changed", write.path);
            check_done(&app, &fixture, role, write.path, &answer).await;
        } else {
            assert_refused(role, write.path, status, &answer);
            assert_eq!(
                changed,
                Vec::<&str>::new(),
                "{role} {}: nothing changes",
                write.path
            );
        }
    }
}

#[tokio::test]
async fn a_global_admin_may_make_every_change() {
    check_writes_as("GlobalAdmin").await;
}

#[tokio::test]
async fn a_voice_admin_may_change_voice_but_not_licences_or_accounts() {
    check_writes_as("VoiceAdmin").await;
}

#[tokio::test]
async fn helpdesk_may_change_nothing_but_its_own_password() {
    check_writes_as("Helpdesk").await;
}

#[tokio::test]
async fn a_user_may_change_nothing_but_their_own_password() {
    check_writes_as("User").await;
}

#[tokio::test]
async fn without_a_session_every_change_is_401_and_changes_nothing() {
    check_writes_as("Anonymous").await;
}

/// Every read, and what it needs.
const READS: [(&str, Needs); 13] = [
    ("/api/voice-users/list", Needs::ViewVoice),
    ("/api/voice-users/get", Needs::ViewVoice),
    ("/api/numbers/assignable", Needs::ViewVoice),
    ("/api/emergency-locations/validated", Needs::ViewVoice),
    ("/api/emergency-locations/list", Needs::ViewVoice),
    ("/api/phone-numbers/list", Needs::ViewVoice),
    ("/api/licences/list", Needs::ViewLicences),
    ("/api/audit/list", Needs::ViewAudit),
    (EXPORT, Needs::ViewAudit),
    ("/api/accounts/list", Needs::ManageAccounts),
    ("/api/auth/my-profile", Needs::SignedIn),
    ("/api/console/status", Needs::Nothing),
    // Signing out is open to anyone and only ends the caller's own session;
    // it comes last so the reads above run signed in.
    ("/api/auth/sign-out", Needs::Nothing),
];

fn read_body(path: &str) -> Value {
    match path {
        "/api/voice-users/list" => json!({ "query": query("") }),
        "/api/voice-users/get" => json!({ "id": ADELE }),
        "/api/numbers/assignable" => {
            json!({ "filter": { "text": "", "country": null, "limit": 10 } })
        }
        "/api/emergency-locations/validated" => json!({ "city": "Redmond" }),
        "/api/emergency-locations/list" => json!({ "city": "" }),
        "/api/phone-numbers/list" => json!({ "query": {
            "search": "", "state": null, "kind": null, "source": null, "country": null,
            "sort": "Number", "descending": false, "after": null, "limit": 50
        }}),
        "/api/audit/list" => json!({ "query": audit_query(json!({})) }),
        _ => json!({}),
    }
}

/// Checks what an allowed read answered.
fn check_read(role: &str, path: &str, answer: &Value) {
    let context = format!("{role} {path}: {answer}");
    match path {
        "/api/voice-users/list" => {
            assert_eq!(answer["total"], 280, "{context}");
            assert_eq!(answer["users"].as_array().unwrap().len(), 50, "{context}");
        }
        "/api/voice-users/get" => {
            assert_eq!(answer["display_name"], "Adele Vance", "{context}");
            assert_eq!(
                answer["assigned_number"]["number"]["e164"], ADELES_NUMBER,
                "{context}"
            );
        }
        "/api/numbers/assignable" => {
            assert_eq!(answer["numbers"].as_array().unwrap().len(), 10, "{context}");
            assert!(answer["available"].as_i64().unwrap() > 10, "{context}");
        }
        "/api/emergency-locations/validated" => {
            let names: Vec<&Value> = answer
                .as_array()
                .unwrap()
                .iter()
                .map(|l| &l["description"])
                .collect();
            assert!(names.contains(&&json!("Redmond HQ")), "{context}");
        }
        "/api/emergency-locations/list" => {
            assert_eq!(answer.as_array().unwrap().len(), 8, "{context}");
        }
        "/api/phone-numbers/list" => {
            assert_eq!(answer["total"], 540, "{context}");
        }
        "/api/licences/list" => {
            let e5 = answer
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["licence"] == "EnterpriseE5")
                .expect("an Enterprise E5 row");
            assert_eq!(e5["purchased"], 200, "{context}");
        }
        "/api/audit/list" => {
            let me = username_of(role);
            let signed_in = answer["entries"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["action"] == "SignedIn" && e["actor"] == me);
            assert!(signed_in, "the caller's own sign-in is listed: {context}");
        }
        EXPORT => {
            let text = answer["text"].as_str().expect("CSV text");
            let rows = parse_csv(text);
            assert_eq!(rows[0][0], "Time (UTC)", "{context}");
            let me = username_of(role);
            assert!(
                rows.iter().any(|r| r[1] == me && r[2] == "Signed in"),
                "the caller's own sign-in is exported: {context}"
            );
        }
        "/api/accounts/list" => {
            let accounts = answer.as_array().unwrap();
            assert_eq!(accounts.len(), 15, "{context}");
            assert_eq!(accounts[0]["username"], "admin", "{context}");
        }
        "/api/auth/my-profile" => {
            assert_eq!(answer["username"], username_of(role), "{context}");
            assert_eq!(answer["role"], role, "{context}");
            assert_eq!(answer["is_voice_user"], role == "User", "{context}");
        }
        "/api/console/status" => {
            if role == "Anonymous" {
                assert!(answer["account"].is_null(), "{context}");
                assert_eq!(answer["voice"], false, "{context}");
            } else {
                assert_eq!(
                    answer["account"]["username"],
                    username_of(role),
                    "{context}"
                );
                assert_eq!(answer["account"]["role"], role, "{context}");
                assert_eq!(answer["voice"], true, "{context}");
            }
        }
        "/api/auth/sign-out" => assert!(answer.is_null(), "{context}"),
        other => panic!("no check for {other}"),
    }
}

#[tokio::test]
async fn each_role_reads_exactly_what_it_may_and_reading_changes_nothing() {
    let app = spawn_app().await;
    for role in ROLES {
        let client = app.as_role(role).await;
        for (path, needs) in READS {
            let before = app.snapshot().await;
            let (status, answer) = if path == EXPORT {
                read(app.export_csv(&client, "").await).await
            } else {
                app.call_with(&client, path, read_body(path)).await
            };
            if path != "/api/auth/sign-out" {
                assert_eq!(
                    changed_tables(&before, &app.snapshot().await),
                    Vec::<&str>::new(),
                    "{role} {path} changes nothing"
                );
            }
            if may(role, needs) {
                assert_eq!(status, 200, "{role} {path}: {answer}");
                check_read(role, path, &answer);
            } else {
                assert_refused(role, path, status, &answer);
            }
        }
        // Signed out now: the same client is refused what it could read.
        let (status, answer) = app
            .call_with(&client, "/api/auth/my-profile", json!({}))
            .await;
        assert_eq!(
            (status, variant(&answer)),
            (401, "SignedOut".into()),
            "{role}"
        );
    }
}

#[tokio::test]
async fn a_user_sees_their_own_work_phone_in_international_form() {
    let app = spawn_app().await;
    let adele = app.as_role("User").await;

    let (status, profile) = app
        .call_with(&adele, "/api/auth/my-profile", json!({}))
        .await;

    assert_eq!(status, 200, "{profile}");
    assert_eq!(
        profile,
        json!({
            "display_name": "Adele Vance",
            "username": ADELE_USERNAME,
            "role": "User",
            "work_phone": "+1 425-555-0100",
            "emergency_location": "Redmond HQ, 1 Microsoft Way, Redmond",
            "is_voice_user": true,
        })
    );

    // An admin changes her number: her profile follows.
    let number = app.free_number("US", "calling_plan").await;
    let (status, user) = app.assign(ADELE, &number, Some(SEATTLE_OFFICE), 1).await;
    assert_eq!(status, 200, "{user}");
    let (_, profile) = app
        .call_with(&adele, "/api/auth/my-profile", json!({}))
        .await;
    assert_eq!(
        profile["work_phone"],
        user["assigned_number"]["number"]["international"]
    );
    assert!(
        profile["work_phone"].as_str().unwrap().starts_with("+1 "),
        "{profile}"
    );
    assert_eq!(
        profile["emergency_location"],
        "Seattle Office, 2701 Alaskan Way, Seattle"
    );
}

#[tokio::test]
async fn an_admin_who_is_no_voice_user_has_a_profile_without_a_work_phone() {
    let app = spawn_app().await;
    let (status, profile) = app.call("/api/auth/my-profile", json!({})).await;
    assert_eq!(status, 200, "{profile}");
    assert_eq!(profile["display_name"], "Administrator");
    assert_eq!(profile["role"], "GlobalAdmin");
    assert_eq!(profile["is_voice_user"], false);
    assert!(profile["work_phone"].is_null(), "{profile}");
    assert!(profile["emergency_location"].is_null(), "{profile}");
}

/// A new server function must join the matrix: every endpoint declared in
/// app/src/api is one of the writes or reads above, or signing in.
#[test]
fn the_matrix_covers_every_server_function() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src/api");
    let mut endpoints = Vec::new();
    for entry in std::fs::read_dir(dir).expect("reading app/src/api") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in text.split("endpoint = \"").skip(1) {
            endpoints.push(format!("/api/{}", &part[..part.find('"').unwrap()]));
        }
    }
    assert!(endpoints.len() > 20, "{endpoints:?}");
    let known: Vec<&str> = WRITES
        .iter()
        .map(|w| w.path)
        .chain(READS.iter().map(|(p, _)| *p))
        .chain(["/api/auth/sign-in"])
        .collect();
    let missing: Vec<&String> = endpoints
        .iter()
        .filter(|e| !known.contains(&e.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the role matrix: {missing:?}");
}
