//! The `phone_numbers` table: the organisation's number inventory, who holds
//! each number, what is assignable, and the Phone numbers grid.

use std::collections::HashSet;

use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use super::keyset::Keyset;
use super::rows::{NumberColumns, NUMBER_COLUMNS};
use super::SearchTerm;
use crate::domain::{
    Activation, Date, NumberCursor, NumberFilter, NumberId, NumberKind, NumberQuery, NumberSort,
    NumberSource, Page, PhoneNumber, StateFilter, TelephoneNumber, E164,
};

/// Numbers (`n`) with their assignment (`a`) and holder (`h`).
const FROM: &str = " FROM phone_numbers n \
     LEFT JOIN number_assignments a ON a.number_id = n.id \
     LEFT JOIN voice_users h ON h.id = a.user_id";

fn select(qb: &mut QueryBuilder<Sqlite>, keyset: Option<&Keyset<'_, NumberId>>) {
    qb.push(format_args!(
        "SELECT n.id AS id, {NUMBER_COLUMNS}, h.id AS h_id, h.display_name AS h_name"
    ));
    if let Some(keyset) = keyset {
        keyset.push_sort_column(qb);
    }
    qb.push(FROM);
}

fn read(row: &sqlx::sqlite::SqliteRow) -> Result<Option<TelephoneNumber>, sqlx::Error> {
    <NumberColumns as sqlx::FromRow<_>>::from_row(row)?.into_number()
}

/// ` AND (...)`: the numbers a State filter keeps on `today`. This is
/// `TelephoneNumber::state` in SQL and must agree with it; the API test
/// `number_states` lists every filter and checks each number's state.
fn push_state(qb: &mut QueryBuilder<Sqlite>, filter: StateFilter, today: &Date) {
    let active = Activation::Active.code();
    match filter {
        StateFilter::Assigned => {
            qb.push(" AND a.user_id IS NOT NULL");
        }
        StateFilter::Pending => {
            qb.push(format_args!(
                " AND a.user_id IS NULL AND n.activation <> '{active}'"
            ));
        }
        StateFilter::Blocked => {
            qb.push(format_args!(
                " AND a.user_id IS NULL AND n.activation = '{active}' AND n.blocked_until > "
            ))
            .push_bind(today.to_string());
        }
        StateFilter::Unassigned => {
            qb.push(format_args!(
                " AND a.user_id IS NULL AND n.activation = '{active}' \
                 AND (n.blocked_until IS NULL OR n.blocked_until <= "
            ))
            .push_bind(today.to_string())
            .push(")");
        }
    }
}

/// ` AND (...)`: numbers a user could be given on `today`, as
/// `TelephoneNumber::is_assignable` says: unassigned user numbers.
fn push_assignable(qb: &mut QueryBuilder<Sqlite>, today: &Date) {
    qb.push(format_args!(" AND n.kind = '{}'", NumberKind::User.code()));
    push_state(qb, StateFilter::Unassigned, today);
}

/// The number and its id, with whoever holds it.
pub async fn find(
    conn: &mut SqliteConnection,
    e164: &E164,
) -> Result<Option<(NumberId, TelephoneNumber)>, sqlx::Error> {
    let mut qb = QueryBuilder::new("");
    select(&mut qb, None);
    qb.push(" WHERE n.e164 = ").push_bind(e164.as_str());
    let Some(row) = qb.build().fetch_optional(&mut *conn).await? else {
        return Ok(None);
    };
    let id = NumberId(row.try_get("id")?);
    Ok(read(&row)?.map(|n| (id, n)))
}

/// Up to `filter.limit` assignable numbers whose digits or city contain
/// `filter.text`, numbers in `filter.country` first.
pub async fn assignable(
    conn: &mut SqliteConnection,
    today: &Date,
    filter: &NumberFilter,
) -> Result<Vec<TelephoneNumber>, sqlx::Error> {
    let mut qb = QueryBuilder::new("");
    select(&mut qb, None);
    qb.push(" WHERE 1 = 1");
    push_assignable(&mut qb, today);
    SearchTerm::new(&filter.text).push_condition(&mut qb, &["lower(n.city)"], "n.e164");
    qb.push(" ORDER BY CASE WHEN n.country = ")
        .push_bind(filter.country.map(|c| c.to_string()).unwrap_or_default())
        .push(" THEN 0 ELSE 1 END, n.country, n.e164 LIMIT ")
        .push_bind(i64::from(filter.limit));
    let rows = qb.build().fetch_all(&mut *conn).await?;
    rows.iter().filter_map(|r| read(r).transpose()).collect()
}

