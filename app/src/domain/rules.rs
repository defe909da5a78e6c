//! May this number go to this user with this emergency location?
//! One function answers with every rule that fails, so the dialog can list
//! them all before Save and the server can refuse with the same list.

use serde::{Deserialize, Serialize};

use super::{
    Activation, Country, Date, EmergencyLocation, Licence, NumberKind, NumberSource,
    TelephoneNumber, VoiceUser, E164,
};

/// The number proposed for the user, as the inventory knows it.
#[derive(Clone, Copy, Debug)]
pub enum NumberLookup<'a> {
    Found(&'a TelephoneNumber),
    NotFound(&'a E164),
}

/// One rule the proposed assignment breaks, with what the admin needs to fix it.
#[derive(
    Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error, schemars::JsonSchema,
)]
pub enum Violation {
    #[error("Telephone Number '{number}' is not found in your organization's phone numbers.")]
    NumberNotFound { number: String },
    #[error("Telephone Number '{number}' has already been assigned to {holder}. Remove it from {holder} first or pick another number.")]
    AlreadyAssigned { number: String, holder: String },
    #[error("Telephone Number '{number}' is a {kind} number; only user numbers can be assigned to users.")]
    NotUserNumber { number: String, kind: String },
    #[error("Telephone Number '{number}' is still being activated; it can be assigned once it is active.")]
    NumberPending { number: String },
    #[error("Telephone Number '{number}' failed activation and can't be assigned. Release it or contact your provider.")]
    NumberFailed { number: String },
    #[error("Telephone Number '{number}' was recently removed from a user and is blocked from re-use until {until}.")]
    NumberBlocked { number: String, until: String },
    #[error(
        "User '{user}' lacks appropriate licenses to assign a '{source_name}' number. {needed}"
    )]
    MissingLicence {
        user: String,
        source_name: String,
        needed: String,
    },
    #[error("The country of the user's Usage Location {user_country} and the country of the Telephone Number {number_country} do not match.")]
    UsageLocationMismatch {
        user_country: Country,
        number_country: Country,
    },
    #[error("The emergency location '{location}' is in {location_country} but the Telephone Number is in {number_country}; pick a location in {number_country}.")]
    LocationCountryMismatch {
        location: String,
        location_country: Country,
        number_country: Country,
    },
    #[error("An emergency location is required: select a validated emergency location.")]
    LocationRequired,
    #[error("The emergency location '{location}' is not validated; only validated emergency locations can be used.")]
    LocationNotValidated { location: String },
    #[error("Telephone Number '{number}' is also given to {other} in this change; each number can go to one user.")]
    NumberTwiceInSet { number: String, other: String },
    #[error("{user} appears more than once in this change; keep one row for them.")]
    UserTwiceInSet { user: String },
    #[error("{user} has no assigned number to remove.")]
    NothingToRemove { user: String },
    #[error("{user} has changed since; undoing would overwrite that change.")]
    ChangedSince { user: String },
    #[error("{user} was changed by another admin meanwhile; review the row and save again.")]
    UserChangedMeanwhile { user: String },
    #[error("There is no voice user {user}.")]
    UnknownUser { user: String },
    #[error("There is no emergency location {location}.")]
    UnknownLocation { location: String },
    #[error("{message}")]
    NumberUnreadable { message: String },
}

impl Violation {
    /// True when another admin got there first: a conflict, not a mistake.
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            Violation::AlreadyAssigned { .. }
                | Violation::ChangedSince { .. }
                | Violation::UserChangedMeanwhile { .. }
        )
    }
}

/// Every rule that assigning `number` with `location` to `user` breaks;
/// empty when the assignment may go ahead.
pub fn check_assignment(
    user: &VoiceUser,
    number: NumberLookup<'_>,
    location: Option<&EmergencyLocation>,
    today: &Date,
) -> Vec<Violation> {
    let mut found = Vec::new();
    let number = match number {
        NumberLookup::Found(n) => Some(n),
        NumberLookup::NotFound(e164) => {
            found.push(Violation::NumberNotFound {
                number: e164.to_string(),
            });
            None
        }
    };

    if let Some(n) = number {
        check_number(user, n, today, &mut found);
    }

    match location {
        None => found.push(Violation::LocationRequired),
        Some(loc) => {
            if !loc.validated {
                found.push(Violation::LocationNotValidated {
                    location: loc.description.clone(),
                });
            }
            if let Some(n) = number {
                if loc.country != n.number.country {
                    found.push(Violation::LocationCountryMismatch {
                        location: loc.description.clone(),
                        location_country: loc.country,
                        number_country: n.number.country,
                    });
                }
            }
        }
    }
    found
}

fn check_number(user: &VoiceUser, n: &TelephoneNumber, today: &Date, found: &mut Vec<Violation>) {
    let number = n.number.e164.to_string();
    if let Some(holder) = &n.holder {
        if holder.user_id != user.id {
            found.push(Violation::AlreadyAssigned {
                number: number.clone(),
                holder: holder.display_name.clone(),
            });
        }
    }
    if n.kind != NumberKind::User {
        found.push(Violation::NotUserNumber {
            number: number.clone(),
            kind: n.kind.label().to_lowercase(),
        });
    }
    match n.activation {
        Activation::Active => {}
        Activation::Pending => found.push(Violation::NumberPending {
            number: number.clone(),
        }),
        Activation::Failed => found.push(Violation::NumberFailed {
            number: number.clone(),
        }),
    }
    if let Some(until) = &n.blocked_until {
        if until > today {
            found.push(Violation::NumberBlocked {
                number: number.clone(),
                until: until.to_string(),
            });
        }
    }
    if !Licence::allow(&user.licences, n.source) {
        found.push(Violation::MissingLicence {
            user: user.username.clone(),
            source_name: n.source.message_name().to_owned(),
            needed: needed_licences(n.source).to_owned(),
        });
    }
    if user.usage_location != n.number.country {
        found.push(Violation::UsageLocationMismatch {
            user_country: user.usage_location,
            number_country: n.number.country,
        });
    }
}

fn needed_licences(source: NumberSource) -> &'static str {
    match source {
        NumberSource::CallingPlan => {
            "Assign Phone System (or Enterprise E5) and a Domestic or International Calling Plan."
        }
        NumberSource::DirectRouting | NumberSource::OperatorConnect => {
            "Assign Phone System or Enterprise E5."
        }
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
