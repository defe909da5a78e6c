//! The trigram indexes' side of every search: how a term is put to an
//! index, and the capped probe that decides whether the index answers it
//! (few matches) or the rows are checked one by one along the sort order
//! (many). The grids, the Assign number dialog and the audit log use it.

use sqlx::AnyConnection;

use super::{like_pattern, Dialect, Sql};

/// The most rows read whole and sorted; also where counting stops.
pub const SMALL: i64 = 1000;

/// Terms this long or longer use the trigram indexes; shorter ones are
/// compared row by row (a trigram index can't hold them).
pub const INDEXED: usize = 3;

/// `text` as an FTS5 string: in double quotes, a quote doubled.
pub fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// What a search looks up through a trigram index. On SQLite that is an
/// FTS5 table (`migrations/sqlite/0004`, `0005`); on PostgreSQL a `pg_trgm`
/// GIN index on the column itself, which `LIKE '%term%'` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Index {
    /// Users whose name or username contains the term.
    UserNames,
    /// Numbers whose E.164 contains the digits.
    NumberDigits,
    /// Numbers whose city contains the term.
    NumberCities,
    /// Users holding a number whose E.164 contains the digits.
    HoldersOfDigits,
    /// Numbers held by users whose name contains the term.
    NumbersOfNames,
}

impl Index {
    /// A statement selecting the ids that match `$1`.
    fn select(self, dialect: Dialect) -> &'static str {
        use Index::*;
        match (dialect, self) {
            (Dialect::Sqlite, UserNames) => {
                "SELECT rowid FROM voice_user_search WHERE voice_user_search MATCH $1"
            }
            (Dialect::Sqlite, NumberDigits | NumberCities) => {
                "SELECT rowid FROM phone_number_search WHERE phone_number_search MATCH $1"
            }
            (Dialect::Sqlite, HoldersOfDigits) => {
                "SELECT d.user_id FROM phone_number_search m \
                 CROSS JOIN number_assignments d ON d.number_id = m.rowid \
                 WHERE phone_number_search MATCH $1"
            }
            (Dialect::Sqlite, NumbersOfNames) => {
                "SELECT x.number_id FROM voice_user_search s \
                 CROSS JOIN number_assignments x ON x.user_id = s.rowid \
                 WHERE voice_user_search MATCH $1"
            }
            (Dialect::Postgres, UserNames) => {
                "SELECT id FROM voice_users WHERE search_name LIKE $1 ESCAPE '\\'"
            }
            (Dialect::Postgres, NumberDigits) => {
                "SELECT id FROM phone_numbers WHERE e164 LIKE $1 ESCAPE '\\'"
            }
            (Dialect::Postgres, NumberCities) => {
                "SELECT id FROM phone_numbers WHERE search_city LIKE $1 ESCAPE '\\'"
            }
            (Dialect::Postgres, HoldersOfDigits) => {
                "SELECT d.user_id FROM phone_numbers m \
                 JOIN number_assignments d ON d.number_id = m.id \
                 WHERE m.e164 LIKE $1 ESCAPE '\\'"
            }
            (Dialect::Postgres, NumbersOfNames) => {
                "SELECT x.number_id FROM voice_users s \
                 JOIN number_assignments x ON x.user_id = s.id \
                 WHERE s.search_name LIKE $1 ESCAPE '\\'"
            }
        }
    }

    /// What `$1` is for `term` (lower case; digits for the number indexes).
    fn param(self, dialect: Dialect, term: &str) -> String {
        use Index::*;
        match (dialect, self) {
            (Dialect::Sqlite, UserNames | NumbersOfNames) => fts_phrase(term),
            (Dialect::Sqlite, NumberDigits | HoldersOfDigits) => {
                format!("e164 : {}", fts_phrase(term))
            }
            (Dialect::Sqlite, NumberCities) => format!("search_city : {}", fts_phrase(term)),
            (Dialect::Postgres, _) => like_pattern(term),
        }
    }

    /// ` IN (…)`, the ids this index finds for `term`, pushed with the term bound.
    pub fn push_in(self, qb: &mut Sql, dialect: Dialect, term: &str) {
        qb.push_in(self.select(dialect), self.param(dialect, term));
    }
}

/// Whether `index` should answer `term` (at least [`INDEXED`] long): only
/// when it finds at most `SMALL`. A term that matches many ("555" among
/// US numbers, a big city) is cheaper checked on each row read along the
/// sort order, where matches come thick and the page fills at once, than
/// gathered whole from the index first; and its count is "1,000+" without
/// counting further.
pub async fn index_answers(
    conn: &mut AnyConnection,
    index: Index,
    term: &str,
) -> Result<bool, sqlx::Error> {
    Ok(probe(conn, index, term).await? <= SMALL)
}

/// How many rows `index` finds for `term`, counting no further than one
/// past `SMALL`.
pub async fn probe(conn: &mut AnyConnection, index: Index, term: &str) -> Result<i64, sqlx::Error> {
    let dialect = Dialect::of(conn);
    probe_sql(conn, index.select(dialect), &index.param(dialect, term)).await
}

/// How many rows `select` (binding `$1`) finds for `param`, counting no
/// further than one past `SMALL`.
pub async fn probe_sql(
    conn: &mut AnyConnection,
    select: &str,
    param: &str,
) -> Result<i64, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM ({select} LIMIT $2) AS found");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(param)
        .bind(SMALL + 1)
        .fetch_one(&mut *conn)
        .await
}

/// The cities (as `search_city` holds them) that contain `term`, read by
/// hopping from one city to the next along the city index: a few dozen
/// look-ups, however many numbers each city has.
pub async fn cities_containing(
    conn: &mut AnyConnection,
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
