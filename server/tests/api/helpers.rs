//! Starting the app on port 0 with a fresh database, and calling its API.

use std::sync::Arc;

use app::clock::SettableClock;
use serde_json::{json, Value};
use server::config::{DemoChoice, Settings};
use server::demo::DemoOrg;
use server::startup::Application;
use sqlx::SqlitePool;
use tempfile::TempDir;
use tokio::task::JoinHandle;

/// The fixed "now" of every test: 2026-11-26T19:23:10Z.
pub const NOW: i64 = 1_795_720_990;
pub const TODAY: &str = "2026-11-26";

/// Named users and locations of the Contoso demo organisation.
pub const ADELE: i64 = 1;
pub const ALEX: i64 = 2;
pub const MEGAN: i64 = 3;
pub const DIEGO: i64 = 4;
pub const ISAIAH: i64 = 5;
pub const GRADY: i64 = 8;
pub const LEE: i64 = 9;
pub const ADELES_NUMBER: &str = "+14255550100";
pub const ALEXS_NUMBER: &str = "+14255550101";
pub const REDMOND_HQ: i64 = 1;
pub const SEATTLE_OFFICE: i64 = 2;
pub const LONDON_OFFICE: i64 = 4;
pub const READING_WAREHOUSE: i64 = 8;

/// The first Global administrator's password, and the demo accounts'.
pub const ADMIN_PASSWORD: &str = "correct-horse-staple-1";
pub const DEMO_PASSWORD: &str = "demo-test-password-1";
/// Demo sign-in accounts, one per role.
pub const VOICE_ADMIN: &str = "voice.admin";
pub const HELPDESK: &str = "helpdesk";
pub const ADELE_USERNAME: &str = "adelev@contoso.com";

pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// Signed in as the first Global administrator, "admin".
    pub client: reqwest::Client,
    pub clock: Arc<SettableClock>,
    /// Kept alive for as long as the app: dropping it deletes the database.
    pub data_dir: Arc<TempDir>,
    pub pool: SqlitePool,
    server: Option<JoinHandle<anyhow::Result<()>>>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(DemoOrg::Contoso).await
}

pub async fn spawn_app_with(org: DemoOrg) -> TestApp {
    let data_dir = Arc::new(tempfile::tempdir().expect("creating a temporary data folder"));
    start(data_dir, org).await
}

async fn start(data_dir: Arc<TempDir>, org: DemoOrg) -> TestApp {
    let settings = test_settings(&data_dir, org);
    let clock = Arc::new(SettableClock::new(NOW));
    let app = Application::build_with_clock(settings, clock.clone())
        .await
        .expect("building the application");
    let address = format!("http://{}", app.address());
    let pool = app.pool().clone();
    let server = tokio::spawn(app.run_until_stopped());
    let mut app = TestApp {
        address,
        client: reqwest::Client::new(),
        clock,
        data_dir,
        pool,
        server: Some(server),
    };
    app.client = app.signed_in("admin", ADMIN_PASSWORD).await;
    app
}

