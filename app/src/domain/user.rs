use serde::{Deserialize, Serialize};

use super::{Country, EmergencyLocation, Licence, LocationId, TelephoneNumber, UserId, E164};

/// A user who may make and receive calls, as the voice users grid and the
/// action pane show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
