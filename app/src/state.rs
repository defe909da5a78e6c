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
}
