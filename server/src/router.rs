//! The whole HTTP surface: pages, server functions, the CSV exports and
//! static assets, and the layers every response passes through.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use app::api::access::RequestSpan;
use app::state::AppState;
use app::{shell, App};
use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use leptos::config::{Env, LeptosOptions};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::{DefaultOnFailure, TraceLayer};
use tracing::Level;

use crate::caching;
use crate::config::Settings;
use crate::security::{self, Https, PublicOrigin};

pub fn leptos_options(settings: &Settings, address: SocketAddr) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") => Env::DEV,
        _ => Env::PROD,
    };
    let hash_file = bundle_hash_file();
    LeptosOptions::builder()
        .output_name("switchboard")
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(address)
        .env(env)
        .hash_files(hash_file.is_some())
        .hash_file(hash_file.unwrap_or_else(|| "hash.txt".into()))
        .build()
}

/// cargo-leptos gives the bundle's files content-hashed names
/// (`hash-files` in Cargo.toml) and lists the hashes in `hash.txt` beside the
/// server binary it builds, where Leptos looks for them to name the files in
/// each page. Without that file (a binary built by plain `cargo build`, or a
/// test) the pages name the files without hashes.
fn bundle_hash_file() -> Option<Arc<str>> {
    let name = std::env::var("LEPTOS_HASH_FILE_NAME").unwrap_or_else(|_| "hash.txt".into());
    let beside_binary = std::env::current_exe().ok()?.parent()?.join(&name);
    if beside_binary.is_file() {
        Some(name.into())
    } else {
        tracing::debug!(
            "no {} beside the server binary: the bundle's file names are not hashed",
            beside_binary.display()
        );
        None
    }
}

pub fn router(state: AppState, options: LeptosOptions, public_origin: PublicOrigin) -> Router {
    let https = Https(state.auth.secure);
    let export = Router::new()
        .route(
            app::links::AUDIT_EXPORT_PATH,
            get(app::api::audit_export::export_csv),
        )
        .route(
            app::links::VOICE_USERS_EXPORT_PATH,
            get(app::api::voice_users_export::export_csv),
        )
        .route(
            app::links::PHONE_NUMBERS_EXPORT_PATH,
            get(app::api::phone_numbers_export::export_csv),
        )
        .route(app::links::EVENTS_PATH, get(app::api::live_events::events))
        .route(
            app::api::contract::DOCUMENT_PATH,
            get(|| async { axum::Json(app::api::contract::document()) }),
        )
        .with_state(state.clone());
    let routes = route_list();
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
        // Inside the gate, which names the caller whose keys these are,
        // and the body limit, which bounds what it reads.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::idempotency::replay_or_run,
        ))
        .layer(middleware::from_fn(crate::body_limits::limit_body))
        .layer(middleware::from_fn(crate::allocator::trim_after_bulk))
        // Who calls is known before a body is read, or even limited.
        .layer(middleware::from_fn_with_state(
            state,
            crate::gate::check_caller,
        ))
        .layer(middleware::from_fn_with_state(
            public_origin,
            security::refuse_cross_site,
        ));
    around(routes, https)
}

/// What wraps every response, outermost last: the request's log span (and
/// its handle in the request), the security headers and how long the answer
/// may be cached (on a panic's 500 too), compression, and turning a panic
/// into a plain 500.
pub fn around(routes: Router, https: Https) -> Router {
    routes
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked");
            (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong.").into_response()
        }))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(caching::cache_control))
        .layer(middleware::from_fn_with_state(https, security::headers))
        .layer(middleware::from_fn(note_request_span))
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

/// The app's pages, as the router serves them. Leptos works them out with
/// process-wide state that a page rendering at the same moment trips over,
/// so it is done once per process, before any server of it can render.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Hands the request's log span to the code that learns who is calling.
async fn note_request_span(
    mut request: axum::extract::Request,
    next: middleware::Next,
) -> Response {
    let span = RequestSpan(tracing::Span::current());
    request.extensions_mut().insert(span);
    next.run(request).await
}

async fn unknown_api(uri: Uri) -> Response {
    let err = app::api::ApiError::not_found(format!("There is no API function at {}.", uri.path()));
    (StatusCode::NOT_FOUND, axum::Json(err)).into_response()
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
