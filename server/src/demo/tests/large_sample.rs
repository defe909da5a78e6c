//! The large organisation's generator at 5,000 people: every rule checked
//! row by row with the console's own code, quick in a debug build.
//! `large_full` checks the 100,000 of `contoso-100k` with SQL.

use std::collections::HashSet;

use app::phone_format::parse_input;

use super::rules::assert_every_assignment_passes_the_rules;
use super::{count, dump, seeded_large};
use crate::demo::large::{build, OFFICES};

const USERS: usize = 5_000;

#[tokio::test]
async fn every_assignment_passes_the_assignment_rules() {
    let pool = seeded_large(USERS).await;
    let assigned = count(&pool, "SELECT COUNT(*) FROM number_assignments").await;
    assert!(
        (2_700..=3_300).contains(&assigned),
        "about 60% of the people hold a number: {assigned}"
    );
    assert_every_assignment_passes_the_rules(&pool).await;
}

#[tokio::test]
async fn every_number_is_one_the_console_accepts_in_its_country() {
    let pool = seeded_large(USERS).await;
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT e164, country, kind FROM phone_numbers")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), USERS * 3 / 2);
    for (e164, country, kind) in rows {
        let parsed = parse_input(&e164).unwrap_or_else(|e| panic!("{e164}: {e}"));
        assert_eq!(parsed.e164.as_str(), e164, "{e164} is in E.164 form");
        assert_eq!(parsed.country.as_str(), country, "{e164} is in {country}");
        let number = phonenumber::parse(None, &e164).unwrap();
        let toll_free =
            number.number_type(&phonenumber::metadata::DATABASE) == phonenumber::Type::TollFree;
        assert_eq!(toll_free, kind == "toll_free", "{e164} is {kind}");
    }
}

#[tokio::test]
async fn the_named_users_come_first_then_people_from_every_office() {
    let pool = seeded_large(USERS).await;
    let first: Vec<String> =
        sqlx::query_scalar("SELECT display_name FROM voice_users WHERE id <= 15 ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(first[0], "Adele Vance");
    assert_eq!(first[11], "Pradeep Gupta");
    assert_eq!(
        first[12..],
        ["Jürgen Müller", "Zoë O'Brien", "Siobhán Núñez"]
    );

    let countries = count(
        &pool,
        "SELECT COUNT(DISTINCT usage_location) FROM voice_users",
    )
    .await;
    assert_eq!(countries, 10);
    let cities: HashSet<String> =
        sqlx::query_scalar("SELECT DISTINCT city FROM phone_numbers WHERE kind = 'user'")
            .fetch_all(&pool)
            .await
            .unwrap()
            .into_iter()
            .collect();
    for office in &OFFICES {
        let city = office.location.city;
        assert!(cities.contains(city), "{city} has user numbers");
    }
    let adele: String = sqlx::query_scalar(
        "SELECT n.e164 FROM number_assignments a JOIN phone_numbers n ON n.id = a.number_id \
         WHERE a.user_id = 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(adele, "+14255550100", "as in the small Contoso");
}

#[tokio::test]
async fn licences_cover_what_people_hold_with_headroom() {
    let pool = seeded_large(USERS).await;
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT l.code, l.purchased, \
         (SELECT COUNT(*) FROM user_licences u WHERE u.licence = l.code) FROM licences l",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 6);
    for (code, purchased, held) in rows {
        assert!(held > 0, "someone holds {code}");
        assert!(
            held + held / 10 <= purchased,
            "{code}: {held} held of {purchased}"
        );
    }
}

#[tokio::test]
async fn the_same_size_gives_the_same_rows_and_a_bigger_one_more_of_them() {
    let (first, second) = (seeded_large(1_000).await, seeded_large(1_000).await);
    assert_eq!(dump(&first).await, dump(&second).await);
    let bigger = build(2_000, &super::today()).unwrap();
    assert_eq!((bigger.users.len(), bigger.numbers.len()), (2_000, 3_000));
}
