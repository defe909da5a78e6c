//! GET /api/phone-numbers/export.csv: every number of the grid's view (its
//! search, filters and order; every page), one line each.
//!
//! The import's columns come first, filled from the holder (Username and
//! Emergency location empty for a number nobody holds), then the grid's
//! own. So the file re-imports as it is (every Action empty: nothing
//! changes), and an admin who keeps the assigned lines and types an action
//! on some of them has an import file without moving a column.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::response::Response;

use super::access::{caller_from, permit, required};
use super::csv_stream::{export, failed, finished, page_writer, Chunk, EXPORT_PAGE};
use super::ApiError;
use crate::domain::{Date, NumberCursor, NumberQuery, Permission, TelephoneNumber};
use crate::state::AppState;
use crate::store;
use crate::store::holders::Holder;

/// After the import's columns: the grid's columns, in its order.
pub const INFORMATIONAL: [&str; 6] = [
    "Country or region",
    "City",
    "Type",
    "Source",
    "State",
    "Assigned to",
];

pub async fn export_csv(
    State(state): State<AppState>,
    parts: Parts,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = checked(&state, &parts, &params).await;
    // One day for every page: a number's state doesn't change part way.
    let today = state.clock.today();
    let filename = format!("phone-numbers-{today}.csv");
    export(&filename, query, move |query, after| {
        let (state, today) = (state.clone(), today.clone());
        async move {
            let first = after.is_none();
            let query = NumberQuery {
                after: after.or(query.after),
                ..query
            };
            page(&state, &query, &today, first).await
        }
    })
    .await
}

/// The grid's query the caller may export: 401, 403 (role, Voice gate),
/// 400 for parameters the page's address never has.
async fn checked(
    state: &AppState,
    parts: &Parts,
    params: &HashMap<String, String>,
) -> Result<NumberQuery, ApiError> {
    let caller = required(caller_from(state, parts).await?)?;
    permit(&caller, Permission::ViewVoice)?;
    let query = NumberQuery {
        limit: EXPORT_PAGE,
        ..crate::links::checked_number_query(params)?
    };
    crate::domain::check_length("search", &query.search, crate::domain::MAX_SEARCH)?;
    Ok(query)
}

/// One page of numbers after `query.after`, as CSV. The numbers and their
/// holders are read in one transaction, so they agree.
async fn page(
    state: &AppState,
    query: &NumberQuery,
    today: &Date,
    first: bool,
) -> Result<Chunk<NumberCursor>, ApiError> {
    let (page, holders) = {
        let mut tx = state.pool.begin().await?;
        let (page, _, _) = store::number_grid::page(&mut tx, query, today).await?;
        let held: Vec<_> = page
            .rows
            .iter()
            .filter_map(|n| n.holder.as_ref().map(|h| h.user_id))
            .collect();
        let holders = store::holders::of(&mut tx, &held).await?;
        tx.commit().await?;
        (page, holders)
    };
    let mut csv = page_writer(first, &INFORMATIONAL)?;
    for number in &page.rows {
        let holder = number.holder.as_ref().and_then(|h| holders.get(&h.user_id));
        write_number(&mut csv, number, holder, today).map_err(failed)?;
    }
    Ok((finished(csv)?, page.next))
}

fn write_number(
    csv: &mut csv::Writer<Vec<u8>>,
    number: &TelephoneNumber,
    holder: Option<&Holder>,
    today: &Date,
) -> csv::Result<()> {
    crate::import::write_row(
        csv,
        holder.map_or("", |h| h.username.as_str()),
        Some(&number.number.international),
        holder.map(|h| h.location.as_str()),
        &[
            number.number.country.name(),
            &number.city,
            number.kind.label(),
            number.source.label(),
            &number.state(today).label(),
            number
                .holder
                .as_ref()
                .map_or("", |h| h.display_name.as_str()),
        ],
    )
}
