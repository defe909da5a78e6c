//! Starting the app on port 0 with a fresh database, and calling its API.

use std::sync::Arc;

use app::clock::FixedClock;
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

pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub client: reqwest::Client,
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
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: data_dir.path().to_path_buf(),
        database_url: None,
        demo: DemoChoice(Some(org)),
        site_root: "target/site".into(),
    };
    let app = Application::build_with_clock(settings, Arc::new(FixedClock(NOW)))
        .await
        .expect("building the application");
    let address = format!("http://{}", app.address());
    let pool = app.pool().clone();
    let server = tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: reqwest::Client::new(),
        data_dir,
        pool,
        server: Some(server),
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
