//! The voice users grid and the action pane.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{UserId, UserPage, UserQuery, VoiceUser};

/// One page of voice users matching the search, in the chosen order.
#[server(prefix = "/api", endpoint = "voice-users/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_voice_users(query: UserQuery) -> Result<UserPage, ApiError> {
    ssr::list(query).await
}

/// The current state of one voice user, for the action pane.
#[server(prefix = "/api", endpoint = "voice-users/get", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_voice_user(id: UserId) -> Result<VoiceUser, ApiError> {
    ssr::get(id).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::domain::Permission;
    use crate::store;

    pub async fn list(query: UserQuery) -> Result<UserPage, ApiError> {
        query.check()?;
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let mut conn = state.pool.acquire().await?;
        if let Some(id) = query.location {
            if store::locations::find(&mut conn, id).await?.is_none() {
                return Err(ApiError::not_found(format!(
                    "There is no emergency location with id {id}."
                )));
            }
        }
        let (page, total, total_capped) = store::user_grid::page(&mut conn, &query).await?;
        Ok(UserPage {
            users: page.rows,
            next: page.next,
            total,
            total_capped,
            today: state.clock.today(),
        })
    }

    pub async fn get(id: UserId) -> Result<VoiceUser, ApiError> {
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let mut conn = state.pool.acquire().await?;
        store::users::get(&mut conn, id)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("There is no voice user with id {id}.")))
    }
}
