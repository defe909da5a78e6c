//! What the Assign number dialog offers: numbers and emergency locations.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Country, Date, EmergencyLocation, TelephoneNumber};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NumberFilter {
    /// Digits of the number or part of its city; empty for all.
    pub text: String,
    /// Numbers of this country come first (the user's usage location).
    pub country: Option<Country>,
    pub limit: u32,
}

pub const MAX_NUMBERS: u32 = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignableNumbers {
    pub numbers: Vec<TelephoneNumber>,
    /// Assignable numbers in the whole inventory, whatever the filter: zero
    /// means the organisation must get numbers first.
    pub available: i64,
    /// The server's date, which the browser's rule check uses for re-use blocks.
    pub today: Date,
}

/// Unassigned user numbers that match the filter.
#[server(prefix = "/api", endpoint = "numbers/assignable", input = Json)]
pub async fn list_assignable_numbers(filter: NumberFilter) -> Result<AssignableNumbers, ApiError> {
    use super::server::{authorize, bounded, respond};
    respond(
        async {
            bounded("text", &filter.text, 100)?;
            if filter.limit == 0 || filter.limit > MAX_NUMBERS {
                return Err(ApiError::bad_request(format!(
                    "'limit' must be between 1 and {MAX_NUMBERS}."
                )));
            }
            let (state, _) = authorize(crate::domain::Permission::ViewVoice).await?;
            let today = state.clock.today();
            let mut conn = state.pool.acquire().await?;
            let country = filter.country.map(|c| c.to_string()).unwrap_or_default();
            let numbers = crate::store::numbers::assignable(
                &mut conn,
                &today,
                &filter.text,
                &country,
                filter.limit,
            )
            .await?;
            let available = crate::store::numbers::count_assignable(&mut conn, &today).await?;
            Ok(AssignableNumbers {
                numbers,
                available,
                today,
            })
        }
        .await,
    )
}

/// Validated emergency locations whose city contains `city`, those in
/// `country` (the user's usage location) first.
#[server(prefix = "/api", endpoint = "emergency-locations/validated", input = Json)]
pub async fn list_emergency_locations(
    city: String,
    country: Option<Country>,
) -> Result<Vec<EmergencyLocation>, ApiError> {
    use super::server::{authorize, bounded, respond};
    respond(
        async {
            bounded("city", &city, 100)?;
            let (state, _) = authorize(crate::domain::Permission::ViewVoice).await?;
            let mut conn = state.pool.acquire().await?;
            let country = country.map(|c| c.to_string()).unwrap_or_default();
            Ok(crate::store::locations::validated(&mut conn, &city, &country, 200).await?)
        }
        .await,
    )
}
