//! Voice > Phone numbers: the organisation's number inventory, and the
//! numbers the Assign number dialog offers.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{AssignableNumbers, NumberFilter, NumberPage, NumberQuery, E164};

/// The most numbers one Release may take.
pub const MAX_RELEASE: usize = 200;

/// One page of the organisation's numbers matching the filters.
#[server(prefix = "/api", endpoint = "phone-numbers/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_phone_numbers(query: NumberQuery) -> Result<NumberPage, ApiError> {
    ssr::list(query).await
}

/// Unassigned user numbers that match the filter, for **Select number to assign**.
#[server(prefix = "/api", endpoint = "numbers/assignable", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_assignable_numbers(filter: NumberFilter) -> Result<AssignableNumbers, ApiError> {
    ssr::assignable(filter).await
}

/// Releases unassigned numbers from the inventory, all or none. A number
/// someone holds is refused, naming the holder.
#[server(prefix = "/api", endpoint = "phone-numbers/release", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn release_numbers(numbers: Vec<E164>) -> Result<usize, ApiError> {
    ssr::release(numbers).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::api::write::write;
    use crate::domain::{AuditAction, AuditRecord, Permission};
    use crate::store;

    pub async fn list(query: NumberQuery) -> Result<NumberPage, ApiError> {
        query.check()?;
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let today = state.clock.today();
        let mut conn = state.pool.acquire().await?;
        let (page, total, total_capped) =
            store::number_grid::page(&mut conn, &query, &today).await?;
        Ok(NumberPage {
            numbers: page.rows,
            next: page.next,
            total,
            total_capped,
            today,
        })
    }

    pub async fn assignable(filter: NumberFilter) -> Result<AssignableNumbers, ApiError> {
        filter.check()?;
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let today = state.clock.today();
        let mut conn = state.pool.acquire().await?;
        let numbers = store::numbers::assignable(&mut conn, &today, &filter).await?;
        let (available, available_capped) =
            store::numbers::count_assignable(&mut conn, &today).await?;
        Ok(AssignableNumbers {
            numbers,
            available,
            available_capped,
            today,
        })
    }

    #[tracing::instrument(skip_all, fields(numbers = numbers.len()))]
    pub async fn release(mut numbers: Vec<E164>) -> Result<usize, ApiError> {
        numbers.sort();
        numbers.dedup();
        if numbers.is_empty() || numbers.len() > MAX_RELEASE {
            return Err(ApiError::bad_request(format!(
                "Select between 1 and {MAX_RELEASE} numbers to release."
            )));
        }
        write(Permission::ManageVoice, async |w| {
            for e164 in &numbers {
                let Some((id, number)) = store::numbers::find(&mut w.tx, e164).await? else {
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
                store::numbers::release(&mut w.tx, id).await?;
                let record = AuditRecord {
                    target: number.number.international.clone(),
                    number: Some(e164.to_string()),
                    before: format!("{}, {}", number.city, number.source.label()),
                    ..AuditRecord::default()
                };
                w.audit(AuditAction::NumbersReleased, record).await?;
            }
            tracing::info!(count = numbers.len(), "numbers released");
            Ok(numbers.len())
        })
        .await
    }
}
