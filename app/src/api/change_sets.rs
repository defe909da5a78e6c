//! Recent changes and Undo: every Save is a change set, and a set can be
//! undone as a whole while none of its users changed since.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{ChangeSetId, ChangeSetPage, Saved, VoiceUser};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UndoRequest {
    pub change_set: ChangeSetId,
}

/// The most recent change sets, newest first; `before` pages on.
#[server(prefix = "/api", endpoint = "change-sets/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn recent_changes(before: Option<ChangeSetId>) -> Result<ChangeSetPage, ApiError> {
    ssr::recent(before).await
}

/// Puts every user of a change set back as the set found them, in one
/// transaction, itself a change set; refused with every reason (a user
/// changed since, a number taken since, a rule) when that can't be done
/// exactly, and then nothing is written.
#[server(prefix = "/api", endpoint = "change-sets/undo", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn undo_change_set(request: UndoRequest) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
    ssr::undo(request.change_set).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::domain::{Permission, CHANGE_SET_PAGE};
    use crate::store;

    pub async fn recent(before: Option<ChangeSetId>) -> Result<ChangeSetPage, ApiError> {
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let mut conn = state.pool.acquire().await?;
        Ok(store::change_sets::page(&mut conn, before, CHANGE_SET_PAGE).await?)
    }

    pub async fn undo(id: ChangeSetId) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
        super::super::undo::undo(id).await
    }
}
