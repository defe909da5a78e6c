use super::seeded;
use crate::demo::DemoOrg;

/// What the end-to-end tests rely on, user by user.
struct Named {
    id: i64,
    username: &'static str,
    display_name: &'static str,
    country: &'static str,
    licences: &'static [&'static str],
    /// The number's leading digits and the emergency location's description.
    number: Option<(&'static str, &'static str)>,
}

const E5_DCP: &[&str] = &["DOMESTIC_CALLING_PLAN", "ENTERPRISE_E5"];

#[rustfmt::skip]
const NAMED: [Named; 12] = [
    Named { id: 1, username: "adelev", display_name: "Adele Vance", country: "US", licences: E5_DCP, number: Some(("+14255550100", "Redmond HQ")) },
    Named { id: 2, username: "alexw", display_name: "Alex Wilber", country: "US", licences: E5_DCP, number: Some(("+14255550101", "Redmond HQ")) },
    Named { id: 3, username: "meganb", display_name: "Megan Bowen", country: "US", licences: E5_DCP, number: None },
    Named { id: 4, username: "diegos", display_name: "Diego Siciliani", country: "GB", licences: E5_DCP, number: None },
    Named { id: 5, username: "isaiahl", display_name: "Isaiah Langer", country: "US", licences: &[], number: None },
    Named { id: 6, username: "lynner", display_name: "Lynne Robbins", country: "DE", licences: E5_DCP, number: None },
    Named { id: 7, username: "johannal", display_name: "Johanna Lorenz", country: "DE", licences: E5_DCP, number: Some(("+4930", "Berlin Office")) },
    Named { id: 8, username: "gradya", display_name: "Grady Archie", country: "US", licences: &["ENTERPRISE_E3"], number: None },
    Named { id: 9, username: "leeg", display_name: "Lee Gu", country: "US", licences: &["PHONE_SYSTEM"], number: None },
    Named { id: 10, username: "nestorw", display_name: "Nestor Wilke", country: "GB", licences: E5_DCP, number: Some(("+442079460", "London Office")) },
    Named { id: 11, username: "pattif", display_name: "Patti Fernandez", country: "US", licences: E5_DCP, number: Some(("+121255501", "New York Office")) },
    Named { id: 12, username: "pradeepg", display_name: "Pradeep Gupta", country: "US", licences: &["DOMESTIC_CALLING_PLAN", "PHONE_SYSTEM"], number: None },
];

#[tokio::test]
async fn the_named_users_have_the_licences_and_numbers_the_end_to_end_tests_expect() {
    let (pool, _) = seeded(DemoOrg::Contoso).await;
    for want in &NAMED {
        let who = want.username;
        let username = format!("{who}@contoso.com");
        let (id, display_name, country): (i64, String, String) = sqlx::query_as(
            "SELECT id, display_name, usage_location FROM voice_users WHERE username = $1",
        )
        .bind(&username)
        .fetch_one(&pool)
        .await
        .unwrap_or_else(|e| panic!("{username}: {e}"));
        assert_eq!(
            (id, display_name.as_str(), country.as_str()),
            (want.id, want.display_name, want.country),
            "{who}"
        );

        let licences: Vec<String> = sqlx::query_scalar(
            "SELECT licence FROM user_licences WHERE user_id = $1 ORDER BY licence",
        )
        .bind(id)
        .fetch_all(&pool)
        .await
        .unwrap();
        assert_eq!(licences, want.licences, "{who}'s licences");

        let number: Option<(String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT n.e164, n.kind, n.source, n.activation, l.description, n.country \
             FROM number_assignments a \
             JOIN phone_numbers n ON n.id = a.number_id \
             JOIN emergency_locations l ON l.id = a.location_id \
             WHERE a.user_id = $1",
        )
        .bind(id)
        .fetch_optional(&pool)
        .await
        .unwrap();
        match (want.number, number) {
            (None, None) => {}
            (Some((prefix, location)), Some((e164, kind, source, activation, place, country))) => {
                assert!(
                    e164.starts_with(prefix),
                    "{who} holds {e164}, want {prefix}…"
                );
                let facts = (
                    kind.as_str(),
                    source.as_str(),
                    activation.as_str(),
                    place.as_str(),
                    country.as_str(),
                );
                assert_eq!(
                    facts,
                    ("user", "calling_plan", "active", location, want.country),
                    "{who}"
                );
            }
            (want, got) => panic!("{who}: want a number {want:?}, got {got:?}"),
        }
    }
}
