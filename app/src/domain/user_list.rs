//! The Voice users grid's query: search, filter, sort and page.

use serde::{Deserialize, Serialize};

use super::paging::{check_page_request, Cursor, QueryError};
use super::{Date, LocationId, Paged, UserId, VoiceUser};

/// The grid's sortable columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserSort {
    #[default]
    DisplayName,
    Username,
    AssignedNumber,
    EmergencyLocation,
}

pub type UserCursor = Cursor<UserId>;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserQuery {
    /// Part of a name, a username, or digits of a number.
    pub search: String,
    /// Only the users whose emergency location this is.
    #[serde(default)]
    pub location: Option<LocationId>,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPage {
    pub users: Vec<VoiceUser>,
    /// Present when more rows follow.
    pub next: Option<UserCursor>,
    /// How many users match the search in all.
    pub total: i64,
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
