//! Voice > Phone numbers: the organisation's number inventory.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Country, Date, NumberKind, NumberSource, TelephoneNumber, E164};

/// The grid's State filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberState {
    /// Free to assign today.
    Unassigned,
    Assigned,
    /// Still being activated (a pending order), or failed activation.
    Pending,
    /// In its re-use block after a removal.
    Blocked,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberSort {
    #[default]
    Number,
    City,
    AssignedTo,
}

/// Where the next page starts: the sort value and id of the last row shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NumberCursor {
    pub key: String,
    pub id: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NumberQuery {
    /// Digits of the number, part of its city, or of its holder's name.
    pub search: String,
    pub state: Option<NumberState>,
    pub kind: Option<NumberKind>,
    pub source: Option<NumberSource>,
    pub country: Option<Country>,
    pub sort: NumberSort,
    pub descending: bool,
    pub after: Option<NumberCursor>,
    pub limit: u32,
}

pub const PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 200;
/// The most numbers one Release may take.
pub const MAX_RELEASE: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberPage {
    pub numbers: Vec<TelephoneNumber>,
    pub next: Option<NumberCursor>,
    pub total: i64,
    /// The server's date, to tell blocked numbers from free ones.
    pub today: Date,
}

/// One page of the organisation's numbers matching the filters.
#[server(prefix = "/api", endpoint = "phone-numbers/list", input = Json)]
pub async fn list_phone_numbers(query: NumberQuery) -> Result<NumberPage, ApiError> {
    use super::server::{authorize, bounded, respond};
    respond(
        async {
            bounded("search", &query.search, 100)?;
            if let Some(after) = &query.after {
                bounded("after.key", &after.key, 300)?;
            }
            if query.limit == 0 || query.limit > MAX_PAGE_SIZE {
                return Err(ApiError::bad_request(format!(
                    "'limit' must be between 1 and {MAX_PAGE_SIZE}."
                )));
            }
            let (state, _) = authorize(crate::domain::Permission::ViewVoice).await?;
            let today = state.clock.today();
            let mut conn = state.pool.acquire().await?;
            let (numbers, next, total) =
                crate::store::inventory::page(&mut conn, &query, &today).await?;
            Ok(NumberPage {
                numbers,
                next,
                total,
                today,
            })
        }
        .await,
    )
}

/// Releases unassigned numbers from the inventory, all or none. A number
/// someone holds is refused, naming the holder.
#[server(prefix = "/api", endpoint = "phone-numbers/release", input = Json)]
pub async fn release_numbers(numbers: Vec<E164>) -> Result<usize, ApiError> {
    use super::server::{authorize, respond};
    respond(
        async {
            let mut numbers = numbers;
            numbers.sort();
            numbers.dedup();
            if numbers.is_empty() || numbers.len() > MAX_RELEASE {
                return Err(ApiError::bad_request(format!(
                    "Select between 1 and {MAX_RELEASE} numbers to release."
                )));
            }
            let (state, caller) = authorize(crate::domain::Permission::ManageVoice).await?;
            let mut tx = crate::store::begin_write(&state.pool).await?;
            for e164 in &numbers {
                let Some((id, number)) = crate::store::numbers::find(&mut tx, e164).await? else {
                    return Err(ApiError::not_found(format!(
                        "Telephone Number '{e164}' is not found in your organization's phone numbers."
                    )));
                };
                if let Some(holder) = number.holder {
                    return Err(ApiError::Conflict {
                        message: format!(
                            "Telephone Number '{e164}' is assigned to {}: remove it from {} before releasing it. Nothing was released.",
                            holder.display_name, holder.display_name
                        ),
                    });
                }
                crate::store::inventory::release(&mut tx, id).await?;
                super::audit::ssr::record(
                    &mut tx,
                    &state,
                    &caller,
                    crate::domain::AuditAction::NumbersReleased,
                    crate::store::audit::Record {
                        target: number.number.international.clone(),
                        number: Some(e164.to_string()),
                        before: format!("{}, {}", number.city, number.source.label()),
                        ..Default::default()
                    },
                )
                .await?;
            }
            tx.commit().await?;
            tracing::info!(count = numbers.len(), "numbers released");
            Ok(numbers.len())
        }
        .await,
    )
}
