//! First and last names by language, with their accents: enough of them
//! that 100,000 people look like a real directory, where some share a name.
//! Comma-separated, so surnames like "van den Berg" keep their spaces and
//! the lists stay compact under rustfmt.

mod english;
mod european;
mod world;

use english::*;
use european::*;
use world::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    Irish,
    German,
    French,
    Spanish,
    Dutch,
}

/// (first names, last names)
pub fn lists(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::English => (FIRST_EN, LAST_EN),
        Language::Irish => (FIRST_GA, LAST_GA),
        Language::German => (FIRST_DE, LAST_DE),
        Language::French => (FIRST_FR, LAST_FR),
        Language::Spanish => (FIRST_ES, LAST_ES),
        Language::Dutch => (FIRST_NL, LAST_NL),
    }
}

/// Names from everywhere, which every office has some of.
pub const WORLD: (&str, &str) = (FIRST_WORLD, LAST_WORLD);

pub fn split(list: &'static str) -> Vec<&'static str> {
    list.split(',').map(str::trim).collect()
}
