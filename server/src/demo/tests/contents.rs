use std::collections::HashMap;

use super::{count, seeded};
use crate::demo::{DemoOrg, SeedReport};

#[tokio::test]
async fn contoso_has_hundreds_of_users_in_three_countries_and_numbers_for_them() {
    let (pool, report) = seeded(DemoOrg::Contoso).await;
    let cases = [
        ("SELECT COUNT(*) FROM voice_users", 250, "users"),
        (
            "SELECT COUNT(DISTINCT usage_location) FROM voice_users",
            3,
            "countries",
        ),
        ("SELECT COUNT(*) FROM phone_numbers", 400, "numbers"),
        (
            "SELECT COUNT(*) FROM emergency_locations WHERE validated",
            6,
            "validated locations",
        ),
        (
            "SELECT COUNT(*) FROM voice_users u WHERE NOT EXISTS \
             (SELECT 1 FROM user_licences l WHERE l.user_id = u.id)",
            10,
            "unlicensed users",
        ),
        (
            "SELECT COUNT(*) FROM number_assignments",
            80,
            "assigned users",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE kind = 'service'",
            15,
            "service numbers",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE kind = 'toll_free'",
            8,
            "toll-free numbers",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE source = 'direct_routing'",
            50,
            "direct routing",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE source = 'operator_connect'",
            3,
            "operator connect",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE activation = 'pending'",
            4,
            "pending",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE activation = 'failed'",
            2,
            "failed",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE blocked_until = '2026-12-26'",
            4,
            "blocked 30 days",
        ),
    ];
    for (sql, at_least, what) in cases {
        let got = count(&pool, sql).await;
        assert!(got >= at_least, "{what}: {got} < {at_least}");
    }
    let not_validated = count(
        &pool,
        "SELECT COUNT(*) FROM emergency_locations WHERE NOT validated",
    )
    .await;
    assert_eq!(not_validated, 1, "exactly one unvalidated location");
    let users = count(&pool, "SELECT COUNT(*) FROM voice_users").await;
    let numbers = count(&pool, "SELECT COUNT(*) FROM phone_numbers").await;
    let assigned = count(&pool, "SELECT COUNT(*) FROM number_assignments").await;
    let want = SeedReport {
        users: users as usize,
        numbers: numbers as usize,
        locations: 8,
        assigned: assigned as usize,
    };
    assert_eq!(report, want, "the report counts what was inserted");
}

#[tokio::test]
async fn every_number_is_valid_in_its_country_and_only_toll_free_ones_are_toll_free() {
    let (pool, _) = seeded(DemoOrg::Contoso).await;
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT e164, country, kind FROM phone_numbers")
            .fetch_all(&pool)
            .await
            .unwrap();
    for (e164, country, kind) in rows {
        let parsed = phonenumber::parse(None, &e164).unwrap_or_else(|e| panic!("{e164}: {e:?}"));
        assert!(
            phonenumber::is_valid(&parsed),
            "{e164} is not a valid number"
        );
        let id = parsed.country().id().map(|id| format!("{id:?}"));
        assert_eq!(
            id.as_deref(),
            Some(country.as_str()),
            "{e164} is not in {country}"
        );
        let toll_free =
            parsed.number_type(&phonenumber::metadata::DATABASE) == phonenumber::Type::TollFree;
        assert_eq!(toll_free, kind == "toll_free", "{e164} is {kind}");
    }
}

#[tokio::test]
async fn every_city_keeps_plenty_of_free_calling_plan_numbers_for_users() {
    let (pool, _) = seeded(DemoOrg::Contoso).await;
    let free: Vec<(String, i64)> = sqlx::query_as(
        "SELECT city, COUNT(*) FROM phone_numbers n \
         WHERE kind = 'user' AND source = 'calling_plan' AND activation = 'active' \
         AND blocked_until IS NULL \
         AND NOT EXISTS (SELECT 1 FROM number_assignments a WHERE a.number_id = n.id) \
         GROUP BY city",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let free: HashMap<String, i64> = free.into_iter().collect();
    for city in [
        "Redmond",
        "Seattle",
        "New York",
        "London",
        "Manchester",
        "Berlin",
        "Munich",
    ] {
        let want = if city == "Redmond" { 20 } else { 10 };
        let got = free.get(city).copied().unwrap_or(0);
        assert!(got >= want, "{city} has {got} free numbers, want {want}");
    }
}

#[tokio::test]
async fn licences_in_use_stay_within_the_purchased_counts() {
    let (pool, _) = seeded(DemoOrg::Contoso).await;
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT l.code, l.purchased, \
         (SELECT COUNT(*) FROM user_licences u WHERE u.licence = l.code) FROM licences l",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 6);
    for (code, purchased, used) in rows {
        assert!(used <= purchased, "{code}: {used} used of {purchased}");
    }
}
