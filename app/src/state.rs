use std::sync::Arc;

use sqlx::AnyPool;

use crate::clock::Clock;

/// What every server function needs, handed in by the server at start-up and
/// reached through Leptos context: no globals.
#[derive(Clone)]
pub struct AppState {
    pub pool: AnyPool,
    /// Every write transaction starts here (see `store::Writer`).
    pub writer: crate::store::Writer,
    pub clock: Arc<dyn Clock>,
    pub auth: crate::auth::AuthSettings,
    /// How long sign-in accepts a one-time password after it was issued.
    pub one_time_passwords: crate::domain::OneTimePasswordLifetime,
    /// How far each long check or apply running now has got.
    pub progress: crate::tracker::Tracker,
    /// Whether a change's provisioning jobs are confirmed as they are
    /// written (no phone system to wait for), or left to the server's
    /// provisioning worker.
    pub confirm_at_once: bool,
    /// Days a number given back stays blocked from being assigned again
    /// (0: it is free at once).
    pub reuse_block_days: u32,
}
