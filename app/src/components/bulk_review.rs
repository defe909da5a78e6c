//! The rows of a bulk dialog as the admin reviews them, up to ten thousand:
//! each row keeps its number, note and location in signals of its own, so
//! an edit redraws that row alone; the server's problems are kept by user,
//! not by place, so dropping a row never hands its problems to the next;
//! and the table shows one page of rows at a time.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use leptos::prelude::*;

use crate::domain::{
    grouped, BulkRow, Country, LocationId, RowViolations, Suggestion, UserId, VoiceUser,
};

/// One user's row: the number they are to get, as shown or typed, why no
/// number was suggested, and a location of their own when not their
/// country's.
#[derive(Clone, Debug)]
pub struct Row {
    pub user: VoiceUser,
    pub number: RwSignal<String>,
    pub note: RwSignal<Option<String>>,
    pub location: RwSignal<Option<LocationId>>,
}

impl Row {
    /// The row `user` starts with: their own number when `moving` (they
    /// keep it), else none until one is suggested or typed.
    pub fn new(user: VoiceUser, moving: bool) -> Self {
        let number = user
            .assigned_number
            .as_ref()
            .filter(|_| moving)
            .map(|n| n.number.international.clone())
            .unwrap_or_default();
        Self {
            user,
            number: RwSignal::new(number),
            note: RwSignal::new(None),
            location: RwSignal::new(None),
        }
    }

    /// The location the row saves: its own, or its country's.
    pub fn location_in(&self, chosen: &BTreeMap<Country, LocationId>) -> Option<LocationId> {
        self.location
            .get()
            .or_else(|| chosen.get(&self.user.usage_location).copied())
    }

    /// What the dialog checks and saves for the row.
    pub fn request(&self, chosen: &BTreeMap<Country, LocationId>) -> BulkRow {
        BulkRow {
            user_id: self.user.id,
            expected_version: self.user.version,
            number: Some(self.number.get()),
            location_id: self.location_in(chosen),
        }
    }
}

/// What the last check found wrong, by user.
pub type Problems = HashMap<UserId, Vec<String>>;

/// The problems of a check by user: the server names a row by its place in
/// `checked`, the request as it was sent, which a Drop since has changed.
pub fn problems_by_user(checked: &[UserId], found: Vec<RowViolations>) -> Problems {
    found
        .into_iter()
        .filter_map(|r| {
            let user = *checked.get(r.row)?;
            Some((user, r.violations.iter().map(ToString::to_string).collect()))
        })
        .collect()
}

/// Puts the suggested numbers (or why there is none) into the rows.
pub fn apply_suggestions(rows: &[Row], found: Vec<Suggestion>) {
    let mut by_user: HashMap<UserId, Suggestion> =
        found.into_iter().map(|s| (s.user_id, s)).collect();
    for row in rows {
        if let Some(s) = by_user.remove(&row.user.id) {
            row.number
                .set(s.number.map(|n| n.number.international).unwrap_or_default());
            row.note.set(s.note);
        }
    }
}

/// The places of the rows that need the admin: a problem the server found,
/// or a note saying why no number was suggested. `rows` gives each row's
/// user and whether it carries a note.
pub fn flagged(rows: impl IntoIterator<Item = (UserId, bool)>, problems: &Problems) -> Vec<usize> {
    rows.into_iter()
        .enumerate()
        .filter(|(_, (user, noted))| *noted || problems.contains_key(user))
        .map(|(at, _)| at)
        .collect()
}

/// How many rows need the admin, beside "Only rows with problems"; nothing
/// while none do.
pub fn needing_text(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 row has a problem.".to_owned()),
        n => Some(format!("{} rows have problems.", grouped(n as u64))),
    }
}

/// The most rows the review table shows at once.
pub const PAGE_ROWS: usize = 100;

/// The page of the listed rows the table shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// The listed rows on this page.
    pub rows: Range<usize>,
    /// This page, from 0.
    pub page: usize,
    pub pages: usize,
    /// How many rows are listed.
    pub listed: usize,
}

impl Window {
    /// Page `page` (from 0) of `listed` rows; a page past the end, left
    /// after Drop or a filter emptied it, shows the last page.
    pub fn of(listed: usize, page: usize) -> Self {
        let pages = listed.div_ceil(PAGE_ROWS).max(1);
        let page = page.min(pages - 1);
        let start = page * PAGE_ROWS;
        Self {
            rows: start..listed.min(start + PAGE_ROWS),
            page,
            pages,
            listed,
        }
    }

    pub fn has_previous(&self) -> bool {
        self.page > 0
    }

    pub fn has_next(&self) -> bool {
        self.page + 1 < self.pages
    }

    /// "Rows 101–200 of 10,000", and "… with problems" when only those
    /// are listed.
    pub fn text(&self, only_problems: bool) -> String {
        match (self.listed, only_problems) {
            (0, true) => "No rows with problems.".to_owned(),
            (0, false) => "No rows.".to_owned(),
            (listed, only) => format!(
                "Rows {}–{} of {}{}",
                grouped(self.rows.start as u64 + 1),
                grouped(self.rows.end as u64),
                grouped(listed as u64),
                if only { " with problems" } else { "" }
            ),
        }
    }
}

#[cfg(test)]
#[path = "bulk_review_tests.rs"]
mod tests;