/// How many numbers could be assigned at all, whatever the filter.
pub async fn count_assignable(
    conn: &mut SqliteConnection,
    today: &Date,
) -> Result<i64, sqlx::Error> {
    let mut qb = QueryBuilder::new("SELECT COUNT(*)");
    qb.push(FROM).push(" WHERE 1 = 1");
    push_assignable(&mut qb, today);
    qb.build_query_scalar().fetch_one(&mut *conn).await
}

/// The expression the grid sorts by; empty "Assigned to" cells sort last.
fn sort_key(sort: NumberSort, descending: bool) -> &'static str {
    match (sort, descending) {
        (NumberSort::Number, _) => "n.e164",
        (NumberSort::City, _) => "lower(n.city)",
        (NumberSort::AssignedTo, false) => "COALESCE(lower(h.display_name), '~')",
        (NumberSort::AssignedTo, true) => "COALESCE(lower(h.display_name), '')",
    }
}

/// ` WHERE ...`: the numbers the grid's search and filters keep.
fn push_filter(qb: &mut QueryBuilder<Sqlite>, query: &NumberQuery, today: &Date) {
    qb.push(" WHERE 1 = 1");
    SearchTerm::new(&query.search).push_condition(
        qb,
        &["lower(n.city)", "lower(COALESCE(h.display_name, ''))"],
        "n.e164",
    );
    if let Some(state) = query.state {
        push_state(qb, state, today);
    }
    if let Some(kind) = query.kind {
        qb.push(" AND n.kind = ").push_bind(kind.code());
    }
    if let Some(source) = query.source {
        qb.push(" AND n.source = ").push_bind(source.code());
    }
    if let Some(country) = query.country {
        qb.push(" AND n.country = ").push_bind(country.to_string());
    }
}

/// One page of the inventory, keyset-paged, and how many numbers match.
pub async fn page(
    conn: &mut SqliteConnection,
    query: &NumberQuery,
    today: &Date,
) -> Result<(Page<TelephoneNumber, NumberCursor>, i64), sqlx::Error> {
    let keyset = Keyset::sorted(
        sort_key(query.sort, query.descending),
        "n.id",
        query.descending,
        query.after.as_ref(),
        query.limit,
    );
    let mut qb = QueryBuilder::new("");
    select(&mut qb, Some(&keyset));
    push_filter(&mut qb, query, today);
    keyset.push_after(&mut qb);
    keyset.push_order(&mut qb);
    let rows = qb.build().fetch_all(&mut *conn).await?;
    let page = keyset.page(rows, read)?;
    let page = Page {
        rows: page.rows.into_iter().flatten().collect(),
        next: page.next,
    };

    let mut count = QueryBuilder::new("SELECT COUNT(*)");
    count.push(FROM);
    push_filter(&mut count, query, today);
    let total = count.build_query_scalar().fetch_one(&mut *conn).await?;
    Ok((page, total))
}

/// Takes a number out of the inventory; false when there was none. The
/// caller has made sure nobody holds it (the foreign key refuses otherwise).
pub async fn release(conn: &mut SqliteConnection, id: NumberId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM phone_numbers WHERE id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The numbers already in the inventory that start with `prefix`.
pub async fn with_prefix(
    conn: &mut SqliteConnection,
    prefix: &str,
) -> Result<HashSet<String>, sqlx::Error> {
    let found: Vec<String> =
        sqlx::query_scalar("SELECT e164 FROM phone_numbers WHERE e164 LIKE $1 ESCAPE '\\'")
            .bind(super::like_prefix(prefix))
            .fetch_all(&mut *conn)
            .await?;
    Ok(found.into_iter().collect())
}

/// Adds a new, active user number from `source` to the inventory.
pub async fn add(
    conn: &mut SqliteConnection,
    number: &PhoneNumber,
    city: &str,
    source: NumberSource,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO phone_numbers (e164, country, city, kind, source, activation) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(number.e164.as_str())
    .bind(number.country.as_str())
    .bind(city)
    .bind(NumberKind::User.code())
    .bind(source.code())
    .bind(Activation::Active.code())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
