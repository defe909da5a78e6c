//! The Voice users grid's query: search, filter, sort and page.

use serde::{Deserialize, Serialize};

use super::paging::{check_page_request, Cursor, QueryError};
use super::{Date, LocationId, Paged, UserId, VoiceUser};

choice! {
    /// The grid's sortable columns; the code is what the page's address says.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum UserSort {
        #[default]
        DisplayName => ("name", "Display name"),
        Username => ("username", "Username"),
        AssignedNumber => ("number", "Assigned number"),
        EmergencyLocation => ("location", "Emergency location"),
    }
}

choice! {
    /// The Assigned number filter as the page's select and address name it;
    /// the query holds it as [`UserQuery::assigned`].
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum NumberHeld {
        Yes => ("yes", "With a number"),
        No => ("no", "Without a number"),
    }
}

impl NumberHeld {
    /// The filter `assigned` asks for, if any.
    pub fn of(assigned: Option<bool>) -> Option<Self> {
        assigned.map(|yes| if yes { Self::Yes } else { Self::No })
    }

    /// What [`UserQuery::assigned`] holds for this filter.
    pub fn assigned(self) -> bool {
        self == Self::Yes
    }
}

/// Whether the Assigned number filter `assigned` keeps `user`.
pub fn assigned_keeps(assigned: Option<bool>, user: &VoiceUser) -> bool {
    assigned.is_none_or(|yes| user.assigned_number.is_some() == yes)
}

pub type UserCursor = Cursor<UserId>;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserQuery {
    /// Part of a name, a username, or digits of a number.
    pub search: String,
    /// Only the users whose emergency location this is.
    #[serde(default)]
    pub location: Option<LocationId>,
    /// Only the users with an assigned number (`true`) or without one
    /// (`false`); everyone when absent, as older clients send it.
    #[serde(default)]
    pub assigned: Option<bool>,
    pub sort: UserSort,
    pub descending: bool,
    pub after: Option<UserCursor>,
    pub limit: u32,
}

pub const USER_PAGE: u32 = 50;
pub const MAX_USER_PAGE: u32 = 200;

impl Default for UserQuery {
    fn default() -> Self {
        Self {
            search: String::new(),
            location: None,
            assigned: None,
            sort: UserSort::DisplayName,
            descending: false,
            after: None,
            limit: USER_PAGE,
        }
    }
}

impl UserQuery {
    pub fn check(&self) -> Result<(), QueryError> {
        check_page_request(&self.search, self.after.as_ref(), self.limit, MAX_USER_PAGE)
    }
}

/// One page of the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserPage {
    pub users: Vec<VoiceUser>,
    /// Present when more rows follow.
    pub next: Option<UserCursor>,
    /// How many users match the search in all, or, when `total_capped`,
    /// at least how many: counting every match of a broad search at
    /// 100,000 users would cost more than the page itself.
    pub total: i64,
    #[serde(default)]
    pub total_capped: bool,
    /// The server's date, for the rules the Assign number dialog runs.
    pub today: Date,
}

impl Paged for UserPage {
    type Row = VoiceUser;
    type Cursor = UserCursor;
    fn rows(&self) -> &[VoiceUser] {
        &self.users
    }
    fn next(&self) -> Option<UserCursor> {
        self.next.clone()
    }
}

/// The text the grid's search looks in: the display name and the username,
/// in lower case, one line each. Stored beside each user, so the database
/// compares exactly what this function gives.
pub fn search_text(display_name: &str, username: &str) -> String {
    format!(
        "{}\n{}",
        display_name.to_lowercase(),
        username.to_lowercase()
    )
}

