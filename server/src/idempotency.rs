//! `Idempotency-Key`: a script that retries a request after a timeout or a
//! dropped connection changes nothing twice. The first request with a key
//! runs and its answer is kept for 24 hours; a retry with the same key and
//! the same request gets that answer again (`Idempotent-Replayed: true`);
//! the same key with another request, or while the first still runs, is
//! 409. Keys belong to the account; a request without one runs as ever, and
//! so does one whose answer holds a secret shown once (a token, a one-time
//! password, recovery codes, a two-step key: `contract::answers_secret`),
//! so no secret is ever stored as text.

use app::api::ApiError;
use app::auth::session::{digest, Caller};
use app::state::AppState;
use app::store::idempotency::{self, Answer, Claim};
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

pub const HEADER: &str = "idempotency-key";
const KEEP_FOR: i64 = 24 * 60 * 60;
/// A first request still running after this long had its server stop
/// under it: a retry may run it again.
const RUNNING_AT_MOST: i64 = 5 * 60;
/// Answers bigger than this aren't kept: the key is given up instead.
const MAX_KEPT: usize = 1024 * 1024;

/// A key is 1 to 200 visible ASCII characters, e.g. a UUID.
fn valid(key: &str) -> bool {
    (1..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

fn answer(status: StatusCode, e: ApiError) -> Response {
    (status, Json(e)).into_response()
}

pub async fn replay_or_run(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(key) = request.headers().get(HEADER) else {
        return next.run(request).await;
    };
    let caller = request.extensions().get::<Caller>().cloned();
    let secret = app::api::contract::answers_secret(request.uri().path());
    let (Some(caller), true, false) = (caller, request.method() == Method::POST, secret) else {
        return next.run(request).await;
    };
    let Some(key) = key.to_str().ok().filter(|k| valid(k)).map(str::to_owned) else {
        let message = "An Idempotency-Key is 1 to 200 visible ASCII characters, e.g. a UUID.";
        return answer(
            StatusCode::BAD_REQUEST,
            ApiError::BadRequest {
                message: message.into(),
            },
        );
    };
    let (parts, body) = request.into_parts();
    // The body limit outside this layer ends the read at its limit.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        let message = "The request is too large.".to_owned();
        return answer(
            StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::TooLarge { message },
        );
    };
    let hash = digest(
        &[
            parts.method.as_str().as_bytes(),
            b" ",
            parts.uri.path().as_bytes(),
            b"\n",
            &bytes,
        ]
        .concat(),
    );
    let account = caller.account.id;
    let now = state.clock.now();
    let claim = async {
        let mut tx = state.writer.begin().await?;
        let claim = idempotency::claim(
            &mut tx,
            account,
            &key,
            &hash,
            now,
            now - RUNNING_AT_MOST,
            now - KEEP_FOR,
        )
        .await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(claim)
    };
    match claim.await {
        Err(e) => {
            tracing::error!(error = %e, "claiming an idempotency key");
            answer(StatusCode::SERVICE_UNAVAILABLE, ApiError::Unavailable)
        }
        Ok(Claim::Mismatch) => {
            let message = "This Idempotency-Key was used for another request: use a new key for a new request.";
            answer(
                StatusCode::CONFLICT,
                ApiError::Conflict {
                    message: message.into(),
                },
            )
        }
        Ok(Claim::Running) => {
            let message =
                "The request with this Idempotency-Key is still running. Try again in a moment.";
            let mut response = answer(
                StatusCode::CONFLICT,
                ApiError::Conflict {
                    message: message.into(),
                },
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(1));
            response
        }
        Ok(Claim::Replay(kept)) => replay(kept),
        Ok(Claim::New) => {
            let response = next
                .run(Request::from_parts(parts, Body::from(bytes)))
                .await;
            settle(&state, account, &key, response).await
        }
    }
}

/// Keeps the first answer, or gives the key up when the answer is one a
/// retry may change (a 5xx) or too big to keep.
async fn settle(
    state: &AppState,
    account: app::domain::AccountId,
    key: &str,
    response: Response,
) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return answer(StatusCode::INTERNAL_SERVER_ERROR, ApiError::Internal);
    };
    let keep = !parts.status.is_server_error() && bytes.len() <= MAX_KEPT;
    let kept = Answer {
        status: i64::from(parts.status.as_u16()),
        content_type: parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: bytes.to_vec(),
    };
    let saved = async {
        let mut tx = state.writer.begin().await?;
        if keep {
            idempotency::keep(&mut tx, account, key, &kept).await?;
        } else {
            idempotency::release(&mut tx, account, key).await?;
        }
        tx.commit().await
    };
    if let Err(e) = saved.await {
        // The change is made; only its replay is lost, and a retry within
        // the running limit is told the request still runs.
        tracing::error!(error = %e, "keeping an idempotent answer");
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn replay(kept: Answer) -> Response {
    let status = u16::try_from(kept.status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut response = (status, kept.body).into_response();
    let headers = response.headers_mut();
    if let Some(value) = kept
        .content_type
        .and_then(|c| HeaderValue::from_str(&c).ok())
    {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}
