//! Undoing a change set: every user of the set gets back what they held
//! before it (number and emergency location, or none), in one transaction
//! that is itself a change set. It goes ahead only if each user is still
//! as the set left them and the restored assignments meet every rule as a
//! set (a number one user gives back may go to another user of the set);
//! otherwise the admin gets every reason and nothing is written.

use super::apply_set::{apply_set, Target};
use super::bulk_rows::Found;
use super::write::write_reading;
use super::ApiError;
use crate::domain::{
    check_set, ChangeSetId, EmergencyLocation, NumberId, NumberLookup, Permission, Proposal,
    Proposed, Saved, TelephoneNumber, UserChange, Violation, VoiceUser,
};
use crate::store;

/// One user of the set: what the set did, the user now, and the number and
/// location they held before, as they are now.
struct Restore<'a> {
    change: &'a UserChange,
    user: VoiceUser,
    number: Option<(NumberId, TelephoneNumber)>,
    location: Option<EmergencyLocation>,
}

#[tracing::instrument(skip_all, fields(change_set = %id))]
pub async fn undo(id: ChangeSetId) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
    let mut reads = store::Batch::new();
    let set_step = store::change_sets::push_get(&mut reads, id);
    let users_step = store::change_sets::push_users(&mut reads, id);
    let next_step = store::change_sets::push_next_id(&mut reads);
    write_reading(Permission::ManageVoice, reads, async |w, read| {
        let set = read
            .first(set_step)
            .map(store::change_sets::read_set)
            .transpose()?
            .ok_or_else(|| ApiError::not_found(format!("There is no change {id}.")))?;
        if let Some(by) = set.undone_by {
            return Err(ApiError::Conflict {
                message: format!("Change {id} was already undone, by change {by}."),
            });
        }
        let changes = store::change_sets::read_users(read.rows(users_step))?;
        let next = store::change_sets::read_next_id(read.first(next_step))?;

        // The set's users, and the numbers and locations they held before,
        // as they are now: three statements however many users.
        let ids: Vec<_> = changes.iter().map(|c| c.user).collect();
        let before: Vec<_> = changes
            .iter()
            .filter_map(|c| c.before.as_ref().map(|h| h.number.clone()))
            .collect();
        let mut now = store::Batch::new();
        let users_step = store::sets::push_users(&mut now, &ids);
        let numbers_step = store::sets::push_numbers(&mut now, &before);
        let locations_step = store::sets::push_locations(&mut now);
        let fetched = now.fetch(&mut w.tx).await?;
        let found = Found::read(&fetched, users_step, numbers_step, locations_step)?;
        let mut restores = Vec::with_capacity(changes.len());
        for change in &changes {
            let user =
                found.users.get(&change.user).cloned().ok_or_else(|| {
                    ApiError::internal(format!("change {id} names a missing user"))
                })?;
            let (number, location) = match &change.before {
                None => (None, None),
                Some(h) => (
                    found.numbers.get(&h.number).cloned(),
                    found.locations.get(&h.location).cloned(),
                ),
            };
            restores.push(Restore {
                change,
                user,
                number,
                location,
            });
        }
        refuse_unless_undoable(&restores, &w.today())?;

        let targets = restores
            .into_iter()
            .map(|r| Target {
                to: match (r.number, r.location) {
                    (Some((id, n)), Some(l)) => Some((id, n, l)),
                    _ => None,
                },
                user: r.user,
            })
            .collect();
        let summary = format!("Undid change {id}: {}", set.summary);
        let saved = apply_set(w, next, summary, Some(id), targets).await?;
        tracing::info!(users = saved.saved.len(), undo = ?saved.change_set, "change set undone");
        Ok(saved)
    })
    .await
}

/// Every reason the set can't be undone exactly: users changed since
/// (then nothing else is judged), or the rules the restored set breaks.
fn refuse_unless_undoable(
    restores: &[Restore<'_>],
    today: &crate::domain::Date,
) -> Result<(), ApiError> {
    let changed_since: Vec<Violation> = restores
        .iter()
        .filter(|r| r.user.version != r.change.version_after)
        .map(|r| Violation::ChangedSince {
            user: r.user.display_name.clone(),
        })
        .collect();
    if !changed_since.is_empty() {
        return Err(ApiError::Rejected {
            violations: changed_since,
        });
    }
    let proposals: Vec<Proposal<'_>> = restores
        .iter()
        .map(|r| Proposal {
            user: &r.user,
            change: match &r.change.before {
                None => Proposed::Remove,
                Some(held) => Proposed::Assign {
                    number: match &r.number {
                        Some((_, n)) => NumberLookup::Found(n),
                        None => NumberLookup::NotFound(&held.number),
                    },
                    location: r.location.as_ref(),
                },
            },
        })
        .collect();
    let violations: Vec<Violation> = check_set(&proposals, today).into_iter().flatten().collect();
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Rejected { violations })
    }
}