/// What a search box's text is compared as: trimmed, in lower case.
pub fn search_term(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// Whether the grid's search for `raw` keeps `user`: the term is part of the
/// display name or username (any case), or the term's digits are part of the
/// user's number. The store's SQL must agree; the API tests check it.
pub fn search_keeps(user: &VoiceUser, raw: &str) -> bool {
    let term = search_term(raw);
    let digits: String = term.chars().filter(char::is_ascii_digit).collect();
    term.is_empty()
        || search_text(&user.display_name, &user.username).contains(&term)
        || (!digits.is_empty()
            && user
                .assigned_number
                .as_ref()
                .is_some_and(|n| n.number.e164.digits().contains(&digits)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Country, PhoneNumber, TelephoneNumber, E164};

    fn user(display_name: &str, username: &str, number: Option<&str>) -> VoiceUser {
        VoiceUser {
            id: UserId(1),
            display_name: display_name.into(),
            username: username.into(),
            usage_location: Country::parse("DE").unwrap(),
            licences: Vec::new(),
            assigned_number: number.map(|e164| TelephoneNumber {
                number: PhoneNumber {
                    e164: E164::parse(e164).unwrap(),
                    country: Country::parse("DE").unwrap(),
                    national: String::new(),
                    international: String::new(),
                },
                city: "Berlin".into(),
                kind: crate::domain::NumberKind::User,
                source: crate::domain::NumberSource::CallingPlan,
                activation: crate::domain::Activation::Active,
                blocked_until: None,
                holder: None,
            }),
            emergency_location: None,
            version: 1,
            provisioning: None,
        }
    }

    #[test]
    fn the_search_keeps_names_usernames_and_number_digits_in_any_case() {
        let gul = user(
            "Gül Öztürk",
            "g.oeztuerk@contoso.com",
            Some("+4930555000123"),
        );
        let cases = [
            ("", true, "no search keeps everyone"),
            ("öz", true, "a lower case umlaut finds the capital one"),
            ("ÖZTÜRK", true, "capitals find lower case"),
            ("  gül ", true, "blanks around are ignored"),
            ("gul", false, "no accent folding: ü is not u"),
            ("OEZTUERK@", true, "part of the username"),
            ("000123", true, "digits of the number"),
            ("30 555", true, "digits apart from their blanks"),
            ("%", false, "a percent sign is only text"),
            ("x", false, "a letter nowhere"),
        ];
        for (term, keeps, why) in cases {
            assert_eq!(search_keeps(&gul, term), keeps, "{why}: {term:?}");
        }
        assert!(
            !search_keeps(&user("Ann", "ann@contoso.com", None), "1"),
            "no number, no digits"
        );
    }

    #[test]
    fn the_assigned_filter_keeps_users_by_whether_they_hold_a_number() {
        let with = user("Ann", "ann@contoso.com", Some("+4930555000123"));
        let without = user("Bo", "bo@contoso.com", None);
        let cases = [
            (None, &with, true, "no filter keeps a holder"),
            (
                None,
                &without,
                true,
                "no filter keeps a user without a number",
            ),
            (Some(true), &with, true, "with a number: a holder"),
            (
                Some(true),
                &without,
                false,
                "with a number: not one without",
            ),
            (Some(false), &with, false, "without a number: not a holder"),
            (Some(false), &without, true, "without a number: one without"),
        ];
        for (assigned, user, keeps, why) in cases {
            assert_eq!(assigned_keeps(assigned, user), keeps, "{why}");
        }
    }

    #[test]
    fn the_select_s_choice_and_the_query_s_filter_are_the_same_filter() {
        for assigned in [None, Some(true), Some(false)] {
            let back = NumberHeld::of(assigned).map(NumberHeld::assigned);
            assert_eq!(back, assigned, "{assigned:?} round-trips");
        }
    }

    #[test]
    fn a_query_without_the_filter_lists_everyone() {
        let old =
            r#"{"search":"","sort":"DisplayName","descending":false,"after":null,"limit":50}"#;
        let query: UserQuery = serde_json::from_str(old).expect("an older client's query");
        assert_eq!(query.assigned, None);
        let new = r#"{"search":"","sort":"DisplayName","descending":false,"after":null,"limit":50,"assigned":false}"#;
        let query: UserQuery = serde_json::from_str(new).expect("a query with the filter");
        assert_eq!(query.assigned, Some(false));
    }
}
