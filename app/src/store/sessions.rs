//! Server-side sessions: the cookie holds a random token, the table its hash.

use sqlx::AnyConnection;

use crate::domain::AccountId;

pub async fn insert(
    conn: &mut AnyConnection,
    token_hash: &str,
    account: AccountId,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(token_hash)
    .bind(account.0)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn touch(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends every session of an account except `keep` (after a password change).
pub async fn delete_others(
    conn: &mut AnyConnection,
    account: AccountId,
    keep: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
        .bind(account.0)
        .bind(keep)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Drops sessions idle since `idle_before` or created before `created_before`.
pub async fn delete_expired(
    conn: &mut AnyConnection,
    idle_before: i64,
    created_before: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(idle_before)
        .bind(created_before)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}
