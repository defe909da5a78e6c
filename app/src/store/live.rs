//! The changes a live stream tells of, read from the audit log after the
//! entry it told of last.

use super::Sql;
use sqlx::{AnyConnection, FromRow};

use super::rows;
use crate::domain::{live_actions, AuditAction, LiveChange, UserId};

/// The newest audit entry's id; 0 for an empty log.
pub async fn newest(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    let (id,): (Option<i64>,) = sqlx::query_as("SELECT max(id) FROM audit_log")
        .fetch_one(&mut *conn)
        .await?;
    Ok(id.unwrap_or(0))
}

/// The live changes after entry `after` up to entry `upto`, oldest first, at
/// most `limit` of them.
pub async fn between(
    conn: &mut AnyConnection,
    after: i64,
    upto: i64,
    limit: usize,
) -> Result<Vec<LiveChange>, sqlx::Error> {
    let mut qb = Sql::new(
        "SELECT id, at, actor, action, target, user_id, user_name, number FROM audit_log \
         WHERE id > ",
    );
    qb.push_bind(after)
        .push(" AND id <= ")
        .push_bind(upto)
        .push(" AND action IN (");
    let mut codes = qb.separated(", ");
    for action in live_actions() {
        codes.push_bind(action.code());
    }
    codes.push_unseparated(")");
    qb.push(" ORDER BY id LIMIT ")
        .push_bind(i64::try_from(limit).unwrap_or(i64::MAX));
    let rows: Vec<ChangeRow> = qb.build_query_as().fetch_all(&mut *conn).await?;
    rows.into_iter().map(ChangeRow::into_change).collect()
}

#[derive(FromRow)]
struct ChangeRow {
    id: i64,
    at: i64,
    actor: String,
    action: String,
    target: String,
    user_id: Option<i64>,
    user_name: Option<String>,
    number: Option<String>,
}

impl ChangeRow {
    fn into_change(self) -> Result<LiveChange, sqlx::Error> {
        Ok(LiveChange {
            id: self.id,
            at: self.at,
            actor: self.actor,
            action: rows::code("action", &self.action, AuditAction::from_code)?,
            target: self.target,
            user: self.user_id.map(UserId),
            user_name: self.user_name,
            number: self.number,
        })
    }
}
