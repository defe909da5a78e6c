//! How fast the API answers, measured over HTTP against the release server
//! binary itself (a child process on port 0, with the demo organisation),
//! next to the same store calls made straight on a connection to its
//! database (the SQL statements the request runs, with its session
//! look-up), so a busy machine shows as both columns slowing together.
//! Then the CSV exports of every user and number, streamed. Then writes:
//! eight admins assigning and removing numbers at once. Then the server's
//! resident memory. Prints tables; asserts nothing.
//!
//! `cargo bench -p server --bench api [-- [--writes] [--postgres=URL] ORG ...]`
//! where ORG is a demo organisation (default: contoso contoso-100k);
//! `--writes` skips the reads; `--postgres` runs the server on a new
//! database of that PostgreSQL server (e.g. the URL `scripts/pg.sh start`
//! prints) instead of its SQLite file, with the baseline on it too.

mod bulk;
mod exports;
mod reads;
mod table;
mod writes;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use anyhow::Context;
use server::demo::DemoOrg;

const PASSWORD: &str = "bench-first-boss-pw";

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
    let reads = !std::env::args().any(|a| a == "--writes");
    let postgres = std::env::args().find_map(|a| a.strip_prefix("--postgres=").map(str::to_owned));
    for name in orgs {
        let org: DemoOrg = name.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
        measure(org, reads, postgres.as_deref())
            .await
            .with_context(|| format!("measuring {org}"))?;
    }
    Ok(())
}

/// A new, empty database on the PostgreSQL server at `server_url`: its URL.
async fn new_database(server_url: &str, org: DemoOrg) -> anyhow::Result<String> {
    use sqlx::{Connection, Executor};
    sqlx::any::install_default_drivers();
    let name = format!(
        "bench_{}_{}",
        org.to_string().replace('-', "_"),
        std::process::id()
    );
    let mut conn = sqlx::AnyConnection::connect(server_url)
        .await
        .with_context(|| format!("connecting to {server_url}"))?;
    conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await?;
    conn.close().await?;
    let base = server_url
        .rsplit_once('/')
        .map_or(server_url, |(base, _)| base);
    Ok(format!("{base}/{name}"))
}

/// The server binary running in a data directory of its own; stopped
/// when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// On `database`, or the data directory's SQLite file.
    fn start(
        org: DemoOrg,
        data_dir: &std::path::Path,
        database: Option<&str>,
    ) -> anyhow::Result<Server> {
        let mut command = Command::new(env!("CARGO_BIN_EXE_switchboard"));
        command
            .args(["--listen", "127.0.0.1:0", "--demo", &org.to_string()])
            .arg("--data-dir")
            .arg(data_dir)
            .env("SWITCHBOARD_ADMIN_PASSWORD", PASSWORD)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped());
        match database {
            Some(url) => command.env("DATABASE_URL", url),
            None => command.env_remove("DATABASE_URL"),
        };
        let mut child = command.spawn().context("starting the server binary")?;
        let stdout = child.stdout.take().context("the server's output")?;
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            let line = lines
                .next()
                .context("the server stopped before listening")??;
            if let Some(url) = line.strip_prefix("Switchboard is listening on ") {
                break url.trim().to_owned();
            }
        };
        // Keep reading, so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Ok(Server { child, base })
    }

    /// The server's resident set, in MB (Linux).
    fn resident_mb(&self) -> String {
        table::resident_mb(self.child.id())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn measure(org: DemoOrg, reads: bool, postgres: Option<&str>) -> anyhow::Result<()> {
    let data_dir = tempfile::tempdir()?;
    let database = match postgres {
        Some(server_url) => Some(new_database(server_url, org).await?),
        None => None,
    };
    let started = Instant::now();
    let server = Server::start(org, data_dir.path(), database.as_deref())?;
    let store = if database.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!(
        "\n## {org} on {store}: started (migrations, demo, search text) in {:.1} s, {} MB resident",
        started.elapsed().as_secs_f64(),
        server.resident_mb()
    );
    let base = server.base.clone();
    let url = database.unwrap_or_else(|| {
        format!(
            "sqlite://{}",
            data_dir.path().join("switchboard.db").display()
        )
    });
    let pool = app::store::connect(&url).await?;

    if reads {
        let admin = reads::Admin::sign_in(&base, PASSWORD).await?;
        reads::measure(&admin, &pool).await?;
        println!(
            "server's resident memory after the reads: {} MB",
            server.resident_mb()
        );
        exports::measure(&admin).await?;
        println!(
            "server's resident memory after the exports: {} MB",
            server.resident_mb()
        );
    }
    writes::measure(&base, PASSWORD, &pool).await?;
    println!(
        "server's resident memory after the writes: {} MB",
        server.resident_mb()
    );
    bulk::measure(&base, PASSWORD, &pool).await?;
    println!(
        "server's resident memory after the import: {} MB",
        server.resident_mb()
    );
    Ok(())
}
