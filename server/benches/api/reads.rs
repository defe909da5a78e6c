//! Every list the console reads, over HTTP and as the store calls behind
//! it, with the ratio between the two.

use std::time::Instant;

use app::domain::{
    AuditQuery, NumberFilter, NumberQuery, StateFilter, UserQuery, UserSort, USER_PAGE,
};
use app::store;
use serde_json::{json, Value};
use sqlx::{AnyConnection, AnyPool};

use super::table::{report_pair, stats, Timing};

const RUNS: usize = 200;
const SIGN_INS: usize = 10;

/// A signed-in admin: the HTTP client and the session it holds.
pub struct Admin {
    pub base: String,
    pub client: reqwest::Client,
    pub token_hash: String,
}

/// A client that keeps its cookies, as a browser does.
pub fn client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder().cookie_store(true).build()?)
}

/// Signs `client` in as the first administrator on the server at `base`;
/// the answer carries the session cookie.
pub async fn sign_in(
    client: &reqwest::Client,
    base: &str,
    password: &str,
) -> anyhow::Result<reqwest::Response> {
    let body = json!({ "username": "admin", "password": password });
    let response = client
        .post(format!("{base}/api/auth/sign-in"))
        .json(&body)
        .send()
        .await?;
    anyhow::ensure!(
        response.status() == 200,
        "signing in: {}",
        response.status()
    );
    Ok(response)
}

impl Admin {
    pub async fn sign_in(base: &str, password: &str) -> anyhow::Result<Admin> {
        let client = client()?;
        let mut times = Vec::new();
        let mut token = String::new();
        for _ in 0..SIGN_INS {
            let started = Instant::now();
            let response = sign_in(&client, base, password).await?;
            times.push(started.elapsed());
            token = response
                .headers()
                .get_all("set-cookie")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(|c| c.strip_prefix("switchboard_session="))
                .and_then(|c| c.split(';').next())
                .unwrap_or_default()
                .to_owned();
        }
        println!("sign in (argon2id, production cost): {}", stats(&times));
        Ok(Admin {
            base: base.to_owned(),
            client,
            token_hash: app::auth::session::token_hash(&token),
        })
    }

    async fn post(&self, path: &str, body: &Value) -> anyhow::Result<Value> {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .json(body)
            .send()
            .await?;
        anyhow::ensure!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        Ok(response.json().await?)
    }
}

/// One request the console makes, and the store calls that answer it.
enum Request {
    Users(UserQuery),
    Numbers(NumberQuery),
    Assignable(NumberFilter),
    Locations(String),
    Audit(AuditQuery),
}

impl Request {
    fn path_and_body(&self) -> (&'static str, Value) {
        match self {
            Request::Users(q) => ("/api/voice-users/list", json!({ "query": q })),
            Request::Numbers(q) => ("/api/phone-numbers/list", json!({ "query": q })),
            Request::Assignable(f) => ("/api/numbers/assignable", json!({ "filter": f })),
            Request::Locations(city) => (
                "/api/emergency-locations/validated",
                json!({ "city": city, "country": "US" }),
            ),
            Request::Audit(q) => ("/api/audit/list", json!({ "query": q })),
        }
    }

    /// The statements the server runs for this request, straight on `conn`:
    /// the session with its account and the Voice licence check, the answer.
    async fn raw(&self, conn: &mut AnyConnection, token_hash: &str) -> anyhow::Result<()> {
        // The server runs on the system clock, as here.
        let today = app::clock::Clock::today(&app::clock::SystemClock);
        store::accounts::by_session(conn, token_hash)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no session"))?;
        match self {
            Request::Users(q) => {
                store::user_grid::page(conn, q).await?;
            }
            Request::Numbers(q) => {
                store::number_grid::page(conn, q, &today).await?;
            }
            Request::Assignable(f) => {
                store::numbers::assignable(conn, &today, f).await?;
                store::numbers::count_assignable(conn, &today).await?;
            }
            Request::Locations(city) => {
                let us = app::domain::Country::parse("US")?;
                store::locations::validated(conn, city, Some(us), 200).await?;
            }
            Request::Audit(q) => {
                store::audit::page(conn, q, app::domain::AUDIT_PAGE).await?;
            }
        }
        Ok(())
    }
}

fn users(search: &str, sort: UserSort) -> UserQuery {
    UserQuery {
        search: search.to_owned(),
        sort,
        ..UserQuery::default()
    }
}

