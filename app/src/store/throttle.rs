//! Sign-in attempts per key ("account:<SHA-256 of the username>",
//! "address:<ip>"): how many were counted, until when the key is locked,
//! how many were refused meanwhile.

use sqlx::AnyConnection;

/// A key's attempts within its window, until when it is locked (0: not),
/// and how many attempts it refused meanwhile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub failures: i64,
    pub locked_until: i64,
    pub refused: i64,
}

pub async fn get(conn: &mut AnyConnection, key: &str) -> Result<Count, sqlx::Error> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT failures, locked_until, refused FROM sign_in_throttle WHERE throttle_key = $1",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row
        .map(|(failures, locked_until, refused)| Count {
            failures,
            locked_until,
            refused,
        })
        .unwrap_or_default())
}

/// Counts one more attempt for `key`, named `label` in the audit log, and
/// locks it until `locked_until` (0: not locked).
pub async fn count_attempt(
    conn: &mut AnyConnection,
    key: &str,
    label: &str,
    failures: i64,
    now: i64,
    locked_until: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sign_in_throttle (throttle_key, label, failures, last_failure_at, locked_until) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (throttle_key) DO UPDATE \
         SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, \
             locked_until = excluded.locked_until",
    )
    .bind(key)
    .bind(label)
    .bind(failures)
    .bind(now)
    .bind(locked_until)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Counts an attempt refused, unchecked, while `key` was locked.
pub async fn count_refused(conn: &mut AnyConnection, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sign_in_throttle SET refused = refused + 1 WHERE throttle_key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn clear(conn: &mut AnyConnection, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE throttle_key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A purged key that refused attempts while it was locked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusals {
    pub label: String,
    pub refused: i64,
}

/// Deletes the keys with no attempt since `since` and no lock left at
/// `now`. Returns those that refused attempts, for the audit log.
pub async fn purge_expired(
    conn: &mut AnyConnection,
    since: i64,
    now: i64,
) -> Result<Vec<Refusals>, sqlx::Error> {
    let refusals: Vec<(String, i64)> = sqlx::query_as(
        "SELECT label, refused FROM sign_in_throttle \
         WHERE last_failure_at < $1 AND locked_until <= $2 AND refused > 0 \
         ORDER BY last_failure_at, throttle_key",
    )
    .bind(since)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM sign_in_throttle WHERE last_failure_at < $1 AND locked_until <= $2")
        .bind(since)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(refusals
        .into_iter()
        .map(|(label, refused)| Refusals { label, refused })
        .collect())
}
