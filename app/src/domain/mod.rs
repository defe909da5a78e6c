//! The phone-number assignment domain: plain Rust, no web and no database.
//! Compiled into the browser bundle and into the server, so both judge a
//! proposed assignment with the same code.

mod address;
mod areas;
mod country;
mod date;
mod ids;
mod licence;
mod location;
mod number;
mod phone;
mod rules;
mod user;

pub use address::{check_address, AddressProblem, CivicAddress};
pub use areas::{NumberArea, NUMBER_AREAS};
pub use country::{Country, CountryError};
pub use date::{Date, DateError};
pub use ids::{LocationId, UserId};
pub use licence::Licence;
pub use location::EmergencyLocation;
pub use number::{Activation, NumberHolder, NumberKind, NumberSource, TelephoneNumber};
pub use phone::{E164Error, PhoneNumber, E164};
pub use rules::{check_assignment, NumberLookup, Violation};
pub use user::VoiceUser;
