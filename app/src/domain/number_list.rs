//! The Phone numbers grid's query, and the Assign number dialog's list of
//! numbers to pick from.

use serde::{Deserialize, Serialize};

use super::paging::{check_length, check_limit, check_page_request, Cursor, QueryError};
use super::{
    Country, Date, NumberId, NumberKind, NumberSource, NumberState, Paged, TelephoneNumber,
};

choice! {
    /// The grid's State filter: which [`NumberState`]s it keeps.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum StateFilter {
        /// Free to assign today.
        Unassigned => ("unassigned", "Unassigned"),
        Assigned => ("assigned", "Assigned"),
        /// Still being activated (a pending order), or failed activation.
        Pending => ("pending", "Pending or failed"),
        /// In its re-use block after a removal.
        Blocked => ("blocked", "Blocked for re-use"),
    }
}

impl StateFilter {
    pub fn keeps(self, state: &NumberState) -> bool {
        matches!(
            (self, state),
            (StateFilter::Unassigned, NumberState::Unassigned)
                | (StateFilter::Assigned, NumberState::Assigned)
                | (
                    StateFilter::Pending,
                    NumberState::PendingActivation | NumberState::ActivationFailed
                )
                | (StateFilter::Blocked, NumberState::Blocked { .. })
        )
    }
}

choice! {
    /// The grid's sortable columns; the code is what the page's address says.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum NumberSort {
        #[default]
        Number => ("number", "Phone number"),
        City => ("city", "City"),
        AssignedTo => ("holder", "Assigned to"),
    }
}

pub type NumberCursor = Cursor<NumberId>;

#[derive(
    Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct NumberQuery {
    /// Digits of the number, part of its city, or of its holder's name.
    pub search: String,
    pub state: Option<StateFilter>,
    pub kind: Option<NumberKind>,
    pub source: Option<NumberSource>,
    pub country: Option<Country>,
    pub sort: NumberSort,
    pub descending: bool,
    pub after: Option<NumberCursor>,
    pub limit: u32,
}

pub const NUMBER_PAGE: u32 = 50;
pub const MAX_NUMBER_PAGE: u32 = 200;

impl NumberQuery {
    pub fn check(&self) -> Result<(), QueryError> {
        check_page_request(
            &self.search,
            self.after.as_ref(),
            self.limit,
            MAX_NUMBER_PAGE,
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NumberPage {
    pub numbers: Vec<TelephoneNumber>,
    pub next: Option<NumberCursor>,
    /// How many numbers match, or at least how many when `total_capped`.
    pub total: i64,
    #[serde(default)]
    pub total_capped: bool,
    /// The server's date, to tell blocked numbers from free ones.
    pub today: Date,
}

impl Paged for NumberPage {
    type Row = TelephoneNumber;
    type Cursor = NumberCursor;
    fn rows(&self) -> &[TelephoneNumber] {
        &self.numbers
    }
    fn next(&self) -> Option<NumberCursor> {
        self.next.clone()
    }
}

/// What the Assign number dialog asks for: assignable numbers matching text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NumberFilter {
    /// Digits of the number or part of its city; empty for all.
    pub text: String,
    /// Numbers of this country come first (the user's usage location).
    pub country: Option<Country>,
    pub limit: u32,
}

pub const MAX_ASSIGNABLE: u32 = 200;

impl NumberFilter {
    pub fn check(&self) -> Result<(), QueryError> {
        check_length("text", &self.text, super::paging::MAX_SEARCH)?;
        check_limit(self.limit, MAX_ASSIGNABLE)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssignableNumbers {
    pub numbers: Vec<TelephoneNumber>,
    /// Assignable numbers in the whole inventory, whatever the filter (at
    /// least this many when `available_capped`): zero means the
    /// organisation must get numbers first.
    pub available: i64,
    #[serde(default)]
    pub available_capped: bool,
    /// The server's date, which the browser's rule check uses for re-use blocks.
    pub today: Date,
}

/// The city as the Phone numbers search compares it: lower case.
pub fn search_city(city: &str) -> String {
    city.to_lowercase()
}

/// Whether the Phone numbers search for `raw` keeps `number`: the term is
/// part of its city or of its holder's search text (name or username,
/// see [`super::search_text`]), or the term's digits are part of the
/// number. The store's SQL must agree; the API tests check it.
pub fn number_search_keeps(number: &TelephoneNumber, holder_text: Option<&str>, raw: &str) -> bool {
    let term = super::search_term(raw);
    let digits: String = term.chars().filter(char::is_ascii_digit).collect();
    term.is_empty()
        || search_city(&number.city).contains(&term)
        || holder_text.is_some_and(|h| h.contains(&term))
        || (!digits.is_empty() && number.number.e164.digits().contains(&digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_filter_keeps_exactly_its_states() {
        let until = Date::parse("2026-12-01").unwrap();
        let states = [
            NumberState::Assigned,
            NumberState::PendingActivation,
            NumberState::ActivationFailed,
            NumberState::Blocked { until },
            NumberState::Unassigned,
        ];
        let table: [(StateFilter, &[usize]); 4] = [
            (StateFilter::Assigned, &[0]),
            (StateFilter::Pending, &[1, 2]),
            (StateFilter::Blocked, &[3]),
            (StateFilter::Unassigned, &[4]),
        ];
        for (filter, kept) in table {
            for (i, state) in states.iter().enumerate() {
                assert_eq!(
                    filter.keeps(state),
                    kept.contains(&i),
                    "{filter:?} / {state:?}"
                );
            }
        }
        // Every state is kept by exactly one filter: the filters split the inventory.
        for state in &states {
            let keepers = StateFilter::ALL.iter().filter(|f| f.keeps(state)).count();
            assert_eq!(keepers, 1, "{state:?}");
        }
    }
}
