//! What the Assign number dialog offers: assignable numbers and validated
//! emergency locations.

use serde_json::{json, Value};
use server::demo::DemoOrg;

use crate::helpers::*;

/// Assignable numbers counted straight from the tables, independently of the server's query.
async fn assignable_in_db(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM phone_numbers n WHERE n.kind = 'user' AND n.activation = 'active' \
         AND (n.blocked_until IS NULL OR n.blocked_until <= $1) \
         AND NOT EXISTS (SELECT 1 FROM number_assignments a WHERE a.number_id = n.id)",
    )
    .bind(TODAY)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

fn numbers(body: &Value) -> &Vec<Value> {
    body["numbers"].as_array().expect("a list of numbers")
}

#[tokio::test]
async fn assignable_numbers_are_unassigned_active_unblocked_user_numbers() {
    let app = spawn_app().await;

    let (status, body) = app.assignable("", None, 200).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(
        numbers(&body).len(),
        200,
        "the inventory has more than 200 free numbers"
    );
    assert_eq!(body["today"], TODAY);
    for n in numbers(&body) {
        assert_eq!(n["kind"], "User", "{n}");
        assert_eq!(n["activation"], "Active", "{n}");
        assert_eq!(n["holder"], Value::Null, "{n}");
        assert!(
            n["blocked_until"].is_null() || n["blocked_until"].as_str() <= Some(TODAY),
            "{n}"
        );
    }
    let listed = e164s(&body["numbers"]);
    for taken in [ADELES_NUMBER, ALEXS_NUMBER] {
        assert!(!listed.contains(&taken.to_owned()), "{taken} is held");
    }
    assert_eq!(body["available"], assignable_in_db(&app).await);

    // None of the numbers that can't be given out is offered, whatever the filter.
    let unfit = [
        "n.kind = 'service'",
        "n.kind = 'toll_free'",
        "n.activation = 'pending'",
        "n.activation = 'failed'",
        "n.blocked_until > '2026-11-26'",
    ];
    for condition in unfit {
        let e164 = app
            .number_where(&format!("{condition} AND n.country = 'US'"))
            .await;
        let found = app.assignable_e164s(&e164[1..]).await;
        assert!(found.is_empty(), "{condition}: {e164} offered as {found:?}");
    }
}

#[tokio::test]
async fn assignable_numbers_filter_by_city_or_digits() {
    let app = spawn_app().await;

    let (status, body) = app.assignable("redmond", None, 200).await;
    assert_eq!(status, 200, "{body}");
    assert!(!numbers(&body).is_empty());
    assert!(
        numbers(&body).iter().all(|n| n["city"] == "Redmond"),
        "{body}"
    );

    for (text, digits) in [("206555", "206555"), ("(425) 555-01", "42555501")] {
        let found = app.assignable_e164s(text).await;
        assert!(!found.is_empty(), "{text}");
        assert!(
            found.iter().all(|e| e.contains(digits)),
            "{text}: {found:?}"
        );
    }
    assert_eq!(app.assignable_e164s("Atlantis").await, Vec::<String>::new());
}

#[tokio::test]
async fn assignable_numbers_list_the_users_country_first() {
    let app = spawn_app().await;
    for country in ["GB", "DE", "US"] {
        let (status, body) = app.assignable("", Some(country), 200).await;
        assert_eq!(status, 200, "{body}");
        let countries: Vec<&str> = numbers(&body)
            .iter()
            .map(|n| n["number"]["country"].as_str().unwrap())
            .collect();
        assert_eq!(countries[0], country, "{countries:?}");
        let first_other = countries
            .iter()
            .position(|c| *c != country)
            .unwrap_or(countries.len());
        assert!(
            countries[first_other..].iter().all(|c| *c != country),
            "{country} numbers first: {countries:?}"
        );
    }
}

#[tokio::test]
async fn assignable_count_drops_by_one_when_a_number_is_assigned() {
    let app = spawn_app().await;
    let before = app.available().await;
    let number = app.free_number("US", "calling_plan").await;

    let (status, body) = app.assign(MEGAN, &number, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(app.available().await, before - 1);
    assert!(!app.assignable_e164s(&number[1..]).await.contains(&number));
}

#[tokio::test]
async fn assignable_numbers_are_none_for_an_organisation_without_numbers() {
    let app = spawn_app_with(DemoOrg::ContosoWithoutNumbers).await;

    let (status, body) = app.assignable("", Some("US"), 100).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(body["available"], 0);
    assert_eq!(body["numbers"], json!([]));
}

#[tokio::test]
async fn assignable_numbers_and_locations_return_400_for_input_out_of_bounds() {
    let app = spawn_app().await;
    for limit in [0, 201] {
        let (status, body) = app.assignable("", None, limit).await;
        assert_eq!(status, 400, "limit {limit}: {body}");
        assert!(
            body["BadRequest"]["message"]
                .as_str()
                .unwrap()
                .contains("limit"),
            "{body}"
        );
    }
    let long = "a".repeat(101);
    let (status, body) = app.assignable(&long, None, 10).await;
    assert_eq!(status, 400, "text of 101 characters: {body}");
    let (status, body) = app.locations(&long).await;
    assert_eq!(status, 400, "city of 101 characters: {body}");
    let (status, body) = app.assignable(&"a".repeat(100), None, 200).await;
    assert_eq!(
        status, 200,
        "100 characters and limit 200 are allowed: {body}"
    );
}

#[tokio::test]
async fn emergency_locations_are_only_the_validated_ones() {
    let app = spawn_app().await;

    let (status, body) = app.locations("").await;

    assert_eq!(status, 200, "{body}");
    let locations = body.as_array().unwrap();
    let mut ids: Vec<i64> = locations
        .iter()
        .map(|l| l["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![1, 2, 3, 4, 5, 6, 7],
        "all validated, not Reading Warehouse"
    );
    assert!(locations.iter().all(|l| l["validated"] == true));
    let redmond = locations.iter().find(|l| l["id"] == REDMOND_HQ).unwrap();
    assert_eq!(redmond["description"], "Redmond HQ");
    assert_eq!(redmond["country"], "US");
}

#[tokio::test]
async fn emergency_locations_filter_by_city() {
    let app = spawn_app().await;
    let cases = [
        ("Seattle", vec!["Seattle Office"], "a city"),
        ("sea", vec!["Seattle Office"], "part of a city in any case"),
        ("  London ", vec!["London Office"], "blanks trimmed"),
        (
            "Reading",
            vec![],
            "an unvalidated location is never offered",
        ),
        ("%", vec![], "a percent sign is not a wildcard"),
    ];
    for (city, want, why) in cases {
        let (status, body) = app.locations(city).await;
        assert_eq!(status, 200, "{why}: {body}");
        let got: Vec<&str> = body
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["description"].as_str().unwrap())
            .collect();
        assert_eq!(got, want, "{why}: {city:?}");
    }
}
