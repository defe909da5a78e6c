//! Saving numbers for many users at once: the rows an admin reviews, the
//! suggestions they start from, and the narrowing of those suggestions to
//! a city or a range of numbers.

use serde::{Deserialize, Serialize};

use super::{LocationId, TelephoneNumber, UserId, Violation};

/// The most rows one bulk save, check or import may hold.
pub const MAX_BULK_ROWS: usize = 10_000;

/// One user's row of a bulk save: the number (as E.164 or typed in
/// international form) and location they should end up with, or `None`
/// for both to take their number back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BulkRow {
    pub user_id: UserId,
    /// The user's version the admin was looking at.
    pub expected_version: i64,
    pub number: Option<String>,
    pub location_id: Option<LocationId>,
}

/// The rules one row of a set breaks, by its place in the set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RowViolations {
    pub row: usize,
    pub violations: Vec<Violation>,
}

/// Which free numbers to suggest: in a city, or starting with some digits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Narrowing {
    /// A city, as the Phone numbers grid shows it; empty for any.
    pub city: String,
    /// A range as an admin writes it: "+1 425 555 01xx" (from the country
    /// code), or an area code such as "425" or "020"; empty for any.
    pub range: String,
}

/// What [`Narrowing::range`] means for the numbers' digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Range {
    Any,
    /// E.164 starts with `+` and these digits.
    Starts(String),
    /// These digits follow the country code (a trunk `0` dropped).
    AfterCountryCode(String),
}

impl Narrowing {
    pub fn range(&self) -> Range {
        let text = self.range.trim();
        // Trailing x's are the digits left free: "01xx".
        let digits: String = text
            .trim_end_matches(['x', 'X', ' '])
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if digits.is_empty() {
            Range::Any
        } else if text.starts_with('+') {
            Range::Starts(digits)
        } else {
            match digits.trim_start_matches('0') {
                "" => Range::Any,
                rest => Range::AfterCountryCode(rest.to_owned()),
            }
        }
    }
}

/// Numbers for selected users, and where the suggestions come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SuggestRequest {
    pub users: Vec<UserId>,
    pub narrow: Narrowing,
}

/// The number suggested for one user, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Suggestion {
    pub user_id: UserId,
    pub number: Option<TelephoneNumber>,
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_reads_as_an_admin_writes_it() {
        let cases = [
            ("", Range::Any),
            ("  ", Range::Any),
            ("+1 425 555 01xx", Range::Starts("142555501".into())),
            ("+1 (425) 555-01XX", Range::Starts("142555501".into())),
            ("+44 20", Range::Starts("4420".into())),
            ("425", Range::AfterCountryCode("425".into())),
            ("020", Range::AfterCountryCode("20".into())),
            ("0", Range::Any),
            ("xx", Range::Any),
        ];
        for (typed, expected) in cases {
            let narrow = Narrowing {
                city: String::new(),
                range: typed.into(),
            };
            assert_eq!(narrow.range(), expected, "{typed:?}");
        }
    }
}
