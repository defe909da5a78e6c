//! The Assign number dialog's filter text, as a condition on the numbers
//! `n` it offers (`numbers::assignable` reads them): through the search
//! index when few numbers match, along one city's index, or checked on
//! each number read in order.

use sqlx::AnyConnection;

use super::search_index::{cities_containing, fts_phrase, probe_sql, SMALL};
use super::{like_pattern, Dialect, Sql};

/// The numbers whose city or digits match the FTS5 query `$1` (SQLite).
const FEW_NUMBERS: &str =
    "SELECT rowid FROM phone_number_search WHERE phone_number_search MATCH $1";

/// The Assign number dialog's filter text, as a condition on `n`.
pub(super) enum DialogText {
    Any,
    /// Few numbers match: found through the search index.
    Few(String),
    /// Many match, all in this one city: its index lists them in order.
    City(String),
    /// Short text, or many numbers match: each number read in order is
    /// checked.
    Scan {
        city: String,
        digits: Option<String>,
    },
}

impl DialogText {
    pub(super) async fn new(term: &str, conn: &mut AnyConnection) -> Result<Self, sqlx::Error> {
        if term.is_empty() {
            return Ok(DialogText::Any);
        }
        let digits: String = term.chars().filter(char::is_ascii_digit).collect();
        let scan = || DialogText::Scan {
            city: like_pattern(term),
            digits: (!digits.is_empty()).then(|| like_pattern(&digits)),
        };
        if term.chars().count() < 3 || (!digits.is_empty() && digits.len() < 3) {
            return Ok(scan());
        }
        // One FTS5 query on SQLite; PostgreSQL's trigram indexes serve the
        // scan's LIKEs themselves.
        if Dialect::of(conn) == Dialect::Sqlite {
            let mut phrase = format!("search_city : {}", fts_phrase(term));
            if !digits.is_empty() {
                phrase = format!("({phrase}) OR (e164 : {})", fts_phrase(&digits));
            }
            if probe_sql(conn, FEW_NUMBERS, &phrase).await? <= SMALL {
                return Ok(DialogText::Few(phrase));
            }
        }
        if digits.is_empty() {
            if let [city] = cities_containing(conn, term).await?.as_slice() {
                return Ok(DialogText::City(city.clone()));
            }
        }
        Ok(scan())
    }

    pub(super) fn push(&self, qb: &mut Sql) {
        match self {
            DialogText::Any => {}
            DialogText::Few(phrase) => {
                qb.push(" AND n.id").push_in(FEW_NUMBERS, phrase.clone());
            }
            DialogText::City(city) => {
                qb.push(" AND n.search_city = ").push_bind(city.clone());
            }
            DialogText::Scan { city, digits } => {
                qb.push(" AND (n.search_city LIKE ")
                    .push_bind(city.clone())
                    .push(" ESCAPE '\\'");
                if let Some(digits) = digits {
                    qb.push(" OR n.e164 LIKE ")
                        .push_bind(digits.clone())
                        .push(" ESCAPE '\\'");
                }
                qb.push(")");
            }
        }
    }
}
