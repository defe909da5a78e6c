//! Contoso's offices, emergency locations and phone-number inventory.

use anyhow::Result;
use app::domain::{Activation, Date, NumberKind, NumberSource};

pub const LICENCES: [(&str, i64); 6] = [
    ("ENTERPRISE_E5", 200),
    ("ENTERPRISE_E3", 100),
    ("PHONE_SYSTEM", 60),
    ("AUDIO_CONFERENCING", 50),
    ("DOMESTIC_CALLING_PLAN", 220),
    ("INTERNATIONAL_CALLING_PLAN", 20),
];

pub struct DemoLocation {
    pub description: &'static str,
    pub street: &'static str,
    pub city: &'static str,
    pub state: Option<&'static str>,
    pub postal_code: &'static str,
    pub country: &'static str,
    pub validated: bool,
}

const fn location(
    description: &'static str,
    street: &'static str,
    city: &'static str,
    state: Option<&'static str>,
    postal_code: &'static str,
    country: &'static str,
    validated: bool,
) -> DemoLocation {
    DemoLocation {
        description,
        street,
        city,
        state,
        postal_code,
        country,
        validated,
    }
}

/// Ids are positions from 1, in this order.
#[rustfmt::skip]
pub const LOCATIONS: [DemoLocation; 8] = [
    location("Redmond HQ", "1 Microsoft Way", "Redmond", Some("WA"), "98052", "US", true),
    location("Seattle Office", "2701 Alaskan Way", "Seattle", Some("WA"), "98121", "US", true),
    location("New York Office", "11 Times Square", "New York", Some("NY"), "10036", "US", true),
    location("London Office", "2 Kingdom Street", "London", None, "W2 6BD", "GB", true),
    location("Manchester Office", "1 Hardman Square", "Manchester", None, "M3 3EB", "GB", true),
    location("Berlin Office", "Unter den Linden 17", "Berlin", None, "10117", "DE", true),
    location("Munich Office", "Walter-Gropius-Straße 5", "Munich", None, "80807", "DE", true),
    // Not validated: shows that such an address can't be picked for a number.
    location("Reading Warehouse", "Green Park Way", "Reading", None, "RG2 6UB", "GB", false),
];

/// A city's block of numbers: `prefix` then four digits from `first`.
pub struct City {
    pub name: &'static str,
    pub country: &'static str,
    pub location_id: i64,
    prefix: &'static str,
    first: usize,
    count: usize,
}

const fn city(
    name: &'static str,
    country: &'static str,
    location_id: i64,
    prefix: &'static str,
    first: usize,
    count: usize,
) -> City {
    City {
        name,
        country,
        location_id,
        prefix,
        first,
        count,
    }
}

// Fictional ranges: NANP 555-01xx, Ofcom's drama numbers for London and
// Manchester; Germany has none, so 555 blocks that libphonenumber accepts.
pub const CITIES: [City; 7] = [
    city("Redmond", "US", 1, "+1425555", 100, 100),
    city("Seattle", "US", 2, "+1206555", 100, 70),
    city("New York", "US", 3, "+1212555", 100, 70),
    city("London", "GB", 4, "+44207946", 0, 90),
    city("Manchester", "GB", 5, "+44161496", 0, 70),
    city("Berlin", "DE", 6, "+49305550", 0, 70),
    city("Munich", "DE", 7, "+49895550", 0, 60),
];

const TOLL_FREE: [(&str, &str); 10] = [
    ("+18005550100", "US"),
    ("+18005550101", "US"),
    ("+18885550100", "US"),
    ("+18885550101", "US"),
    ("+448001234567", "GB"),
    ("+448081570000", "GB"),
    ("+448081570001", "GB"),
    ("+498001234567", "DE"),
    ("+498001234568", "DE"),
    ("+498005550100", "DE"),
];

#[derive(Clone, Copy)]
enum Special {
    Pending,
    Failed,
    Blocked,
}

/// Numbers not ready for assignment, counted from the end of a city's block
/// so the low, easy-to-type numbers stay assignable.
const SPECIAL: [(&str, usize, Special); 12] = [
    ("Redmond", 14, Special::Pending),
    ("Redmond", 15, Special::Blocked),
    ("Redmond", 16, Special::Failed),
    ("Seattle", 14, Special::Pending),
    ("Seattle", 15, Special::Blocked),
    ("New York", 14, Special::Pending),
    ("New York", 15, Special::Blocked),
    ("London", 14, Special::Pending),
    ("London", 15, Special::Blocked),
    ("London", 16, Special::Failed),
    ("Manchester", 14, Special::Pending),
    ("Berlin", 15, Special::Blocked),
];

pub struct DemoNumber {
    pub e164: String,
    pub country: &'static str,
    pub city: &'static str,
    pub kind: NumberKind,
    pub source: NumberSource,
    pub activation: Activation,
    pub blocked_until: Option<Date>,
}

impl DemoNumber {
    /// Free for a user today, before any assignment.
    pub fn assignable_to_users(&self) -> bool {
        self.kind == NumberKind::User
            && self.activation == Activation::Active
            && self.blocked_until.is_none()
    }
}

pub fn contoso_numbers(today: &Date) -> Result<Vec<DemoNumber>> {
    let blocked_until = today.add_days(30);
    let mut numbers = Vec::new();
    for city in &CITIES {
        for i in 0..city.count {
            // Position from the end of the block: 1 is the last number.
            let back = city.count - i;
            let (kind, source) = match back {
                1..=3 => (NumberKind::Service, NumberSource::CallingPlan),
                4 => (NumberKind::User, NumberSource::OperatorConnect),
                5..=13 => (NumberKind::User, NumberSource::DirectRouting),
                _ => (NumberKind::User, NumberSource::CallingPlan),
            };
            let special = SPECIAL
                .iter()
                .find(|(name, b, _)| *name == city.name && *b == back)
                .map(|s| s.2);
            numbers.push(DemoNumber {
                e164: format!("{}{:04}", city.prefix, city.first + i),
                country: city.country,
                city: city.name,
                kind,
                source,
                activation: match special {
                    Some(Special::Pending) => Activation::Pending,
                    Some(Special::Failed) => Activation::Failed,
                    _ => Activation::Active,
                },
                blocked_until: matches!(special, Some(Special::Blocked))
                    .then(|| blocked_until.clone()),
            });
        }
    }
    numbers.extend(TOLL_FREE.iter().map(|&(e164, country)| DemoNumber {
        e164: e164.to_owned(),
        country,
        city: "Nationwide",
        kind: NumberKind::TollFree,
        source: NumberSource::CallingPlan,
        activation: Activation::Active,
        blocked_until: None,
    }));
    Ok(numbers)
}
