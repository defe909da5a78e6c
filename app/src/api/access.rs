//! Who may call a server function: the state it runs with, the caller's
//! session, and the permission its role must grant. Every refusal is decided
//! here, on the server; the UI only hides what a role can't use.

use axum::http::request::Parts;
use leptos::prelude::use_context;

use super::ApiError;
use crate::auth::session::Caller;
use crate::domain::Permission;
use crate::state::AppState;

/// The message for an organisation without a licence that opens Voice.
pub const VOICE_LOCKED: &str = "Voice isn't available: your organization needs at least one Enterprise E5, Phone System or Audio Conferencing license. See Billing > Licenses.";

pub const SIGNED_OUT: &str = "You are signed out. Sign in again to continue.";
pub const MUST_SET_UP_TWO_STEP: &str =
    "Set up two-step sign-in before you continue: your organization requires it for admin roles.";
pub const NOT_ALLOWED: &str = "Your role doesn't allow this. Ask a Global administrator.";

pub fn state() -> Result<AppState, ApiError> {
    use_context::<AppState>()
        .ok_or_else(|| ApiError::internal("AppState missing from the server function context"))
}

/// The request's log span, which the server puts in every request's
/// extensions: the caller's name is recorded on it once known, so each log
/// line of the request says who made it, however deep the code that logs.
#[derive(Clone, Debug)]
pub struct RequestSpan(pub tracing::Span);

/// The live session behind this request, if any.
pub async fn caller(state: &AppState) -> Result<Option<Caller>, ApiError> {
    let Some(parts) = use_context::<Parts>() else {
        return Err(ApiError::internal(
            "request parts missing from the server function context",
        ));
    };
    caller_from(state, &parts).await
}

/// The live session behind the request `parts`, if any; for plain axum
/// handlers too.
pub async fn caller_from(state: &AppState, parts: &Parts) -> Result<Option<Caller>, ApiError> {
    // The gate in front of the API found it already (`api::gates`).
    if let Some(caller) = parts.extensions.get::<Caller>() {
        return Ok(Some(caller.clone()));
    }
    let mut conn = state.pool.acquire().await?;
    let now = state.clock.now();
    let caller = crate::auth::session::caller(&mut conn, &parts.headers, &state.auth, now).await?;
    if let (Some(caller), Some(span)) = (&caller, parts.extensions.get::<RequestSpan>()) {
        span.0.record("account", caller.account.username.as_str());
    }
    Ok(caller)
}

/// The caller, or 401.
pub fn required(caller: Option<Caller>) -> Result<Caller, ApiError> {
    caller.ok_or_else(|| ApiError::SignedOut {
        message: SIGNED_OUT.to_owned(),
    })
}

/// Anyone signed in: 401 otherwise.
pub async fn signed_in() -> Result<(AppState, Caller), ApiError> {
    let state = state()?;
    let caller = required(caller(&state).await?)?;
    Ok((state, caller))
}

/// Anyone signed in in the console: an API token's caller gets 403 here.
/// A token can't make tokens, change its account's password or its
/// two-step sign-in.
pub async fn in_console() -> Result<(AppState, Caller), ApiError> {
    let (state, caller) = signed_in().await?;
    if caller.api_token.is_some() {
        return Err(ApiError::Forbidden {
            message: "Only the console can do this, signed in with a password: not an API token."
                .to_owned(),
        });
    }
    Ok((state, caller))
}

/// The state for a server function that needs `permission`: 401 without a
/// session, then [`permit`].
pub async fn authorize(permission: Permission) -> Result<(AppState, Caller), ApiError> {
    let (state, caller) = signed_in().await?;
    permit(&caller, permission)?;
    Ok((state, caller))
}

/// 403 until the caller's one-time password is replaced.
pub fn password_chosen(caller: &Caller) -> Result<(), ApiError> {
    if caller.account.must_change_password {
        return Err(ApiError::Forbidden {
            message: "Choose a new password before you continue.".to_owned(),
        });
    }
    Ok(())
}

/// 403 until a one-time password is replaced and a second step the
/// organisation requires is set up: what everything but those asks first.
pub fn settled(caller: &Caller) -> Result<(), ApiError> {
    password_chosen(caller)?;
    if caller.must_set_up_two_step {
        return Err(ApiError::Forbidden {
            message: MUST_SET_UP_TWO_STEP.to_owned(),
        });
    }
    Ok(())
}

/// Whether `caller` may use `permission`: [`settled`] first, then 403 when
/// the role lacks it, and for the Voice permissions unless the organisation
/// holds a licence that opens Voice.
pub fn permit(caller: &Caller, permission: Permission) -> Result<(), ApiError> {
    settled(caller)?;
    if !caller.account.role.may(permission) {
        tracing::info!(?permission, "refused by role");
        return Err(ApiError::Forbidden {
            message: NOT_ALLOWED.to_owned(),
        });
    }
    if matches!(permission, Permission::ViewVoice | Permission::ManageVoice) && !caller.voice_open {
        return Err(ApiError::Forbidden {
            message: VOICE_LOCKED.to_owned(),
        });
    }
    Ok(())
}

/// Rejects text longer than `max` characters.
pub fn bounded<'a>(field: &str, value: &'a str, max: usize) -> Result<&'a str, ApiError> {
    crate::domain::check_length(field, value, max)?;
    Ok(value)
}
