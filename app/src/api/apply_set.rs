//! Writing a checked set of changes as one change set: every user's old
//! number given back, the new ones taken, versions moved on, the set's
//! record and its audit entries, and the commit, in one call to SQLite.
//! Bulk saves, imports and undo all end here, after `check_set` passed on
//! data read under the same write lock.

use super::write::{wrote, Write};
use super::ApiError;
use crate::domain::{
    AuditAction, AuditRecord, ChangeSetId, EmergencyLocation, Holding, NumberId, Saved,
    TelephoneNumber, UserChange, VoiceUser,
};
use crate::store;

/// A user of the set and what they end up holding: a number at a location,
/// or none.
pub struct Target {
    pub user: VoiceUser,
    pub to: Option<(NumberId, TelephoneNumber, EmergencyLocation)>,
}

impl Target {
    /// Whether the user holds their target already.
    pub fn changes_nothing(&self) -> bool {
        match &self.to {
            Some((_, n, l)) => self.user.holds(&n.number.e164, l.id),
            None => self.user.assigned_number.is_none(),
        }
    }

    fn after(&self, at_once: bool) -> VoiceUser {
        match &self.to {
            Some((_, n, l)) => self.user.with_number(n.clone(), l.clone(), at_once),
            None => self.user.without_number(at_once),
        }
    }
}

/// Writes `targets` as the change set `id` (read with
/// `change_sets::push_next_id` in this transaction) and commits. Users
/// whose target is what they hold already are left out of the set; when
/// that is everyone, nothing is written. Answers every user as now stored.
pub async fn apply_set(
    w: &mut Write,
    id: ChangeSetId,
    summary: String,
    undoes: Option<ChangeSetId>,
    targets: Vec<Target>,
) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
    let saved: Vec<VoiceUser> = targets
        .iter()
        .map(|t| {
            if t.changes_nothing() {
                t.user.clone()
            } else {
                t.after(w.state.confirm_at_once)
            }
        })
        .collect();
    let moving: Vec<(&Target, &VoiceUser)> = targets
        .iter()
        .zip(&saved)
        .filter(|(t, _)| !t.changes_nothing())
        .collect();
    if moving.is_empty() {
        w.tx.commit_with(store::Batch::new()).await?;
        return Ok(Saved {
            saved,
            change_set: None,
        });
    }
    let changes: Vec<UserChange> = moving
        .iter()
        .map(|(t, after)| UserChange {
            user: t.user.id,
            before: Holding::of(&t.user),
            after: Holding::of(after),
            version_after: t.user.version + 1,
        })
        .collect();
    let entries = moving
        .iter()
        .map(|(t, after)| entry(&t.user, after))
        .collect();
    let giving_back: Vec<_> = moving
        .iter()
        .filter(|(t, _)| t.user.assigned_number.is_some())
        .map(|(t, _)| t.user.id)
        .collect();
    let taking: Vec<_> = moving
        .iter()
        .filter_map(|(t, _)| t.to.as_ref().map(|(n, _, l)| (t.user.id, *n, l.id)))
        .collect();
    let expected = [giving_back.len(), taking.len(), moving.len()];

    let mut batch = store::Batch::new();
    w.record_set(&mut batch, id, summary, undoes, &changes);
    let assigned_at = w.state.clock.timestamp();
    let steps = store::sets::push_writes(
        &mut batch,
        store::sets::SetWrites {
            set: id,
            at: w.state.clock.now(),
            assigned_at: &assigned_at,
            actor: &w.caller.actor(),
            giving_back,
            taking,
            versions: moving
                .iter()
                .map(|(t, _)| (t.user.id, t.user.version))
                .collect(),
            entries,
        },
    );
    let changed = w.tx.commit_with(batch).await?;
    if moving.len() > 100 {
        w.tx.shrink().await?;
    }
    let steps = [
        (steps.given_back, "numbers given back"),
        (steps.taken, "numbers taken"),
        (steps.moved_on, "versions moved on"),
    ];
    for ((step, what), count) in steps.into_iter().zip(expected) {
        wrote(&changed, step, count as u64, what)?;
    }
    Ok(Saved {
        saved,
        change_set: Some(id),
    })
}

/// The audit entry for `before` becoming `after`.
fn entry(before: &VoiceUser, after: &VoiceUser) -> (AuditAction, AuditRecord) {
    match (&before.assigned_number, &after.assigned_number) {
        (_, None) => (
            AuditAction::NumberRemoved,
            AuditRecord::number_removed(before, String::new()),
        ),
        (None, Some(_)) => (
            AuditAction::NumberAssigned,
            AuditRecord::voice_change(before, after),
        ),
        (Some(_), Some(_)) => (
            AuditAction::NumberChanged,
            AuditRecord::voice_change(before, after),
        ),
    }
}
