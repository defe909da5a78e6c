//! Archiving old audit entries: the one way an entry leaves the log. The
//! caller writes what [`oldest`] found to a file, then [`delete_archived`]
//! removes exactly those entries in the same transaction, through the
//! permit the append-only trigger allows (migration 0010).

use serde::Serialize;
use sqlx::{AnyConnection, FromRow};

/// An entry as the archive keeps it: every column, as stored (`at` in
/// seconds since the epoch, UTC; `action` as its code).
#[derive(Clone, Debug, PartialEq, Eq, FromRow, Serialize)]
pub struct ArchivedEntry {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub user_name: Option<String>,
    pub number: Option<String>,
    pub before: String,
    pub after: String,
    pub change_set: Option<i64>,
}

/// Up to `limit` entries written before `before_at`, oldest id first.
pub async fn oldest(
    conn: &mut AnyConnection,
    before_at: i64,
    limit: u32,
) -> Result<Vec<ArchivedEntry>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, at, actor, action, target, user_name, number, before, after, change_set \
         FROM audit_log WHERE at < $1 ORDER BY id LIMIT $2",
    )
    .bind(before_at)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await
}

/// Deletes the entries `oldest(before_at, ..)` found, from `first_id` to
/// `last_id`: no other entry lies in that range before `before_at`. How
/// many went. The permit is open only for this statement.
pub async fn delete_archived(
    conn: &mut AnyConnection,
    first_id: i64,
    last_id: i64,
    before_at: i64,
) -> Result<u64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (1, $1, $2, $3)",
    )
    .bind(first_id)
    .bind(last_id)
    .bind(before_at)
    .execute(&mut *conn)
    .await?;
    let deleted = sqlx::query("DELETE FROM audit_log WHERE id BETWEEN $1 AND $2 AND at < $3")
        .bind(first_id)
        .bind(last_id)
        .bind(before_at)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM audit_delete_permit")
        .execute(&mut *conn)
        .await?;
    Ok(deleted)
}
