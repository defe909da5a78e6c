//! The phone-number assignment domain: plain Rust, no web and no database.
//! Compiled into the browser bundle and into the server, so both judge a
//! proposed assignment with the same code.

mod account;
mod address;
mod areas;
mod audit;
mod country;
mod date;
mod ids;
mod licence;
mod location;
mod number;
mod phone;
mod role;
mod rules;
mod user;

pub use account::{check_new_password, normalise_username, Account, MAX_PASSWORD, MIN_PASSWORD};
pub use address::{check_address, AddressProblem, CivicAddress};
pub use areas::{NumberArea, NUMBER_AREAS};
pub use audit::{csv_cell, AuditAction};
pub use country::{Country, CountryError};
pub use date::{civil_from_days, Date, DateError};
pub use ids::{AccountId, LocationId, UserId};
pub use licence::Licence;
pub use location::EmergencyLocation;
pub use number::{Activation, NumberHolder, NumberKind, NumberSource, TelephoneNumber};
pub use phone::{E164Error, PhoneNumber, E164};
pub use role::{Permission, Role};
pub use rules::{check_assignment, NumberLookup, Violation};
pub use user::VoiceUser;
