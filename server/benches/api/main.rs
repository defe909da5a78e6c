//! How fast the API answers, measured over HTTP against the release server
//! binary itself (a child process on port 0, with the demo organisation),
//! next to the same store calls made straight on a connection to its
//! database (the SQL statements the request runs, with its session
//! look-up), so a busy machine shows as both columns slowing together.
//! Then the CSV exports of every user and number, streamed. Then writes:
//! eight admins assigning and removing numbers at once. Then the server's
//! resident memory. Prints tables; asserts nothing.
//!
//! `cargo bench -p server --bench api [-- [--writes] ORG ...]` where ORG is
//! a demo organisation (default: contoso contoso-100k); `--writes` skips
//! the reads.

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
    for name in orgs {
        let org: DemoOrg = name.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
        measure(org, reads)
            .await
            .with_context(|| format!("measuring {org}"))?;
    }
    Ok(())
}

/// The server binary running in a data directory of its own; stopped
/// when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(org: DemoOrg, data_dir: &std::path::Path) -> anyhow::Result<Server> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(["--listen", "127.0.0.1:0", "--demo", &org.to_string()])
            .arg("--data-dir")
            .arg(data_dir)
            .env("SWITCHBOARD_ADMIN_PASSWORD", PASSWORD)
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .context("starting the server binary")?;
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

async fn measure(org: DemoOrg, reads: bool) -> anyhow::Result<()> {
    let data_dir = tempfile::tempdir()?;
    let started = Instant::now();
    let server = Server::start(org, data_dir.path())?;
    println!(
        "\n## {org}: started (migrations, demo, search text) in {:.1} s, {} MB resident",
        started.elapsed().as_secs_f64(),
        server.resident_mb()
    );
    let base = server.base.clone();
    let url = format!(
        "sqlite://{}",
        data_dir.path().join("switchboard.db").display()
    );
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
