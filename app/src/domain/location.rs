use serde::{Deserialize, Serialize};

use super::{Country, LocationId};

/// An emergency location: the civic address sent to emergency services
/// when the user calls them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EmergencyLocation {
    pub id: LocationId,
    pub description: String,
    pub street: String,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: String,
    pub country: Country,
    pub validated: bool,
}

impl EmergencyLocation {
    /// One line for lists: "Redmond HQ, 1 Microsoft Way, Redmond, US".
    pub fn label(&self) -> String {
        format!(
            "{}, {}, {}, {}",
            self.description, self.street, self.city, self.country
        )
    }
}
