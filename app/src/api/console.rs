//! What the console shows around the pages: who is signed in, and which
//! areas the organisation has.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConsoleAreas {
    /// Who is signed in; `None` shows the sign-in page.
    pub account: Option<crate::domain::Account>,
    /// The organisation holds an Enterprise E5, Phone System or Audio
    /// Conferencing licence, so the Voice area appears.
    pub voice: bool,
    /// The organisation requires two-step sign-in for this admin, who has
    /// none yet: the console shows only its set-up.
    pub must_set_up_two_step: bool,
}

/// What the console shows the caller: who is signed in, whether the
/// organisation's licences open Voice, and whether two-step set-up comes first.
#[server(prefix = "/api", endpoint = "console/status", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn console_status() -> Result<ConsoleAreas, ApiError> {
    ssr::status().await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::{caller, state};

    pub async fn status() -> Result<ConsoleAreas, ApiError> {
        let state = state()?;
        let Some(caller) = caller(&state).await? else {
            return Ok(ConsoleAreas {
                account: None,
                voice: false,
                must_set_up_two_step: false,
            });
        };
        Ok(ConsoleAreas {
            voice: caller.voice_open,
            must_set_up_two_step: caller.must_set_up_two_step,
            account: Some(caller.account),
        })
    }
}
