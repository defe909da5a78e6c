//! Change sets: the changes of one Save, import or undo, kept so that the
//! whole set can be listed and undone together.

use serde::{Deserialize, Serialize};

use super::{ChangeSetId, LocationId, Paged, UserId, VoiceUser, E164};

/// One change set as the Recent changes view lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChangeSet {
    pub id: ChangeSetId,
    /// Seconds since the epoch, UTC.
    pub at: i64,
    pub actor: String,
    pub summary: String,
    /// How many users it changed.
    pub users: i64,
    /// The set this one undid, when it is an undo.
    pub undoes: Option<ChangeSetId>,
    /// The set that undid this one, if any.
    pub undone_by: Option<ChangeSetId>,
}

impl ChangeSet {
    /// Whether Undo is still offered: not undone already.
    pub fn undoable(&self) -> bool {
        self.undone_by.is_none()
    }
}

/// A number as a user held it, with its emergency location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Holding {
    pub number: E164,
    pub location: LocationId,
}

impl Holding {
    /// What `user` holds now.
    pub fn of(user: &VoiceUser) -> Option<Holding> {
        match (&user.assigned_number, &user.emergency_location) {
            (Some(n), Some(l)) => Some(Holding {
                number: n.number.e164.clone(),
                location: l.id,
            }),
            _ => None,
        }
    }
}

/// What a change set did to one user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserChange {
    pub user: UserId,
    pub before: Option<Holding>,
    pub after: Option<Holding>,
    /// The user's version right after the set: undo goes ahead only while
    /// the user is still at it.
    pub version_after: i64,
}

/// A saved change and the set it was saved in: `None` when Save found
/// nothing to change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(rename = "Saved_{T}")]
pub struct Saved<T> {
    pub saved: T,
    pub change_set: Option<ChangeSetId>,
}

/// One page of recent change sets, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChangeSetPage {
    pub sets: Vec<ChangeSet>,
    /// Pass as `before` for the next page; `None` on the last.
    pub next: Option<ChangeSetId>,
    /// How many change sets there are in all, or at least how many when
    /// `total_capped`.
    #[serde(default)]
    pub total: i64,
    #[serde(default)]
    pub total_capped: bool,
}

impl Paged for ChangeSetPage {
    type Row = ChangeSet;
    type Cursor = ChangeSetId;
    fn rows(&self) -> &[ChangeSet] {
        &self.sets
    }
    fn next(&self) -> Option<ChangeSetId> {
        self.next
    }
}

/// How many change sets a page lists.
pub const CHANGE_SET_PAGE: usize = 50;
