//! The Voice users grid at 100,000 users: a page and its count, each a few
//! milliseconds whatever the search, filter and sort.
//!
//! The search and the location filter narrow the users to a set. A small
//! set (up to `SMALL` users, found through the search indexes) is read
//! whole and sorted. A large set, or none, is read by walking the sort
//! order's index and keeping the users in the set until the page is full;
//! its count stops at `SMALL` ("1,000+"). The order, and so the cursor,
//! is the same either way.

use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteConnection};

use super::keyset::Keyset;
use super::like_pattern;
use super::users::{select_user_columns, with_licences, UserRow};
use crate::domain::{search_term, Page, UserCursor, UserId, UserQuery, UserSort, VoiceUser};

/// The most users read whole and sorted; also where counting stops.
pub const SMALL: i64 = 1000;

/// The user's assignment (`a`), number (`n`) and location (`l`).
const JOINS: &str = " LEFT JOIN number_assignments a ON a.user_id = u.id \
     LEFT JOIN phone_numbers n ON n.id = a.number_id \
     LEFT JOIN emergency_locations l ON l.id = a.location_id";

/// Terms this long or longer use the trigram indexes; shorter ones are
/// compared row by row (a trigram index can't hold them).
const INDEXED: usize = 3;

/// Which users the query keeps, as SQL over `u`, `a` and `n`.
struct Filter {
    /// The search term, lower case, and whether the index answers it.
    text: Option<(String, bool)>,
    /// The term's digits, and whether the index answers them.
    digits: Option<(String, bool)>,
    location: Option<i64>,
    /// An index found more than `SMALL` users matching the search.
    many: bool,
}

impl Filter {
    async fn new(conn: &mut SqliteConnection, query: &UserQuery) -> Result<Self, sqlx::Error> {
        let term = search_term(&query.search);
        let digits: String = term.chars().filter(char::is_ascii_digit).collect();
        let long = |s: &str| s.chars().count() >= INDEXED;
        let mut many = false;
        let text = match term.is_empty() {
            true => None,
            false => {
                let fast = long(&term)
                    && index_answers(conn, &matching("voice_user_search"), &fts_phrase(&term))
                        .await?;
                many |= long(&term) && !fast;
                Some((term, fast))
            }
        };
        let digits = match digits.is_empty() {
            true => None,
            false => {
                let phrase = format!("e164 : {}", fts_phrase(&digits));
                let fast =
                    long(&digits) && index_answers(conn, HOLDERS_OF_MATCHING, &phrase).await?;
                many |= long(&digits) && !fast;
                Some((digits, fast))
            }
        };
        Ok(Self {
            text,
            digits,
            location: query.location.map(|l| l.0),
            many,
        })
    }

    fn is_empty(&self) -> bool {
        self.text.is_none() && self.location.is_none()
    }

    /// ` AND ...` for each condition. While `walking` an index in sort
    /// order, a `+` keeps the planner on that index: the conditions then
    /// only check each row it reaches.
    fn push(&self, qb: &mut QueryBuilder<Sqlite>, walking: bool) {
        let plus = if walking { "+" } else { "" };
        if let Some((text, indexed)) = &self.text {
            qb.push(" AND (");
            if *indexed {
                qb.push(format_args!(
                    "{plus}u.id IN (SELECT rowid FROM voice_user_search WHERE voice_user_search MATCH "
                ))
                .push_bind(fts_phrase(text))
                .push(")");
            } else {
                qb.push("u.search_name LIKE ")
                    .push_bind(like_pattern(text))
                    .push(" ESCAPE '\\'");
            }
            match &self.digits {
                Some((digits, true)) => {
                    qb.push(format_args!(
                        " OR {plus}u.id IN (SELECT d.user_id FROM phone_number_search m \
                         CROSS JOIN number_assignments d ON d.number_id = m.rowid \
                         WHERE phone_number_search MATCH "
                    ))
                    .push_bind(format!("e164 : {}", fts_phrase(digits)))
                    .push(")");
                }
                Some((digits, false)) => {
                    qb.push(" OR n.e164 LIKE ")
                        .push_bind(like_pattern(digits))
                        .push(" ESCAPE '\\'");
                }
                None => {}
            }
            qb.push(")");
        }
        if let Some(location) = self.location {
            qb.push(format_args!(" AND {plus}a.location_id = "))
                .push_bind(location);
        }
    }
}

/// `text` as an FTS5 string: in double quotes, a quote doubled.
pub(super) fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The rows of a trigram index `table` that match `$1`.
pub(super) fn matching(table: &str) -> String {
    format!("SELECT rowid FROM {table} WHERE {table} MATCH $1")
}

/// The users holding a number whose digits match `$1`.
const HOLDERS_OF_MATCHING: &str = "SELECT d.user_id FROM phone_number_search m \
     CROSS JOIN number_assignments d ON d.number_id = m.rowid WHERE phone_number_search MATCH $1";

/// Whether an index should answer `phrase` (an FTS5 query of a term at
/// least `INDEXED` long): only when `select` (rows matching `$1`, through
/// the index) finds at most `SMALL`. A term that matches many ("555" among
/// US numbers, a big city) is cheaper checked on each row read along the
/// sort order, where matches come thick and the page fills at once, than
/// gathered whole from the index first; and its count is "1,000+" without
/// counting further.
pub(super) async fn index_answers(
    conn: &mut SqliteConnection,
    select: &str,
    phrase: &str,
) -> Result<bool, sqlx::Error> {
    Ok(probe(conn, select, phrase).await? <= SMALL)
}

