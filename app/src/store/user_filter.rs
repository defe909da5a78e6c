//! Which users the Voice users grid keeps: its search, location and
//! assigned number filters, as SQL over `u`, `a` and `n` (`user_grid` reads
//! the page), and whether the trigram indexes or a row-by-row check answer
//! each part of the search.

use super::Sql;
use sqlx::AnyConnection;

use super::like_pattern;
use super::search_index::{index_answers, Index, INDEXED};
use super::Dialect;
use crate::domain::{search_term, UserQuery};

/// Which users the query keeps, as SQL over `u`, `a` and `n`.
pub(super) struct Filter {
    /// The search term, lower case, and whether the index answers it.
    pub(super) text: Option<(String, bool)>,
    /// The term's digits, and whether the index answers them.
    digits: Option<(String, bool)>,
    pub(super) location: Option<i64>,
    /// Only users with a number (`true`) or without one (`false`).
    pub(super) assigned: Option<bool>,
    /// An index found more than `SMALL` users matching the search.
    pub(super) many: bool,
    dialect: Dialect,
}

impl Filter {
    pub(super) async fn new(
        conn: &mut AnyConnection,
        query: &UserQuery,
    ) -> Result<Self, sqlx::Error> {
        let term = search_term(&query.search);
        let digits: String = term.chars().filter(char::is_ascii_digit).collect();
        let long = |s: &str| s.chars().count() >= INDEXED;
        let mut many = false;
        let text = match term.is_empty() {
            true => None,
            false => {
                let fast = long(&term) && index_answers(conn, Index::UserNames, &term).await?;
                many |= long(&term) && !fast;
                Some((term, fast))
            }
        };
        // A user without a number has no digits to match.
        let digits = match digits.is_empty() || query.assigned == Some(false) {
            true => None,
            false => {
                let fast =
                    long(&digits) && index_answers(conn, Index::HoldersOfDigits, &digits).await?;
                many |= long(&digits) && !fast;
                Some((digits, fast))
            }
        };
        Ok(Self {
            text,
            digits,
            location: query.location.map(|l| l.0),
            assigned: query.assigned,
            many,
            dialect: Dialect::of(conn),
        })
    }

    /// Whether the search's or the location's index finds the users kept.
    /// The assigned number filter alone is checked on each row read along
    /// the sort's index instead: with the numbers or without, either half
    /// of a directory fills a page at once.
    pub(super) fn indexed(&self) -> bool {
        self.text.is_some() || self.location.is_some()
    }

    /// ` AND ...` for each condition. While `walking` an index in sort
    /// order, a `+` keeps the planner on that index: the conditions then
    /// only check each row it reaches.
    pub(super) fn push(&self, qb: &mut Sql, walking: bool) {
        let plus = self.dialect.walk_hint(walking);
        if let Some((text, indexed)) = &self.text {
            qb.push(" AND (");
            if *indexed {
                qb.push(format_args!("{plus}u.id"));
                Index::UserNames.push_in(qb, self.dialect, text);
            } else {
                qb.push("u.search_name LIKE ")
                    .push_bind(like_pattern(text))
                    .push(" ESCAPE '\\'");
            }
            match &self.digits {
                Some((digits, true)) => {
                    qb.push(format_args!(" OR {plus}u.id"));
                    Index::HoldersOfDigits.push_in(qb, self.dialect, digits);
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
        match self.assigned {
            Some(true) => qb.push(" AND a.user_id IS NOT NULL"),
            Some(false) => qb.push(" AND a.user_id IS NULL"),
            None => qb,
        };
    }
}
