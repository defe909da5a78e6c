//! The Switchboard server: configuration, start-up and the demo organisation.
pub mod config;
pub mod demo;
pub mod startup;
pub mod telemetry;
