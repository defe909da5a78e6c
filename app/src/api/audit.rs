//! Voice > Audit log: every change, who made it and when. Read-only: no
//! server function edits or deletes an entry.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{civil_from_days, AuditAction, Date};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// Seconds since the epoch, UTC.
    pub at: i64,
    pub actor: String,
    pub action: AuditAction,
    pub target: String,
    pub user_name: Option<String>,
    pub number: Option<String>,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AuditQuery {
    /// Part of an actor, target or user name, or digits of a number.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub action: Option<AuditAction>,
    /// First day included (UTC).
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day included (UTC).
    #[serde(default)]
    pub to: Option<Date>,
    /// Entries older than this id: the next page.
    #[serde(default)]
    pub before_id: Option<i64>,
}

pub const AUDIT_PAGE: u32 = 50;
/// The most rows one CSV export holds.
pub const MAX_EXPORT: u32 = 100_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Present when older entries follow.
    pub next: Option<i64>,
}

/// One page of the audit log, newest first.
#[server(prefix = "/api", endpoint = "audit/list", input = Json)]
pub async fn list_audit(query: AuditQuery) -> Result<AuditPage, ApiError> {
    use super::server::{authorize, bounded, respond};
    use crate::domain::Permission;
    respond(
        async {
            bounded("search", &query.search, 100)?;
            let (state, _) = authorize(Permission::ViewAudit).await?;
            let mut conn = state.pool.acquire().await?;
            let mut entries = crate::store::audit::page(&mut conn, &query, AUDIT_PAGE + 1).await?;
            let next = if entries.len() > AUDIT_PAGE as usize {
                entries.truncate(AUDIT_PAGE as usize);
                entries.last().map(|e| e.id)
            } else {
                None
            };
            Ok(AuditPage { entries, next })
        }
        .await,
    )
}

