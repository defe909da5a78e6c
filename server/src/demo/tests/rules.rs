use std::collections::HashMap;

use app::domain::{
    check_assignment, Activation, Country, Date, EmergencyLocation, Licence, LocationId,
    NumberHolder, NumberKind, NumberLookup, NumberSource, PhoneNumber, TelephoneNumber, UserId,
    VoiceUser, E164,
};
use sqlx::{AnyPool, Row};

use super::{seeded, today};
use crate::demo::DemoOrg;

#[tokio::test]
async fn every_assignment_passes_the_assignment_rules() {
    let (pool, _) = seeded(DemoOrg::Contoso).await;
    assert_every_assignment_passes_the_rules(&pool).await;
}

/// Runs the console's own rules over every assignment in `pool`, as if each
/// were made today, and checks each user has their number's city's office.
pub async fn assert_every_assignment_passes_the_rules(pool: &AnyPool) {
    let mut licences: HashMap<i64, Vec<Licence>> = HashMap::new();
    let held: Vec<(i64, String)> = sqlx::query_as("SELECT user_id, licence FROM user_licences")
        .fetch_all(pool)
        .await
        .unwrap();
    for (user, code) in held {
        licences
            .entry(user)
            .or_default()
            .push(Licence::from_code(&code).unwrap());
    }
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, u.username, u.usage_location, \
         n.e164, n.country, n.city, n.kind, n.source, n.activation, n.blocked_until, \
         l.id AS location_id, l.description, l.street, l.city AS location_city, l.state, \
         l.postal_code, l.country AS location_country, CAST(l.validated AS INTEGER) AS validated \
         FROM number_assignments a \
         JOIN voice_users u ON u.id = a.user_id \
         JOIN phone_numbers n ON n.id = a.number_id \
         JOIN emergency_locations l ON l.id = a.location_id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        let text = |c: &str| row.get::<String, _>(c);
        let id: i64 = row.get("id");
        let user = VoiceUser {
            id: UserId(id),
            display_name: text("display_name"),
            username: text("username"),
            usage_location: Country::parse(&text("usage_location")).unwrap(),
            licences: licences.get(&id).cloned().unwrap_or_default(),
            assigned_number: None,
            emergency_location: None,
            version: 1,
            provisioning: None,
        };
        let e164 = text("e164");
        let parsed = phonenumber::parse(None, &e164).unwrap();
        let number = TelephoneNumber {
            number: PhoneNumber {
                e164: E164::parse(&e164).unwrap(),
                country: Country::parse(&text("country")).unwrap(),
                national: parsed
                    .format()
                    .mode(phonenumber::Mode::National)
                    .to_string(),
                international: parsed
                    .format()
                    .mode(phonenumber::Mode::International)
                    .to_string(),
            },
            city: text("city"),
            kind: NumberKind::from_code(&text("kind")).unwrap(),
            source: NumberSource::from_code(&text("source")).unwrap(),
            activation: Activation::from_code(&text("activation")).unwrap(),
            blocked_until: row
                .get::<Option<String>, _>("blocked_until")
                .map(|d| Date::parse(&d).unwrap()),
            holder: Some(NumberHolder {
                user_id: user.id,
                display_name: user.display_name.clone(),
            }),
        };
        let location = EmergencyLocation {
            id: LocationId(row.get("location_id")),
            description: text("description"),
            street: text("street"),
            city: text("location_city"),
            state: row.get("state"),
            postal_code: text("postal_code"),
            country: Country::parse(&text("location_country")).unwrap(),
            validated: row.get::<app::store::Flag, _>("validated").into(),
        };
        let found = check_assignment(
            &user,
            NumberLookup::Found(&number),
            Some(&location),
            &today(),
        );
        assert!(found.is_empty(), "{} with {e164}: {found:?}", user.username);
        assert_eq!(
            location.city, number.city,
            "{e164} has its own city's location"
        );
    }
}