/// How many rows `select` finds for `phrase`, counting no further than
/// one past `SMALL`.
pub(super) async fn probe(
    conn: &mut SqliteConnection,
    select: &str,
    phrase: &str,
) -> Result<i64, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM ({select} LIMIT $2)");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(phrase)
        .bind(SMALL + 1)
        .fetch_one(&mut *conn)
        .await
}

/// How many users the filter keeps, and whether counting stopped at `SMALL`.
async fn count(conn: &mut SqliteConnection, filter: &Filter) -> Result<(i64, bool), sqlx::Error> {
    let total: i64 = match (&filter.text, filter.location) {
        (None, None) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM voice_users")
                .fetch_one(&mut *conn)
                .await?
        }
        (None, Some(location)) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM number_assignments WHERE location_id = $1")
                .bind(location)
                .fetch_one(&mut *conn)
                .await?
        }
        // More than a thousand match the search, and nothing narrows it.
        (Some(_), None) if filter.many => return Ok((SMALL, true)),
        (Some(_), _) => {
            let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM (SELECT u.id FROM voice_users u");
            qb.push(JOINS).push(" WHERE 1 = 1");
            filter.push(&mut qb, false);
            qb.push(" LIMIT ").push_bind(SMALL + 1).push(")");
            let found: i64 = qb.build_query_scalar().fetch_one(&mut *conn).await?;
            return Ok((found.min(SMALL), found > SMALL));
        }
    };
    Ok((total, false))
}

/// The expression the grid sorts by; empty cells sort last either way. A
/// location's key carries its id, so users of two locations of one name
/// don't interleave.
fn sort_key(sort: UserSort, descending: bool) -> &'static str {
    match (sort, descending) {
        (UserSort::DisplayName, _) => "lower(u.display_name)",
        (UserSort::Username, _) => "lower(u.username)",
        (UserSort::AssignedNumber, false) => "COALESCE(n.e164, '~')",
        (UserSort::AssignedNumber, true) => "COALESCE(n.e164, '')",
        (UserSort::EmergencyLocation, false) => {
            "COALESCE(lower(l.description) || char(1) || printf('%010d', l.id), char(1114111))"
        }
        (UserSort::EmergencyLocation, true) => {
            "COALESCE(lower(l.description) || char(1) || printf('%010d', l.id), '')"
        }
    }
}

/// One page of the grid and how many users match (or at least how many).
pub async fn page(
    conn: &mut SqliteConnection,
    query: &UserQuery,
) -> Result<(Page<VoiceUser, UserCursor>, i64, bool), sqlx::Error> {
    let filter = Filter::new(conn, query).await?;
    let (total, capped) = count(conn, &filter).await?;
    let key = sort_key(query.sort, query.descending);
    let keyset = Keyset::sorted(
        key,
        "u.id",
        query.descending,
        query.after.as_ref(),
        query.limit,
    );
    let small = !filter.is_empty() && !capped && total <= SMALL;
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
    conn: &mut SqliteConnection,
    keyset: &Keyset<'_, UserId>,
    filter: &Filter,
    walking: bool,
) -> Result<Vec<SqliteRow>, sqlx::Error> {
    let mut qb = QueryBuilder::new("");
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
    conn: &mut SqliteConnection,
    query: &UserQuery,
    key: &'static str,
    filter: &Filter,
) -> Result<Vec<SqliteRow>, sqlx::Error> {
    let wanted = query.limit as usize + 1;
    let empty = if query.descending { "" } else { "~" };
    let empty_location = if query.descending { "" } else { "\u{10FFFF}" };
    let last = match query.sort {
        UserSort::AssignedNumber => empty,
        _ => empty_location,
    };
    let in_second_part = query.after.as_ref().is_some_and(|c| c.key == last);
    let mut found = Vec::new();
    if !in_second_part {
        found = with_numbers(conn, query, key, filter, wanted).await?;
    }
    if found.len() < wanted {
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
    conn: &mut SqliteConnection,
    query: &UserQuery,
    key: &'static str,
    filter: &Filter,
    wanted: usize,
) -> Result<Vec<SqliteRow>, sqlx::Error> {
    let direction = if query.descending { "DESC" } else { "ASC" };
    let mut qb = QueryBuilder::new("");
    select_user_columns(&mut qb);
    qb.push(format_args!(", {key} AS sort_key"));
    // CROSS JOIN fixes the order the tables are read in: along the index.
    let (from, order) = match query.sort {
        UserSort::AssignedNumber => (
            " FROM phone_numbers n CROSS JOIN number_assignments a ON a.number_id = n.id \
             CROSS JOIN voice_users u ON u.id = a.user_id \
             LEFT JOIN emergency_locations l ON l.id = a.location_id",
            format!(" ORDER BY n.e164 {direction}"),
        ),
        _ => (
            " FROM emergency_locations l CROSS JOIN number_assignments a ON a.location_id = l.id \
             CROSS JOIN voice_users u ON u.id = a.user_id \
             LEFT JOIN phone_numbers n ON n.id = a.number_id",
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
    conn: &mut SqliteConnection,
    query: &UserQuery,
    key: &'static str,
    filter: &Filter,
    after: Option<UserId>,
    wanted: usize,
) -> Result<Vec<SqliteRow>, sqlx::Error> {
    let direction = if query.descending { "DESC" } else { "ASC" };
    let mut qb = QueryBuilder::new("");
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

#[cfg(test)]
mod tests {
    use super::fts_phrase;

    #[test]
    fn a_term_is_one_fts_string_whatever_it_holds() {
        assert_eq!(fts_phrase("meg"), "\"meg\"");
        assert_eq!(fts_phrase("a\"b OR c*"), "\"a\"\"b OR c*\"");
    }
}
