//! The audit log's vocabulary: what an entry records, how a change is
//! described, and how the log is searched.

use serde::{Deserialize, Serialize};

use super::{Date, EmergencyLocation, Paged, UserId, VoiceUser};

choice! {
    /// What an audit entry records.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum AuditAction {
        NumberAssigned => ("NUMBER_ASSIGNED", "Number assigned"),
        NumberChanged => ("NUMBER_CHANGED", "Number or location changed"),
        NumberRemoved => ("NUMBER_REMOVED", "Number removed"),
        ProvisioningConfirmed => ("PROVISIONING_CONFIRMED", "Phone system confirmed"),
        ProvisioningFailed => ("PROVISIONING_FAILED", "Phone system failed"),
        DriftFound => ("DRIFT_FOUND", "Drift found"),
        DriftRepaired => ("DRIFT_REPAIRED", "Drift repaired"),
        NumbersAdded => ("NUMBERS_ADDED", "New user numbers added"),
        NumbersPorted => ("NUMBERS_PORTED", "Numbers ported or uploaded"),
        NumbersReleased => ("NUMBERS_RELEASED", "Numbers released"),
        LocationAdded => ("LOCATION_ADDED", "Emergency location added"),
        LocationRenamed => ("LOCATION_RENAMED", "Emergency location renamed"),
        LocationDeleted => ("LOCATION_DELETED", "Emergency location deleted"),
        LicenceAssigned => ("LICENCE_ASSIGNED", "License assigned"),
        LicenceRemoved => ("LICENCE_REMOVED", "License removed"),
        AccountCreated => ("ACCOUNT_CREATED", "Account created"),
        RoleChanged => ("ROLE_CHANGED", "Role changed"),
        AccountRemoved => ("ACCOUNT_REMOVED", "Account removed"),
        PasswordChanged => ("PASSWORD_CHANGED", "Password changed"),
        SignedIn => ("SIGNED_IN", "Signed in"),
        SignInFailed => ("SIGN_IN_FAILED", "Sign-in failed"),
        SignInsRefused => ("SIGN_INS_REFUSED", "Sign-ins refused while locked"),
        SignedOut => ("SIGNED_OUT", "Signed out"),
        TwoStepOn => ("TWO_STEP_ON", "Two-step sign-in turned on"),
        TwoStepOff => ("TWO_STEP_OFF", "Two-step sign-in turned off"),
        TwoStepReset => ("TWO_STEP_RESET", "Two-step sign-in reset"),
        RecoveryCodesRenewed => ("RECOVERY_CODES_RENEWED", "New recovery codes"),
        SignInPolicyChanged => ("SIGN_IN_POLICY_CHANGED", "Sign-in policy changed"),
        ApiTokenCreated => ("API_TOKEN_CREATED", "API token created"),
        ApiTokenRevoked => ("API_TOKEN_REVOKED", "API token revoked"),
        AuditArchived => ("AUDIT_ARCHIVED", "Old audit entries archived"),
    }
}

/// One change as the log keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AuditEntry {
    pub id: i64,
    /// Seconds since the epoch, UTC.
    pub at: i64,
    pub actor: String,
    pub action: AuditAction,
    pub target: String,
    pub user_name: Option<String>,
    pub number: Option<String>,
    pub before: String,
    pub after: String,
}

/// What a change says about itself; who made it and when are added as it is
/// written, in the change's own transaction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditRecord {
    pub target: String,
    pub user_name: Option<String>,
    /// E.164 of the number concerned.
    pub number: Option<String>,
    pub before: String,
    pub after: String,
    /// The voice user concerned, if any: what a live update refreshes.
    pub user: Option<UserId>,
}

impl AuditRecord {
    /// A change to `user`'s voice settings, named after them.
    pub fn for_user(user: &VoiceUser) -> Self {
        Self {
            target: user.display_name.clone(),
            user_name: Some(user.display_name.clone()),
            user: Some(user.id),
            ..Self::default()
        }
    }

    /// `before`'s number or location became `after`'s.
    pub fn voice_change(before: &VoiceUser, after: &VoiceUser) -> Self {
        Self {
            number: after
                .assigned_number
                .as_ref()
                .map(|n| n.number.e164.to_string()),
            before: describe_voice(before),
            after: describe_voice(after),
            ..Self::for_user(after)
        }
    }

    /// `user`'s number went back to the inventory; `why` says why, if not asked.
    pub fn number_removed(user: &VoiceUser, why: String) -> Self {
        Self {
            number: user
                .assigned_number
                .as_ref()
                .map(|n| n.number.e164.to_string()),
            before: describe_voice(user),
            after: why,
            ..Self::for_user(user)
        }
    }
}

/// "+1 425-555-0100 at Redmond HQ", or "" with no number.
pub fn describe_voice(user: &VoiceUser) -> String {
    match (&user.assigned_number, &user.emergency_location) {
        (Some(n), Some(l)) => format!("{} at {}", n.number.international, l.description),
        (Some(n), None) => n.number.international.clone(),
        (None, _) => String::new(),
    }
}

/// "Redmond HQ: 1 Microsoft Way, Redmond WA 98052, US".
pub fn describe_location(l: &EmergencyLocation) -> String {
    let state = l
        .state
        .as_ref()
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    format!(
        "{}: {}, {}{state} {}, {}",
        l.description, l.street, l.city, l.postal_code, l.country
    )
}

/// The audit log's filters; every field is optional.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct AuditQuery {
    /// Part of an actor, target or user name, or digits of a number.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub action: Option<AuditAction>,
    /// First day included (UTC).
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day included (UTC).
    #[serde(default)]
    pub to: Option<Date>,
    /// Entries older than this id: the next page.
    #[serde(default)]
    pub before_id: Option<i64>,
}

/// Entries on one page of the audit log.
pub const AUDIT_PAGE: u32 = 50;

/// One page of the audit log, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Present when older entries follow: the `before_id` of the next page.
    pub next: Option<i64>,
    /// How many entries match in all, or, when `total_capped`, at least how
    /// many: a broad search of a long log is counted only so far.
    #[serde(default)]
    pub total: i64,
    #[serde(default)]
    pub total_capped: bool,
}

impl Paged for AuditPage {
    type Row = AuditEntry;
    type Cursor = i64;
    fn rows(&self) -> &[AuditEntry] {
        &self.entries
    }
    fn next(&self) -> Option<i64> {
        self.next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Country, LocationId};

    #[test]
    fn a_location_is_described_with_its_whole_address() {
        let mut l = EmergencyLocation {
            id: LocationId(1),
            description: "Redmond HQ".into(),
            street: "1 Microsoft Way".into(),
            city: "Redmond".into(),
            state: Some("WA".into()),
            postal_code: "98052".into(),
            country: Country::parse("US").unwrap(),
            validated: true,
        };
        assert_eq!(
            describe_location(&l),
            "Redmond HQ: 1 Microsoft Way, Redmond WA 98052, US"
        );
        l.state = None;
        assert_eq!(
            describe_location(&l),
            "Redmond HQ: 1 Microsoft Way, Redmond 98052, US"
        );
    }
}
