//! How far one of the caller's long requests has got: the browser (or a
//! script) names a check or an apply with a key of its own and asks here,
//! while the request runs, for a progress bar.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Progress, ProgressKey};

/// The last report of the caller's request `key`: none before the request
/// has reached the server, or a minute after it ended.
#[server(prefix = "/api", endpoint = "progress", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn progress_of(key: ProgressKey) -> Result<Option<Progress>, ApiError> {
    ssr::progress(key).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::signed_in;

    pub async fn progress(key: ProgressKey) -> Result<Option<Progress>, ApiError> {
        let (state, caller) = signed_in().await?;
        Ok(state.progress.get(caller.account.id, &key))
    }
}
