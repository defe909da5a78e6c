//! The Phone numbers page: the whole inventory, filtered, sorted and
//! keyset-paged, and releasing numbers the organisation no longer wants.

use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use super::like_pattern;
use super::numbers::select_numbers;
use super::rows;
use crate::api::phone_numbers::{NumberCursor, NumberQuery, NumberSort, NumberState};
use crate::domain::{Date, TelephoneNumber};

/// The expression the grid sorts by; empty "Assigned to" cells sort last.
fn sort_key(sort: NumberSort, descending: bool) -> &'static str {
    match (sort, descending) {
        (NumberSort::Number, _) => "n.e164",
        (NumberSort::City, _) => "lower(n.city)",
        (NumberSort::AssignedTo, false) => "COALESCE(lower(h.display_name), '~')",
        (NumberSort::AssignedTo, true) => "COALESCE(lower(h.display_name), '')",
    }
}

/// The WHERE clause for `query` and its text parameters, `$1` being today.
fn conditions(query: &NumberQuery, today: &Date) -> (String, Vec<String>) {
    let mut binds = vec![today.to_string()];
    let next = |value: String, binds: &mut Vec<String>| {
        binds.push(value);
        format!("${}", binds.len())
    };
    let mut clauses = Vec::new();
    let term = query.search.trim().to_lowercase();
    if !term.is_empty() {
        let text = next(like_pattern(&term), &mut binds);
        let digits: String = term.chars().filter(char::is_ascii_digit).collect();
        let mut any = format!(
            "lower(n.city) LIKE {text} ESCAPE '\\' OR lower(COALESCE(h.display_name, '')) LIKE {text} ESCAPE '\\'"
        );
        if !digits.is_empty() {
            let digits = next(like_pattern(&digits), &mut binds);
            any.push_str(&format!(" OR n.e164 LIKE {digits} ESCAPE '\\'"));
        }
        clauses.push(format!("({any})"));
    }
    if let Some(state) = query.state {
        clauses.push(
            match state {
                NumberState::Unassigned => {
                    "a.user_id IS NULL AND n.activation = 'active' \
                     AND (n.blocked_until IS NULL OR n.blocked_until <= $1)"
                }
                NumberState::Assigned => "a.user_id IS NOT NULL",
                NumberState::Pending => "n.activation <> 'active'",
                NumberState::Blocked => "n.blocked_until > $1",
            }
            .to_owned(),
        );
    }
    if let Some(kind) = query.kind {
        let p = next(kind.code().to_owned(), &mut binds);
        clauses.push(format!("n.kind = {p}"));
    }
    if let Some(source) = query.source {
        let p = next(source.code().to_owned(), &mut binds);
        clauses.push(format!("n.source = {p}"));
    }
    if let Some(country) = query.country {
        let p = next(country.to_string(), &mut binds);
        clauses.push(format!("n.country = {p}"));
    }
    // $1 must appear in the statement for every backend to accept its bind.
    clauses.push("$1 = $1".to_owned());
    (clauses.join(" AND "), binds)
}

/// One page of the inventory, the cursor to go on from, and the match count.
pub async fn page(
    conn: &mut SqliteConnection,
    query: &NumberQuery,
    today: &Date,
) -> Result<(Vec<TelephoneNumber>, Option<NumberCursor>, i64), sqlx::Error> {
    let (filter, mut binds) = conditions(query, today);
    let key = sort_key(query.sort, query.descending);
    let (cmp, dir) = if query.descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };

    let count_sql = format!(
        "SELECT COUNT(*) FROM phone_numbers n \
         LEFT JOIN number_assignments a ON a.number_id = n.id \
         LEFT JOIN voice_users h ON h.id = a.user_id WHERE {filter}"
    );
    let mut count = sqlx::query_scalar(AssertSqlSafe(count_sql));
    for b in &binds {
        count = count.bind(b.clone());
    }
    let total: i64 = count.fetch_one(&mut *conn).await?;

    let select = select_numbers().replacen(
        " FROM phone_numbers n",
        &format!(", {key} AS sort_key FROM phone_numbers n"),
        1,
    );
    let mut sql = format!("{select} WHERE {filter}");
    if let Some(after) = &query.after {
        binds.push(after.key.clone());
        let k = binds.len();
        sql.push_str(&format!(
            " AND ({key} {cmp} ${k} OR ({key} = ${k} AND n.id {cmp} {}))",
            after.id
        ));
    }
    sql.push_str(&format!(
        " ORDER BY sort_key {dir}, n.id {dir} LIMIT {}",
        query.limit + 1
    ));

    let mut q = sqlx::query(AssertSqlSafe(sql));
    for b in &binds {
        q = q.bind(b.clone());
    }
    let found = q.fetch_all(&mut *conn).await?;
    let more = found.len() > query.limit as usize;
    let found = &found[..found.len().min(query.limit as usize)];
    let next = match (more, found.last()) {
        (true, Some(last)) => Some(NumberCursor {
            key: last.try_get("sort_key")?,
            id: last.try_get("id")?,
        }),
        _ => None,
    };
    let numbers = found
        .iter()
        .filter_map(|row| rows::number(row).transpose())
        .collect::<Result<_, _>>()?;
    Ok((numbers, next, total))
}

/// Takes a number out of the inventory; false when there was none. The
/// caller has made sure nobody holds it (the foreign key refuses otherwise).
pub async fn release(conn: &mut SqliteConnection, number_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM phone_numbers WHERE id = $1")
        .bind(number_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The numbers already in the inventory that start with `prefix`.
pub async fn with_prefix(
    conn: &mut SqliteConnection,
    prefix: &str,
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let found: Vec<String> =
        sqlx::query_scalar("SELECT e164 FROM phone_numbers WHERE e164 LIKE $1 ESCAPE '\\'")
            .bind(super::like_prefix(prefix))
            .fetch_all(&mut *conn)
            .await?;
    Ok(found.into_iter().collect())
}

/// Adds a new, active user number to the inventory from `source`
/// (`calling_plan`, `direct_routing` or `operator_connect`).
pub async fn add_number(
    conn: &mut SqliteConnection,
    number: &crate::domain::PhoneNumber,
    city: &str,
    source: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO phone_numbers (e164, country, city, kind, source, activation) \
         VALUES ($1, $2, $3, 'user', $4, 'active')",
    )
    .bind(number.e164.as_str())
    .bind(number.country.as_str())
    .bind(city)
    .bind(source)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
