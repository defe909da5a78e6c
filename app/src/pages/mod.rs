mod home;
mod phone_numbers;
mod voice_users;

pub use home::{HomePage, NotFoundPage};
pub use phone_numbers::PhoneNumbersPage;
pub use voice_users::VoiceUsersPage;
