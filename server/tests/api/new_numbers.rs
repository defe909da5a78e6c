//! Add > New user numbers: free numbers of a city, valid and never duplicated.

use serde_json::{json, Value};

use crate::helpers::*;

async fn add(app: &TestApp, country: &str, city: &str, quantity: i64) -> (u16, Value) {
    let request = json!({ "country": country, "city": city, "quantity": quantity });
    app.call("/api/phone-numbers/add-new", json!({ "request": request }))
        .await
}

async fn inventory_size(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM phone_numbers")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn new_user_numbers_are_added_in_the_city_valid_and_assignable() {
    let app = spawn_app().await;
    let before = inventory_size(&app).await;

    let (status, body) = add(&app, "US", "Redmond", 5).await;

    assert_eq!(status, 200, "{body}");
    let added = e164s(&body);
    assert_eq!(added.len(), 5);
    for n in body.as_array().unwrap() {
        assert_eq!(n["city"], "Redmond", "{n}");
        assert_eq!(n["kind"], "User");
        assert_eq!(n["source"], "CallingPlan");
        assert_eq!(n["number"]["country"], "US");
        assert!(
            n["number"]["e164"].as_str().unwrap().starts_with("+1425"),
            "{n}"
        );
    }
    assert_eq!(inventory_size(&app).await, before + 5);
    let offered = app.assignable_e164s("Redmond").await;
    assert!(
        added.iter().all(|n| offered.contains(n)),
        "new numbers are offered for assignment"
    );

    let (status, body) = app
        .assign(
            MEGAN,
            &added[0],
            Some(REDMOND_HQ),
            app.version_of(MEGAN).await,
        )
        .await;
    assert_eq!(status, 200, "a new number can be assigned: {body}");
}

#[tokio::test]
async fn adding_twice_never_duplicates_a_number() {
    let app = spawn_app().await;
    let (_, first) = add(&app, "DE", "Munich", 20).await;
    let (_, second) = add(&app, "DE", "Munich", 20).await;
    let mut all = e164s(&first);
    all.extend(e164s(&second));
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(all.len(), 40);
    assert_eq!(unique.len(), 40, "no number handed out twice");
}

#[tokio::test]
async fn a_quantity_outside_1_to_100_or_an_unknown_city_adds_nothing() {
    let app = spawn_app().await;
    let before = inventory_size(&app).await;
    let cases = [
        ("US", "Redmond", 0, 400, "zero"),
        ("US", "Redmond", 101, 400, "over 100"),
        ("US", "Redmond", -1, 400, "negative"),
        ("US", "Atlantis", 1, 404, "no such city"),
        ("GB", "Redmond", 1, 404, "Redmond is not in GB"),
        ("XX1", "Redmond", 1, 400, "not a country"),
    ];
    for (country, city, quantity, expected, why) in cases {
        let (status, body) = add(&app, country, city, quantity).await;
        assert_eq!(status, expected, "{why}: {body}");
    }
    assert_eq!(inventory_size(&app).await, before);
}
