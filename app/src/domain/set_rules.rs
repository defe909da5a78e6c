//! The rules for several assignments saved together (a bulk assign, an
//! import, an undo): each row must pass [`check_assignment`] as if the
//! rows before and after it were already saved, and the set must hang
//! together: one row per user, no number given twice. A number that a
//! user of the set gives up may go to another user of the same set.

use std::collections::HashMap;

use super::{
    check_assignment, Date, EmergencyLocation, NumberLookup, TelephoneNumber, UserId, Violation,
    VoiceUser, E164,
};

/// What one row of a set does to its user.
#[derive(Clone, Copy, Debug)]
pub enum Proposed<'a> {
    /// The user gets `number` at `location`: a first number, another
    /// number, or the same number at another location.
    Assign {
        number: NumberLookup<'a>,
        location: Option<&'a EmergencyLocation>,
    },
    /// The user's number goes back to the unassigned inventory.
    Remove,
}

/// One row: the user as stored now and what the row does to them.
#[derive(Clone, Copy, Debug)]
pub struct Proposal<'a> {
    pub user: &'a VoiceUser,
    pub change: Proposed<'a>,
}

impl Proposal<'_> {
    fn number(&self) -> Option<&E164> {
        match self.change {
            Proposed::Assign {
                number: NumberLookup::Found(n),
                ..
            } => Some(&n.number.e164),
            Proposed::Assign {
                number: NumberLookup::NotFound(e164),
                ..
            } => Some(e164),
            Proposed::Remove => None,
        }
    }
}

/// Every rule each row breaks, row by row (empty where a row may be saved):
/// the set may be saved when every list is empty.
pub fn check_set(rows: &[Proposal<'_>], today: &Date) -> Vec<Vec<Violation>> {
    let mut first_row_of: HashMap<UserId, usize> = HashMap::new();
    let mut rows_with: HashMap<&E164, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        first_row_of.entry(row.user.id).or_insert(i);
        if let Some(number) = row.number() {
            rows_with.entry(number).or_default().push(i);
        }
    }
    // What each user of the set ends up holding, by their first row.
    let ends_with = |user: UserId| -> Option<Option<&E164>> {
        first_row_of.get(&user).map(|&i| rows[i].number())
    };
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let mut found = Vec::new();
            if first_row_of[&row.user.id] != i {
                found.push(Violation::UserTwiceInSet {
                    user: row.user.display_name.clone(),
                });
            }
            match row.change {
                Proposed::Remove => {
                    if row.user.assigned_number.is_none() {
                        found.push(Violation::NothingToRemove {
                            user: row.user.display_name.clone(),
                        });
                    }
                }
                Proposed::Assign { number, location } => {
                    if let Some(e164) = row.number() {
                        for &other in rows_with[e164].iter().filter(|&&j| j != i) {
                            found.push(Violation::NumberTwiceInSet {
                                number: e164.to_string(),
                                other: rows[other].user.display_name.clone(),
                            });
                        }
                    }
                    let freed;
                    let number = match number {
                        NumberLookup::Found(n) if given_up(n, &ends_with) => {
                            freed = TelephoneNumber {
                                holder: None,
                                ..n.clone()
                            };
                            NumberLookup::Found(&freed)
                        }
                        other => other,
                    };
                    found.extend(check_assignment(row.user, number, location, today));
                }
            }
            found
        })
        .collect()
}

/// Whether the number's holder is a user of the set who ends up without it.
fn given_up<'a>(
    n: &TelephoneNumber,
    ends_with: &impl Fn(UserId) -> Option<Option<&'a E164>>,
) -> bool {
    n.holder
        .as_ref()
        .and_then(|h| ends_with(h.user_id))
        .is_some_and(|end| end != Some(&n.number.e164))
}

#[cfg(test)]
#[path = "set_rules_tests.rs"]
mod tests;
