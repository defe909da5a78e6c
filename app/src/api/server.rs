//! What every server function does on the server: find the state, and make
//! sure an error leaves with its status code.

use leptos::prelude::use_context;

use super::ApiError;
use crate::state::AppState;

pub fn state() -> Result<AppState, ApiError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        ApiError::Internal
    })
}

/// The message for an organisation without a licence that opens Voice.
pub const VOICE_LOCKED: &str = "Voice isn't available: your organization needs at least one Enterprise E5, Phone System or Audio Conferencing license. See Billing > Licenses.";

/// The state for a Voice server function: refused with 403 unless the
/// organisation holds a licence that opens the Voice area.
pub async fn voice_state() -> Result<AppState, ApiError> {
    let state = state()?;
    let mut conn = state.pool.acquire().await?;
    if crate::store::licences::voice_enabled(&mut conn).await? {
        Ok(state)
    } else {
        Err(ApiError::Forbidden {
            message: VOICE_LOCKED.to_owned(),
        })
    }
}

/// Sets the HTTP status of a failed call to match its error.
pub fn respond<T>(result: Result<T, ApiError>) -> Result<T, ApiError> {
    if let Err(err) = &result {
        super::error::set_status(err);
    }
    result
}

/// Rejects text longer than `max` characters.
pub fn bounded<'a>(field: &str, value: &'a str, max: usize) -> Result<&'a str, ApiError> {
    if value.chars().count() > max {
        Err(ApiError::bad_request(format!(
            "'{field}' is too long: at most {max} characters."
        )))
    } else {
        Ok(value)
    }
}
