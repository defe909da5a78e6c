//! Live updates: the changes other admins commit, as an open console hears
//! of them (`GET /api/events`), who may hear of which, and the note the
//! console shows. Each change is an audit log entry: the log's id orders
//! them and lets a stream resume where it stopped.

use serde::{Deserialize, Serialize};

use super::{AuditAction, Permission, Role, UserId, VoiceUser};

/// One committed change, as a console hears of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LiveChange {
    /// The audit log entry's id.
    pub id: i64,
    /// Seconds since the epoch, UTC.
    pub at: i64,
    /// Who made it; empty when an end user hears of a change to themselves.
    pub actor: String,
    pub action: AuditAction,
    /// What changed, as an admin reads it (a user's or a location's name, a number).
    pub target: String,
    /// The voice user it changed, if any.
    pub user: Option<UserId>,
    pub user_name: Option<String>,
    /// The E.164 number it concerns, if any: for an assignment, the number
    /// just taken.
    pub number: Option<String>,
}

/// What one message of the stream carries: the changes since the last one
/// and the users they changed, as they are now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LiveBatch {
    pub changes: Vec<LiveChange>,
    /// The current state of each user named in `changes`.
    pub users: Vec<VoiceUser>,
    /// More changed than one message lists: reload what is on screen.
    pub reload: bool,
}

/// What a stream of changes may tell: everything its role may read, or
/// only the changes to the account's own voice user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listener {
    pub role: Role,
    /// Whether the organisation's licences open Voice.
    pub voice_open: bool,
    /// The voice user the account is, if any.
    pub own: Option<UserId>,
}

/// The most changes one message lists; past it the console reloads.
pub const MAX_LIVE_CHANGES: usize = 500;

/// Which part of the console a change touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Touches {
    /// A user's number or emergency location.
    Voice,
    /// The number inventory: added, ported, released.
    Inventory,
    Locations,
    /// A user's licences.
    Licences,
}

impl Touches {
    /// The part `action` touches; `None` for what no console shows live
    /// (accounts, sign-ins, settings).
    pub fn of(action: AuditAction) -> Option<Self> {
        use AuditAction::*;
        Some(match action {
            NumberAssigned
            | NumberChanged
            | NumberRemoved
            | ProvisioningConfirmed
            | ProvisioningFailed => Touches::Voice,
            NumbersAdded | NumbersPorted | NumbersReleased => Touches::Inventory,
            LocationAdded | LocationRenamed | LocationDeleted => Touches::Locations,
            LicenceAssigned | LicenceRemoved => Touches::Licences,
            _ => return None,
        })
    }

    fn permission(self) -> Permission {
        match self {
            Touches::Licences => Permission::ViewLicences,
            _ => Permission::ViewVoice,
        }
    }
}

/// The actions a stream carries, for the query that reads them.
pub fn live_actions() -> impl Iterator<Item = AuditAction> {
    AuditAction::ALL
        .iter()
        .copied()
        .filter(|a| Touches::of(*a).is_some())
}

impl Listener {
    /// `change` as this listener may hear of it, or `None`: a role that may
    /// read what it touches hears it all; anyone hears of a change to their
    /// own voice user, without who made it.
    pub fn sees(&self, change: &LiveChange) -> Option<LiveChange> {
        let touches = Touches::of(change.action)?;
        let permission = touches.permission();
        let gated = permission == Permission::ViewVoice && !self.voice_open;
        if self.role.may(permission) && !gated {
            return Some(change.clone());
        }
        let own = self.own.is_some() && change.user == self.own;
        (own && matches!(touches, Touches::Voice | Touches::Licences)).then(|| LiveChange {
            actor: String::new(),
            ..change.clone()
        })
    }
}

