//! Which numbers the Phone numbers grid keeps: its search, state, type,
//! source and country, as SQL over `n`, `a` and `h` (`number_grid` reads
//! the page), and how each part of the search is best checked.

use super::Sql;
use sqlx::AnyConnection;

use super::like_pattern;
use super::numbers::push_state;
use super::search_index::{cities_containing, index_answers, probe, Index, SMALL};
use super::Dialect;
use crate::domain::{search_term, Date, NumberQuery};

/// Which numbers the grid keeps, as SQL over `n`, `a` and `h`.
pub(super) struct Filter<'q> {
    /// The search term, lower case, and how the numbers' cities and their
    /// holders' names are checked for it.
    text: Option<(String, TextMatch)>,
    digits: Option<(String, bool)>,
    /// An index found more than `SMALL` numbers matching the search.
    pub(super) many: bool,
    dialect: Dialect,
    pub(super) query: &'q NumberQuery,
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
    pub(super) async fn new(
        conn: &mut AnyConnection,
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
                    true => match probe(conn, Index::NumberCities, &term).await? {
                        n if n <= SMALL => Check::Indexed,
                        _ => {
                            many = true;
                            match cities_containing(conn, &term).await?.as_slice() {
                                [one] if digits.is_empty() => Check::City(one.clone()),
                                _ => Check::Scan,
                            }
                        }
                    },
                };
                let holder = match long {
                    false => Check::Scan,
                    true => match probe(conn, Index::UserNames, &term).await? {
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
                let fast =
                    long(&digits) && index_answers(conn, Index::NumberDigits, &digits).await?;
                many |= long(&digits) && !fast;
                Some((digits, fast))
            }
        };
        Ok(Self {
            text,
            digits,
            many,
            dialect: Dialect::of(conn),
            query,
            today,
        })
    }

    pub(super) fn is_empty(&self) -> bool {
        let q = self.query;
        self.text.is_none()
            && q.state.is_none()
            && q.kind.is_none()
            && q.source.is_none()
            && q.country.is_none()
    }

    /// ` AND ...` for each condition; `walking` as in `user_grid`.
    pub(super) fn push(&self, qb: &mut Sql, walking: bool) {
        let plus = self.dialect.walk_hint(walking);
        if let Some((text, checks)) = &self.text {
            qb.push(" AND (");
            match &checks.city {
                Check::Indexed => {
                    qb.push(format_args!("{plus}n.id"));
                    Index::NumberCities.push_in(qb, self.dialect, text);
                }
                // No `+`: the city's index is the walk, in number order.
                Check::City(city) => {
                    qb.push("n.search_city = ").push_bind(city.clone());
                }
                Check::Nothing => {
                    qb.push("FALSE");
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
                    qb.push(format_args!(" OR {plus}n.id"));
                    Index::NumbersOfNames.push_in(qb, self.dialect, text);
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
                    qb.push(format_args!(" OR {plus}n.id"));
                    Index::NumberDigits.push_in(qb, self.dialect, digits);
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
            push_state(qb, state, self.today, self.dialect);
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
