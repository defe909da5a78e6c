//! The Phone numbers grid at 150,000 numbers, as `user_grid` does it for
//! users: a small set of matches (through the search and filter indexes)
//! is read whole and sorted; a large one, or none, is read along the sort's
//! index until the page is full, and its count stops at `SMALL`.

use super::{Dialect, Sql};
use sqlx::any::AnyRow;
use sqlx::AnyConnection;

use super::keyset::Keyset;
use super::number_filter::Filter;
use super::numbers::{read, select_number_columns};
use super::search_index::SMALL;
use crate::domain::{Date, NumberCursor, NumberId, NumberQuery, NumberSort, Page, TelephoneNumber};

/// Numbers (`n`) with their assignment (`a`) and holder (`h`).
const FROM: &str = " FROM phone_numbers n \
     LEFT JOIN number_assignments a ON a.number_id = n.id \
     LEFT JOIN voice_users h ON h.id = a.user_id";

/// How many numbers the filter keeps, and whether counting stopped.
async fn count(conn: &mut AnyConnection, filter: &Filter<'_>) -> Result<(i64, bool), sqlx::Error> {
    if filter.is_empty() {
        let total = sqlx::query_scalar("SELECT COUNT(*) FROM phone_numbers")
            .fetch_one(&mut *conn)
            .await?;
        return Ok((total, false));
    }
    let q = filter.query;
    let narrowed =
        q.state.is_some() || q.kind.is_some() || q.source.is_some() || q.country.is_some();
    if filter.many && !narrowed {
        // More than a thousand match the search, and nothing narrows it.
        return Ok((SMALL, true));
    }
    let mut qb = Sql::new("SELECT COUNT(*) FROM (SELECT n.id");
    qb.push(FROM).push(" WHERE 1 = 1");
    filter.push(&mut qb, false);
    qb.push(" LIMIT ")
        .push_bind(SMALL + 1)
        .push(") AS matching");
    let found: i64 = qb.build_query_scalar().fetch_one(&mut *conn).await?;
    Ok((found.min(SMALL), found > SMALL))
}

/// The expression the grid sorts by; numbers nobody holds sort last. The
/// holder's key carries their id, so two holders of one name don't
/// interleave.
fn sort_key(sort: NumberSort, descending: bool, dialect: Dialect) -> &'static str {
    match (sort, descending) {
        (NumberSort::Number, _) => "n.e164",
        (NumberSort::City, _) => "lower(n.city)",
        // The holder's name, then their id as ten digits (so it sorts as
        // text as it does as a number); free numbers last.
        (NumberSort::AssignedTo, false) => match dialect {
            Dialect::Sqlite => {
                "COALESCE(lower(h.display_name) || char(1) || printf('%010d', h.id), char(1114111))"
            }
            Dialect::Postgres => {
                "COALESCE(lower(h.display_name) || chr(1) || lpad(h.id::text, 10, '0'), chr(1114111))"
            }
        },
        (NumberSort::AssignedTo, true) => match dialect {
            Dialect::Sqlite => "COALESCE(lower(h.display_name) || char(1) || printf('%010d', h.id), '')",
            Dialect::Postgres => {
                "COALESCE(lower(h.display_name) || chr(1) || lpad(h.id::text, 10, '0'), '')"
            }
        },
    }
}

/// One page of the inventory, how many numbers match, and whether that
/// count stopped at `SMALL`.
pub async fn page(
    conn: &mut AnyConnection,
    query: &NumberQuery,
    today: &Date,
) -> Result<(Page<TelephoneNumber, NumberCursor>, i64, bool), sqlx::Error> {
    let filter = Filter::new(conn, query, today).await?;
    let (total, capped) = count(conn, &filter).await?;
    let key = sort_key(query.sort, query.descending, Dialect::of(conn));
    let keyset = Keyset::sorted(
        key,
        "n.id",
        query.descending,
        query.after.as_ref(),
        query.limit,
    );
    let small = !filter.is_empty() && !capped;
    let found = match query.sort {
        _ if small => rows(conn, &keyset, &filter, false).await?,
        NumberSort::Number | NumberSort::City => rows(conn, &keyset, &filter, true).await?,
        NumberSort::AssignedTo => by_holder(conn, query, key, &filter).await?,
    };
    let page = keyset.page(found, read)?;
    let page = Page {
        rows: page.rows.into_iter().flatten().collect(),
        next: page.next,
    };
    Ok((page, total, capped))
}

async fn rows(
    conn: &mut AnyConnection,
    keyset: &Keyset<'_, NumberId>,
    filter: &Filter<'_>,
    walking: bool,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let mut qb = Sql::new("");
    select_number_columns(&mut qb);
    keyset.push_sort_column(&mut qb);
    qb.push(FROM).push(" WHERE 1 = 1");
    filter.push(&mut qb, walking);
    keyset.push_after(&mut qb);
    keyset.push_order(&mut qb);
    qb.build().fetch_all(&mut *conn).await
}

/// Sorting by holder, a large set is read in two walks: the held numbers
/// along the holders' name index, then the numbers nobody holds by id.
async fn by_holder(
    conn: &mut AnyConnection,
    query: &NumberQuery,
    key: &'static str,
    filter: &Filter<'_>,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let wanted = query.limit as i64 + 1;
    let direction = if query.descending { "DESC" } else { "ASC" };
    let cmp = if query.descending { "<" } else { ">" };
    let last = if query.descending { "" } else { "\u{10FFFF}" };
    let in_second_part = query.after.as_ref().is_some_and(|c| c.key == last);
    let mut found = Vec::new();
    if !in_second_part {
        let mut qb = Sql::new("");
        select_number_columns(&mut qb);
        qb.push(format_args!(
            ", {key} AS sort_key FROM voice_users h \
             {join} number_assignments a ON a.user_id = h.id \
             {join} phone_numbers n ON n.id = a.number_id WHERE 1 = 1",
            join = Dialect::of(conn).ordered_join()
        ));
        filter.push(&mut qb, true);
        if let Some(after) = &query.after {
            qb.push(format_args!(" AND {key} {cmp} "))
                .push_bind(after.key.clone());
        }
        qb.push(format_args!(
            " ORDER BY lower(h.display_name) {direction}, h.id {direction} LIMIT "
        ))
        .push_bind(wanted);
        found = qb.build().fetch_all(&mut *conn).await?;
    }
    if (found.len() as i64) < wanted {
        let mut qb = Sql::new("");
        select_number_columns(&mut qb);
        qb.push(format_args!(", {key} AS sort_key")).push(FROM);
        qb.push(" WHERE a.user_id IS NULL");
        filter.push(&mut qb, true);
        if let (Some(after), true) = (&query.after, in_second_part) {
            qb.push(format_args!(" AND n.id {cmp} "))
                .push_bind(after.id.0);
        }
        qb.push(format_args!(" ORDER BY n.id {direction} LIMIT "))
            .push_bind(wanted - found.len() as i64);
        found.extend(qb.build().fetch_all(&mut *conn).await?);
    }
    Ok(found)
}
