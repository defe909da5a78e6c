//! The organisation's phone number inventory.

use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use super::like_pattern;
use super::rows::{self, NUMBER_COLUMNS};
use crate::domain::{Date, TelephoneNumber, E164};

pub(super) fn select_numbers() -> String {
    format!(
        "SELECT n.id, {NUMBER_COLUMNS}, h.id AS h_id, h.display_name AS h_name \
         FROM phone_numbers n \
         LEFT JOIN number_assignments a ON a.number_id = n.id \
         LEFT JOIN voice_users h ON h.id = a.user_id"
    )
}

/// The number and its database id, with whoever holds it.
pub async fn find(
    conn: &mut SqliteConnection,
    e164: &E164,
) -> Result<Option<(i64, TelephoneNumber)>, sqlx::Error> {
    let sql = format!("{} WHERE n.e164 = $1", select_numbers());
    let Some(row) = sqlx::query(AssertSqlSafe(sql))
        .bind(e164.as_str())
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let id: i64 = row.try_get("id")?;
    Ok(rows::number(&row)?.map(|n| (id, n)))
}

/// Numbers a user could be given today: user numbers, active, unassigned and
/// not blocked.
const ASSIGNABLE: &str = "a.user_id IS NULL AND n.kind = 'user' AND n.activation = 'active' \
     AND (n.blocked_until IS NULL OR n.blocked_until <= $1)";

/// Up to `limit` assignable numbers whose digits or city contain `filter`,
/// numbers in `first_country` first.
pub async fn assignable(
    conn: &mut SqliteConnection,
    today: &Date,
    filter: &str,
    first_country: &str,
    limit: u32,
) -> Result<Vec<TelephoneNumber>, sqlx::Error> {
    let term = filter.trim().to_lowercase();
    let digits: String = term.chars().filter(char::is_ascii_digit).collect();
    let digits = if digits.is_empty() {
        String::new()
    } else {
        like_pattern(&digits)
    };
    let sql = format!(
        "{} WHERE {ASSIGNABLE} \
         AND (lower(n.city) LIKE $2 ESCAPE '\\' OR ($3 <> '' AND n.e164 LIKE $3 ESCAPE '\\')) \
         ORDER BY CASE WHEN n.country = $4 THEN 0 ELSE 1 END, n.country, n.e164 LIMIT {limit}",
        select_numbers()
    );
    let found = sqlx::query(AssertSqlSafe(sql))
        .bind(today.as_str())
        .bind(like_pattern(&term))
        .bind(&digits)
        .bind(first_country)
        .fetch_all(&mut *conn)
        .await?;
    found
        .iter()
        .filter_map(|row| rows::number(row).transpose())
        .collect()
}

/// How many numbers could be assigned at all, whatever the filter.
pub async fn count_assignable(
    conn: &mut SqliteConnection,
    today: &Date,
) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "SELECT COUNT(*) FROM phone_numbers n \
         LEFT JOIN number_assignments a ON a.number_id = n.id WHERE {ASSIGNABLE}"
    );
    sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(today.as_str())
        .fetch_one(&mut *conn)
        .await
}
