//! Building the application: database, state, router, listener. Kept apart
//! from `main` so tests can start it on port 0 with a fresh database.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use app::clock::{Clock, SystemClock};
use app::state::AppState;
use app::{shell, App};
use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use leptos::config::{Env, LeptosOptions};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sqlx::SqlitePool;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::trace::{DefaultOnFailure, TraceLayer};
use tracing::Level;

use crate::accounts::FirstAdmin;
use crate::config::Settings;
use crate::demo::{self, DemoOrg};
use crate::security::{self, Https, PublicOrigin};

/// Server function calls are small JSON bodies; anything bigger is refused.
const MAX_REQUEST_BYTES: usize = 64 * 1024;

pub struct Application {
    listener: TcpListener,
    router: Router,
    address: SocketAddr,
    pool: SqlitePool,
    first_admin: FirstAdmin,
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
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .context("migrating the database")?;
        let auth = settings.auth()?;
        let first_admin = crate::accounts::ensure_first_admin(
            &pool,
            &settings.admin_username,
            settings.admin_password.as_deref(),
            &auth.passwords,
            clock.as_ref(),
        )
        .await?;
        if let Some(password) = settings.demo_password.as_deref() {
            if let Err(why) = app::domain::check_new_password(password, "") {
                anyhow::bail!("SWITCHBOARD_DEMO_PASSWORD is not accepted: {why}");
            }
        }
        let seeded = match settings.demo.0 {
            Some(org) => seed_if_empty(&pool, org, clock.as_ref()).await?,
            None => false,
        };
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

        let state = AppState {
            pool: pool.clone(),
            clock,
            auth,
        };
        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("listening on {}", settings.listen))?;
        let address = listener.local_addr()?;
        let options = leptos_options(&settings, address);
        Ok(Self {
            listener,
            router: router(
                state,
                options,
                PublicOrigin::from_url(settings.public_url.as_deref()),
            ),
            address,
            pool,
            first_admin,
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

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")
    }
}

/// Seeds the demo organisation into an empty database; true if it did.
async fn seed_if_empty(pool: &SqlitePool, org: DemoOrg, clock: &dyn Clock) -> anyhow::Result<bool> {
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
    tracing::info!(
        users = report.users,
        numbers = report.numbers,
        locations = report.locations,
        assigned = report.assigned,
        "demo organisation created"
    );
    Ok(true)
}

fn leptos_options(settings: &Settings, address: SocketAddr) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") => Env::DEV,
        _ => Env::PROD,
    };
    LeptosOptions::builder()
        .output_name("switchboard")
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(address)
        .env(env)
        .build()
}

/// The whole HTTP surface: pages, server functions and static assets.
pub fn router(state: AppState, options: LeptosOptions, public_origin: PublicOrigin) -> Router {
    let https = Https(state.auth.secure);
    let export = Router::new()
        .route(
            app::links::AUDIT_EXPORT_PATH,
            get(app::api::audit_export::export_csv),
        )
        .with_state(state.clone());
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    // Served as built: `.br` and `.gz` siblings are picked when the browser accepts them.
    let assets = ServeDir::new(pkg_dir)
        .precompressed_br()
        .precompressed_gzip();

    let routes = Router::new()
        .merge(export)
        // leptos_axum registers each server function at its own path; this
        // only answers calls to functions that don't exist.
        .route("/api/{*rest}", any(unknown_api))
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .nest_service("/pkg", assets)
        // Unknown paths render the app's 404 page, which needs the state too.
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(options)
        .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BYTES))
        .layer(middleware::from_fn_with_state(
            public_origin,
            security::refuse_cross_site,
        ));
    around(routes, https)
}

/// What wraps every response, outermost last: the request's log span, the
/// security headers (on a panic's 500 too), compression, and turning a
/// panic into a plain 500.
pub fn around(routes: Router, https: Https) -> Router {
    routes
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked");
            (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong.").into_response()
        }))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(https, security::headers))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &axum::http::Request<_>| {
                    // `account` is filled in once the session is known, so
                    // every log line of the request says who made it.
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %request.uri().path(),
                        account = tracing::field::Empty,
                    )
                })
                // Each failure is logged where it happens, with what was
                // being done; the layer's own line would only repeat it.
                .on_failure(DefaultOnFailure::new().level(Level::DEBUG)),
        )
}

async fn unknown_api(uri: Uri) -> Response {
    let err = app::api::ApiError::not_found(format!("There is no API function at {}.", uri.path()));
    (StatusCode::NOT_FOUND, axum::Json(err)).into_response()
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

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_panic_answers_a_plain_500_with_the_security_headers() {
        async fn boom() -> &'static str {
            panic!("a handler bug")
        }
        let routes = Router::new().route("/boom", get(boom));
        let response = around(routes, Https(true))
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers();
        for (name, value) in [
            ("x-frame-options", "DENY"),
            ("x-content-type-options", "nosniff"),
            (
                "content-security-policy",
                "default-src 'none'; frame-ancestors 'none'",
            ),
            (
                "strict-transport-security",
                "max-age=31536000; includeSubDomains",
            ),
        ] {
            assert_eq!(
                headers.get(name).and_then(|v| v.to_str().ok()),
                Some(value),
                "{name}"
            );
        }
        let body = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .unwrap();
        assert_eq!(&body[..], b"Something went wrong.");
    }
}
