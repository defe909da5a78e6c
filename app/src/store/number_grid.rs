//! The Phone numbers grid at 150,000 numbers, as `user_grid` does it for
//! users: a small set of matches (through the search and filter indexes)
//! is read whole and sorted; a large one, or none, is read along the sort's
//! index until the page is full, and its count stops at `SMALL`.

use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::keyset::Keyset;
use super::like_pattern;
use super::numbers::cities_containing;
use super::numbers::{push_state, read, select_number_columns};
use super::user_grid::{fts_phrase, index_answers, matching, probe, SMALL};
use crate::domain::{
    search_term, Date, NumberCursor, NumberId, NumberQuery, NumberSort, Page, TelephoneNumber,
};

/// Numbers (`n`) with their assignment (`a`) and holder (`h`).
const FROM: &str = " FROM phone_numbers n \
     LEFT JOIN number_assignments a ON a.number_id = n.id \
     LEFT JOIN voice_users h ON h.id = a.user_id";

/// Which numbers the grid keeps, as SQL over `n`, `a` and `h`.
struct Filter<'q> {
    /// The search term, lower case, and how the numbers' cities and their
    /// holders' names are checked for it.
    text: Option<(String, TextMatch)>,
    digits: Option<(String, bool)>,
    /// An index found more than `SMALL` numbers matching the search.
    many: bool,
    query: &'q NumberQuery,
    today: &'q Date,
}

/// How a number's city and its holder's name are checked for the text.
struct TextMatch {
    city: Check,
    holder: Check,
}

enum Check {
    /// Through the trigram index: few match.
    Indexed,
    /// Many numbers match, all in this one city: the city's index lists
    /// them in number order.
    City(String),
    /// Nobody matches (the index says so).
    Nothing,
    /// Row by row: short text, or many match.
    Scan,
}

impl<'q> Filter<'q> {
    async fn new(
        conn: &mut SqliteConnection,
        query: &'q NumberQuery,
        today: &'q Date,
    ) -> Result<Self, sqlx::Error> {
        let term = search_term(&query.search);
        let digits: String = term.chars().filter(char::is_ascii_digit).collect();
        let long = |s: &str| s.chars().count() >= 3;
        let mut many = false;
        let text = match term.is_empty() {
            true => None,
            false => {
                let long = long(&term);
                let city = match long {
                    false => Check::Scan,
                    true => {
                        let phrase = format!("search_city : {}", fts_phrase(&term));
                        match probe(conn, &matching("phone_number_search"), &phrase).await? {
                            n if n <= SMALL => Check::Indexed,
                            _ => {
                                many = true;
                                match cities_containing(conn, &term).await?.as_slice() {
                                    [one] if digits.is_empty() => Check::City(one.clone()),
                                    _ => Check::Scan,
                                }
                            }
                        }
                    }
                };
                let holder = match long {
                    false => Check::Scan,
                    true => match probe(conn, &matching("voice_user_search"), &fts_phrase(&term))
                        .await?
                    {
                        0 => Check::Nothing,
                        n if n <= SMALL => Check::Indexed,
                        _ => Check::Scan,
                    },
                };
                Some((term, TextMatch { city, holder }))
            }
        };
        let digits = match digits.is_empty() {
            true => None,
            false => {
                let phrase = format!("e164 : {}", fts_phrase(&digits));
                let fast = long(&digits)
                    && index_answers(conn, &matching("phone_number_search"), &phrase).await?;
                many |= long(&digits) && !fast;
                Some((digits, fast))
            }
        };
        Ok(Self {
            text,
            digits,
            many,
            query,
            today,
        })
    }

    fn is_empty(&self) -> bool {
        let q = self.query;
        self.text.is_none()
            && q.state.is_none()
            && q.kind.is_none()
            && q.source.is_none()
            && q.country.is_none()
    }

