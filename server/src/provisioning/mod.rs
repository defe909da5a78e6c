//! Delivery of the provisioning outbox (`app::store::provisioning`) to the
//! phone system: the worker, and the phone systems it can talk to.

mod drift_check;
mod kamailio;
mod phone_system;
mod simulated;
mod worker;

pub use kamailio::Kamailio;
pub use phone_system::{DeliveryError, PhoneSystem, PhoneSystemChoice, Routes};
pub use simulated::{Simulated, JOURNAL as SIMULATED_JOURNAL};
pub use worker::{Timing, Worker};