pub fn test_settings(data_dir: &TempDir, org: DemoOrg) -> Settings {
    Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: data_dir.path().to_path_buf(),
        database_url: None,
        demo: DemoChoice(Some(org)),
        admin_username: "admin".into(),
        admin_password: Some(ADMIN_PASSWORD.into()),
        demo_password: Some(DEMO_PASSWORD.into()),
        public_url: None,
        session_idle_minutes: 30,
        session_max_hours: 12,
        // The cheapest cost argon2 takes: hashing is tested for its
        // answers here, not its strength.
        password_hash_memory_kib: 8,
        password_hash_iterations: 1,
        site_root: "target/site".into(),
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

impl TestApp {
    /// Stops this server and starts a new one on the same data folder, with
    /// the demo organisation asked for again (it must not be seeded twice).
    pub async fn restart(mut self) -> TestApp {
        if let Some(server) = self.server.take() {
            server.abort();
            let _ = server.await;
        }
        self.pool.close().await;
        let data_dir = self.data_dir.clone();
        drop(self);
        start(data_dir, DemoOrg::Contoso).await
    }

    /// A client with its own cookie jar and no session.
    pub fn anonymous(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("building a client")
    }

    /// Signs in on a fresh client; the answer's status and body.
    pub async fn sign_in(&self, username: &str, password: &str) -> (reqwest::Client, u16, Value) {
        let client = self.anonymous();
        let response = client
            .post(format!("{}/api/auth/sign-in", self.address))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .expect("sending the request");
        let (status, body) = read(response).await;
        (client, status, body)
    }

    /// A client signed in as `username` (a demo account unless it's "admin").
    pub async fn signed_in(&self, username: &str, password: &str) -> reqwest::Client {
        let (client, status, body) = self.sign_in(username, password).await;
        assert_eq!(status, 200, "signing in as {username}: {body}");
        client
    }

    /// A client signed in with a demo account of `role`.
    pub async fn as_role(&self, role: &str) -> reqwest::Client {
        match role {
            "GlobalAdmin" => self.signed_in("admin", ADMIN_PASSWORD).await,
            "VoiceAdmin" => self.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await,
            "Helpdesk" => self.signed_in(HELPDESK, DEMO_PASSWORD).await,
            "User" => self.signed_in(ADELE_USERNAME, DEMO_PASSWORD).await,
            "Anonymous" => self.anonymous(),
            other => panic!("unknown role {other}"),
        }
    }

    /// Posts `body` with `client`; status and JSON body.
    pub async fn call_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: Value,
    ) -> (u16, Value) {
        let response = client
            .post(format!("{}{path}", self.address))
            .json(&body)
            .send()
            .await
            .expect("sending the request");
        read(response).await
    }

    pub async fn post(&self, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .json(&body)
            .send()
            .await
            .expect("sending the request")
    }

    /// Posts `body` as is, with a JSON content type.
    pub async fn post_raw(&self, path: &str, body: impl Into<reqwest::Body>) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("sending the request")
    }

    /// Posts and reads the answer: status and JSON body (`Null` when the body
    /// is not JSON, with the text kept under "text").
    pub async fn call(&self, path: &str, body: Value) -> (u16, Value) {
        read(self.post(path, body).await).await
    }

    pub async fn list_users(&self, query: Value) -> (u16, Value) {
        self.call("/api/voice-users/list", json!({ "query": query }))
            .await
    }

    pub async fn get_user(&self, id: i64) -> (u16, Value) {
        self.call("/api/voice-users/get", json!({ "id": id })).await
    }

    /// The user as stored now; panics unless the server answers 200.
    pub async fn user(&self, id: i64) -> Value {
        let (status, body) = self.get_user(id).await;
        assert_eq!(status, 200, "getting user {id}: {body}");
        body
    }

    pub async fn version_of(&self, id: i64) -> i64 {
        self.user(id).await["version"].as_i64().expect("a version")
    }

    pub async fn assign(
        &self,
        user_id: i64,
        number: &str,
        location_id: Option<i64>,
        expected_version: i64,
    ) -> (u16, Value) {
        let request = json!({
            "user_id": user_id,
            "number": number,
            "location_id": location_id,
            "expected_version": expected_version,
        });
        self.call("/api/assignments/assign", json!({ "request": request }))
            .await
    }

    pub async fn remove(&self, user_id: i64, expected_version: i64) -> (u16, Value) {
        let request = json!({ "user_id": user_id, "expected_version": expected_version });
        self.call("/api/assignments/remove", json!({ "request": request }))
            .await
    }

    pub async fn assignable(&self, text: &str, country: Option<&str>, limit: u32) -> (u16, Value) {
        let filter = json!({ "text": text, "country": country, "limit": limit });
        self.call("/api/numbers/assignable", json!({ "filter": filter }))
            .await
    }

    /// E.164 of up to 200 assignable numbers matching `text`.
    pub async fn assignable_e164s(&self, text: &str) -> Vec<String> {
        let (status, body) = self.assignable(text, None, 200).await;
        assert_eq!(status, 200, "{body}");
        e164s(&body["numbers"])
    }

    pub async fn available(&self) -> i64 {
        let (status, body) = self.assignable("", None, 1).await;
        assert_eq!(status, 200, "{body}");
        body["available"].as_i64().expect("an available count")
    }

    pub async fn locations(&self, city: &str) -> (u16, Value) {
        self.call(
            "/api/emergency-locations/validated",
            json!({ "city": city }),
        )
        .await
    }

    /// The user whose display name is exactly `name`, found through search.
    pub async fn find_user_by_name(&self, name: &str) -> Value {
        let (status, page) = self.list_users(query(name)).await;
        assert_eq!(status, 200, "{page}");
        page["users"]
            .as_array()
            .expect("a list of users")
            .iter()
            .find(|u| u["display_name"] == name)
            .unwrap_or_else(|| panic!("no user named {name} in {page}"))
            .clone()
    }

    /// A number of the inventory chosen by an SQL condition on `phone_numbers n`.
    pub async fn number_where(&self, condition: &str) -> String {
        let sql =
            format!("SELECT n.e164 FROM phone_numbers n WHERE {condition} ORDER BY n.e164 LIMIT 1");
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_optional(&self.pool)
            .await
            .expect("querying the inventory")
            .unwrap_or_else(|| panic!("the demo inventory has no number where {condition}"))
    }

    /// A free, active, unblocked user number of `source` in `country`.
    pub async fn free_number(&self, country: &str, source: &str) -> String {
        self.number_where(&format!(
            "n.country = '{country}' AND n.source = '{source}' AND n.kind = 'user' \
             AND n.activation = 'active' AND n.blocked_until IS NULL \
             AND n.id NOT IN (SELECT number_id FROM number_assignments)"
        ))
        .await
    }

    /// The id of whoever holds `e164` in the database.
    pub async fn holder_of(&self, e164: &str) -> Option<i64> {
        sqlx::query_scalar(
            "SELECT a.user_id FROM number_assignments a \
             JOIN phone_numbers n ON n.id = a.number_id WHERE n.e164 = $1",
        )
        .bind(e164)
        .fetch_optional(&self.pool)
        .await
        .expect("querying the assignments")
    }

    pub async fn assignments_of_number(&self, e164: &str) -> i64 {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM number_assignments a \
             JOIN phone_numbers n ON n.id = a.number_id WHERE n.e164 = $1",
        )
        .bind(e164)
        .fetch_one(&self.pool)
        .await
        .expect("counting the assignments")
    }
}

