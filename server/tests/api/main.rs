//! Black-box tests of Switchboard's HTTP API: each test starts the server on
//! port 0 with a database of its own holding the Contoso demo organisation
//! (copied from a template seeded once per run, see `helpers::harness`) and
//! talks to it over HTTP, as the browser does.
//!
//! One test binary (this file and its modules) links the server once, which
//! keeps the build short.

mod admins;
mod assignments;
mod audit_log;
mod bad_input;
mod bulk;
mod caching;
mod change_sets;
mod cli;
mod concurrency;
mod emergency_locations;
mod exports;
mod helpers;
mod import;
mod inventory;
mod licences;
mod live_updates;
mod logging;
mod new_numbers;
mod number_states;
mod openapi;
mod pages;
mod phone_numbers;
mod phone_numbers_search;
mod port_numbers;
mod progress;
mod provisioning;
mod remove_selected;
mod roles;
mod several_servers;
mod sign_in;
mod test_harness;
mod tokens;
mod two_step;
mod upgrade;
mod voice_gate;
mod voice_users;
mod voice_users_assigned;
mod voice_users_search;
mod web_security;
