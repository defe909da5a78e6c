//! The voice users grid and the action pane.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{LocationId, UserId, VoiceUser};

/// The grid's sortable columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserSort {
    #[default]
    DisplayName,
    Username,
    AssignedNumber,
    EmergencyLocation,
}

/// Where the next page starts: the sort value and id of the last row shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserCursor {
    pub key: String,
    pub id: UserId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserQuery {
    /// Part of a name, a username, or digits of a number.
    pub search: String,
    /// Only the users whose emergency location this is.
    #[serde(default)]
    pub location: Option<LocationId>,
    pub sort: UserSort,
    pub descending: bool,
    pub after: Option<UserCursor>,
    pub limit: u32,
}

impl Default for UserQuery {
    fn default() -> Self {
        Self {
            search: String::new(),
            location: None,
            sort: UserSort::DisplayName,
            descending: false,
            after: None,
            limit: PAGE_SIZE,
        }
    }
}

pub const PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 200;
pub const MAX_SEARCH: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPage {
    pub users: Vec<VoiceUser>,
    /// Present when more rows follow.
    pub next: Option<UserCursor>,
    /// How many users match the search in all.
    pub total: i64,
}

/// One page of voice users matching the search, in the chosen order.
#[server(prefix = "/api", endpoint = "voice-users/list", input = Json)]
pub async fn list_voice_users(query: UserQuery) -> Result<UserPage, ApiError> {
    use super::server::{authorize, bounded, respond};
    respond(
        async {
            bounded("search", &query.search, MAX_SEARCH)?;
            if query.limit == 0 || query.limit > MAX_PAGE_SIZE {
                return Err(ApiError::bad_request(format!(
                    "'limit' must be between 1 and {MAX_PAGE_SIZE}."
                )));
            }
            if let Some(after) = &query.after {
                bounded("after.key", &after.key, 300)?;
            }
            let (state, _) = authorize(crate::domain::Permission::ViewVoice).await?;
            let mut conn = state.pool.acquire().await?;
            if let Some(id) = query.location {
                if crate::store::locations::find(&mut conn, id)
                    .await?
                    .is_none()
                {
                    return Err(ApiError::not_found(format!(
                        "There is no emergency location with id {id}."
                    )));
                }
            }
            let (users, next, total) = crate::store::users::page(&mut conn, &query).await?;
            Ok(UserPage { users, next, total })
        }
        .await,
    )
}

/// The current state of one voice user, for the action pane.
#[server(prefix = "/api", endpoint = "voice-users/get", input = Json)]
pub async fn get_voice_user(id: UserId) -> Result<VoiceUser, ApiError> {
    use super::server::{authorize, respond};
    respond(
        async {
            let (state, _) = authorize(crate::domain::Permission::ViewVoice).await?;
            let mut conn = state.pool.acquire().await?;
            crate::store::users::get(&mut conn, id)
                .await?
                .ok_or_else(|| ApiError::not_found(format!("There is no voice user with id {id}.")))
        }
        .await,
    )
}