/// Reads status and body of a response.
pub async fn read(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("reading the body");
    let body = serde_json::from_str(&text).unwrap_or_else(|_| json!({ "text": text }));
    (status, body)
}

/// A list query for the first page of users matching `search`.
pub fn query(search: &str) -> Value {
    json!({ "search": search, "sort": "DisplayName", "descending": false, "after": null, "limit": 50 })
}

pub fn e164s(numbers: &Value) -> Vec<String> {
    numbers
        .as_array()
        .expect("a list of numbers")
        .iter()
        .map(|n| n["number"]["e164"].as_str().expect("an e164").to_owned())
        .collect()
}

/// The violations of a `Rejected` error body.
pub fn violations(body: &Value) -> Vec<Value> {
    body["Rejected"]["violations"]
        .as_array()
        .unwrap_or_else(|| panic!("expected a Rejected error, got {body}"))
        .clone()
}

/// The variant names of a `Rejected` error's violations, e.g. "LocationRequired".
pub fn violation_names(body: &Value) -> Vec<String> {
    violations(body).iter().map(variant).collect()
}

/// The variant name of an externally tagged enum value.
pub fn variant(value: &Value) -> String {
    match value {
        Value::String(name) => name.clone(),
        Value::Object(map) if map.len() == 1 => map.keys().next().unwrap().clone(),
        other => panic!("not an enum value: {other}"),
    }
}

/// The one violation named `name`; panics if absent.
pub fn violation(body: &Value, name: &str) -> Value {
    violations(body)
        .into_iter()
        .find(|v| variant(v) == name)
        .unwrap_or_else(|| panic!("no {name} violation in {body}"))[name]
        .clone()
}

// ---- Audit log, accounts and whole-database snapshots ----

/// The tables whose rows make up the organisation's state (not sessions or
/// the sign-in throttle, which every sign-in changes).
pub const STATE_TABLES: [&str; 8] = [
    "licences",
    "voice_users",
    "user_licences",
    "emergency_locations",
    "phone_numbers",
    "number_assignments",
    "accounts",
    "audit_log",
];

