//! GET /api/audit/export.csv: the audit log as the page's filters show it,
//! for spreadsheets, every entry, newest first: streamed a page at a time
//! along the log's own cursor (see `csv_stream`), so a log of millions of
//! entries costs the server one page of memory. Reads only, so GET; the
//! session cookie decides who may. Every cell is quoted, and a cell a
//! spreadsheet would run as a formula is neutralised first.

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::response::Response;

use super::access::{bounded, caller_from, permit, required};
use super::csv_stream::{export, failed, finished, Chunk, EXPORT_PAGE};
use super::ApiError;
use crate::domain::{
    format_utc, AuditAction, AuditEntry, AuditQuery, Date, Permission, MAX_SEARCH,
};
use crate::state::AppState;

const HEADER: [&str; 8] = [
    "Time (UTC)",
    "Actor",
    "Action",
    "Target",
    "User",
    "Number",
    "Before",
    "After",
];

pub async fn export_csv(
    State(state): State<AppState>,
    parts: Parts,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = checked(&state, &parts, &params).await;
    let filename = format!("switchboard-audit-{}.csv", state.clock.today());
    export(&filename, query, move |query, before_id| {
        let state = state.clone();
        async move {
            let first = before_id.is_none();
            let query = AuditQuery {
                before_id: before_id.or(query.before_id),
                ..query
            };
            page(&state, &query, first).await
        }
    })
    .await
}

/// The filters, for a caller who may read the log: 400, then 401 or 403.
async fn checked(
    state: &AppState,
    parts: &Parts,
    params: &HashMap<String, String>,
) -> Result<AuditQuery, ApiError> {
    let query = parse_query(params)?;
    let caller = required(caller_from(state, parts).await?)?;
    permit(&caller, Permission::ViewAudit)?;
    Ok(query)
}

/// One page of entries older than `query.before_id`, as CSV; the first
/// starts with the header.
async fn page(state: &AppState, query: &AuditQuery, first: bool) -> Result<Chunk<i64>, ApiError> {
    let page = {
        let mut conn = state.pool.acquire().await?;
        crate::store::audit::page(&mut conn, query, EXPORT_PAGE).await?
    };
    Ok((csv_page(&page.rows, first)?, page.next))
}

fn csv_page(entries: &[AuditEntry], first: bool) -> Result<Vec<u8>, ApiError> {
    let mut csv = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if first {
        csv.write_record(HEADER).map_err(failed)?;
    }
    for e in entries {
        let cells = [
            format_utc(e.at),
            e.actor.clone(),
            e.action.label().to_owned(),
            e.target.clone(),
            e.user_name.clone().unwrap_or_default(),
            e.number.clone().unwrap_or_default(),
            e.before.clone(),
            e.after.clone(),
        ];
        csv.write_record(cells.iter().map(|c| neutralised(c).into_owned()))
            .map_err(failed)?;
    }
    finished(csv)
}

/// A cell that can't run as a formula: text starting with = + - @ (or a
/// tab or carriage return) gets a leading apostrophe.
fn neutralised(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

fn parse_query(params: &HashMap<String, String>) -> Result<AuditQuery, ApiError> {
    let mut query = AuditQuery::default();
    let date = |value: &str| Date::parse(value).map_err(|e| ApiError::bad_request(e.to_string()));
    for (key, value) in params {
        match key.as_str() {
            "search" => query.search = bounded("search", value, MAX_SEARCH)?.to_owned(),
            "action" if !value.is_empty() => {
                query.action = Some(AuditAction::from_code(value).ok_or_else(|| {
                    ApiError::bad_request(format!("'{value}' is not an audit action."))
                })?);
            }
            "from" if !value.is_empty() => query.from = Some(date(value)?),
            "to" if !value.is_empty() => query.to = Some(date(value)?),
            "action" | "from" | "to" => {}
            other => {
                return Err(ApiError::bad_request(format!(
                    "'{other}' is not an audit log filter."
                )))
            }
        }
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first page of an export of `entries`.
    fn csv_text(entries: &[AuditEntry]) -> String {
        String::from_utf8(csv_page(entries, true).unwrap()).unwrap()
    }

    #[test]
    fn cells_neither_run_formulas_nor_break_rows_or_columns() {
        let entry = |target: &str| AuditEntry {
            id: 1,
            at: 1_795_720_990,
            actor: "admin".into(),
            action: AuditAction::NumberAssigned,
            target: target.into(),
            user_name: None,
            number: Some("+14255550100".into()),
            before: String::new(),
            after: "=HYPERLINK(\"x\")".into(),
        };
        let cases = [
            ("Adele Vance", "\"Adele Vance\""),
            ("Redmond; WA", "\"Redmond; WA\""),
            ("two\nlines", "\"two\nlines\""),
            ("-2", "\"'-2\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\ttab", "\"'\ttab\""),
        ];
        for (target, cell) in cases {
            let text = csv_text(&[entry(target)]);
            let row = text.split("\r\n").nth(1).unwrap_or_default();
            let expected = format!(
                "\"2026-11-26 19:23:10 UTC\",\"admin\",\"Number assigned\",{cell},\"\",\"'+14255550100\",\"\",\"'=HYPERLINK(\"\"x\"\")\""
            );
            assert_eq!(row, expected, "{target:?}");
        }
    }

    #[test]
    fn the_header_names_every_column() {
        let text = csv_text(&[]);
        assert_eq!(
            text,
            "\"Time (UTC)\",\"Actor\",\"Action\",\"Target\",\"User\",\"Number\",\"Before\",\"After\"\r\n"
        );
    }
}
