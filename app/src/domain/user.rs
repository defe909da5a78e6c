use serde::{Deserialize, Serialize};

use super::{
    Country, EmergencyLocation, JobStatus, Licence, LocationId, NumberHolder, TelephoneNumber,
    UserId, E164,
};

/// A user who may make and receive calls, as the voice users grid and the
/// action pane show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VoiceUser {
    pub id: UserId,
    pub display_name: String,
    /// The sign-in name (UPN), e-mail form.
    pub username: String,
    /// The country the user's services are delivered in.
    pub usage_location: Country,
    pub licences: Vec<Licence>,
    pub assigned_number: Option<TelephoneNumber>,
    pub emergency_location: Option<EmergencyLocation>,
    /// Bumped by every change, so a stale pane can't overwrite a newer one.
    pub version: i64,
    /// Where the user's latest change is on its way to the phone system:
    /// see [`super::provisioning_status`]. `None` when there is nothing to
    /// show: no number, and no removal still on its way.
    #[serde(default)]
    pub provisioning: Option<JobStatus>,
}

impl VoiceUser {
    /// Whether the user already has `number` with the emergency location
    /// `location`: saving that again changes nothing.
    pub fn holds(&self, number: &E164, location: LocationId) -> bool {
        self.assigned_number.as_ref().map(|n| &n.number.e164) == Some(number)
            && self.emergency_location.as_ref().map(|l| l.id) == Some(location)
    }

    /// The user as saved after `number` was given to them at `location`:
    /// what reading them back would return, without the read (the writes
    /// answer with it while holding the write lock).
    /// `at_once`: the phone system confirms as the change is saved (there
    /// is none); otherwise the change is pending until it does.
    pub fn with_number(
        &self,
        number: TelephoneNumber,
        location: EmergencyLocation,
        at_once: bool,
    ) -> VoiceUser {
        let same_number =
            self.assigned_number.as_ref().map(|n| &n.number.e164) == Some(&number.number.e164);
        VoiceUser {
            // A new number is a job for the phone system; a new location
            // alone is not.
            provisioning: match (same_number, at_once) {
                (true, _) => self.provisioning,
                (false, true) => Some(JobStatus::Active),
                (false, false) => Some(JobStatus::Pending),
            },
            assigned_number: Some(TelephoneNumber {
                holder: Some(NumberHolder {
                    user_id: self.id,
                    display_name: self.display_name.clone(),
                }),
                ..number
            }),
            emergency_location: Some(location),
            version: self.version + 1,
            ..self.clone()
        }
    }

    /// The user as saved after their number was taken back (`at_once` as
    /// for [`VoiceUser::with_number`]).
    pub fn without_number(&self, at_once: bool) -> VoiceUser {
        VoiceUser {
            provisioning: match (self.assigned_number.is_some(), at_once) {
                (false, _) => self.provisioning,
                // A removal confirmed leaves nothing to show.
                (true, true) => None,
                (true, false) => Some(JobStatus::Pending),
            },
            assigned_number: None,
            emergency_location: None,
            version: self.version + 1,
            ..self.clone()
        }
    }

    /// The grid's status column.
    pub fn status(&self) -> &'static str {
        if self.assigned_number.is_some() {
            "Number assigned"
        } else if Licence::allow(&self.licences, super::NumberSource::DirectRouting) {
            "No number"
        } else {
            "No voice license"
        }
    }
}
