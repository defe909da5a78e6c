//! Failed sign-ins per key ("account:<username>", "address:<ip>").

use sqlx::SqliteConnection;

/// Failures counted so far (0 once `window` has passed since the last one)
/// and until when the key is locked.
pub async fn get(
    conn: &mut SqliteConnection,
    key: &str,
    now: i64,
    window: i64,
) -> Result<(i64, i64), sqlx::Error> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT failures, last_failure_at, locked_until FROM sign_in_throttle WHERE throttle_key = $1",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        None => (0, 0),
        Some((_, last, locked)) if now - last > window => (0, locked),
        Some((failures, _, locked)) => (failures, locked),
    })
}

/// Counts one more failure; locks the key until `locked_until` (0: not locked).
pub async fn record_failure(
    conn: &mut SqliteConnection,
    key: &str,
    failures: i64,
    now: i64,
    locked_until: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, locked_until) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (throttle_key) DO UPDATE \
         SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, \
             locked_until = excluded.locked_until",
    )
    .bind(key)
    .bind(failures)
    .bind(now)
    .bind(locked_until)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn clear(conn: &mut SqliteConnection, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE throttle_key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
