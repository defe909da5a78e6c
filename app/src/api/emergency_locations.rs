//! Voice > Emergency locations: the civic addresses sent to emergency services.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{CivicAddress, EmergencyLocation, LocationId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationInUse {
    pub location: EmergencyLocation,
    /// Users whose number has this location.
    pub users: i64,
}

/// Every location whose city contains `city`, validated or not, with its use.
#[server(prefix = "/api", endpoint = "emergency-locations/list", input = Json)]
pub async fn list_locations(city: String) -> Result<Vec<LocationInUse>, ApiError> {
    use super::server::{authorize, bounded, respond};
    respond(
        async {
            bounded("city", &city, 100)?;
            let (state, _) = authorize(crate::domain::Permission::ViewVoice).await?;
            let mut conn = state.pool.acquire().await?;
            let found = crate::store::locations::all_with_use(&mut conn, &city, 500).await?;
            Ok(found
                .into_iter()
                .map(|(location, users)| LocationInUse { location, users })
                .collect())
        }
        .await,
    )
}

/// Validates the address against its country's rules and, if it passes,
/// stores it as a validated location. Otherwise says which fields fail.
#[server(prefix = "/api", endpoint = "emergency-locations/add", input = Json)]
pub async fn add_location(address: CivicAddress) -> Result<EmergencyLocation, ApiError> {
    use super::audit::ssr::{describe_location, record};
    use super::server::{authorize, respond};
    use crate::domain::{AuditAction, Permission};
    respond(
        async {
            let (state, caller) = authorize(Permission::ManageVoice).await?;
            let problems = crate::domain::check_address(&address);
            if !problems.is_empty() {
                return Err(ApiError::InvalidAddress { problems });
            }
            let country = address.country.trim().to_ascii_uppercase();
            let mut tx = crate::store::begin_write(&state.pool).await?;
            let id = crate::store::locations::add_validated(&mut tx, &address, &country).await?;
            let saved = crate::store::locations::find(&mut tx, id)
                .await?
                .ok_or(ApiError::Internal)?;
            record(
                &mut tx,
                &state,
                &caller,
                AuditAction::LocationAdded,
                crate::store::audit::Record {
                    target: saved.description.clone(),
                    after: describe_location(&saved),
                    ..Default::default()
                },
            )
            .await?;
            tx.commit().await?;
            tracing::info!(location = %id, "emergency location added");
            Ok(saved)
        }
        .await,
    )
}

/// Changes a location's description. Its address can't change once
/// validated ("Unable to update a validated Civic Address"): delete it and
/// add the new one instead.
#[server(prefix = "/api", endpoint = "emergency-locations/rename", input = Json)]
pub async fn rename_location(
    id: LocationId,
    description: String,
) -> Result<EmergencyLocation, ApiError> {
    use super::audit::ssr::record;
    use super::server::{authorize, bounded, respond};
    use crate::domain::{AuditAction, Permission};
    respond(
        async {
            let (state, caller) = authorize(Permission::ManageVoice).await?;
            let description = bounded("description", description.trim(), 256)?.to_owned();
            if description.is_empty() {
                return Err(ApiError::bad_request("Enter a description."));
            }
            let mut tx = crate::store::begin_write(&state.pool).await?;
            let before = crate::store::locations::find(&mut tx, id)
                .await?
                .ok_or_else(|| {
                    ApiError::not_found(format!("There is no emergency location with id {id}."))
                })?;
            if before.description == description {
                return Ok(before);
            }
            crate::store::locations::rename(&mut tx, id, &description).await?;
            let saved = crate::store::locations::find(&mut tx, id)
                .await?
                .ok_or(ApiError::Internal)?;
            record(
                &mut tx,
                &state,
                &caller,
                AuditAction::LocationRenamed,
                crate::store::audit::Record {
                    target: saved.description.clone(),
                    before: before.description,
                    after: saved.description.clone(),
                    ..Default::default()
                },
            )
            .await?;
            tx.commit().await?;
            Ok(saved)
        }
        .await,
    )
}

/// Deletes a location nobody uses; a location in use is refused with how
/// many users depend on it.
#[server(prefix = "/api", endpoint = "emergency-locations/delete", input = Json)]
pub async fn delete_location(id: LocationId) -> Result<(), ApiError> {
    use super::audit::ssr::{describe_location, record};
    use super::server::{authorize, respond};
    use crate::domain::{AuditAction, Permission};
    respond(
        async {
            let (state, caller) = authorize(Permission::ManageVoice).await?;
            let mut tx = crate::store::begin_write(&state.pool).await?;
            let location = crate::store::locations::find(&mut tx, id)
                .await?
                .ok_or_else(|| ApiError::not_found(format!("There is no emergency location with id {id}.")))?;
            let users = crate::store::locations::users_of(&mut tx, id).await?;
            if users > 0 {
                return Err(ApiError::Conflict {
                    message: format!(
                        "'{}' is the emergency location of {users} {}; give them another location before deleting it.",
                        location.description,
                        if users == 1 { "user" } else { "users" }
                    ),
                });
            }
            crate::store::locations::delete(&mut tx, id).await?;
            record(&mut tx, &state, &caller, AuditAction::LocationDeleted, crate::store::audit::Record {
                target: location.description.clone(),
                before: describe_location(&location),
                ..Default::default()
            })
            .await?;
            tx.commit().await?;
            tracing::info!(location = %id, "emergency location deleted");
            Ok(())
        }
        .await,
    )
}
