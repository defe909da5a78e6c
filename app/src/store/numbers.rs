//! The `phone_numbers` table: the organisation's number inventory, who holds
//! each number, what is assignable, and the Phone numbers grid.

use std::collections::HashSet;

use sqlx::{AnyConnection, Row};

use super::number_text::DialogText;
use super::rows::{NumberColumns, NUMBER_COLUMNS};
use super::search_index::SMALL;
use super::{Dialect, Sql};
use crate::domain::{
    search_city, search_term, Activation, Date, NumberFilter, NumberId, NumberKind, NumberSource,
    PhoneNumber, StateFilter, TelephoneNumber, E164,
};

/// Numbers (`n`) with their assignment (`a`) and holder (`h`).
const FROM: &str = " FROM phone_numbers n \
     LEFT JOIN number_assignments a ON a.number_id = n.id \
     LEFT JOIN voice_users h ON h.id = a.user_id";

/// `SELECT` and the columns [`read`] reads, from `n` and `h`.
pub(super) fn select_number_columns(qb: &mut Sql) {
    qb.push(format_args!(
        "SELECT n.id AS id, {NUMBER_COLUMNS}, h.id AS h_id, h.display_name AS h_name"
    ));
}

pub(super) fn read(row: &sqlx::any::AnyRow) -> Result<Option<TelephoneNumber>, sqlx::Error> {
    <NumberColumns as sqlx::FromRow<_>>::from_row(row)?.into_number()
}

/// ` AND (...)`: the numbers a State filter keeps on `today`. This is
/// `TelephoneNumber::state` in SQL and must agree with it; the API test
/// `number_states` lists every filter and checks each number's state.
pub(super) fn push_state(qb: &mut Sql, filter: StateFilter, today: &Date, dialect: Dialect) {
    let active = Activation::Active.code();
    let unassigned = dialect.unassigned();
    match filter {
        StateFilter::Assigned => {
            qb.push(" AND a.user_id IS NOT NULL");
        }
        StateFilter::Pending => {
            qb.push(format_args!(
                " AND {unassigned} AND n.activation <> '{active}'"
            ));
        }
        StateFilter::Blocked => {
            qb.push(format_args!(
                " AND {unassigned} AND n.activation = '{active}' AND n.blocked_until > "
            ))
            .push_bind(today.to_string());
        }
        StateFilter::Unassigned => {
            qb.push(format_args!(
                " AND {unassigned} AND n.activation = '{active}' \
                 AND (n.blocked_until IS NULL OR n.blocked_until <= "
            ))
            .push_bind(today.to_string())
            .push(")");
        }
    }
}

/// ` AND (...)`: numbers a user could be given on `today`, as
/// `TelephoneNumber::is_assignable` says: unassigned user numbers.
pub(super) fn push_assignable(qb: &mut Sql, today: &Date, dialect: Dialect) {
    qb.push(format_args!(" AND n.kind = '{}'", NumberKind::User.code()));
    push_state(qb, StateFilter::Unassigned, today, dialect);
}

/// The number and its id, with whoever holds it.
pub async fn find(
    conn: &mut AnyConnection,
    e164: &E164,
) -> Result<Option<(NumberId, TelephoneNumber)>, sqlx::Error> {
    let mut qb = Sql::new("");
    push_find_sql(&mut qb, e164);
    let row = qb.build().fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(read_found).transpose()?.flatten())
}

/// [`find`] as a statement of `batch`; [`read_found`] reads its row.
pub fn push_find(batch: &mut super::Batch, e164: &E164) -> super::Step {
    batch.push(|sql| push_find_sql(sql, e164))
}

fn push_find_sql(qb: &mut Sql, e164: &E164) {
    push_select_found(qb);
    qb.push(" WHERE n.e164 = ")
        .push_bind(e164.as_str().to_owned());
}

/// `SELECT` numbers with their holders, as [`read_found`] reads them; the
/// caller adds the `WHERE`.
pub(super) fn push_select_found(qb: &mut Sql) {
    select_number_columns(qb);
    qb.push(FROM);
}

/// A number and its id as [`find`] and [`push_find`] select them.
pub fn read_found(
    row: &sqlx::any::AnyRow,
) -> Result<Option<(NumberId, TelephoneNumber)>, sqlx::Error> {
    let id = NumberId(row.try_get("id")?);
    Ok(read(row)?.map(|n| (id, n)))
}

