//! Voice > Emergency locations: the civic addresses sent to emergency
//! services, and the validated ones the Assign number dialog offers.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{CivicAddress, Country, EmergencyLocation, LocationId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LocationInUse {
    pub location: EmergencyLocation,
    /// Users whose number has this location.
    pub users: i64,
}

/// Every location whose city contains `city`, validated or not, with its use.
#[server(prefix = "/api", endpoint = "emergency-locations/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_locations(city: String) -> Result<Vec<LocationInUse>, ApiError> {
    ssr::list(city).await
}

/// Validated emergency locations whose city contains `city`, those in
/// `country` (the user's usage location) first.
#[server(prefix = "/api", endpoint = "emergency-locations/validated", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_validated_locations(
    city: String,
    country: Option<Country>,
) -> Result<Vec<EmergencyLocation>, ApiError> {
    ssr::validated(city, country).await
}

/// Validates the address against its country's rules and, if it passes,
/// stores it as a validated location. Otherwise says which fields fail.
#[server(prefix = "/api", endpoint = "emergency-locations/add", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn add_location(address: CivicAddress) -> Result<EmergencyLocation, ApiError> {
    ssr::add(address).await
}

/// Changes a location's description. Its address can't change once
/// validated ("Unable to update a validated Civic Address"): delete it and
/// add the new one instead.
#[server(prefix = "/api", endpoint = "emergency-locations/rename", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn rename_location(
    id: LocationId,
    description: String,
) -> Result<EmergencyLocation, ApiError> {
    ssr::rename(id, description).await
}

/// Deletes a location nobody uses; a location in use is refused with how
/// many users depend on it.
#[server(prefix = "/api", endpoint = "emergency-locations/delete", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_location(id: LocationId) -> Result<(), ApiError> {
    ssr::delete(id).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sqlx::AnyConnection;

    use super::*;
    use crate::api::access::{authorize, bounded};
    use crate::api::write::write;
    use crate::domain::{
        check_address, describe_location, AuditAction, AuditRecord, Permission, MAX_SEARCH,
    };
    use crate::store;

    pub async fn list(city: String) -> Result<Vec<LocationInUse>, ApiError> {
        bounded("city", &city, MAX_SEARCH)?;
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let mut conn = state.pool.acquire().await?;
        let found = store::locations::all_with_use(&mut conn, &city, 500).await?;
        Ok(found
            .into_iter()
            .map(|(location, users)| LocationInUse { location, users })
            .collect())
    }

    pub async fn validated(
        city: String,
        country: Option<Country>,
    ) -> Result<Vec<EmergencyLocation>, ApiError> {
        bounded("city", &city, MAX_SEARCH)?;
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let mut conn = state.pool.acquire().await?;
        Ok(store::locations::validated(&mut conn, &city, country, 200).await?)
    }

    async fn existing(
        conn: &mut AnyConnection,
        id: LocationId,
    ) -> Result<EmergencyLocation, ApiError> {
        store::locations::find(conn, id).await?.ok_or_else(|| {
            ApiError::not_found(format!("There is no emergency location with id {id}."))
        })
    }

    pub async fn add(address: CivicAddress) -> Result<EmergencyLocation, ApiError> {
        write(Permission::ManageVoice, async |w| {
            let problems = check_address(&address);
            if !problems.is_empty() {
                return Err(ApiError::InvalidAddress { problems });
            }
            let country = Country::parse(&address.country).map_err(|e| {
                ApiError::internal(format!("check_address passed a bad country: {e}"))
            })?;
            let id = store::locations::add_validated(&mut w.tx, &address, country).await?;
            let saved = existing(&mut w.tx, id).await?;
            let record = AuditRecord {
                target: saved.description.clone(),
                after: describe_location(&saved),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::LocationAdded, record).await?;
            tracing::info!(location = %id, "emergency location added");
            Ok(saved)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(location = %id))]
    pub async fn rename(
        id: LocationId,
        description: String,
    ) -> Result<EmergencyLocation, ApiError> {
        write(Permission::ManageVoice, async |w| {
            let description = bounded("description", description.trim(), 256)?.to_owned();
            if description.is_empty() {
                return Err(ApiError::bad_request("Enter a description."));
            }
            let before = existing(&mut w.tx, id).await?;
            if before.description == description {
                return Ok(before);
            }
            store::locations::rename(&mut w.tx, id, &description).await?;
            let saved = existing(&mut w.tx, id).await?;
            let record = AuditRecord {
                target: saved.description.clone(),
                before: before.description,
                after: saved.description.clone(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::LocationRenamed, record).await?;
            Ok(saved)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(location = %id))]
    pub async fn delete(id: LocationId) -> Result<(), ApiError> {
        write(Permission::ManageVoice, async |w| {
            let location = existing(&mut w.tx, id).await?;
            let users = store::locations::users_of(&mut w.tx, id).await?;
            if users > 0 {
                return Err(ApiError::Conflict {
                    message: format!(
                        "'{}' is the emergency location of {users} {}; give them another location before deleting it.",
                        location.description,
                        if users == 1 { "user" } else { "users" }
                    ),
                });
            }
            store::locations::delete(&mut w.tx, id).await?;
            let record = AuditRecord {
                target: location.description.clone(),
                before: describe_location(&location),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::LocationDeleted, record).await?;
            tracing::info!(location = %id, "emergency location deleted");
            Ok(())
        })
        .await
    }
}
