//! Starting the app on port 0, as production starts it, on a database of its
//! own.
//!
//! Seeding the 280-user demo takes most of a start-up, so each demo
//! organisation is seeded once per test process into a template database,
//! which each test copies into its own fresh folder: start-up then finds an
//! organisation and accounts, and neither seeds nor creates anything again.
//! Tests of what start-up itself does (the first administrator, seeding,
//! restarts) start on an empty folder instead.

use std::path::PathBuf;
use std::sync::Arc;

use app::clock::SettableClock;
use app::store::Dialect;
use server::accounts::FirstAdmin;
use server::config::{DemoChoice, Settings};
use server::demo::DemoOrg;
use server::startup::Application;
use sqlx::AnyPool;
use tempfile::TempDir;
use tokio::task::JoinHandle;

use super::contoso::{ADMIN_PASSWORD, DEMO_PASSWORD, NOW};
use super::{postgres, templates};

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
    let data_dir = templates::folder_with_template(org);
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
    let data_dir = templates::folder_with_template(DemoOrg::Contoso);
    let mut settings = test_settings(&data_dir, DemoOrg::Contoso);
    configure(&mut settings);
    launch(data_dir, settings)
        .await
        .expect("starting the app")
        .0
}

/// As [`spawn_configured`], with the admin signed in.
pub async fn spawn_signed_in(configure: impl FnOnce(&mut Settings)) -> TestApp {
    signed_in_as_admin(spawn_configured(configure).await).await
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

/// The store the tests run on: PostgreSQL with `SWITCHBOARD_TEST_PG`.
pub fn store_under_test() -> Dialect {
    match postgres::server() {
        Some(_) => Dialect::Postgres,
        None => Dialect::Sqlite,
    }
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
        phone_system: server::provisioning::PhoneSystemChoice::None,
        kamailio_url: "http://127.0.0.1:5092/RPC".into(),
        simulated_delay_ms: 0,
        // Checked when a test asks: a check of its own on start would race it.
        drift_check_minutes: 0,
        reuse_block_days: 0,
        simulated_failure_rate: 0.0,
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

    /// A second server on this one's database, as an organisation runs
    /// several behind a proxy, with the admin signed in on it: both read
    /// and write the same data, so a session, a lock-out or a change made
    /// through one holds on the other.
    pub async fn another_server(&self) -> TestApp {
        let settings = test_settings(&self.data_dir, DemoOrg::Contoso);
        let (other, _) = launch(self.data_dir.clone(), settings)
            .await
            .expect("starting another server");
        signed_in_as_admin(other).await
    }

    /// The SQLite file the server uses.
    pub fn database_file(&self) -> PathBuf {
        self.data_dir.path().join(DATABASE_FILE)
    }

    /// The URL of the server's database.
    pub fn database_url(&self) -> String {
        postgres::url_in(self.data_dir.path())
            .unwrap_or_else(|| format!("sqlite://{}", self.database_file().display()))
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
