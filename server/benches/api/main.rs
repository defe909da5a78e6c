//! How fast the API answers, measured over HTTP against the real server on
//! port 0 (in this process), next to the same store calls made straight on
//! a connection (the SQL statements the request runs, with its session
//! look-up), so a busy machine shows as both columns slowing together.
//! Then writes: eight admins assigning and removing numbers at once. Then
//! the process's resident memory. Prints tables; asserts nothing.
//!
//! `cargo bench -p server --bench api [-- ORG ...]` where ORG is a demo
//! organisation (default: contoso contoso-100k).

mod reads;
mod table;
mod writes;

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use app::auth::password::HashCost;
use app::clock::FixedClock;
use server::config::{DemoChoice, Settings};
use server::demo::DemoOrg;
use server::startup::Application;

const PASSWORD: &str = "bench-first-boss-pw";
/// 2026-11-26T19:23:10Z: the demo is seeded for this day.
const NOW: i64 = 1_795_720_990;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let orgs: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let orgs = if orgs.is_empty() {
        vec!["contoso".to_owned(), "contoso-100k".to_owned()]
    } else {
        orgs
    };
    for name in orgs {
        let org: DemoOrg = name.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
        measure(org)
            .await
            .with_context(|| format!("measuring {org}"))?;
    }
    Ok(())
}

async fn measure(org: DemoOrg) -> anyhow::Result<()> {
    let data_dir = tempfile::tempdir()?;
    let settings = Settings {
        listen: "127.0.0.1:0".parse()?,
        data_dir: data_dir.path().to_path_buf(),
        database_url: None,
        demo: DemoChoice(Some(org)),
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
    let started = Instant::now();
    let app = Application::build_with_clock(settings, Arc::new(FixedClock(NOW))).await?;
    println!(
        "\n## {org}: started (migrations, demo, search text) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let base = format!("http://{}", app.address());
    let pool = app.pool().clone();
    tokio::spawn(app.run_until_stopped());

    let admin = reads::Admin::sign_in(&base, PASSWORD).await?;
    reads::measure(&admin, &pool).await?;
    writes::measure(&base, PASSWORD, &pool).await?;
    println!("resident memory after the run: {} MB", table::resident_mb());
    Ok(())
}
