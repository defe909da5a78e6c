//! Live updates (`GET /api/events`): a change one admin commits reaches
//! every other open console, as far as its role may read it, and a stream
//! that dropped resumes where it stopped.

pub mod delivery;
mod who_hears;
