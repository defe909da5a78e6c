mod home;
mod voice_users;

pub use home::{HomePage, NotFoundPage};
pub use voice_users::VoiceUsersPage;
