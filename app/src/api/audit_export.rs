//! GET /api/audit/export.csv: the audit log as the page's filters show it,
//! for spreadsheets. Reads only, so GET; the session cookie decides who may.
//! Every cell is quoted, and a cell a spreadsheet would run as a formula is
//! neutralised first.

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::access::{bounded, caller_from, permit, required};
use super::ApiError;
use crate::domain::{
    format_utc, AuditAction, AuditEntry, AuditQuery, Date, Permission, MAX_SEARCH,
};
use crate::state::AppState;

/// The most rows one export holds.
pub const MAX_EXPORT: u32 = 100_000;

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
    match entries(&state, &parts, &params)
        .await
        .and_then(|e| csv_text(&e))
    {
        Ok(csv) => {
            let filename = format!("switchboard-audit-{}.csv", state.clock.today());
            let headers = [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ];
            (headers, csv).into_response()
        }
        Err(err) => {
            let status =
                StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, axum::Json(err)).into_response()
        }
    }
}

async fn entries(
    state: &AppState,
    parts: &Parts,
    params: &HashMap<String, String>,
) -> Result<Vec<AuditEntry>, ApiError> {
    let query = parse_query(params)?;
    let caller = required(caller_from(state, parts).await?)?;
    permit(&caller, Permission::ViewAudit)?;
    let mut conn = state.pool.acquire().await?;
    Ok(crate::store::audit::page(&mut conn, &query, MAX_EXPORT)
        .await?
        .rows)
}

fn csv_text(entries: &[AuditEntry]) -> Result<String, ApiError> {
    let mut csv = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed = |e: csv::Error| ApiError::internal(format!("writing the audit CSV: {e}"));
    csv.write_record(HEADER).map_err(failed)?;
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
    let bytes = csv
        .into_inner()
        .map_err(|e| ApiError::internal(format!("finishing the audit CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ApiError::internal(format!("the audit CSV: {e}")))
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
            let text = csv_text(&[entry(target)]).unwrap();
            let row = text.split("\r\n").nth(1).unwrap_or_default();
            let expected = format!(
                "\"2026-11-26 19:23:10 UTC\",\"admin\",\"Number assigned\",{cell},\"\",\"'+14255550100\",\"\",\"'=HYPERLINK(\"\"x\"\")\""
            );
            assert_eq!(row, expected, "{target:?}");
        }
    }

    #[test]
    fn the_header_names_every_column() {
        let text = csv_text(&[]).unwrap();
        assert_eq!(
            text,
            "\"Time (UTC)\",\"Actor\",\"Action\",\"Target\",\"User\",\"Number\",\"Before\",\"After\"\r\n"
        );
    }
}
