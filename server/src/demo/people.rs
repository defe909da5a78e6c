//! Contoso's voice users: the named people the end-to-end tests rely on, then
//! a deterministic crowd drawn from name lists.

use std::collections::HashSet;

use app::domain::Licence::{self, *};

use super::rng::Rng;
use super::usernames::Usernames;

pub struct DemoUser {
    pub display_name: String,
    pub username: String,
    pub country: &'static str,
    pub licences: Vec<Licence>,
    /// The office the user works from: picks their number's city and location.
    pub city: &'static str,
    /// Named users whose number the tests know: the first free calling-plan
    /// number of their city, in the order they appear.
    pub fixed_number: bool,
}

const E5_DCP: &[Licence] = &[EnterpriseE5, DomesticCallingPlan];

pub const NAMED_COUNT: usize = NAMED.len();

/// (display name, username, country, licences, office, holds a number)
type Named = (
    &'static str,
    &'static str,
    &'static str,
    &'static [Licence],
    &'static str,
    bool,
);

#[rustfmt::skip]
const NAMED: [Named; 12] = [
    ("Adele Vance", "adelev", "US", E5_DCP, "Redmond", true),
    ("Alex Wilber", "alexw", "US", E5_DCP, "Redmond", true),
    ("Megan Bowen", "meganb", "US", E5_DCP, "Redmond", false),
    ("Diego Siciliani", "diegos", "GB", E5_DCP, "London", false),
    ("Isaiah Langer", "isaiahl", "US", &[], "Seattle", false),
    ("Lynne Robbins", "lynner", "DE", E5_DCP, "Munich", false),
    ("Johanna Lorenz", "johannal", "DE", E5_DCP, "Berlin", true),
    ("Grady Archie", "gradya", "US", &[EnterpriseE3], "Seattle", false),
    ("Lee Gu", "leeg", "US", &[PhoneSystem], "Redmond", false),
    ("Nestor Wilke", "nestorw", "GB", E5_DCP, "London", true),
    ("Patti Fernandez", "pattif", "US", E5_DCP, "New York", true),
    ("Pradeep Gupta", "pradeepg", "US", &[PhoneSystem, DomesticCallingPlan], "Redmond", false),
];

/// Always present, so non-ASCII names show up in every demo.
pub const SHOWCASE: [(&str, &str, &str); 3] = [
    ("Jürgen", "Müller", "DE"),
    ("Zoë", "O'Brien", "GB"),
    ("Siobhán", "Núñez", "US"),
];

// Whitespace-separated, so the lists stay compact under rustfmt.
const FIRST: &str = "\
    James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara \
    Richard Susan Joseph Jessica Thomas Sarah Christopher Karen Daniel Nancy Matthew Lisa \
    Anthony Priya Mark Emily Oliver Amelia Harry Olivia George Isla Jack Ava Noah Sophie Zoë \
    Renée Chloé José Wei Aisha Kenji Fatima Mateo Ngozi";
const LAST: &str = "\
    Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez \
    Wilson Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker \
    Hall Young King Wright Evans Roberts Hughes Patel Khan O'Brien Núñez Nakamura Okafor \
    Kowalski Nguyen Chen Murphy Kelly Søndergaard";
const FIRST_DE: &str = "\
    Jürgen Lukas Leon Finn Jonas Paul Felix Maximilian Elias Anna Lena Leonie Marie Hannah Mia \
    Emma Katharina Stefan Andreas Sabine Ursula Björn Jörg Dörte Gül Mehmet Frauke Uwe";
const LAST_DE: &str = "\
    Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch \
    Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange \
    Werner Krause Lehmann Yılmaz Öztürk Weiß";

/// The people the end-to-end tests know by name, in id order.
pub fn named_users() -> Vec<DemoUser> {
    NAMED
        .iter()
        .map(
            |&(name, user, country, licences, city, fixed_number)| DemoUser {
                display_name: name.to_owned(),
                username: format!("{user}@contoso.com"),
                country,
                licences: licences.to_vec(),
                city,
                fixed_number,
            },
        )
        .collect()
}

pub fn contoso_users(total: usize) -> Vec<DemoUser> {
    let mut users = named_users();
    let mut names: HashSet<String> = users.iter().map(|u| u.display_name.clone()).collect();
    let mut usernames = Usernames::new(users.iter().map(|u| u.username.clone()));
    let mut rng = Rng::new(0x00C0_7050_DE30_0001);
    let words = |list: &'static str| list.split_whitespace().collect::<Vec<_>>();
    let (first_names, last_names) = (words(FIRST), words(LAST));
    let (first_names_de, last_names_de) = (words(FIRST_DE), words(LAST_DE));

    let mut showcase = SHOWCASE.iter();
    while users.len() < total {
        let (first, last, country) = match showcase.next() {
            Some(&(first, last, country)) => (first, last, country),
            None => {
                let country = match rng.below(10) {
                    0..=4 => "US",
                    5..=7 => "GB",
                    _ => "DE",
                };
                let (firsts, lasts) = if country == "DE" {
                    (&first_names_de, &last_names_de)
                } else {
                    (&first_names, &last_names)
                };
                (rng.pick(firsts), rng.pick(lasts), country)
            }
        };
        let display_name = format!("{first} {last}");
        // Distinct display names keep searches in the tests unambiguous.
        if !names.insert(display_name.clone()) {
            continue;
        }
        let username = usernames.issue(first, last);
        users.push(DemoUser {
            display_name,
            username,
            country,
            licences: draw_licences(&mut rng),
            city: draw_city(&mut rng, country),
            fixed_number: false,
        });
    }
    users
}

/// Mostly E5 with a Domestic Calling Plan, kept within the purchased counts.
fn draw_licences(rng: &mut Rng) -> Vec<Licence> {
    match rng.below(100) {
        0..=9 => vec![],
        10..=21 => vec![EnterpriseE3],
        22..=28 => vec![PhoneSystem],
        29..=35 => vec![PhoneSystem, DomesticCallingPlan],
        36..=40 => vec![EnterpriseE5, DomesticCallingPlan, InternationalCallingPlan],
        _ => vec![EnterpriseE5, DomesticCallingPlan],
    }
}

fn draw_city(rng: &mut Rng, country: &str) -> &'static str {
    let r = rng.below(100);
    match country {
        "US" if r < 50 => "Redmond",
        "US" if r < 75 => "Seattle",
        "US" => "New York",
        "GB" if r < 60 => "London",
        "GB" => "Manchester",
        _ if r < 55 => "Berlin",
        _ => "Munich",
    }
}
