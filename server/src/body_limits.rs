//! How big a request body may be: server function calls are small JSON
//! bodies, except the bulk saves and imports, which carry up to 10,000 rows.
//! A body over its limit is refused with 413, whether it states its length
//! or comes in chunks, before anything reads it whole.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::CONTENT_LENGTH;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;
use http_body_util::Limited;

pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// 10,000 rows of a bulk save or an import file, with room to spare.
pub const MAX_BULK_BYTES: usize = 4 * 1024 * 1024;
const BULK_PATHS: [&str; 2] = ["/api/bulk/", "/api/import/"];

pub fn limit_for(path: &str) -> usize {
    if BULK_PATHS.iter().any(|p| path.starts_with(p)) {
        MAX_BULK_BYTES
    } else {
        MAX_REQUEST_BYTES
    }
}

pub async fn limit_body(request: Request, next: Next) -> Response {
    let limit = limit_for(request.uri().path());
    let stated = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if stated.is_some_and(|n| n > limit as u64) {
        return (StatusCode::PAYLOAD_TOO_LARGE, "length limit exceeded").into_response();
    }
    // A chunked body stops at the limit while it is read, which the body
    // extractors answer with 413 too.
    next.run(request.map(|body| Body::new(Limited::new(body, limit))))
        .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_bulk_work_gets_the_bigger_limit() {
        for (path, limit) in [
            ("/api/bulk/save", super::MAX_BULK_BYTES),
            ("/api/import/check", super::MAX_BULK_BYTES),
            ("/api/assignments/assign", super::MAX_REQUEST_BYTES),
            ("/api/bulkish", super::MAX_REQUEST_BYTES),
            ("/", super::MAX_REQUEST_BYTES),
        ] {
            assert_eq!(super::limit_for(path), limit, "{path}");
        }
    }
}
