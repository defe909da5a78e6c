//! Template databases: each demo organisation seeded once per test
//! process, then copied into each test's fresh folder.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use app::clock::SettableClock;
use server::demo::DemoOrg;
use server::startup::Application;
use sqlx::AnyPool;
use tempfile::TempDir;

use super::contoso::NOW;
use super::harness::{empty_folder, test_settings, DATABASE_FILE};
use super::postgres;

/// A fresh data folder holding a copy of `org`'s template database.
pub fn folder_with_template(org: DemoOrg) -> Arc<TempDir> {
    let data_dir = tempfile::tempdir().expect("creating a temporary data folder");
    match template(org) {
        Template::File(bytes) => std::fs::write(data_dir.path().join(DATABASE_FILE), bytes)
            .expect("copying the template database"),
        Template::Database { server, name } => {
            postgres::give_database(server, data_dir.path(), Some(name));
        }
    }
    Arc::new(data_dir)
}

/// A demo organisation seeded once: an SQLite file's bytes, or a
/// PostgreSQL database to copy.
enum Template {
    File(Vec<u8>),
    Database { server: String, name: String },
}

/// The bytes of `org`'s template database, built on first use. Tests run on
/// many threads, each on a runtime of its own: the first to ask builds it
/// on a thread with its own runtime while the others wait.
fn template(org: DemoOrg) -> &'static Template {
    static TEMPLATES: [OnceLock<Template>; DemoOrg::ALL.len()] =
        [const { OnceLock::new() }; DemoOrg::ALL.len()];
    let slot = DemoOrg::ALL
        .iter()
        .position(|o| *o == org)
        .expect("a demo organisation");
    TEMPLATES[slot].get_or_init(|| {
        std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for the template")
                .block_on(build_template(org))
        })
        .join()
        .unwrap_or_else(|_| panic!("building the {org} template failed"))
    })
}

/// Starts the app once on an empty folder (migrations, the first
/// administrator, the demo and its accounts) and copies the result into one
/// self-contained file with `VACUUM INTO`, so nothing stays behind in the
/// write-ahead log.
async fn build_template(org: DemoOrg) -> Template {
    let folder = empty_folder();
    let settings = test_settings(&folder, org);
    let clock = Arc::new(SettableClock::new(NOW));
    let app = Application::build_with_clock(settings, clock)
        .await
        .unwrap_or_else(|e| panic!("seeding the {org} template: {e:#}"));
    if let Some(server) = postgres::server() {
        let url = postgres::url_in(folder.path()).expect("the template's database");
        let name = url.rsplit('/').next().expect("a database name").to_owned();
        app.pool().close().await;
        drop(app);
        postgres::disconnect_all(&server, &name);
        return Template::Database { server, name };
    }
    let copy = folder.path().join("template.db");
    vacuum_into(app.pool(), &copy).await;
    app.pool().close().await;
    Template::File(std::fs::read(&copy).expect("reading the template"))
}

async fn vacuum_into(pool: &AnyPool, file: &Path) {
    sqlx::query("VACUUM INTO $1")
        .bind(file.to_str().expect("a UTF-8 path"))
        .execute(pool)
        .await
        .expect("copying the database");
}