/// Every row of each state table, as text, by table name.
pub type Snapshot = std::collections::BTreeMap<&'static str, String>;

/// The tables whose rows differ between two snapshots.
pub fn changed_tables(before: &Snapshot, after: &Snapshot) -> Vec<&'static str> {
    STATE_TABLES
        .into_iter()
        .filter(|t| before.get(t) != after.get(t))
        .collect()
}

/// An audit/list query: no filters, except those `extra` sets.
pub fn audit_query(extra: Value) -> Value {
    let mut q =
        json!({ "search": "", "action": null, "from": null, "to": null, "before_id": null });
    for (k, v) in extra.as_object().expect("an object") {
        q[k] = v.clone();
    }
    q
}

/// Splits CSV text into rows of cells (quoted cells may hold commas,
/// doubled quotes and line breaks). Rows end with CRLF or LF.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

impl TestApp {
    /// Every row of the state tables, read straight from the database.
    pub async fn snapshot(&self) -> Snapshot {
        let mut snapshot = Snapshot::new();
        for table in STATE_TABLES {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
                .bind(table)
                .fetch_all(&self.pool)
                .await
                .expect("reading the table's columns");
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let sql = format!(
                "SELECT COALESCE(group_concat(r, char(10)), '') \
                 FROM (SELECT {row} AS r FROM {table} ORDER BY rowid)"
            );
            let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .fetch_one(&self.pool)
                .await
                .expect("reading the table");
            snapshot.insert(table, rows);
        }
        snapshot
    }

    /// How many entries the audit log holds, read from the database.
    pub async fn audit_count(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&self.pool)
            .await
            .expect("counting the audit log")
    }

    /// The newest audit entry's id, 0 with none.
    pub async fn last_audit_id(&self) -> i64 {
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM audit_log")
            .fetch_one(&self.pool)
            .await
            .expect("reading the audit log")
    }

    /// One page of audit/list as admin; panics unless 200.
    pub async fn audit_page(&self, extra: Value) -> Value {
        let (status, page) = self
            .call("/api/audit/list", json!({ "query": audit_query(extra) }))
            .await;
        assert_eq!(status, 200, "listing the audit log: {page}");
        page
    }

    /// The entries of the first audit/list page matching `extra`.
    pub async fn audit_entries(&self, extra: Value) -> Vec<Value> {
        self.audit_page(extra).await["entries"]
            .as_array()
            .expect("a list of entries")
            .clone()
    }

    /// The entries written after entry `since`, oldest first, read through
    /// audit/list page by page.
    pub async fn audit_since(&self, since: i64) -> Vec<Value> {
        let mut found = Vec::new();
        let mut before_id = Value::Null;
        loop {
            let page = self.audit_page(json!({ "before_id": before_id })).await;
            let entries = page["entries"].as_array().expect("a list of entries");
            for e in entries {
                if e["id"].as_i64().expect("an id") > since {
                    found.push(e.clone());
                }
            }
            let done = entries
                .last()
                .is_none_or(|e| e["id"].as_i64().unwrap() <= since);
            if done || page["next"].is_null() {
                break;
            }
            before_id = page["next"].clone();
        }
        found.reverse();
        found
    }

    /// GET of the CSV export with `client`; `query` is the part after "?".
    pub async fn export_csv(&self, client: &reqwest::Client, query: &str) -> reqwest::Response {
        let url = if query.is_empty() {
            format!("{}/api/audit/export.csv", self.address)
        } else {
            format!("{}/api/audit/export.csv?{query}", self.address)
        };
        client.get(url).send().await.expect("sending the request")
    }

    /// accounts/list as admin; panics unless 200.
    pub async fn accounts(&self) -> Vec<Value> {
        let (status, body) = self.call("/api/accounts/list", json!({})).await;
        assert_eq!(status, 200, "listing accounts: {body}");
        body.as_array().expect("a list of accounts").clone()
    }

    /// The account named `username`, as accounts/list shows it.
    pub async fn account(&self, username: &str) -> Option<Value> {
        self.accounts()
            .await
            .into_iter()
            .find(|a| a["username"] == username)
    }

    /// The id of the account named `username`, read from the database.
    pub async fn account_id(&self, username: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM accounts WHERE username = $1")
            .bind(username)
            .fetch_optional(&self.pool)
            .await
            .expect("reading the accounts")
            .unwrap_or_else(|| panic!("no account named {username}"))
    }
}

