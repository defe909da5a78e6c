//! Idempotency keys: the first answer to a request, kept to answer its
//! retries.

use sqlx::{AnyConnection, FromRow};

use crate::domain::AccountId;

/// A key's first answer.
#[derive(Clone, Debug, FromRow)]
pub struct Answer {
    pub status: i64,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// What a request with a key finds.
#[derive(Debug)]
pub enum Claim {
    /// The key is new: run the request, then [`keep`] or [`release`].
    New,
    /// The same request ran: its answer.
    Replay(Answer),
    /// The same request is running now.
    Running,
    /// The key was used for another request.
    Mismatch,
}

#[derive(FromRow)]
struct KeyRow {
    request_hash: String,
    status: Option<i64>,
    content_type: Option<String>,
    body: Option<Vec<u8>>,
}

/// Claims `key` for a request hashing to `hash`. Keys made before
/// `expired_before` are forgotten first, and a claim still running since
/// before `stale_before` (its server stopped mid-request) is given up.
pub async fn claim(
    conn: &mut AnyConnection,
    account: AccountId,
    key: &str,
    hash: &str,
    now: i64,
    stale_before: i64,
    expired_before: i64,
) -> Result<Claim, sqlx::Error> {
    sqlx::query(
        "DELETE FROM idempotency_keys WHERE created_at < $1 \
         OR (account_id = $2 AND idempotency_key = $3 AND status IS NULL AND created_at < $4)",
    )
    .bind(expired_before)
    .bind(account.0)
    .bind(key)
    .bind(stale_before)
    .execute(&mut *conn)
    .await?;
    let claimed = sqlx::query(
        "INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, idempotency_key) DO NOTHING",
    )
    .bind(account.0)
    .bind(key)
    .bind(hash)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if claimed.rows_affected() == 1 {
        return Ok(Claim::New);
    }
    let row: KeyRow = sqlx::query_as(
        "SELECT request_hash, status, content_type, body FROM idempotency_keys \
         WHERE account_id = $1 AND idempotency_key = $2",
    )
    .bind(account.0)
    .bind(key)
    .fetch_one(&mut *conn)
    .await?;
    Ok(match row {
        KeyRow { request_hash, .. } if request_hash != hash => Claim::Mismatch,
        KeyRow { status: None, .. } => Claim::Running,
        KeyRow {
            status: Some(status),
            content_type,
            body,
            ..
        } => Claim::Replay(Answer {
            status,
            content_type,
            body: body.unwrap_or_default(),
        }),
    })
}

/// Keeps the first answer for the retries.
pub async fn keep(
    conn: &mut AnyConnection,
    account: AccountId,
    key: &str,
    answer: &Answer,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE idempotency_keys SET status = $1, content_type = $2, body = $3 \
         WHERE account_id = $4 AND idempotency_key = $5",
    )
    .bind(answer.status)
    .bind(&answer.content_type)
    .bind(&answer.body)
    .bind(account.0)
    .bind(key)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Gives the key up: the request failed in a way a retry may fix.
pub async fn release(
    conn: &mut AnyConnection,
    account: AccountId,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM idempotency_keys WHERE account_id = $1 AND idempotency_key = $2")
        .bind(account.0)
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
