//! Voice > Phone numbers > Add > New user numbers: numbers from the provider.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Country, TelephoneNumber};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NewNumbersRequest {
    pub country: Country,
    /// A city of [`crate::domain::NUMBER_AREAS`] in that country.
    pub city: String,
    pub quantity: u32,
}

pub const MAX_NEW_NUMBERS: u32 = 100;

/// Adds `quantity` free user numbers of the city to the inventory, each valid
/// in the country's numbering plan and none already there. All or none.
#[server(prefix = "/api", endpoint = "phone-numbers/add-new", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn add_new_user_numbers(
    request: NewNumbersRequest,
) -> Result<Vec<TelephoneNumber>, ApiError> {
    ssr::add(request).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::bounded;
    use crate::api::write::write;
    use crate::domain::{AuditAction, AuditRecord, NumberArea, NumberSource, Permission};
    use crate::{phone_format, store};

    #[tracing::instrument(skip_all, fields(city = %request.city, quantity = request.quantity))]
    pub async fn add(request: NewNumbersRequest) -> Result<Vec<TelephoneNumber>, ApiError> {
        write(Permission::ManageVoice, async |w| {
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
            let taken = store::numbers::with_prefix(&mut w.tx, area.prefix).await?;
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
                        let activation = w.new_number_activation();
                        store::numbers::add(
                            &mut w.tx,
                            &number,
                            area.city,
                            NumberSource::CallingPlan,
                            activation,
                        )
                        .await?;
                        added.push(number.e164);
                    }
                    _ => continue,
                }
            }
            w.activate(&added).await?;
            let mut numbers = Vec::with_capacity(added.len());
            for e164 in &added {
                let Some((_, n)) = store::numbers::find(&mut w.tx, e164).await? else {
                    return Err(ApiError::internal(format!("{e164} vanished after it was added")));
                };
                let record = AuditRecord {
                    target: n.number.international.clone(),
                    number: Some(e164.to_string()),
                    after: format!("{}, {}", n.city, n.source.label()),
                    ..AuditRecord::default()
                };
                w.audit(AuditAction::NumbersAdded, record).await?;
                numbers.push(n);
            }
            tracing::info!(count = numbers.len(), "new user numbers added");
            Ok(numbers)
        })
        .await
    }
}
