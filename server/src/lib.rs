//! The Switchboard server: configuration, start-up and the demo organisation.
pub mod demo;
