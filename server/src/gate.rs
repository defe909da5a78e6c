//! The API's gate: before a route reads its request, the caller's session
//! is looked up and held to the route's gate (`app::api::gates`): 401
//! without a session, 403 when the role or the Voice licences don't allow
//! it; 429 for an API token past its requests a minute. What it found
//! rides on in the request for the server function.

use app::api::access::{caller_from, permit, required};
use app::api::gates::{gate, Gate};
use app::api::ApiError;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

pub async fn check_caller(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.starts_with("/api/") {
        return next.run(request).await;
    }
    let gate = gate(path);
    if gate == Gate::Open {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let caller = match caller_from(&state, &parts).await.and_then(required) {
        Ok(caller) => caller,
        Err(e) => return refused(e),
    };
    if let Some(token) = &caller.api_token {
        let limits = &state.auth.token_limits;
        if let Err(wait) = limits.admit(token.id, state.clock.now()) {
            return too_many_requests(limits.per_minute(), wait);
        }
    }
    if let Gate::Needs(permission) = gate {
        if let Err(e) = permit(&caller, permission) {
            return refused(e);
        }
    }
    parts.extensions.insert(caller);
    next.run(Request::from_parts(parts, body)).await
}

/// 429 with `Retry-After`: the token has had its share of this minute.
fn too_many_requests(per_minute: u32, wait: i64) -> Response {
    let e = ApiError::TooManyAttempts {
        message: format!(
            "Too many requests with this token: at most {per_minute} a minute. Try again in {wait} s."
        ),
    };
    let mut response = refused(e);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait));
    response
}

fn refused(e: ApiError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(e)).into_response()
}
