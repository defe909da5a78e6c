//! The API's reference for Settings > API.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::ApiReference;

/// The API's functions, types and error codes, as Settings > API lists
/// them: the OpenAPI document at `/api/openapi.json`, read into text.
#[server(prefix = "/api", endpoint = "reference", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn read_api_reference() -> Result<ApiReference, ApiError> {
    crate::api::access::signed_in().await?;
    Ok(crate::api::contract::reference())
}
