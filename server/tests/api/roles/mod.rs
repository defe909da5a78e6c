//! The role matrix: every server function, called by every role. What a role
//! may do works and does what it says; what it may not is refused (401
//! without a session, 403 otherwise) and changes nothing, not even the audit
//! log. The tables of writes and reads are also what the atomicity and Voice
//! gate tests walk through.

mod account_writes;
mod before_body;
mod fixture;
mod profile;
mod provisioning_writes;
mod reads;
mod voice_writes;

use std::future::Future;
use std::pin::Pin;

use serde_json::Value;

pub use fixture::Fixture;
pub use reads::READS;

use crate::helpers::*;

/// What a function asks of its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    SignedIn,
    ViewVoice,
    ManageVoice,
    ViewLicences,
    ManageLicences,
    ViewAudit,
    ManageAccounts,
}

impl Needs {
    /// Whether the organisation's Voice licences close this too.
    pub fn is_voice(self) -> bool {
        matches!(self, Needs::ViewVoice | Needs::ManageVoice)
    }
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

/// Functions whose request carries a code only the account's authenticator
/// makes: outside the matrix's fixed requests, and called as every role by
/// the two-step tests (`two_step/roles.rs`). Their gates are checked here.
pub const WITH_CODES: [(&str, Needs); 4] = [
    ("/api/auth/sign-in/code", Needs::Nothing),
    ("/api/auth/two-step/confirm", Needs::SignedIn),
    ("/api/auth/two-step/recovery-codes", Needs::SignedIn),
    ("/api/auth/two-step/turn-off", Needs::SignedIn),
];

/// Streams: a call never ends, so the matrix can't call them like a read.
/// Who hears what is tested in `live_updates/who_hears.rs`; their gates are
/// checked here.
pub const STREAMS: [(&str, Needs); 1] = [("/api/events", Needs::SignedIn)];

pub const AUDIT: &str = "audit_log";
pub const SETS: &str = "change_sets";
pub const SET_USERS: &str = "change_set_users";
pub const JOBS: &str = "provisioning_jobs";

/// A check that runs against the app after a call.
pub type Checked<'a> = Pin<Box<dyn Future<Output = ()> + 'a>>;

/// A function that changes something: its request, the tables a successful
/// call changes, and what it must have done.
pub struct Write {
    pub path: &'static str,
    pub needs: Needs,
    pub changes: &'static [&'static str],
    /// The request, for a caller of `role`.
    pub body: fn(&Fixture, &str) -> Value,
    /// Checks that a call by `role` that may write answered and did what it says.
    pub check: for<'a> fn(&'a TestApp, &'a Fixture, &'a str, &'a Value) -> Checked<'a>,
}

/// Every write, in the order the matrix calls them.
pub fn writes() -> impl Iterator<Item = &'static Write> {
    voice_writes::VOICE_WRITES
        .iter()
        .chain(provisioning_writes::PROVISIONING_WRITES.iter())
        .chain(account_writes::ACCOUNT_WRITES.iter())
}

/// Asserts the refusal a role gets for what it may not do.
fn assert_refused(role: &str, what: &str, status: u16, answer: &Value) {
    let expected = if role == "Anonymous" {
        (401, "SignedOut", SIGNED_OUT)
    } else {
        (403, "Forbidden", NOT_ALLOWED)
    };
    let got = (status, variant(answer), message(answer));
    assert_eq!(
        got,
        (expected.0, expected.1.to_owned(), expected.2.to_owned()),
        "{role} {what}"
    );
}

/// Calls every write as `role` on a fresh database.
async fn check_writes_as(role: &str) {
    let app = spawn_app().await;
    let fixture = Fixture::new(&app).await;
    let client = app.as_role(role).await;
    for write in writes() {
        let before = app.snapshot().await;
        let body = (write.body)(&fixture, role);
        let (status, answer) = app.call_with(&client, write.path, body).await;
        let changed = changed_tables(&before, &app.snapshot().await);
        let what = format!("{role} {}", write.path);
        if may(role, write.needs) {
            assert_eq!(status, 200, "{what}: {answer}");
            let mut expected = write.changes.to_vec();
            expected.sort_by_key(|t| ALL_TABLES.iter().position(|s| s == t));
            assert_eq!(changed, expected, "{what}: what changed");
            (write.check)(&app, &fixture, role, &answer).await;
        } else {
            assert_refused(role, write.path, status, &answer);
            assert_eq!(changed, Vec::<&str>::new(), "{what}: nothing changes");
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

#[tokio::test]
async fn each_role_reads_exactly_what_it_may_and_reading_changes_nothing() {
    let app = spawn_app().await;
    for role in ROLES {
        let client = app.as_role(role).await;
        for read in &READS {
            let before = app.snapshot().await;
            let (status, answer) = read.call(&app, &client).await;
            if read.path != "/api/auth/sign-out" {
                app.assert_unchanged(&before, &format!("{role} {}", read.path))
                    .await;
            }
            if may(role, read.needs) {
                assert_eq!(status, 200, "{role} {}: {answer}", read.path);
                (read.check)(role, &answer);
            } else {
                assert_refused(role, read.path, status, &answer);
            }
        }
        // Signed out now: the same client is refused what it could read.
        let (status, answer) = app
            .call_with(&client, "/api/auth/my-profile", serde_json::json!({}))
            .await;
        assert_eq!(
            (status, variant(&answer)),
            (401, "SignedOut".into()),
            "{role}"
        );
    }
}

/// A new server function must join the matrix: every endpoint declared in
/// app/src/api is one of the writes or reads above, or signing in.
#[test]
fn the_matrix_covers_every_server_function() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src/api");
    let mut endpoints = Vec::new();
    for entry in std::fs::read_dir(dir).expect("reading app/src/api") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for part in text.split("endpoint = \"").skip(1) {
            endpoints.push(format!("/api/{}", &part[..part.find('"').unwrap()]));
        }
    }
    assert!(endpoints.len() > 20, "{endpoints:?}");
    let known: Vec<&str> = writes()
        .map(|w| w.path)
        .chain(READS.iter().map(|r| r.path))
        .chain(["/api/auth/sign-in"])
        .chain(WITH_CODES.iter().map(|(path, _)| *path))
        .collect();
    let missing: Vec<&String> = endpoints
        .iter()
        .filter(|e| !known.contains(&e.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the role matrix: {missing:?}");
}