// ---- Servers with chosen settings, and sessions handled by hand ----

/// The session cookie's name over http (`__Host-` prefixed over https).
pub const SESSION_COOKIE: &str = "switchboard_session";

/// Starts a server on a fresh data folder with the test settings as
/// `configure` changes them. Nobody is signed in: `client` has no session.
/// Also returns what start-up did about the first administrator.
pub async fn spawn_configured(
    configure: impl FnOnce(&mut Settings),
) -> anyhow::Result<(TestApp, server::accounts::FirstAdmin)> {
    let data_dir = Arc::new(tempfile::tempdir().expect("creating a temporary data folder"));
    spawn_configured_in(data_dir, configure).await
}

/// As `spawn_configured`, on the data folder given (e.g. one used before).
pub async fn spawn_configured_in(
    data_dir: Arc<TempDir>,
    configure: impl FnOnce(&mut Settings),
) -> anyhow::Result<(TestApp, server::accounts::FirstAdmin)> {
    use server::accounts::FirstAdmin;
    let mut settings = test_settings(&data_dir, DemoOrg::Contoso);
    configure(&mut settings);
    let clock = Arc::new(SettableClock::new(NOW));
    let app = Application::build_with_clock(settings, clock.clone()).await?;
    let first_admin = match app.first_admin() {
        FirstAdmin::Existing => FirstAdmin::Existing,
        FirstAdmin::Created { username } => FirstAdmin::Created {
            username: username.clone(),
        },
        FirstAdmin::Generated { username, password } => FirstAdmin::Generated {
            username: username.clone(),
            password: password.clone(),
        },
    };
    let address = format!("http://{}", app.address());
    let pool = app.pool().clone();
    let server = tokio::spawn(app.run_until_stopped());
    let test_app = TestApp {
        address,
        client: reqwest::Client::new(),
        clock,
        data_dir,
        pool,
        server: Some(server),
    };
    Ok((test_app, first_admin))
}

/// The `Set-Cookie` headers of a response, as text.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().expect("a text header").to_owned())
        .collect()
}

/// A response header as text, if present.
pub fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("a text header").to_owned())
}

impl TestApp {
    /// Posts `body` as JSON from a client without a cookie jar, with
    /// `headers` (e.g. a `cookie`, `origin` or `sec-fetch-site`) added.
    pub async fn post_with_headers(
        &self,
        path: &str,
        body: Value,
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = reqwest::Client::new()
            .post(format!("{}{path}", self.address))
            .json(&body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("sending the request")
    }

    /// Signs in from a client without a cookie jar: the raw response, whose
    /// `Set-Cookie` carries the token.
    pub async fn sign_in_response(&self, username: &str, password: &str) -> reqwest::Response {
        let body = json!({ "username": username, "password": password });
        self.post_with_headers("/api/auth/sign-in", body, &[]).await
    }

    /// Signs in and returns the session token from the `Set-Cookie` header;
    /// panics unless the sign-in works.
    pub async fn sign_in_token(&self, username: &str, password: &str) -> String {
        let response = self.sign_in_response(username, password).await;
        let cookies = set_cookies(&response);
        let (status, body) = read(response).await;
        assert_eq!(status, 200, "signing in as {username}: {body}");
        let cookie = cookies
            .iter()
            .find_map(|c| c.strip_prefix(&format!("{SESSION_COOKIE}=")))
            .unwrap_or_else(|| panic!("no session cookie in {cookies:?}"));
        cookie.split(';').next().unwrap().to_owned()
    }

    /// Posts `body` with the session `token` sent by hand as the cookie.
    pub async fn call_with_token(&self, token: &str, path: &str, body: Value) -> (u16, Value) {
        let cookie = format!("{SESSION_COOKIE}={token}");
        read(
            self.post_with_headers(path, body, &[("cookie", &cookie)])
                .await,
        )
        .await
    }
}
