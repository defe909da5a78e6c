//! A grid's CSV export as one response streamed page by page: each page is
//! read along the grid's keyset cursor with a pool connection of its own,
//! written as CSV and sent before the next is read. Memory stays at one
//! page whatever the list's length, and a slow download holds no
//! connection between pages.

use std::future::Future;

use axum::body::{Body, Bytes};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::{stream, StreamExt, TryStreamExt};

use super::ApiError;

/// Rows read per page: few enough to keep memory small, many enough that
/// the statements each page runs cost little beside its rows.
pub const EXPORT_PAGE: u32 = 1_000;

/// Excel reads a CSV file as UTF-8 only when it starts with a BOM; import
/// takes it off again.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A page of the export as CSV, and the cursor after it when more follow.
pub type Chunk<C> = (Vec<u8>, Option<C>);

/// A CSV writer over a new page; the first starts with the BOM and `header`.
pub fn page_writer(first: bool, header: &[&str]) -> Result<csv::Writer<Vec<u8>>, ApiError> {
    let mut csv = crate::import::writer(if first { BOM.to_vec() } else { Vec::new() });
    if first {
        crate::import::write_header(&mut csv, header).map_err(failed)?;
    }
    Ok(csv)
}

/// The page's bytes.
pub fn finished(csv: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ApiError> {
    csv.into_inner()
        .map_err(|e| ApiError::internal(format!("finishing a CSV page: {e}")))
}

pub fn failed(e: csv::Error) -> ApiError {
    ApiError::internal(format!("writing a CSV page: {e}"))
}

/// Every export's answer: the caller's query as checked (or its refusal),
/// its first page read before anything is sent (so a failure there still
/// answers with its status), then the rest streamed page after page.
/// `page(query, after)` reads the page after the cursor `after`; the first
/// is read with `None`, and only it carries the header row.
pub async fn export<Q, C, F, Fut>(filename: &str, query: Result<Q, ApiError>, page: F) -> Response
where
    Q: Clone + Send + 'static,
    C: Send + 'static,
    F: Fn(Q, Option<C>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Chunk<C>, ApiError>> + Send + 'static,
{
    let query = match query {
        Ok(query) => query,
        Err(err) => return refused(err),
    };
    let first = match page(query.clone(), None).await {
        Ok(first) => first,
        Err(err) => return refused(err),
    };
    download(filename, first, move |after| {
        page(query.clone(), Some(after))
    })
}

/// The download named `filename`: the `first` page, read before answering
/// so that a refusal is still a status, then each page `next` reads after
/// the cursor. A failure after the first page breaks the download off, so
/// it can't pass for a complete file.
pub fn download<C, F, Fut>(filename: &str, first: Chunk<C>, next: F) -> Response
where
    C: Send + 'static,
    F: FnMut(C) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Chunk<C>, ApiError>> + Send + 'static,
{
    let (bytes, after) = first;
    let rest = stream::try_unfold((after, next), |(after, mut next)| async move {
        let Some(after) = after else {
            return Ok(None);
        };
        let (bytes, after) = next(after).await?;
        Ok(Some((Bytes::from(bytes), (after, next))))
    });
    let pages = stream::once(async { Ok(Bytes::from(bytes)) })
        .chain(rest)
        .map_err(|e: ApiError| {
            tracing::warn!(error = %e, "a CSV export stopped part way");
            std::io::Error::other(e.to_string())
        });
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ),
        (header::CACHE_CONTROL, "no-store".to_owned()),
    ];
    (headers, Body::from_stream(pages)).into_response()
}

/// A refusal before anything was sent, as the server functions answer it.
pub fn refused(err: ApiError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(err)).into_response()
}
