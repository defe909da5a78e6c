//! Server functions, one file per area. Each runs the same domain rules the
//! browser ran and has the last word; errors travel as [`ApiError`] with a
//! matching HTTP status.
//!
//! Every server function is written one way: the `#[server]` function holds
//! the signature and the documentation and calls its twin in the file's
//! server-only `mod ssr`, which authorizes through [`access`] and makes
//! changes through [`write`](write::write).

pub mod accounts;
pub mod api_reference;
pub mod api_tokens;
pub mod assignments;
pub mod audit_log;
pub mod auth;
pub mod bulk;
pub mod change_sets;
pub mod console;
pub mod drift;
pub mod emergency_locations;
mod error;
pub mod import;
pub mod licences;
pub mod new_numbers;
pub mod phone_numbers;
pub mod port_numbers;
pub mod profile;
pub mod progress;
pub mod provisioning;
pub mod sign_in_policy;
pub mod two_step;
pub mod voice_users;

pub use error::{set_status, ApiError};

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
mod apply_set;
#[cfg(feature = "ssr")]
pub mod audit_export;
#[cfg(feature = "ssr")]
mod bulk_rows;
#[cfg(feature = "ssr")]
pub mod contract;
#[cfg(feature = "ssr")]
mod csv_stream;
#[cfg(feature = "ssr")]
pub mod gates;
#[cfg(feature = "ssr")]
mod import_lines;
#[cfg(feature = "ssr")]
pub mod live_events;
#[cfg(feature = "ssr")]
mod off_thread;
#[cfg(feature = "ssr")]
pub mod phone_numbers_export;
#[cfg(feature = "ssr")]
mod second_step;
#[cfg(feature = "ssr")]
mod sign_in;
#[cfg(feature = "ssr")]
mod undo;
#[cfg(feature = "ssr")]
mod user_versions;
#[cfg(feature = "ssr")]
pub mod voice_users_export;
#[cfg(feature = "ssr")]
pub mod write;
