//! The audit log: appended in the transaction of the change it records,
//! never updated or deleted (the database refuses both).

use super::Sql;
use sqlx::{AnyConnection, FromRow};

use super::keyset::Keyset;
use super::rows;
use super::search_index::{fts_phrase, probe_sql, SMALL};
use super::Dialect;
use super::SearchTerm;
use super::{Batch, Step};
use crate::domain::{AuditAction, AuditEntry, AuditQuery, AuditRecord, ChangeSetId, Cursor, Page};

pub async fn append(
    conn: &mut AnyConnection,
    at: i64,
    actor: &str,
    action: AuditAction,
    record: &AuditRecord,
) -> Result<(), sqlx::Error> {
    let mut batch = Batch::new();
    push_append(&mut batch, at, actor, action, record, None);
    batch.run(conn).await?;
    Ok(())
}

/// [`append`] as a statement of `batch`, for an entry of `change_set` if any.
pub fn push_append(
    batch: &mut Batch,
    at: i64,
    actor: &str,
    action: AuditAction,
    record: &AuditRecord,
    change_set: Option<ChangeSetId>,
) -> Step {
    let (actor, record) = (actor.to_owned(), record.clone());
    batch.push(move |sql| {
        sql.push(
            "INSERT INTO audit_log (at, actor, action, target, user_name, number, before, after, \
             change_set, user_id) VALUES (",
        );
        let mut values = sql.separated(", ");
        values
            .push_bind(at)
            .push_bind(actor)
            .push_bind(action.code())
            .push_bind(record.target)
            .push_bind(record.user_name)
            .push_bind(record.number)
            .push_bind(record.before)
            .push_bind(record.after)
            .push_bind(change_set.map(|c| c.0))
            .push_bind(record.user.map(|u| u.0));
        values.push_unseparated(")");
    })
}

#[derive(FromRow)]
struct EntryRow {
    id: i64,
    at: i64,
    actor: String,
    action: String,
    target: String,
    user_name: Option<String>,
    number: Option<String>,
    before: String,
    after: String,
}

impl EntryRow {
    fn into_entry(self) -> Result<AuditEntry, sqlx::Error> {
        Ok(AuditEntry {
            id: self.id,
            at: self.at,
            actor: self.actor,
            action: rows::code("action", &self.action, AuditAction::from_code)?,
            target: self.target,
            user_name: self.user_name,
            number: self.number,
            before: self.before,
            after: self.after,
        })
    }
}

/// The entries matching the FTS5 query `$1` (SQLite).
const AUDIT_MATCHING: &str = "SELECT rowid FROM audit_search WHERE audit_search MATCH $1";

/// ` WHERE ...`: the entries the search, action and days keep. The search
/// goes through the trigram index when it finds few entries; a short term,
/// or one that matches many, is checked on each entry read, newest first.
async fn push_filter(
    conn: &mut AnyConnection,
    qb: &mut Sql,
    query: &AuditQuery,
) -> Result<(), sqlx::Error> {
    qb.push(" WHERE 1 = 1");
    let term = SearchTerm::new(&query.search);
    // PostgreSQL's trigram indexes serve push_condition's LIKEs themselves.
    let phrase = match Dialect::of(conn) {
        Dialect::Sqlite => index_phrase(&term),
        Dialect::Postgres => None,
    };
    match phrase {
        Some(phrase) if probe_sql(conn, AUDIT_MATCHING, &phrase).await? <= SMALL => {
            qb.push(" AND id").push_in(AUDIT_MATCHING, phrase);
        }
        _ => term.push_condition(
            qb,
            &[
                "lower(actor)",
                "lower(target)",
                "lower(COALESCE(user_name, ''))",
            ],
            "COALESCE(number, '')",
        ),
    }
    if let Some(action) = query.action {
        qb.push(" AND action = ").push_bind(action.code());
    }
    if let Some(from) = &query.from {
        qb.push(" AND at >= ").push_bind(from.epoch_seconds());
    }
    if let Some(to) = &query.to {
        // Up to the end of that day.
        qb.push(" AND at < ")
            .push_bind(to.add_days(1).epoch_seconds());
    }
    Ok(())
}

/// The search as an FTS5 query of the index, when the trigram index can
/// hold it (every part at least three characters).
fn index_phrase(term: &SearchTerm) -> Option<String> {
    let (text, digits) = (term.lowered(), term.digits_only());
    if text.chars().count() < 3 || (!digits.is_empty() && digits.len() < 3) {
        return None;
    }
    let mut phrase = format!("{{actor target user_name}} : {}", fts_phrase(text));
    if !digits.is_empty() {
        phrase = format!("({phrase}) OR (number : {})", fts_phrase(digits));
    }
    Some(phrase)
}

/// How many entries match the query (its page aside), counted up to `cap`:
/// the count, and whether it stopped there.
pub async fn count(
    conn: &mut AnyConnection,
    query: &AuditQuery,
    cap: i64,
) -> Result<(i64, bool), sqlx::Error> {
    let mut qb = Sql::new("SELECT COUNT(*) FROM (SELECT 1 FROM audit_log");
    push_filter(conn, &mut qb, query).await?;
    qb.push(" LIMIT ").push_bind(cap + 1).push(") AS matching");
    let found: i64 = qb.build_query_scalar().fetch_one(&mut *conn).await?;
    Ok((found.min(cap), found > cap))
}

/// Newest first: up to `limit` entries matching the query, older than
/// `query.before_id`, and the `before_id` of the next page if more follow.
pub async fn page(
    conn: &mut AnyConnection,
    query: &AuditQuery,
    limit: u32,
) -> Result<Page<AuditEntry, i64>, sqlx::Error> {
    let after = query.before_id.map(|id| Cursor {
        key: String::new(),
        id,
    });
    let keyset = Keyset::by_id("id", true, after.as_ref(), limit);
    let mut qb = Sql::new(
        "SELECT id, at, actor, action, target, user_name, number, before, after FROM audit_log",
    );
    push_filter(conn, &mut qb, query).await?;
    keyset.push_after(&mut qb);
    keyset.push_order(&mut qb);
    let found = qb.build().fetch_all(&mut *conn).await?;
    let page = keyset.page(found, |row| EntryRow::from_row(row)?.into_entry())?;
    Ok(Page {
        rows: page.rows,
        next: page.next.map(|c| c.id),
    })
}
