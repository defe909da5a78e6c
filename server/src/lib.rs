//! The Switchboard server: configuration, start-up and the demo organisation.
pub mod accounts;
pub mod config;
pub mod demo;
pub mod security;
pub mod startup;
pub mod telemetry;
