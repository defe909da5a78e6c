//! The large organisation's people: the named Contoso users and the
//! showcase names first, then a crowd spread over the offices by weight,
//! named mostly in each office's language. First and last names are drawn
//! from their lists apart, as in any city today ("Priya Müller", "James
//! Chen"). Drawn as pairs from one list, nearly half of 100,000 display
//! names repeated another; drawn apart, about one in eight does, at most
//! five times: some John Smiths, as a directory of this size has.

use app::domain::Licence::{self, *};

use super::apportion;
use super::names::{self, Language};
use super::offices::{Office, OFFICES};
use crate::demo::people::{named_users, DemoUser, SHOWCASE};
use crate::demo::rng::Rng;
use crate::demo::usernames::Usernames;

/// Of a hundred people, how many have a name from anywhere in the world
/// rather than from their office's language.
const WORLD_NAMES: usize = 12;
/// In US offices, how many more have a Spanish name.
const SPANISH_IN_US: usize = 12;
/// Of a hundred people in Spain with a Spanish surname, how many go by both.
const BOTH_SURNAMES: usize = 70;

pub fn crowd(total: usize) -> Vec<DemoUser> {
    let mut users = named_users();
    let mut usernames = Usernames::new(users.iter().map(|u| u.username.clone()));
    let mut rng = Rng::new(0x00C0_7050_100C_0001);
    let names = Names::new();

    // Each showcase person works in the first office of their country.
    for (first, last, country) in SHOWCASE {
        let office = OFFICES
            .iter()
            .find(|o| o.location.country == country)
            .expect("every showcase country has an office");
        let username = usernames.issue(first, last);
        users.push(person(
            format!("{first} {last}"),
            username,
            office,
            &mut rng,
        ));
    }

    // Exactly each office's share, in a shuffled order: ids don't cluster
    // by office, and the counts don't wander with the size.
    let weights: Vec<usize> = OFFICES.iter().map(|o| o.weight).collect();
    let mut offices: Vec<usize> = apportion(total.saturating_sub(users.len()), &weights)
        .into_iter()
        .enumerate()
        .flat_map(|(office, count)| std::iter::repeat_n(office, count))
        .collect();
    for i in (1..offices.len()).rev() {
        offices.swap(i, rng.below(i + 1));
    }

    for office in offices.into_iter().map(|i| &OFFICES[i]) {
        let first_origin = origin(&mut rng, office);
        let first = rng.pick(names.of(first_origin).0);
        let last_origin = origin(&mut rng, office);
        let lasts = names.of(last_origin).1;
        let mut last = rng.pick(lasts).to_owned();
        let spaniard = last_origin == Some(Language::Spanish) && office.location.country == "ES";
        if spaniard && rng.below(100) < BOTH_SURNAMES {
            last = format!("{last} {}", rng.pick(lasts));
        }
        let username = usernames.issue(first, &last);
        users.push(person(
            format!("{first} {last}"),
            username,
            office,
            &mut rng,
        ));
    }
    users
}

/// Where a name of someone at `office` comes from: a language, or `None`
/// for anywhere in the world. Drawn once for the first name, again for the last.
fn origin(rng: &mut Rng, office: &Office) -> Option<Language> {
    let r = rng.below(100);
    if r < WORLD_NAMES {
        None
    } else if office.location.country == "US" && r < WORLD_NAMES + SPANISH_IN_US {
        Some(Language::Spanish)
    } else {
        Some(office.language)
    }
}

fn person(display_name: String, username: String, office: &Office, rng: &mut Rng) -> DemoUser {
    DemoUser {
        display_name,
        username,
        country: office.location.country,
        licences: draw_licences(rng),
        city: office.location.city,
        fixed_number: false,
    }
}

/// Mostly E5 with a Domestic Calling Plan; about four in five have Phone
/// System (alone or in E5), the licence every number needs.
fn draw_licences(rng: &mut Rng) -> Vec<Licence> {
    match rng.below(100) {
        0..=7 => vec![],
        8..=17 => vec![EnterpriseE3],
        18..=20 => vec![EnterpriseE3, AudioConferencing],
        21..=27 => vec![PhoneSystem],
        28..=37 => vec![PhoneSystem, DomesticCallingPlan],
        38..=42 => vec![EnterpriseE5, DomesticCallingPlan, InternationalCallingPlan],
        43..=49 => vec![EnterpriseE5],
        _ => vec![EnterpriseE5, DomesticCallingPlan],
    }
}

/// The name lists, split once.
struct Names {
    by_language: Vec<(Language, Lists)>,
    world: Lists,
}

/// (first names, last names)
type Lists = (Vec<&'static str>, Vec<&'static str>);

impl Names {
    fn new() -> Self {
        use Language::*;
        let split = |(firsts, lasts)| (names::split(firsts), names::split(lasts));
        Self {
            by_language: [English, Irish, German, French, Spanish, Dutch]
                .into_iter()
                .map(|language| (language, split(names::lists(language))))
                .collect(),
            world: split(names::WORLD),
        }
    }

    fn of(&self, origin: Option<Language>) -> (&[&'static str], &[&'static str]) {
        let lists = match origin {
            None => &self.world,
            Some(language) => self
                .by_language
                .iter()
                .find_map(|(l, lists)| (*l == language).then_some(lists))
                .expect("every language has lists"),
        };
        (&lists.0, &lists.1)
    }
}