impl LiveChange {
    /// The note a console shows for this change, `ago` seconds after it.
    pub fn note(&self, ago: i64) -> String {
        use AuditAction::*;
        let when = when(ago);
        if self.actor.is_empty() {
            return match Touches::of(self.action) {
                Some(Touches::Licences) => format!("Your licenses were changed {when}."),
                _ => format!("Your Work Phone was changed {when}."),
            };
        }
        let by = &self.actor;
        let whose = self.user_name.as_deref().unwrap_or("A user");
        let target = &self.target;
        match self.action {
            NumberAssigned => format!("{whose} was assigned a number by {by} {when}."),
            NumberChanged => format!("{whose}'s number was changed by {by} {when}."),
            NumberRemoved => format!("{whose}'s number was removed by {by} {when}."),
            ProvisioningConfirmed => {
                format!("The phone system confirmed the change to {whose}'s number {when}.")
            }
            ProvisioningFailed => format!(
                "The phone system failed the change to {whose}'s number {when}; Switchboard keeps retrying."
            ),
            LicenceAssigned | LicenceRemoved => {
                format!("{whose}'s licenses were changed by {by} {when}.")
            }
            NumbersAdded => format!("{target} was added by {by} {when}."),
            NumbersPorted => format!("{target} was ported or uploaded by {by} {when}."),
            NumbersReleased => format!("{target} was released by {by} {when}."),
            LocationAdded => format!("The emergency location {target} was added by {by} {when}."),
            LocationRenamed => format!("An emergency location was renamed by {by} {when}."),
            LocationDeleted => {
                format!("The emergency location {target} was deleted by {by} {when}.")
            }
            _ => format!("{} by {by} {when}.", self.action.label()),
        }
    }
}

impl LiveBatch {
    /// Whether any change in this message touches `part`, or the console
    /// must reload everything anyway.
    pub fn touches(&self, part: Touches) -> bool {
        self.reload
            || self
                .changes
                .iter()
                .any(|c| Touches::of(c.action) == Some(part))
    }

    /// This message without the changes `me` made, and the users only
    /// those touched: a console needn't tell an admin of their own saves,
    /// and takes them in from the save's own answer (a page rebuilt from
    /// the stream first would drop the save's pending outcome).
    pub fn by_others(&self, me: &str) -> LiveBatch {
        let changes: Vec<LiveChange> = self
            .changes
            .iter()
            .filter(|c| c.actor != me)
            .cloned()
            .collect();
        let users = self
            .users
            .iter()
            .filter(|u| changes.iter().any(|c| c.user == Some(u.id)))
            .cloned()
            .collect();
        LiveBatch {
            changes,
            users,
            reload: self.reload,
        }
    }

    /// Whether there is anything to take in.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && !self.reload
    }
}

/// The change among `changes` that just gave `e164` to a user other than
/// `to`: what an open Assign number dialog that chose it must be told.
pub fn number_taken<'a>(
    changes: &'a [LiveChange],
    e164: &str,
    to: UserId,
) -> Option<&'a LiveChange> {
    changes.iter().rev().find(|c| {
        matches!(
            c.action,
            AuditAction::NumberAssigned | AuditAction::NumberChanged
        ) && c.number.as_deref() == Some(e164)
            && c.user.is_some_and(|u| u != to)
    })
}

/// The note for a message of `changes` (newest last), `now` being the
/// console's clock: one change says what it was, several say how many.
pub fn batch_note(changes: &[LiveChange], now: i64) -> Option<String> {
    let last = changes.last()?;
    let ago = now - last.at;
    if changes.len() == 1 {
        return Some(last.note(ago));
    }
    let actors: std::collections::BTreeSet<&str> =
        changes.iter().map(|c| c.actor.as_str()).collect();
    let by = match actors.into_iter().collect::<Vec<_>>().as_slice() {
        [""] => return Some(format!("Your Work Phone was changed {}.", when(ago))),
        [one] => format!(" by {one}"),
        _ => " by other admins".to_owned(),
    };
    Some(format!(
        "{} changes were made{by} {}.",
        changes.len(),
        when(ago)
    ))
}

fn when(ago: i64) -> String {
    match ago {
        ..60 => "just now".to_owned(),
        60..120 => "a minute ago".to_owned(),
        120..3600 => format!("{} minutes ago", ago / 60),
        _ => "earlier".to_owned(),
    }
}

#[cfg(test)]
#[path = "live_tests.rs"]
mod tests;
