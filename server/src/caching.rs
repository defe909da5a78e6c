//! How long a browser may keep what the server sends. The bundle's files
//! carry a hash of their content in their names (cargo-leptos `hash-files`),
//! so a name always means the same bytes: they are kept for a year and never
//! asked for again. Pages and server-function answers are never stored: they
//! hold an account's data, and a page names the bundle it needs, so a new
//! build's page can't meet an old build's cached bundle. Anything else (the
//! favicon, a file without a hash) may be kept but is checked first.

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// For a file whose name holds its content's hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For pages, server-function answers, the CSV export and errors.
pub const NO_STORE: &str = "no-store";
/// For static files without a hash: kept, but revalidated before each use.
pub const REVALIDATE: &str = "no-cache";

/// Where the server serves the bundle (cargo-leptos `site-pkg-dir`).
const PKG: &str = "/pkg/";

/// Length of cargo-leptos's hashes: an MD5 in unpadded base64url.
const HASH_LENGTH: usize = 22;

/// Sets `Cache-Control` on every response that has none of its own, and
/// `no-store` on every page whatever it had: a rendered page carries the
/// account's data for hydration.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let html = content_type.is_some_and(is_html);
    let value = policy(&path, response.status(), content_type);
    let headers = response.headers_mut();
    if html {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_STORE));
    } else {
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static(value));
    }
    // The bundle is sent as its .br or .gz sibling, whichever the browser
    // accepts: a shared cache must keep one copy per encoding.
    if path.starts_with(PKG) && !headers.contains_key(header::VARY) {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// The `Cache-Control` for an answer to `path`.
pub fn policy(path: &str, status: StatusCode, content_type: Option<&str>) -> &'static str {
    if !(status.is_success() || status == StatusCode::NOT_MODIFIED) {
        // A missing file may appear with the next build; an error is
        // about this moment only.
        return NO_STORE;
    }
    if let Some(file) = path.strip_prefix(PKG) {
        return if is_hashed(file) {
            IMMUTABLE
        } else {
            REVALIDATE
        };
    }
    if content_type.is_some_and(is_html) || path.starts_with("/api/") {
        NO_STORE
    } else {
        REVALIDATE
    }
}

/// Whether a `Content-Type` is a page's, in any case (`Text/HTML; ...`).
fn is_html(content_type: &str) -> bool {
    content_type
        .get(..9)
        .is_some_and(|t| t.eq_ignore_ascii_case("text/html"))
}

/// Whether a file's name carries a cargo-leptos content hash, e.g.
/// `switchboard.81XRr-Zx0J_HBd6ZiKuOSQ.wasm` or `chunk_7.<hash>.wasm`: a
/// part between two dots of exactly the hash's length and alphabet.
pub fn is_hashed(file: &str) -> bool {
    let name = file.rsplit('/').next().unwrap_or(file);
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|part| {
            part.len() == HASH_LENGTH
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hash as cargo-leptos writes it.
    const HASH: &str = "81XRr-Zx0J_HBd6ZiKuOSQ";

    #[test]
    fn only_names_with_a_content_hash_are_hashed() {
        let cases = [
            (format!("switchboard.{HASH}.wasm"), true, "the bundle"),
            (format!("switchboard.{HASH}.wasm.br"), true, "precompressed"),
            (format!("switchboard.d.{HASH}.ts"), true, "its types"),
            (format!("chunk_7.{HASH}.wasm"), true, "a lazy chunk"),
            (format!("__wasm_split.{HASH}.js"), true, "the chunk loader"),
            ("switchboard.wasm".into(), false, "no hash"),
            (format!("{HASH}.wasm"), false, "a hash is not a name"),
            (format!("switchboard.{HASH}"), false, "no extension"),
            (
                format!("switchboard.{}.wasm", &HASH[1..]),
                false,
                "too short",
            ),
            (format!("switchboard.{HASH}A.wasm"), false, "too long"),
            (
                "switchboard.81XRr+Zx0J/HBd6ZiKuOSQ.wasm".into(),
                false,
                "not base64url",
            ),
            (
                "snippets/x-1/inline0.js".into(),
                false,
                "a wasm-bindgen snippet",
            ),
        ];
        for (name, hashed, why) in cases {
            assert_eq!(is_hashed(&name), hashed, "{name}: {why}");
        }
    }

    #[tokio::test]
    async fn a_page_is_never_stored_whatever_its_handler_said() {
        use axum::body::Body;
        use axum::http::Request;
        use axum::routing::get;
        use axum::Router;
        use tower::ServiceExt;

        let cached = |content_type: &'static str| {
            get(move || async move {
                (
                    [
                        (header::CONTENT_TYPE, content_type),
                        (header::CACHE_CONTROL, "public, max-age=600"),
                    ],
                    "body",
                )
            })
        };
        let routes = Router::new()
            .route("/page", cached("text/html; charset=utf-8"))
            .route("/upper", cached("Text/HTML"))
            .route("/report.csv", cached("text/csv"))
            .layer(axum::middleware::from_fn(cache_control));
        let cases = [
            ("/page", NO_STORE, "a page"),
            ("/upper", NO_STORE, "a page, whatever the case"),
            (
                "/report.csv",
                "public, max-age=600",
                "anything else keeps its own",
            ),
        ];
        for (path, want, why) in cases {
            let request = Request::get(path).body(Body::empty()).unwrap();
            let response = routes.clone().oneshot(request).await.unwrap();
            assert_eq!(response.headers()[header::CACHE_CONTROL], want, "{why}");
        }
    }

    #[test]
    fn each_answer_gets_the_policy_of_what_it_is() {
        let ok = StatusCode::OK;
        let html = Some("text/html; charset=utf-8");
        let json = Some("application/json");
        let wasm = Some("application/wasm");
        let hashed = format!("/pkg/switchboard.{HASH}.wasm");
        let hashed = hashed.as_str();
        let cases = [
            (hashed, ok, wasm, IMMUTABLE, "a hashed file"),
            (
                hashed,
                StatusCode::NOT_MODIFIED,
                None,
                IMMUTABLE,
                "revalidated",
            ),
            (hashed, StatusCode::NOT_FOUND, None, NO_STORE, "missing"),
            ("/pkg/switchboard.wasm", ok, wasm, REVALIDATE, "unhashed"),
            ("/", ok, html, NO_STORE, "a page"),
            ("/voice/users", ok, html, NO_STORE, "a page"),
            (
                "/no/such/page",
                StatusCode::NOT_FOUND,
                html,
                NO_STORE,
                "404",
            ),
            (
                "/api/console/status",
                ok,
                json,
                NO_STORE,
                "a server function",
            ),
            (
                "/api/audit/export.csv",
                ok,
                Some("text/csv"),
                NO_STORE,
                "export",
            ),
            (
                "/favicon.svg",
                ok,
                Some("image/svg+xml"),
                REVALIDATE,
                "an asset",
            ),
        ];
        for (path, status, content_type, want, why) in cases {
            assert_eq!(policy(path, status, content_type), want, "{path}: {why}");
        }
    }
}
