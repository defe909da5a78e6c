//! Voice > Phone numbers > Add > New user numbers: numbers from the provider.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Country, TelephoneNumber};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewNumbersRequest {
    pub country: Country,
    /// A city of [`crate::domain::NUMBER_AREAS`] in that country.
    pub city: String,
    pub quantity: u32,
}

pub const MAX_NEW_NUMBERS: u32 = 100;

/// Adds `quantity` free user numbers of the city to the inventory, each valid
/// in the country's numbering plan and none already there. All or none.
#[server(prefix = "/api", endpoint = "phone-numbers/add-new", input = Json)]
pub async fn add_new_user_numbers(
    request: NewNumbersRequest,
) -> Result<Vec<TelephoneNumber>, ApiError> {
    super::server::respond(ssr::add(request).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::audit::ssr::record;
    use crate::api::server::{authorize, bounded};
    use crate::domain::NumberArea;
    use crate::domain::{AuditAction, Permission};
    use crate::{phone_format, store};

    pub async fn add(request: NewNumbersRequest) -> Result<Vec<TelephoneNumber>, ApiError> {
        let (state, caller) = authorize(Permission::ManageVoice).await?;
        bounded("city", &request.city, 100)?;
        if !(1..=MAX_NEW_NUMBERS).contains(&request.quantity) {
            return Err(ApiError::bad_request(format!(
                "Choose a quantity between 1 and {MAX_NEW_NUMBERS}."
            )));
        }
        let area = NumberArea::find(request.country, &request.city).ok_or_else(|| {
            ApiError::not_found(format!(
                "There are no new user numbers for {} in {}.",
                request.city, request.country
            ))
        })?;

        let mut tx = store::begin_write(&state.pool).await?;
        let taken = store::inventory::with_prefix(&mut tx, area.prefix).await?;
        let wanted = request.quantity as usize;
        let mut added = Vec::with_capacity(wanted);
        let mut index = 0;
        while added.len() < wanted {
            let Some(candidate) = area.candidate(index) else {
                return Err(ApiError::Conflict {
                    message: format!(
                        "Only {} new user numbers are left in {}; ask for fewer or pick another city. Nothing was added.",
                        added.len(),
                        area.city
                    ),
                });
            };
            index += 1;
            if taken.contains(&candidate) {
                continue;
            }
            // The block is a plan of the provider's; libphonenumber has the last word.
            match phone_format::parse_input(&candidate) {
                Ok(number) if number.country == request.country => {
                    store::inventory::add_number(&mut tx, &number, area.city, "calling_plan")
                        .await?;
                    added.push(number.e164);
                }
                _ => continue,
            }
        }
        let mut numbers = Vec::with_capacity(added.len());
        for e164 in &added {
            if let Some((_, n)) = store::numbers::find(&mut tx, e164).await? {
                record(
                    &mut tx,
                    &state,
                    &caller,
                    AuditAction::NumbersAdded,
                    store::audit::Record {
                        target: n.number.international.clone(),
                        number: Some(e164.to_string()),
                        after: format!("{}, Calling Plan", n.city),
                        ..Default::default()
                    },
                )
                .await?;
                numbers.push(n);
            }
        }
        tx.commit().await?;
        tracing::info!(
            count = numbers.len(),
            city = area.city,
            "new user numbers added"
        );
        Ok(numbers)
    }
}
