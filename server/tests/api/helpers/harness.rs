//! Starting the app on port 0, as production starts it, on a database of its
//! own.
//!
//! Seeding the 280-user demo takes most of a start-up, so each demo
//! organisation is seeded once per test process into a template database,
//! which each test copies into its own fresh folder: start-up then finds an
//! organisation and accounts, and neither seeds nor creates anything again.
//! Tests of what start-up itself does (the first administrator, seeding,
//! restarts) start on an empty folder instead.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use app::clock::SettableClock;
use server::accounts::FirstAdmin;
use server::config::{DemoChoice, Settings};
use server::demo::DemoOrg;
use server::startup::Application;
use sqlx::AnyPool;
use tempfile::TempDir;
use tokio::task::JoinHandle;

use super::contoso::{ADMIN_PASSWORD, DEMO_PASSWORD, NOW};
use super::postgres;

/// The database file inside a data folder, as `Settings::database_url` names it.
pub const DATABASE_FILE: &str = "switchboard.db";

pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// Signed in as the first Global administrator, "admin" (no session
    /// for the apps `spawn_configured` and `spawn_empty` start).
    pub client: reqwest::Client,
    pub clock: Arc<SettableClock>,
    /// Kept alive for as long as the app: dropping it deletes the database.
    pub data_dir: Arc<TempDir>,
    /// The server's own pool: what the tests read, and what a race watches.
    pub pool: AnyPool,
    /// The server's writes' turns: what a race watches.
    pub writer: app::store::Writer,
    server: Option<JoinHandle<anyhow::Result<()>>>,
}

/// Contoso, with the admin signed in.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(DemoOrg::Contoso).await
}

/// `org`, with the admin signed in.
pub async fn spawn_app_with(org: DemoOrg) -> TestApp {
    let data_dir = folder_with_template(org);
    let settings = test_settings(&data_dir, org);
    signed_in_as_admin(
        launch(data_dir, settings)
            .await
            .expect("starting the app")
            .0,
    )
    .await
}

/// Contoso seeded by start-up itself on an empty folder, with the admin
/// signed in: for tests of what survives a restart.
pub async fn spawn_app_seeded_at_start_up() -> TestApp {
    let (app, _) = spawn_empty(|_| {}).await.expect("starting the app");
    signed_in_as_admin(app).await
}

/// Contoso with the test settings as `configure` changes them. Nobody is
/// signed in: `client` has no session.
pub async fn spawn_configured(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let data_dir = folder_with_template(DemoOrg::Contoso);
    let mut settings = test_settings(&data_dir, DemoOrg::Contoso);
    configure(&mut settings);
    launch(data_dir, settings)
        .await
        .expect("starting the app")
        .0
}

/// Starts on an empty data folder with the test settings as `configure`
/// changes them: start-up creates the first administrator and seeds
/// Contoso. Nobody is signed in. Also returns what start-up did about the
/// first administrator.
pub async fn spawn_empty(
    configure: impl FnOnce(&mut Settings),
) -> anyhow::Result<(TestApp, FirstAdmin)> {
    spawn_in(Arc::new(empty_folder()), configure).await
}

/// As `spawn_empty`, on the data folder given (e.g. one used before).
pub async fn spawn_in(
    data_dir: Arc<TempDir>,
    configure: impl FnOnce(&mut Settings),
) -> anyhow::Result<(TestApp, FirstAdmin)> {
    let mut settings = test_settings(&data_dir, DemoOrg::Contoso);
    configure(&mut settings);
    launch(data_dir, settings).await
}

/// A fresh data folder, with an empty database of its own on PostgreSQL
/// when the tests run there (`postgres.rs`).
pub fn empty_folder() -> TempDir {
    let folder = tempfile::tempdir().expect("creating a temporary data folder");
    if let Some(server) = postgres::server() {
        postgres::give_database(&server, folder.path(), None);
    }
    folder
}

pub fn test_settings(data_dir: &TempDir, org: DemoOrg) -> Settings {
    Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: data_dir.path().to_path_buf(),
        database_url: postgres::url_in(data_dir.path()),
        demo: DemoChoice(Some(org)),
        admin_username: "admin".into(),
        admin_password: Some(ADMIN_PASSWORD.into()),
        demo_password: Some(DEMO_PASSWORD.into()),
        public_url: None,
        trusted_proxy: Vec::new(),
        session_idle_minutes: 30,
        session_max_hours: 12,
        one_time_password_hours: 24,
        token_requests_per_minute: 600,
        audit_retention_days: None,
        // The cheapest cost argon2 takes: hashing is tested for its
        // answers here, not its strength.
        password_hash_memory_kib: 8,
        password_hash_iterations: 1,
        site_root: "target/site".into(),
    }
}

impl TestApp {
    /// Stops this server and starts a new one on the same data folder, with
    /// the demo organisation asked for again (it must not be seeded twice).
    pub async fn restart(self) -> TestApp {
        self.restart_with(|_| {}).await
    }

    /// As [`TestApp::restart`], with the test settings as `configure`
    /// changes them.
    pub async fn restart_with(mut self, configure: impl FnOnce(&mut Settings)) -> TestApp {
        if let Some(server) = self.server.take() {
            server.abort();
            let _ = server.await;
        }
        self.pool.close().await;
        let data_dir = self.data_dir.clone();
        drop(self);
        let mut settings = test_settings(&data_dir, DemoOrg::Contoso);
        configure(&mut settings);
        signed_in_as_admin(launch(data_dir, settings).await.expect("restarting").0).await
    }

    /// The SQLite file the server uses.
    pub fn database_file(&self) -> PathBuf {
        self.data_dir.path().join(DATABASE_FILE)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

async fn signed_in_as_admin(mut app: TestApp) -> TestApp {
    app.client = app.signed_in("admin", ADMIN_PASSWORD).await;
    app
}

/// Builds the application as production does, at the tests' fixed time.
async fn launch(
    data_dir: Arc<TempDir>,
    settings: Settings,
) -> anyhow::Result<(TestApp, FirstAdmin)> {
    let clock = Arc::new(SettableClock::new(NOW));
    let app = Application::build_with_clock(settings, clock.clone()).await?;
    let first_admin = match app.first_admin() {
        FirstAdmin::Existing => FirstAdmin::Existing,
        FirstAdmin::Created { username } => FirstAdmin::Created {
            username: username.clone(),
        },
        FirstAdmin::Generated {
            username,
            password_file,
        } => FirstAdmin::Generated {
            username: username.clone(),
            password_file: password_file.clone(),
        },
    };
    let address = format!("http://{}", app.address());
    let pool = app.pool().clone();
    let writer = app.writer().clone();
    let server = tokio::spawn(app.run_until_stopped());
    let test_app = TestApp {
        address,
        client: reqwest::Client::new(),
        clock,
        data_dir,
        pool,
        writer,
        server: Some(server),
    };
    Ok((test_app, first_admin))
}

// ---- Templates ----

/// A fresh data folder holding a copy of `org`'s template database.
fn folder_with_template(org: DemoOrg) -> Arc<TempDir> {
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
