//! The Switchboard server: configuration, start-up and the demo organisation.
// The app's view types nest deeply; the release build (without
// erase_components) needs more room to compute their layout.
#![recursion_limit = "256"]
pub mod accounts;
pub mod allocator;
pub mod audit_retention;
pub mod body_limits;
pub mod caching;
pub mod config;
pub mod demo;
pub mod gate;
pub mod idempotency;
pub mod other_servers;
pub mod private_file;
pub mod provisioning;
pub mod router;
pub mod security;
pub mod startup;
pub mod telemetry;