/// Up to `filter.limit` assignable numbers whose digits or city contain
/// `filter.text`, numbers in `filter.country` first.
pub async fn assignable(
    conn: &mut AnyConnection,
    today: &Date,
    filter: &NumberFilter,
) -> Result<Vec<TelephoneNumber>, sqlx::Error> {
    let term = search_term(&filter.text);
    let text = DialogText::new(&term, conn).await?;
    let mut found = Vec::new();
    let mut limit = i64::from(filter.limit);
    // The user's country first, then the rest: each an ordered walk of the
    // assignable numbers' index (or a sort of the few the text matches).
    let parts = match filter.country {
        Some(country) => vec![
            (Some(country.to_string()), "="),
            (Some(country.to_string()), "<>"),
        ],
        None => vec![(None, "")],
    };
    for (country, cmp) in parts {
        let mut qb = Sql::new("");
        select_number_columns(&mut qb);
        qb.push(FROM).push(" WHERE 1 = 1");
        push_assignable(&mut qb, today, Dialect::of(conn));
        if let Some(country) = country {
            qb.push(format_args!(" AND n.country {cmp} "))
                .push_bind(country);
        }
        text.push(&mut qb);
        qb.push(" ORDER BY n.country, n.e164 LIMIT ")
            .push_bind(limit);
        let rows = qb.build().fetch_all(&mut *conn).await?;
        for row in &rows {
            found.extend(read(row)?);
        }
        limit -= rows.len() as i64;
        if limit <= 0 {
            break;
        }
    }
    Ok(found)
}

/// How many numbers could be assigned at all, whatever the filter, and
/// whether counting stopped at `SMALL`.
pub async fn count_assignable(
    conn: &mut AnyConnection,
    today: &Date,
) -> Result<(i64, bool), sqlx::Error> {
    let mut qb = Sql::new("SELECT COUNT(*) FROM (SELECT n.id");
    qb.push(FROM).push(" WHERE 1 = 1");
    push_assignable(&mut qb, today, Dialect::of(conn));
    qb.push(" LIMIT ")
        .push_bind(SMALL + 1)
        .push(") AS matching");
    let found: i64 = qb.build_query_scalar().fetch_one(&mut *conn).await?;
    Ok((found.min(SMALL), found > SMALL))
}

/// Takes a number out of the inventory; false when there was none. The
/// caller has made sure nobody holds it (the foreign key refuses otherwise).
pub async fn release(conn: &mut AnyConnection, id: NumberId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM phone_numbers WHERE id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The numbers already in the inventory that start with `prefix`.
pub async fn with_prefix(
    conn: &mut AnyConnection,
    prefix: &str,
) -> Result<HashSet<String>, sqlx::Error> {
    let found: Vec<String> =
        sqlx::query_scalar("SELECT e164 FROM phone_numbers WHERE e164 LIKE $1 ESCAPE '\\'")
            .bind(super::like_prefix(prefix))
            .fetch_all(&mut *conn)
            .await?;
    Ok(found.into_iter().collect())
}

/// Blocks `numbers` from being assigned before `until`, as a statement of
/// `batch`: the re-use block after a removal.
pub fn push_block(batch: &mut super::Batch, numbers: &[E164], until: &Date) {
    if numbers.is_empty() {
        return;
    }
    let (numbers, until) = (
        super::sets::json_array(numbers.iter().map(E164::as_str)),
        until.as_str().to_owned(),
    );
    batch.push(move |sql| {
        sql.push("UPDATE phone_numbers SET blocked_until = ")
            .push_bind(until)
            .push(" WHERE e164 IN (SELECT value FROM json_each(")
            .push_bind(numbers)
            .push("))");
    });
}

/// Adds a new user number from `source` to the inventory, `activation`
/// as the phone system has it (pending until it confirms, where there is one).
pub async fn add(
    conn: &mut AnyConnection,
    number: &PhoneNumber,
    city: &str,
    source: NumberSource,
    activation: Activation,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO phone_numbers (e164, country, city, kind, source, activation, search_city) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(number.e164.as_str())
    .bind(number.country.as_str())
    .bind(city)
    .bind(NumberKind::User.code())
    .bind(source.code())
    .bind(activation.code())
    .bind(search_city(city))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Gives every number without one the city the search compares
/// ([`search_city`]): numbers added before the search existed, or by any
/// means that left it empty. Returns how many it filled.
pub async fn fill_search_city(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    let missing: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, city FROM phone_numbers WHERE search_city = '' AND city <> ''")
            .fetch_all(&mut *conn)
            .await?;
    for (id, city) in &missing {
        sqlx::query("UPDATE phone_numbers SET search_city = $1 WHERE id = $2")
            .bind(search_city(city))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(missing.len())
}