fn numbers(change: impl FnOnce(&mut NumberQuery)) -> NumberQuery {
    let mut q = NumberQuery {
        limit: 50,
        ..NumberQuery::default()
    };
    change(&mut q);
    q
}

pub async fn measure(admin: &Admin, pool: &AnyPool) -> anyhow::Result<()> {
    let first: Value = admin
        .post(
            "/api/voice-users/list",
            &json!({ "query": users("", UserSort::DisplayName) }),
        )
        .await?;
    let next_page = UserQuery {
        after: serde_json::from_value(first["next"].clone())?,
        ..users("", UserSort::DisplayName)
    };
    let busiest: i64 = sqlx::query_scalar(
        "SELECT location_id FROM number_assignments GROUP BY location_id ORDER BY COUNT(*) DESC LIMIT 1",
    )
    .fetch_optional(pool)
    .await?
    .unwrap_or(1);
    let requests = [
        (
            "Voice users: first page",
            Request::Users(users("", UserSort::DisplayName)),
        ),
        ("Voice users: next page", Request::Users(next_page)),
        (
            "Voice users: by username",
            Request::Users(users("", UserSort::Username)),
        ),
        (
            "Voice users: by number",
            Request::Users(users("", UserSort::AssignedNumber)),
        ),
        (
            "Voice users: by location",
            Request::Users(users("", UserSort::EmergencyLocation)),
        ),
        (
            "Voice users: search 'meg'",
            Request::Users(users("meg", UserSort::DisplayName)),
        ),
        (
            "Voice users: search 'smith'",
            Request::Users(users("smith", UserSort::DisplayName)),
        ),
        (
            "Voice users: search digits '5550'",
            Request::Users(users("5550", UserSort::DisplayName)),
        ),
        (
            "Voice users: search, no match",
            Request::Users(users("zzzz", UserSort::DisplayName)),
        ),
        (
            "Voice users: search 'a' (one letter)",
            Request::Users(users("a", UserSort::DisplayName)),
        ),
        (
            "Voice users: busiest location",
            Request::Users(UserQuery {
                location: Some(app::domain::LocationId(busiest)),
                limit: USER_PAGE,
                ..UserQuery::default()
            }),
        ),
        (
            "Phone numbers: first page",
            Request::Numbers(numbers(|_| {})),
        ),
        (
            "Phone numbers: search 'redmond'",
            Request::Numbers(numbers(|q| q.search = "redmond".into())),
        ),
        (
            "Phone numbers: search '5550'",
            Request::Numbers(numbers(|q| q.search = "5550".into())),
        ),
        (
            "Phone numbers: unassigned",
            Request::Numbers(numbers(|q| q.state = Some(StateFilter::Unassigned))),
        ),
        (
            "Phone numbers: pending",
            Request::Numbers(numbers(|q| q.state = Some(StateFilter::Pending))),
        ),
        (
            "Phone numbers: by holder",
            Request::Numbers(numbers(|q| q.sort = app::domain::NumberSort::AssignedTo)),
        ),
        (
            "Assign dialog: numbers, US first",
            Request::Assignable(NumberFilter {
                text: String::new(),
                country: app::domain::Country::parse("US").ok(),
                limit: 100,
            }),
        ),
        (
            "Assign dialog: numbers in 'Redmond'",
            Request::Assignable(NumberFilter {
                text: "Redmond".into(),
                country: app::domain::Country::parse("US").ok(),
                limit: 100,
            }),
        ),
        (
            "Assign dialog: locations",
            Request::Locations(String::new()),
        ),
        (
            "Audit log: first page",
            Request::Audit(AuditQuery::default()),
        ),
        (
            "Audit log: search 'admin'",
            Request::Audit(AuditQuery {
                search: "admin".into(),
                ..AuditQuery::default()
            }),
        ),
    ];
    println!("{}", Timing::header());
    let mut conn = pool.acquire().await?;
    for (name, request) in &requests {
        let (path, body) = request.path_and_body();
        let mut http = Vec::with_capacity(RUNS);
        let mut raw = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let started = Instant::now();
            admin.post(path, &body).await?;
            http.push(started.elapsed());
            let started = Instant::now();
            request.raw(&mut conn, &admin.token_hash).await?;
            raw.push(started.elapsed());
        }
        report_pair(name, &http, &raw);
    }
    Ok(())
}
