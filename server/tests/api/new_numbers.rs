//! Add > New user numbers: free numbers of a city, valid and never duplicated
//! (two admins adding at once: see `concurrency::shared_limit_races`).

use serde_json::Value;

use crate::helpers::*;

async fn add(app: &TestApp, country: &str, city: &str, quantity: i64) -> (u16, Value) {
    app.send(Call::add_new_numbers(country, city, quantity))
        .await
}

async fn inventory_size(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM phone_numbers").await
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
