//! My profile: what the signed-in person sees about themselves, read-only.
//! No server function lets a person change their own Work Phone.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::Role;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Profile {
    pub display_name: String,
    pub username: String,
    pub role: Role,
    /// The number an admin assigned, in international form.
    pub work_phone: Option<String>,
    /// Where emergency services are sent, as "Description, street, city".
    pub emergency_location: Option<String>,
    /// Whether the account matches a voice user at all.
    pub is_voice_user: bool,
}

/// The caller's own account and, for a voice user, their Work Phone.
#[server(prefix = "/api", endpoint = "auth/my-profile", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn my_profile() -> Result<Profile, ApiError> {
    ssr::my_profile().await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::signed_in;
    use crate::store;

    pub async fn my_profile() -> Result<Profile, ApiError> {
        let (state, caller) = signed_in().await?;
        let mut conn = state.pool.acquire().await?;
        let user = store::users::by_username(&mut conn, &caller.account.username).await?;
        Ok(Profile {
            display_name: user.as_ref().map_or_else(
                || caller.account.display_name.clone(),
                |u| u.display_name.clone(),
            ),
            username: caller.account.username.clone(),
            role: caller.account.role,
            work_phone: user
                .as_ref()
                .and_then(|u| u.assigned_number.as_ref())
                .map(|n| n.number.international.clone()),
            emergency_location: user
                .as_ref()
                .and_then(|u| u.emergency_location.as_ref())
                .map(|l| format!("{}, {}, {}", l.description, l.street, l.city)),
            is_voice_user: user.is_some(),
        })
    }
}
