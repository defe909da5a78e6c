//! The Voice users grid at 100,000 users: a page and its count, each a few
//! milliseconds whatever the search, filter and sort.
//!
//! The search and the location and assigned number filters narrow the
//! users to a set. A small set (up to `SMALL` users, found through the
//! search indexes or a location's) is read whole and sorted. A large set,
//! or one no index finds, is read by walking the sort order's index and
//! keeping the users in the set until the page is full; a large search's
//! count stops at `SMALL` ("1,000+"). The order, and so the cursor, is the
//! same either way.

use super::{Dialect, Sql};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, FromRow};

use super::keyset::Keyset;
use super::search_index::SMALL;
use super::user_filter::Filter;
use super::users::{select_user_columns, with_licences, UserRow};
use crate::domain::{Page, UserCursor, UserId, UserQuery, UserSort, VoiceUser};

/// The user's assignment (`a`), number (`n`) and location (`l`).
const JOINS: &str = " LEFT JOIN number_assignments a ON a.user_id = u.id \
     LEFT JOIN phone_numbers n ON n.id = a.number_id \
     LEFT JOIN emergency_locations l ON l.id = a.location_id";

/// How many users the filter keeps, and whether counting stopped at `SMALL`.
/// Without a search each count is exact: whole tables, or one location.
async fn count(conn: &mut AnyConnection, filter: &Filter) -> Result<(i64, bool), sqlx::Error> {
    match (&filter.text, filter.location, filter.assigned) {
        (None, None, None) => exact(conn, "SELECT COUNT(*) FROM voice_users", None).await,
        (None, None, Some(true)) => {
            exact(conn, "SELECT COUNT(*) FROM number_assignments", None).await
        }
        (None, None, Some(false)) => {
            let sql = "SELECT (SELECT COUNT(*) FROM voice_users) \
                       - (SELECT COUNT(*) FROM number_assignments)";
            exact(conn, sql, None).await
        }
        // Everyone at a location holds a number: they are its assignments.
        (None, Some(location), None | Some(true)) => {
            let sql = "SELECT COUNT(*) FROM number_assignments WHERE location_id = $1";
            exact(conn, sql, Some(location)).await
        }
        // More than a thousand match the search, and nothing narrows it.
        (Some(_), None, None) if filter.many => Ok((SMALL, true)),
        _ => up_to_small(conn, filter).await,
    }
}

/// A count read whole, for `location` when the statement names one.
async fn exact(
    conn: &mut AnyConnection,
    sql: &'static str,
    location: Option<i64>,
) -> Result<(i64, bool), sqlx::Error> {
    let mut query = sqlx::query_scalar(sql);
    if let Some(location) = location {
        query = query.bind(location);
    }
    Ok((query.fetch_one(&mut *conn).await?, false))
}

/// The users the filter keeps, counted no further than one past `SMALL`.
async fn up_to_small(
    conn: &mut AnyConnection,
    filter: &Filter,
) -> Result<(i64, bool), sqlx::Error> {
    let mut qb = Sql::new("SELECT COUNT(*) FROM (SELECT u.id FROM voice_users u");
    qb.push(JOINS).push(" WHERE 1 = 1");
    filter.push(&mut qb, false);
    qb.push(" LIMIT ")
        .push_bind(SMALL + 1)
        .push(") AS matching");
    let found: i64 = qb.build_query_scalar().fetch_one(&mut *conn).await?;
    Ok((found.min(SMALL), found > SMALL))
}

/// The expression the grid sorts by; empty cells sort last either way. A
/// location's key carries its id, so users of two locations of one name
/// don't interleave.
fn sort_key(sort: UserSort, descending: bool, dialect: Dialect) -> &'static str {
    match (sort, descending) {
        (UserSort::DisplayName, _) => "lower(u.display_name)",
        (UserSort::Username, _) => "lower(u.username)",
        (UserSort::AssignedNumber, false) => "COALESCE(n.e164, '~')",
        (UserSort::AssignedNumber, true) => "COALESCE(n.e164, '')",
        // The description, then the id as ten digits (so it sorts as text
        // as it does as a number); users without a location last.
        (UserSort::EmergencyLocation, false) => match dialect {
            Dialect::Sqlite => {
                "COALESCE(lower(l.description) || char(1) || printf('%010d', l.id), char(1114111))"
            }
            Dialect::Postgres => {
                "COALESCE(lower(l.description) || chr(1) || lpad(l.id::text, 10, '0'), chr(1114111))"
            }
        },
        (UserSort::EmergencyLocation, true) => match dialect {
            Dialect::Sqlite => "COALESCE(lower(l.description) || char(1) || printf('%010d', l.id), '')",
            Dialect::Postgres => {
                "COALESCE(lower(l.description) || chr(1) || lpad(l.id::text, 10, '0'), '')"
            }
        },
    }
}