/// "2026-11-26 19:23:10 UTC".
pub fn format_time(at: i64) -> String {
    let days = at.div_euclid(86_400);
    let secs = at.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The CSV export's query string: the page's filters, as the link sends them.
pub fn export_href(query: &AuditQuery) -> String {
    let mut parts = vec![];
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    if !query.search.trim().is_empty() {
        parts.push(format!("search={}", enc(query.search.trim())));
    }
    if let Some(a) = query.action {
        parts.push(format!("action={}", a.code()));
    }
    if let Some(d) = &query.from {
        parts.push(format!("from={d}"));
    }
    if let Some(d) = &query.to {
        parts.push(format!("to={d}"));
    }
    if parts.is_empty() {
        EXPORT_PATH.to_owned()
    } else {
        format!("{EXPORT_PATH}?{}", parts.join("&"))
    }
}

pub const EXPORT_PATH: &str = "/api/audit/export.csv";

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::collections::HashMap;

    use axum::extract::{Query, State};
    use axum::http::{header, HeaderMap, StatusCode};
    use axum::response::{IntoResponse, Response};
    use sqlx::SqliteConnection;

    use super::*;
    use crate::api::server::{caller_from, permit, required};
    use crate::auth::session::Caller;
    use crate::domain::{csv_cell, Permission, VoiceUser};
    use crate::state::AppState;
    use crate::store::audit::Record;

    /// Appends an entry for a change `caller` makes, in the caller's transaction.
    pub async fn record(
        conn: &mut SqliteConnection,
        state: &AppState,
        caller: &Caller,
        action: AuditAction,
        record: Record<'_>,
    ) -> Result<(), ApiError> {
        let record = Record {
            actor: &caller.account.username,
            ..record
        };
        crate::store::audit::append(conn, state.clock.now(), action, record).await?;
        Ok(())
    }

    /// "+1 425-555-0100 at Redmond HQ", or "" with no number.
    pub fn describe_voice(user: &VoiceUser) -> String {
        match (&user.assigned_number, &user.emergency_location) {
            (Some(n), Some(l)) => format!("{} at {}", n.number.international, l.description),
            (Some(n), None) => n.number.international.clone(),
            (None, _) => String::new(),
        }
    }

    /// The entry for taking `user`'s number back; `after` says why, if not asked.
    pub fn number_removed(user: &VoiceUser, after: String) -> Record<'static> {
        Record {
            target: user.display_name.clone(),
            user_name: Some(user.display_name.clone()),
            number: user
                .assigned_number
                .as_ref()
                .map(|n| n.number.e164.to_string()),
            before: describe_voice(user),
            after,
            ..Record::default()
        }
    }

    /// "Redmond HQ: 1 Microsoft Way, Redmond WA 98052, US".
    pub fn describe_location(l: &crate::domain::EmergencyLocation) -> String {
        let state = l
            .state
            .as_ref()
            .map(|s| format!(" {s}"))
            .unwrap_or_default();
        format!(
            "{}: {}, {}{state} {}, {}",
            l.description,
            l.street,
            l.city,
            l.postal_code,
            l.country.as_str()
        )
    }

    fn refuse(err: ApiError) -> Response {
        (
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            axum::Json(err),
        )
            .into_response()
    }

    /// GET /api/audit/export.csv?search=&action=&from=&to=: the filtered log
    /// as CSV, newest first. Reads only, so GET; the session cookie decides.
    pub async fn export_csv(
        State(state): State<AppState>,
        headers: HeaderMap,
        Query(params): Query<HashMap<String, String>>,
    ) -> Response {
        let entries = async {
            let query = parse_query(&params)?;
            let caller = required(caller_from(&state, &headers).await?)?;
            permit(&state, &caller, Permission::ViewAudit).await?;
            let mut conn = state.pool.acquire().await?;
            Ok::<_, ApiError>(crate::store::audit::page(&mut conn, &query, MAX_EXPORT).await?)
        }
        .await;
        let entries = match entries {
            Ok(e) => e,
            Err(e) => return refuse(e),
        };
        let mut csv = String::from("Time (UTC),Actor,Action,Target,User,Number,Before,After\r\n");
        for e in &entries {
            let cells = [
                format_time(e.at),
                e.actor.clone(),
                e.action.name().to_owned(),
                e.target.clone(),
                e.user_name.clone().unwrap_or_default(),
                e.number.clone().unwrap_or_default(),
                e.before.clone(),
                e.after.clone(),
            ];
            let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            csv.push_str(&row.join(","));
            csv.push_str("\r\n");
        }
        let filename = format!("switchboard-audit-{}.csv", state.clock.today());
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            csv,
        )
            .into_response()
    }

    fn parse_query(params: &HashMap<String, String>) -> Result<AuditQuery, ApiError> {
        let mut query = AuditQuery::default();
        for (key, value) in params {
            match key.as_str() {
                "search" => {
                    crate::api::server::bounded("search", value, 100)?;
                    query.search = value.clone();
                }
                "action" if !value.is_empty() => {
                    query.action = Some(AuditAction::from_code(value).ok_or_else(|| {
                        ApiError::bad_request(format!("'{value}' is not an audit action."))
                    })?);
                }
                "from" if !value.is_empty() => {
                    query.from =
                        Some(Date::parse(value).map_err(|e| ApiError::bad_request(e.to_string()))?);
                }
                "to" if !value.is_empty() => {
                    query.to =
                        Some(Date::parse(value).map_err(|e| ApiError::bad_request(e.to_string()))?);
                }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_utc() {
        assert_eq!(format_time(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(format_time(1_795_720_990), "2026-11-26 19:23:10 UTC");
    }

    #[test]
    fn the_export_link_carries_the_filters() {
        assert_eq!(export_href(&AuditQuery::default()), "/api/audit/export.csv");
        let q = AuditQuery {
            search: " Adele V ".into(),
            action: Some(AuditAction::NumberRemoved),
            from: Some(Date::parse("2026-11-01").unwrap()),
            to: None,
            before_id: Some(9),
        };
        assert_eq!(
            export_href(&q),
            "/api/audit/export.csv?search=Adele%20V&action=NUMBER_REMOVED&from=2026-11-01"
        );
    }
}
