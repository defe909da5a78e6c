//! Building the application: database, state, router, listener. Kept apart
//! from `main` so tests can start it on port 0 with a fresh database.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use app::clock::{Clock, SystemClock};
use app::domain::{OneTimePasswordLifetime, RetryPolicy};
use app::state::AppState;
use axum::Router;
use sqlx::AnyPool;
use tokio::net::TcpListener;

use crate::accounts::FirstAdmin;
use crate::audit_retention::Retention;
use crate::config::Settings;
use crate::demo::{self, DemoOrg};
use crate::other_servers::OtherServers;
use crate::provisioning::{Timing, Worker};
use crate::security::PublicOrigin;

pub struct Application {
    listener: TcpListener,
    router: Router,
    address: SocketAddr,
    pool: AnyPool,
    writer: app::store::Writer,
    first_admin: FirstAdmin,
    /// Archives old audit entries daily while the server runs, if set.
    retention: Option<Retention>,
    /// On PostgreSQL: word of the other servers' commits.
    other_servers: Option<OtherServers>,
    worker: Worker,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    pub async fn build_with_clock(
        settings: Settings,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<Self> {
        if settings.database_url.is_none() {
            std::fs::create_dir_all(&settings.data_dir).with_context(|| {
                format!("creating the data folder {}", settings.data_dir.display())
            })?;
        }
        let url = settings.database_url();
        let pool = app::store::connect(&url)
            .await
            .with_context(|| format!("opening the database {url}"))?;
        let dialect = app::store::Dialect::of_url(&url);
        let migrator = match dialect {
            app::store::Dialect::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            app::store::Dialect::Postgres => sqlx::migrate!("./migrations/postgres"),
        };
        migrator
            .run(&pool)
            .await
            .context("migrating the database")?;
        let auth = settings.auth()?;
        let first_admin = crate::accounts::ensure_first_admin(
            &pool,
            &settings.admin_username,
            settings.admin_password.as_deref(),
            &settings.data_dir,
            &auth.passwords,
            clock.as_ref(),
        )
        .await?;
        if let Some(password) = settings.demo_password.as_deref() {
            if let Err(why) = app::auth::common_passwords::check_chosen_password(password, "") {
                anyhow::bail!("SWITCHBOARD_DEMO_PASSWORD is not accepted: {why}");
            }
        }
        let seeded = match settings.demo.0 {
            Some(org) => seed_if_empty(&pool, org, clock.as_ref()).await?,
            None => false,
        };
        let mut tx = app::store::begin_write(&pool).await?;
        let filled = app::store::users::fill_search_text(&mut tx)
            .await
            .context("filling in the users' search text")?
            + app::store::numbers::fill_search_city(&mut tx)
                .await
                .context("filling in the numbers' search city")?;
        tx.commit().await?;
        if filled > 0 {
            tracing::info!(rows = filled, "search text filled in");
        }
        if let (true, Some(password)) = (seeded, settings.demo_password.as_deref()) {
            let created = crate::accounts::create_demo_accounts(
                &pool,
                password,
                &auth.passwords,
                clock.as_ref(),
            )
            .await?;
            tracing::info!(created, "demo sign-in accounts created");
        }

        let writer = app::store::Writer::open(&pool).await?;
        let other_servers = match dialect {
            app::store::Dialect::Sqlite => None,
            app::store::Dialect::Postgres => Some(
                OtherServers::listen(&url, writer.commits().clone())
                    .await
                    .context("listening for other servers' changes")?,
            ),
        };
        let retention = match settings.audit_retention_days {
            Some(days) => {
                let retention =
                    Retention::new(days, &settings.data_dir, writer.clone(), clock.clone());
                retention
                    .run()
                    .await
                    .context("archiving old audit entries (--audit-retention-days)")?;
                Some(retention)
            }
            None => None,
        };
        let phone_system = settings
            .phone_system()
            .context("opening the phone system (--phone-system)")?;
        tracing::info!(phone_system = %phone_system.describe(), "provisioning to");
        let state = AppState {
            pool: pool.clone(),
            writer: writer.clone(),
            clock: clock.clone(),
            auth,
            one_time_passwords: OneTimePasswordLifetime::hours(settings.one_time_password_hours),
            progress: Default::default(),
            confirm_at_once: phone_system.confirms_at_once(),
            reuse_block_days: settings.reuse_block_days,
        };
        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("listening on {}", settings.listen))?;
        let address = listener.local_addr()?;
        let options = crate::router::leptos_options(&settings, address);
        let worker = Worker::new(
            pool.clone(),
            writer.clone(),
            dialect,
            clock.clone(),
            Arc::new(phone_system),
            format!("{address} (process {})", std::process::id()),
            Timing {
                policy: RetryPolicy::default(),
                drift_every: (settings.drift_check_minutes > 0)
                    .then(|| std::time::Duration::from_secs(settings.drift_check_minutes * 60)),
            },
        );
        Ok(Self {
            listener,
            router: crate::router::router(
                state,
                options,
                PublicOrigin::from_url(settings.public_url.as_deref()),
            ),
            address,
            pool,
            writer,
            first_admin,
            retention,
            other_servers,
            worker,
        })
    }

    /// What start-up did about the first administrator, e.g. a generated
    /// password to print once.
    pub fn first_admin(&self) -> &FirstAdmin {
        &self.first_admin
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Where the server's writes take their turns.
    pub fn writer(&self) -> &app::store::Writer {
        &self.writer
    }

    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let serving = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown({
            let commits = self.writer.commits().clone();
            async move {
                shutdown_signal().await;
                // Open live streams end, so the shutdown doesn't wait on them.
                commits.close();
            }
        });
        // The daily archive and the word of other servers' commits stop
        // with the server.
        let retention = async {
            match self.retention {
                Some(retention) => retention.daily().await,
                None => std::future::pending().await,
            }
        };
        let other_servers = async {
            match self.other_servers {
                Some(other_servers) => other_servers.run().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            served = serving => served.context("serving"),
            never = retention => match never {},
            never = other_servers => match never {},
            never = self.worker.run() => match never {},
        }
    }
}

/// Seeds the demo organisation into an empty database; true if it did.
async fn seed_if_empty(pool: &AnyPool, org: DemoOrg, clock: &dyn Clock) -> anyhow::Result<bool> {
    let mut tx = app::store::begin_write(pool).await?;
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM voice_users")
        .fetch_one(&mut *tx)
        .await?;
    if users > 0 {
        tracing::info!(
            users,
            "database already holds an organisation; not seeding the demo"
        );
        return Ok(false);
    }
    let report = demo::seed(&mut tx, org, &clock.today())
        .await
        .context("seeding the demo organisation")?;
    tx.commit().await?;
    crate::allocator::release_free_memory();
    tracing::info!(
        users = report.users,
        numbers = report.numbers,
        locations = report.locations,
        assigned = report.assigned,
        "demo organisation created"
    );
    Ok(true)
}

/// Ctrl+C or SIGTERM (what service managers and test runners send): stop
/// taking connections and let requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "can't listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
