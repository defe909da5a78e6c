//! The audit log: appended in the transaction of the change it records,
//! never updated or deleted (the database refuses both).

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use super::like_pattern;
use crate::api::audit::{AuditEntry, AuditQuery};
use crate::domain::AuditAction;

/// One change, as the caller describes it.
#[derive(Debug, Default)]
pub struct Record<'a> {
    pub actor: &'a str,
    pub target: String,
    pub user_name: Option<String>,
    pub number: Option<String>,
    pub before: String,
    pub after: String,
}

pub async fn append(
    conn: &mut SqliteConnection,
    at: i64,
    action: AuditAction,
    record: Record<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, target, user_name, number, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(at)
    .bind(record.actor)
    .bind(action.code())
    .bind(&record.target)
    .bind(&record.user_name)
    .bind(&record.number)
    .bind(&record.before)
    .bind(&record.after)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn entry(row: &SqliteRow) -> Result<AuditEntry, sqlx::Error> {
    let code: String = row.try_get("action")?;
    Ok(AuditEntry {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        actor: row.try_get("actor")?,
        action: AuditAction::from_code(&code)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown audit action {code}").into()))?,
        target: row.try_get("target")?,
        user_name: row.try_get("user_name")?,
        number: row.try_get("number")?,
        before: row.try_get("before")?,
        after: row.try_get("after")?,
    })
}

/// Newest first: entries matching the query, older than `query.before_id`,
/// at most `limit`.
pub async fn page(
    conn: &mut SqliteConnection,
    query: &AuditQuery,
    limit: u32,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let mut conditions = Vec::new();
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    let search = query.search.trim().to_lowercase();
    let digits: String = search.chars().filter(char::is_ascii_digit).collect();
    if !search.is_empty() {
        let (p, d) = (next(), next());
        conditions.push(format!(
            "(lower(actor) LIKE {p} ESCAPE '\\' OR lower(target) LIKE {p} ESCAPE '\\' \
             OR lower(COALESCE(user_name, '')) LIKE {p} ESCAPE '\\' \
             OR ({d} <> '%%' AND COALESCE(number, '') LIKE {d} ESCAPE '\\'))"
        ));
    }
    if query.action.is_some() {
        conditions.push(format!("action = {}", next()));
    }
    if query.from.is_some() {
        conditions.push(format!("at >= {}", next()));
    }
    if query.to.is_some() {
        conditions.push(format!("at < {}", next()));
    }
    if query.before_id.is_some() {
        conditions.push(format!("id < {}", next()));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT id, at, actor, action, target, user_name, number, before, after \
         FROM audit_log{filter} ORDER BY id DESC LIMIT {limit}"
    );
    let mut q = sqlx::query(AssertSqlSafe(sql));
    if !search.is_empty() {
        q = q.bind(like_pattern(&search)).bind(like_pattern(&digits));
    }
    if let Some(action) = query.action {
        q = q.bind(action.code());
    }
    if let Some(from) = &query.from {
        q = q.bind(from.epoch_seconds());
    }
    if let Some(to) = &query.to {
        // Up to the end of that day.
        q = q.bind(to.epoch_seconds() + 86_400);
    }
    if let Some(id) = query.before_id {
        q = q.bind(id);
    }
    q.fetch_all(&mut *conn).await?.iter().map(entry).collect()
}
