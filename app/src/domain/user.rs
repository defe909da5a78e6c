use serde::{Deserialize, Serialize};

use super::{
    Country, EmergencyLocation, Licence, LocationId, NumberHolder, TelephoneNumber, UserId, E164,
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
    pub fn with_number(&self, number: TelephoneNumber, location: EmergencyLocation) -> VoiceUser {
        VoiceUser {
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

    /// The user as saved after their number was taken back.
    pub fn without_number(&self) -> VoiceUser {
        VoiceUser {
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
