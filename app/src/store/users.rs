//! Voice users with their licences, number and emergency location.

use std::collections::HashMap;

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use super::like_pattern;
use super::rows::{self, LOCATION_COLUMNS, NUMBER_COLUMNS};
use crate::api::{UserCursor, UserQuery, UserSort};
use crate::domain::{Licence, UserId, VoiceUser};

fn select_users(extra_columns: &str) -> String {
    format!(
        "SELECT u.id, u.display_name, u.username, u.usage_location, u.version, \
         a.user_id AS h_id, u.display_name AS h_name, {NUMBER_COLUMNS}, {LOCATION_COLUMNS}{extra_columns} \
         FROM voice_users u \
         LEFT JOIN number_assignments a ON a.user_id = u.id \
         LEFT JOIN phone_numbers n ON n.id = a.number_id \
         LEFT JOIN emergency_locations l ON l.id = a.location_id"
    )
}

/// The expression the grid sorts by. Empty cells sort last either way.
fn sort_key(sort: UserSort, descending: bool) -> &'static str {
    match (sort, descending) {
        (UserSort::DisplayName, _) => "lower(u.display_name)",
        (UserSort::Username, _) => "lower(u.username)",
        (UserSort::AssignedNumber, false) => "COALESCE(n.e164, '~')",
        (UserSort::AssignedNumber, true) => "COALESCE(n.e164, '')",
        (UserSort::EmergencyLocation, false) => "COALESCE(lower(l.description), '~')",
        (UserSort::EmergencyLocation, true) => "COALESCE(lower(l.description), '')",
    }
}

const SEARCH: &str = "(lower(u.display_name) LIKE $1 ESCAPE '\\' \
     OR lower(u.username) LIKE $1 ESCAPE '\\' \
     OR ($2 <> '' AND n.e164 LIKE $2 ESCAPE '\\'))";

/// One page of the grid, keyset-paged: the rows after `query.after` in the
/// chosen order, the cursor to continue from, and how many match in all.
pub async fn page(
    conn: &mut SqliteConnection,
    query: &UserQuery,
) -> Result<(Vec<VoiceUser>, Option<UserCursor>, i64), sqlx::Error> {
    let term = query.search.trim().to_lowercase();
    let text = like_pattern(&term);
    let digits: String = term.chars().filter(char::is_ascii_digit).collect();
    let digits = if digits.is_empty() {
        String::new()
    } else {
        like_pattern(&digits)
    };

    let key = sort_key(query.sort, query.descending);
    let (cmp, dir) = if query.descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    // $1 and $2 are the search; the location filter and the cursor follow.
    let mut filter = String::from(SEARCH);
    if query.location.is_some() {
        filter.push_str(" AND a.location_id = $3");
    }
    let mut sql = format!(
        "{} WHERE {filter}",
        select_users(&format!(", {key} AS sort_key"))
    );
    if query.after.is_some() {
        let (k, i) = if query.location.is_some() {
            ("$4", "$5")
        } else {
            ("$3", "$4")
        };
        sql.push_str(&format!(
            " AND ({key} {cmp} {k} OR ({key} = {k} AND u.id {cmp} {i}))"
        ));
    }
    sql.push_str(&format!(
        " ORDER BY sort_key {dir}, u.id {dir} LIMIT {}",
        query.limit + 1
    ));

    let mut q = sqlx::query(AssertSqlSafe(sql)).bind(&text).bind(&digits);
    if let Some(location) = query.location {
        q = q.bind(location.0);
    }
    if let Some(after) = &query.after {
        q = q.bind(&after.key).bind(after.id.0);
    }
    let rows = q.fetch_all(&mut *conn).await?;

    let more = rows.len() > query.limit as usize;
    let rows = &rows[..rows.len().min(query.limit as usize)];
    let next = match (more, rows.last()) {
        (true, Some(last)) => Some(UserCursor {
            key: last.try_get("sort_key")?,
            id: UserId(last.try_get("id")?),
        }),
        _ => None,
    };
    let users = with_licences(conn, rows).await?;

    let count_sql = format!(
        "SELECT COUNT(*) FROM voice_users u \
         LEFT JOIN number_assignments a ON a.user_id = u.id \
         LEFT JOIN phone_numbers n ON n.id = a.number_id \
         LEFT JOIN emergency_locations l ON l.id = a.location_id WHERE {filter}"
    );
    let mut count = sqlx::query_scalar(AssertSqlSafe(count_sql))
        .bind(&text)
        .bind(&digits);
    if let Some(location) = query.location {
        count = count.bind(location.0);
    }
    let total: i64 = count.fetch_one(&mut *conn).await?;
    Ok((users, next, total))
}

pub async fn get(
    conn: &mut SqliteConnection,
    id: UserId,
) -> Result<Option<VoiceUser>, sqlx::Error> {
    let sql = format!("{} WHERE u.id = $1", select_users(""));
    let row = sqlx::query(AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        None => Ok(None),
        Some(row) => Ok(with_licences(conn, std::slice::from_ref(&row)).await?.pop()),
    }
}

/// The voice user with this username (compared case-insensitively).
pub async fn by_username(
    conn: &mut SqliteConnection,
    username: &str,
) -> Result<Option<VoiceUser>, sqlx::Error> {
    let sql = format!("{} WHERE lower(u.username) = lower($1)", select_users(""));
    let row = sqlx::query(AssertSqlSafe(sql))
        .bind(username)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        None => Ok(None),
        Some(row) => Ok(with_licences(conn, std::slice::from_ref(&row)).await?.pop()),
    }
}

/// Moves the user to the next version if it is still at `expected`;
/// false when someone else changed the user first.
pub async fn bump_version(
    conn: &mut SqliteConnection,
    id: UserId,
    expected: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE voice_users SET version = version + 1 WHERE id = $1 AND version = $2")
            .bind(id.0)
            .bind(expected)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

async fn with_licences(
    conn: &mut SqliteConnection,
    rows: &[SqliteRow],
) -> Result<Vec<VoiceUser>, sqlx::Error> {
    let ids: Vec<i64> = rows
        .iter()
        .map(|r| r.try_get::<i64, _>("id"))
        .collect::<Result<_, _>>()?;
    let mut licences: HashMap<i64, Vec<Licence>> = HashMap::new();
    if !ids.is_empty() {
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT user_id, licence FROM user_licences WHERE user_id IN ({})",
            placeholders.join(", ")
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for id in &ids {
            q = q.bind(id);
        }
        for row in q.fetch_all(&mut *conn).await? {
            let code: String = row.try_get("licence")?;
            if let Some(l) = Licence::from_code(&code) {
                licences.entry(row.try_get("user_id")?).or_default().push(l);
            }
        }
    }
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let mut held = licences.remove(&id).unwrap_or_default();
            held.sort();
            Ok(VoiceUser {
                id: UserId(id),
                display_name: row.try_get("display_name")?,
                username: row.try_get("username")?,
                usage_location: rows::country(row, "usage_location")?,
                licences: held,
                assigned_number: rows::number(row)?,
                emergency_location: rows::location(row)?,
                version: row.try_get("version")?,
            })
        })
        .collect()
}
