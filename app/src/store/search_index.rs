//! The trigram indexes' side of every search: how a term is put to an
//! index, and the capped probe that decides whether the index answers it
//! (few matches) or the rows are checked one by one along the sort order
//! (many). The grids, the Assign number dialog and the audit log use it.

use sqlx::SqliteConnection;

/// The most rows read whole and sorted; also where counting stops.
pub const SMALL: i64 = 1000;

/// Terms this long or longer use the trigram indexes; shorter ones are
/// compared row by row (a trigram index can't hold them).
pub const INDEXED: usize = 3;

/// `text` as an FTS5 string: in double quotes, a quote doubled.
pub fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The rows of a trigram index `table` that match `$1`.
pub fn matching(table: &str) -> String {
    format!("SELECT rowid FROM {table} WHERE {table} MATCH $1")
}

/// Whether an index should answer `phrase` (an FTS5 query of a term at
/// least [`INDEXED`] long): only when `select` (rows matching `$1`, through
/// the index) finds at most `SMALL`. A term that matches many ("555" among
/// US numbers, a big city) is cheaper checked on each row read along the
/// sort order, where matches come thick and the page fills at once, than
/// gathered whole from the index first; and its count is "1,000+" without
/// counting further.
pub async fn index_answers(
    conn: &mut SqliteConnection,
    select: &str,
    phrase: &str,
) -> Result<bool, sqlx::Error> {
    Ok(probe(conn, select, phrase).await? <= SMALL)
}

/// How many rows `select` finds for `phrase`, counting no further than
/// one past `SMALL`.
pub async fn probe(
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

/// The cities (as `search_city` holds them) that contain `term`, read by
/// hopping from one city to the next along the city index: a few dozen
/// look-ups, however many numbers each city has.
pub async fn cities_containing(
    conn: &mut SqliteConnection,
    term: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let cities: Vec<String> = sqlx::query_scalar(
        "WITH RECURSIVE city (name) AS ( \
             SELECT MIN(search_city) FROM phone_numbers \
             UNION ALL \
             SELECT (SELECT MIN(search_city) FROM phone_numbers WHERE search_city > city.name) \
             FROM city WHERE city.name IS NOT NULL \
         ) SELECT name FROM city WHERE name IS NOT NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(cities.into_iter().filter(|c| c.contains(term)).collect())
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
