mod emergency_locations;
mod home;
mod licenses;
mod phone_numbers;
mod voice_users;

pub use emergency_locations::EmergencyLocationsPage;
pub use home::{HomePage, NotFoundPage};
pub use licenses::LicensesPage;
pub use phone_numbers::PhoneNumbersPage;
pub use voice_users::VoiceUsersPage;
