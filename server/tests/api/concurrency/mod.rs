//! Two admins at once. A stale pane is refused with what the record looks
//! like now; and requests that race for the same thing overlap for certain
//! (see `helpers::race`): exactly one wins, and the database says so.

mod assign_races;
mod last_admin_races;
mod shared_limit_races;
mod stale;
