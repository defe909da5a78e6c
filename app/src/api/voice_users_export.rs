//! GET /api/voice-users/export.csv: every voice user of the grid's view
//! (its search, location and order; every page), one line each, in the
//! import's columns first so that export, edit, import round-trips.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::response::Response;

use super::access::{caller_from, permit, required};
use super::csv_stream::{export, failed, finished, page_writer, Chunk, EXPORT_PAGE};
use super::ApiError;
use crate::domain::{Licence, Permission, UserCursor, UserQuery, VoiceUser};
use crate::state::AppState;
use crate::store;

/// After the import's columns: what the grid shows, and what the admin
/// checks before changing a line.
pub const INFORMATIONAL: [&str; 7] = [
    "Display name",
    "Usage location",
    "Licenses",
    "Number type",
    "Number source",
    "City",
    "Status",
];

pub async fn export_csv(
    State(state): State<AppState>,
    parts: Parts,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = checked(&state, &parts, &params).await;
    let filename = format!("voice-users-{}.csv", state.clock.today());
    export(&filename, query, move |query, after| {
        let state = state.clone();
        async move {
            let first = after.is_none();
            let query = UserQuery {
                after: after.or(query.after),
                ..query
            };
            page(&state, &query, first).await
        }
    })
    .await
}

/// The grid's query the caller may export: 401, 403 (role, Voice gate),
/// 400 for parameters the page's address never has, 404 for no location.
async fn checked(
    state: &AppState,
    parts: &Parts,
    params: &HashMap<String, String>,
) -> Result<UserQuery, ApiError> {
    let caller = required(caller_from(state, parts).await?)?;
    permit(&caller, Permission::ViewVoice)?;
    let query = UserQuery {
        limit: EXPORT_PAGE,
        ..crate::links::checked_user_query(params)?
    };
    crate::domain::check_length("search", &query.search, crate::domain::MAX_SEARCH)?;
    if let Some(id) = query.location {
        let mut conn = state.pool.acquire().await?;
        if store::locations::find(&mut conn, id).await?.is_none() {
            return Err(ApiError::not_found(format!(
                "There is no emergency location with id {id}."
            )));
        }
    }
    Ok(query)
}

/// One page of users after `query.after`, as CSV.
async fn page(
    state: &AppState,
    query: &UserQuery,
    first: bool,
) -> Result<Chunk<UserCursor>, ApiError> {
    let (page, _, _) = {
        let mut conn = state.pool.acquire().await?;
        store::user_grid::page(&mut conn, query).await?
    };
    let mut csv = page_writer(first, &INFORMATIONAL)?;
    for user in &page.rows {
        write_user(&mut csv, user).map_err(failed)?;
    }
    Ok((finished(csv)?, page.next))
}

/// The number in international form, as the grid shows it: import parses
/// it, and its spaces keep spreadsheets from reading it as a number.
fn write_user(csv: &mut csv::Writer<Vec<u8>>, user: &VoiceUser) -> csv::Result<()> {
    let number = user.assigned_number.as_ref();
    let location = user.emergency_location.as_ref();
    let licences = Licence::summary(&user.licences);
    let country = &user.usage_location;
    let usage_location = Some(country.name()).filter(|n| !n.is_empty());
    crate::import::write_row(
        csv,
        &user.username,
        number.map(|n| n.number.international.as_str()),
        location.map(|l| l.description.as_str()),
        &[
            &user.display_name,
            usage_location.unwrap_or(country.as_str()),
            &licences,
            number.map_or("", |n| n.kind.label()),
            number.map_or("", |n| n.source.label()),
            number.map_or("", |n| n.city.as_str()),
            user.status(),
        ],
    )
}
