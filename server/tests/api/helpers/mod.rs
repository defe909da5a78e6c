//! What the API tests share, by area: starting the app (`harness`), talking
//! to it (`clients`, `calls`, `voice`, `audit`), reading its database
//! (`database`, `snapshot`), reading its errors (`assertions`) and racing it
//! (`race`). Tests `use crate::helpers::*`.

mod assertions;
mod audit;
mod calls;
mod clients;
mod contoso;
mod database;
mod events;
mod harness;
mod postgres;
mod race;
mod snapshot;
mod templates;
mod voice;

pub use app::store::Dialect;
pub use assertions::*;
pub use audit::*;
pub use calls::*;
pub use clients::*;
pub use contoso::*;
pub use events::*;
pub use harness::*;
pub use race::*;
pub use snapshot::*;
pub use voice::*;
