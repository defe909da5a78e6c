//! The API's gate: before a route reads its request, the caller's session
//! is looked up and held to the route's gate (`app::api::gates`): 401
//! without a session, 403 when the role or the Voice licences don't allow
//! it. What it found rides on in the request for the server function.

use app::api::access::{caller_from, permit, required};
use app::api::gates::{gate, Gate};
use app::api::ApiError;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
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
    if let Gate::Needs(permission) = gate {
        if let Err(e) = permit(&caller, permission) {
            return refused(e);
        }
    }
    parts.extensions.insert(caller);
    next.run(Request::from_parts(parts, body)).await
}

fn refused(e: ApiError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(e)).into_response()
}
