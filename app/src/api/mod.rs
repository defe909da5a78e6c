//! Server functions, one file per area. Each runs the same domain rules the
//! browser ran and has the last word; errors travel as [`ApiError`] with a
//! matching HTTP status.

pub mod accounts;
pub mod assignments;
pub mod audit;
pub mod auth;
pub mod console;
pub mod emergency_locations;
mod error;
pub mod inventory;
pub mod licences;
pub mod new_numbers;
pub mod phone_numbers;
pub mod port_numbers;
pub mod voice_users;

pub use assignments::{AssignRequest, RemoveRequest};
pub use error::ApiError;
pub use inventory::{AssignableNumbers, NumberFilter};
pub use voice_users::{UserCursor, UserPage, UserQuery, UserSort};

#[cfg(feature = "ssr")]
pub(crate) mod server;
