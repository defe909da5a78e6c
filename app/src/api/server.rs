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