/// One page of the grid and how many users match (or at least how many).
pub async fn page(
    conn: &mut AnyConnection,
    query: &UserQuery,
) -> Result<(Page<VoiceUser, UserCursor>, i64, bool), sqlx::Error> {
    let filter = Filter::new(conn, query).await?;
    let (total, capped) = count(conn, &filter).await?;
    // Nothing to find: walking the sort's index would read every user.
    if total == 0 {
        return Ok((
            Page {
                rows: Vec::new(),
                next: None,
            },
            0,
            false,
        ));
    }
    let key = sort_key(query.sort, query.descending, Dialect::of(conn));
    let keyset = Keyset::sorted(
        key,
        "u.id",
        query.descending,
        query.after.as_ref(),
        query.limit,
    );
    let small = filter.indexed() && !capped && total <= SMALL;
    let found = match query.sort {
        _ if small => rows(conn, &keyset, &filter, false).await?,
        UserSort::DisplayName | UserSort::Username => rows(conn, &keyset, &filter, true).await?,
        UserSort::AssignedNumber | UserSort::EmergencyLocation => {
            walk_in_two_parts(conn, query, key, &filter).await?
        }
    };
    let page = keyset.page(found, |row| UserRow::from_row(row))?;
    let page = Page {
        rows: with_licences(conn, page.rows).await?,
        next: page.next,
    };
    Ok((page, total, capped))
}

/// The rows after the cursor in sort order, reading the users whole
/// (`walking` false: the planner starts from the filter's index) or along
/// the sort's index (`walking` true).
async fn rows(
    conn: &mut AnyConnection,
    keyset: &Keyset<'_, UserId>,
    filter: &Filter,
    walking: bool,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let mut qb = Sql::new("");
    select_user_columns(&mut qb);
    keyset.push_sort_column(&mut qb);
    qb.push(" FROM voice_users u")
        .push(JOINS)
        .push(" WHERE 1 = 1");
    filter.push(&mut qb, walking);
    keyset.push_after(&mut qb);
    keyset.push_order(&mut qb);
    qb.build().fetch_all(&mut *conn).await
}

/// Sorting by number or location, a large set of users is read in two
/// walks: first the users who have a number, along the numbers' (or the
/// locations') index; then those without one, along their ids. In either
/// direction users without a number come last.
async fn walk_in_two_parts(
    conn: &mut AnyConnection,
    query: &UserQuery,
    key: &'static str,
    filter: &Filter,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let wanted = query.limit as usize + 1;
    let empty = if query.descending { "" } else { "~" };
    let empty_location = if query.descending { "" } else { "\u{10FFFF}" };
    let last = match query.sort {
        UserSort::AssignedNumber => empty,
        _ => empty_location,
    };
    let in_second_part = query.after.as_ref().is_some_and(|c| c.key == last);
    let mut found = Vec::new();
    if !in_second_part && filter.assigned != Some(false) {
        found = with_numbers(conn, query, key, filter, wanted).await?;
    }
    if found.len() < wanted && filter.assigned != Some(true) {
        let after = match (&query.after, in_second_part) {
            (Some(cursor), true) => Some(cursor.id),
            _ => None,
        };
        let rest = without_numbers(conn, query, key, filter, after, wanted - found.len()).await?;
        found.extend(rest);
    }
    Ok(found)
}

async fn with_numbers(
    conn: &mut AnyConnection,
    query: &UserQuery,
    key: &'static str,
    filter: &Filter,
    wanted: usize,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let direction = if query.descending { "DESC" } else { "ASC" };
    let mut qb = Sql::new("");
    select_user_columns(&mut qb);
    qb.push(format_args!(", {key} AS sort_key"));
    let join = Dialect::of(conn).ordered_join();
    let (from, order) = match query.sort {
        UserSort::AssignedNumber => (
            format!(
                " FROM phone_numbers n {join} number_assignments a ON a.number_id = n.id \
                 {join} voice_users u ON u.id = a.user_id \
                 LEFT JOIN emergency_locations l ON l.id = a.location_id"
            ),
            format!(" ORDER BY n.e164 {direction}"),
        ),
        _ => (
            format!(
                " FROM emergency_locations l {join} number_assignments a ON a.location_id = l.id \
                 {join} voice_users u ON u.id = a.user_id \
                 LEFT JOIN phone_numbers n ON n.id = a.number_id"
            ),
            format!(" ORDER BY lower(l.description) {direction}, l.id {direction}, a.user_id {direction}"),
        ),
    };
    qb.push(from).push(" WHERE 1 = 1");
    filter.push(&mut qb, true);
    if let Some(after) = &query.after {
        let cmp = if query.descending { "<" } else { ">" };
        // The first term only reads `l` or `n`: whole locations (numbers)
        // before the cursor are skipped without reading their users.
        qb.push(format_args!(" AND {key} {cmp}= "))
            .push_bind(after.key.clone())
            .push(format_args!(" AND ({key} {cmp} "))
            .push_bind(after.key.clone())
            .push(format_args!(" OR u.id {cmp} "))
            .push_bind(after.id.0)
            .push(")");
    }
    qb.push(order).push(" LIMIT ").push_bind(wanted as i64);
    qb.build().fetch_all(&mut *conn).await
}

async fn without_numbers(
    conn: &mut AnyConnection,
    query: &UserQuery,
    key: &'static str,
    filter: &Filter,
    after: Option<UserId>,
    wanted: usize,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let direction = if query.descending { "DESC" } else { "ASC" };
    let mut qb = Sql::new("");
    select_user_columns(&mut qb);
    qb.push(format_args!(", {key} AS sort_key FROM voice_users u"))
        .push(JOINS)
        .push(" WHERE a.user_id IS NULL");
    filter.push(&mut qb, true);
    if let Some(after) = after {
        let cmp = if query.descending { "<" } else { ">" };
        qb.push(format_args!(" AND u.id {cmp} ")).push_bind(after.0);
    }
    qb.push(format_args!(" ORDER BY u.id {direction} LIMIT "))
        .push_bind(wanted as i64);
    qb.build().fetch_all(&mut *conn).await
}
