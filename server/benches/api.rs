//! How long the voice users grid takes to answer, measured over HTTP against
//! the real server on port 0, first with the Contoso demo and then with the
//! directory grown to 20,000 users. Prints a table; asserts nothing.
//!
//! `cargo bench -p server --bench api`

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::auth::password::HashCost;
use app::clock::FixedClock;
use serde_json::{json, Value};
use server::config::{DemoChoice, Settings};
use server::demo::DemoOrg;
use server::startup::Application;

const RUNS: usize = 200;
const EXTRA_USERS: i64 = 20_000;
const SIGN_INS: usize = 20;
const PASSWORD: &str = "bench-first-boss-pw";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let data_dir = tempfile::tempdir()?;
    let settings = Settings {
        listen: "127.0.0.1:0".parse()?,
        data_dir: data_dir.path().to_path_buf(),
        database_url: None,
        demo: DemoChoice(Some(DemoOrg::Contoso)),
        admin_username: "admin".into(),
        admin_password: Some(PASSWORD.into()),
        demo_password: None,
        public_url: None,
        session_idle_minutes: 30,
        session_max_hours: 12,
        // Production's cost: signing in is one of the figures.
        password_hash_memory_kib: HashCost::default().memory_kib,
        password_hash_iterations: HashCost::default().iterations,
        site_root: "target/site".into(),
    };
    let app = Application::build_with_clock(settings, Arc::new(FixedClock(1_795_720_990))).await?;
    let base = format!("http://{}", app.address());
    let pool = app.pool().clone();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder().cookie_store(true).build()?;
    let sign_in = json!({ "username": "admin", "password": PASSWORD });
    let mut times = Vec::with_capacity(SIGN_INS);
    for _ in 0..SIGN_INS {
        let started = Instant::now();
        let response = client
            .post(format!("{base}/api/auth/sign-in"))
            .json(&sign_in)
            .send()
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "signing in: {}",
            response.status()
        );
        times.push(started.elapsed());
    }

    println!(
        "{:<54} {:>9} {:>9} {:>9}",
        "request", "p50 ms", "p95 ms", "max ms"
    );
    report(&format!("sign in (argon2id), {SIGN_INS} runs"), times);
    measure_all(&client, &base, "Contoso (280 users)").await?;

    let started = Instant::now();
    grow(&pool, EXTRA_USERS).await?;
    println!(
        "(added {EXTRA_USERS} users in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    measure_all(&client, &base, "20,280 users").await?;
    Ok(())
}

async fn measure_all(client: &reqwest::Client, base: &str, label: &str) -> anyhow::Result<()> {
    let list = |search: &str, sort: &str| json!({"query": {"search": search, "sort": sort, "descending": false, "after": null, "limit": 50}});
    let cases = [
        ("first page, by display name", list("", "DisplayName")),
        ("first page, by assigned number", list("", "AssignedNumber")),
        ("search a name ('meg')", list("meg", "DisplayName")),
        ("search digits ('5550')", list("5550", "DisplayName")),
        ("search with no match ('zzzz')", list("zzzz", "DisplayName")),
    ];
    for (name, body) in cases {
        let times = time(client, &format!("{base}/api/voice-users/list"), &body).await?;
        report(&format!("{label}: {name}"), times);
    }
    // A page deep into the directory: keyset paging keeps it as cheap as the first.
    let deep = json!({"query": {"search": "", "sort": "DisplayName", "descending": false,
        "after": {"key": "m", "id": 0}, "limit": 50}});
    let times = time(client, &format!("{base}/api/voice-users/list"), &deep).await?;
    report(&format!("{label}: a page from 'm' on"), times);
    let numbers = json!({"filter": {"text": "Redmond", "country": "US", "limit": 100}});
    let times = time(client, &format!("{base}/api/numbers/assignable"), &numbers).await?;
    report(&format!("{label}: assignable numbers in Redmond"), times);
    Ok(())
}

async fn time(client: &reqwest::Client, url: &str, body: &Value) -> anyhow::Result<Vec<Duration>> {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let response = client.post(url).json(body).send().await?;
        anyhow::ensure!(
            response.status().is_success(),
            "{url} answered {}",
            response.status()
        );
        response.bytes().await?;
        times.push(started.elapsed());
    }
    Ok(times)
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p = |q: f64| ms(times[((times.len() - 1) as f64 * q) as usize]);
    println!(
        "{name:<54} {:>9.2} {:>9.2} {:>9.2}",
        p(0.5),
        p(0.95),
        ms(*times.last().unwrap())
    );
}

/// Adds `count` licensed users without numbers, in one transaction.
async fn grow(pool: &sqlx::SqlitePool, count: i64) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    for i in 0..count {
        let id = 100_000 + i;
        sqlx::query(
            "INSERT INTO voice_users (id, display_name, username, usage_location) VALUES ($1, $2, $3, 'US')",
        )
        .bind(id)
        .bind(format!("Bench User {i:05}"))
        .bind(format!("bench{i}@contoso.com"))
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO user_licences (user_id, licence) VALUES ($1, 'ENTERPRISE_E5')")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