    /// ` AND ...` for each condition; `walking` as in `user_grid`.
    fn push(&self, qb: &mut QueryBuilder<Sqlite>, walking: bool) {
        let plus = if walking { "+" } else { "" };
        if let Some((text, checks)) = &self.text {
            qb.push(" AND (");
            match &checks.city {
                Check::Indexed => {
                    qb.push(format_args!(
                        "{plus}n.id IN (SELECT rowid FROM phone_number_search \
                         WHERE phone_number_search MATCH "
                    ))
                    .push_bind(format!("search_city : {}", fts_phrase(text)))
                    .push(")");
                }
                // No `+`: the city's index is the walk, in number order.
                Check::City(city) => {
                    qb.push("n.search_city = ").push_bind(city.clone());
                }
                Check::Nothing => {
                    qb.push("0");
                }
                Check::Scan => {
                    qb.push("n.search_city LIKE ")
                        .push_bind(like_pattern(text))
                        .push(" ESCAPE '\\'");
                }
            }
            match &checks.holder {
                // On `n` alone, so a walk checks it before reading the joins.
                Check::Indexed => {
                    qb.push(format_args!(
                        " OR {plus}n.id IN (SELECT x.number_id FROM voice_user_search s \
                         CROSS JOIN number_assignments x ON x.user_id = s.rowid \
                         WHERE voice_user_search MATCH "
                    ))
                    .push_bind(fts_phrase(text))
                    .push(")");
                }
                Check::Nothing | Check::City(_) => {}
                Check::Scan => {
                    qb.push(" OR h.search_name LIKE ")
                        .push_bind(like_pattern(text))
                        .push(" ESCAPE '\\'");
                }
            }
            match &self.digits {
                Some((digits, true)) => {
                    qb.push(format_args!(
                        " OR {plus}n.id IN (SELECT rowid FROM phone_number_search \
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
        let q = self.query;
        if let Some(state) = q.state {
            push_state(qb, state, self.today);
        }
        if let Some(kind) = q.kind {
            qb.push(format_args!(" AND {plus}n.kind = "))
                .push_bind(kind.code());
        }
        if let Some(source) = q.source {
            qb.push(format_args!(" AND {plus}n.source = "))
                .push_bind(source.code());
        }
        if let Some(country) = q.country {
            qb.push(format_args!(" AND {plus}n.country = "))
                .push_bind(country.to_string());
        }
    }
}

/// How many numbers the filter keeps, and whether counting stopped.
async fn count(
    conn: &mut SqliteConnection,
    filter: &Filter<'_>,
) -> Result<(i64, bool), sqlx::Error> {
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
    let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM (SELECT n.id");
    qb.push(FROM).push(" WHERE 1 = 1");
    filter.push(&mut qb, false);
    qb.push(" LIMIT ").push_bind(SMALL + 1).push(")");
    let found: i64 = qb.build_query_scalar().fetch_one(&mut *conn).await?;
    Ok((found.min(SMALL), found > SMALL))
}

/// The expression the grid sorts by; numbers nobody holds sort last. The
/// holder's key carries their id, so two holders of one name don't
/// interleave.
fn sort_key(sort: NumberSort, descending: bool) -> &'static str {
    match (sort, descending) {
        (NumberSort::Number, _) => "n.e164",
        (NumberSort::City, _) => "lower(n.city)",
        (NumberSort::AssignedTo, false) => {
            "COALESCE(lower(h.display_name) || char(1) || printf('%010d', h.id), char(1114111))"
        }
        (NumberSort::AssignedTo, true) => {
            "COALESCE(lower(h.display_name) || char(1) || printf('%010d', h.id), '')"
        }
    }
}

/// One page of the inventory, how many numbers match, and whether that
/// count stopped at `SMALL`.
pub async fn page(
    conn: &mut SqliteConnection,
    query: &NumberQuery,
    today: &Date,
) -> Result<(Page<TelephoneNumber, NumberCursor>, i64, bool), sqlx::Error> {
    let filter = Filter::new(conn, query, today).await?;
    let (total, capped) = count(conn, &filter).await?;
    let key = sort_key(query.sort, query.descending);
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
    conn: &mut SqliteConnection,
    keyset: &Keyset<'_, NumberId>,
    filter: &Filter<'_>,
    walking: bool,
) -> Result<Vec<SqliteRow>, sqlx::Error> {
    let mut qb = QueryBuilder::new("");
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
    conn: &mut SqliteConnection,
    query: &NumberQuery,
    key: &'static str,
    filter: &Filter<'_>,
) -> Result<Vec<SqliteRow>, sqlx::Error> {
    let wanted = query.limit as i64 + 1;
    let direction = if query.descending { "DESC" } else { "ASC" };
    let cmp = if query.descending { "<" } else { ">" };
    let last = if query.descending { "" } else { "\u{10FFFF}" };
    let in_second_part = query.after.as_ref().is_some_and(|c| c.key == last);
    let mut found = Vec::new();
    if !in_second_part {
        let mut qb = QueryBuilder::new("");
        select_number_columns(&mut qb);
        qb.push(format_args!(
            ", {key} AS sort_key FROM voice_users h \
             CROSS JOIN number_assignments a ON a.user_id = h.id \
             CROSS JOIN phone_numbers n ON n.id = a.number_id WHERE 1 = 1"
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
        let mut qb = QueryBuilder::new("");
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
