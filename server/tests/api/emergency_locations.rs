//! Voice > Emergency locations: adding validated addresses, and deleting only
//! what nobody uses.

use serde_json::{json, Value};

use crate::helpers::*;

/// The Bellevue Office address, in `country`, with `state` and `postal`.
fn address(country: &str, state: Option<&str>, postal: &str) -> Value {
    let mut address = bellevue("Bellevue Office");
    address["country"] = json!(country);
    address["state"] = json!(state);
    address["postal_code"] = json!(postal);
    address
}

async fn add(app: &TestApp, address: Value) -> (u16, Value) {
    app.send(Call::add_location(address)).await
}

async fn list(app: &TestApp, city: &str) -> Vec<Value> {
    let (status, body) = app
        .call("/api/emergency-locations/list", json!({ "city": city }))
        .await;
    assert_eq!(status, 200, "{body}");
    body.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_valid_address_is_stored_validated_and_offered_for_assignment() {
    let app = spawn_app().await;

    let (status, body) = add(&app, address("US", Some("wa"), "98004")).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(body["validated"], true);
    assert_eq!(body["state"], "WA");
    let (_, offered) = app.locations("Bellevue").await;
    assert_eq!(offered[0]["description"], "Bellevue Office", "{offered}");
    let listed = list(&app, "bellevue").await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["users"], 0);
}

#[tokio::test]
async fn an_invalid_address_is_refused_field_by_field_and_not_stored() {
    let app = spawn_app().await;
    let before = list(&app, "").await.len();

    let (status, body) = add(&app, address("US", None, "9800")).await;

    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["InvalidAddress"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["State or province", "Postal code"]);
    assert_eq!(list(&app, "").await.len(), before);
}

#[tokio::test]
async fn the_list_counts_the_users_of_each_location_including_unvalidated_ones() {
    let app = spawn_app().await;
    let all = list(&app, "").await;
    let redmond = all
        .iter()
        .find(|l| l["location"]["description"] == "Redmond HQ")
        .unwrap();
    let expected: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM number_assignments WHERE location_id = $1")
            .bind(REDMOND_HQ)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(expected >= 2);
    assert_eq!(redmond["users"], expected);
    assert!(
        all.iter().any(|l| l["location"]["validated"] == false),
        "Reading Warehouse is listed too"
    );
}

#[tokio::test]
async fn a_location_in_use_is_not_deleted_and_the_message_says_by_how_many() {
    let app = spawn_app().await;
    let users = app
        .count(&format!(
            "SELECT COUNT(*) FROM number_assignments WHERE location_id = {REDMOND_HQ}"
        ))
        .await;
    assert!(users > 1, "Redmond HQ serves several users: {users}");
    let before = app.snapshot().await;

    let (status, body) = app.send(Call::delete_location(REDMOND_HQ)).await;

    assert_eq!(status, 409, "{body}");
    assert_eq!(
        message(&body),
        format!(
            "'Redmond HQ' is the emergency location of {users} users; \
             give them another location before deleting it."
        )
    );
    app.assert_unchanged(&before, "a refused delete").await;
}

#[tokio::test]
async fn an_unused_location_is_deleted_once_and_then_is_404() {
    let app = spawn_app().await;

    app.done(Call::delete_location(READING_WAREHOUSE)).await;

    assert!(list(&app, "Reading").await.is_empty());
    let (status, body) = app.send(Call::delete_location(READING_WAREHOUSE)).await;
    assert_eq!((status, variant(&body)), (404, "NotFound".into()), "{body}");
}

#[tokio::test]
async fn a_location_can_be_renamed_but_not_to_nothing() {
    let app = spawn_app().await;

    let renamed = app
        .done(Call::rename_location(REDMOND_HQ, "  Redmond Campus "))
        .await;

    assert_eq!(renamed["description"], "Redmond Campus");
    assert_eq!(
        renamed["street"], "1 Microsoft Way",
        "the address stays as validated"
    );
    let long = "x".repeat(257);
    let refused = [
        (REDMOND_HQ, "   ", 400, "blank"),
        (REDMOND_HQ, long.as_str(), 400, "over 256 characters"),
        (9999, "Nowhere", 404, "no such location"),
    ];
    for (id, description, expected, why) in refused {
        let before = app.snapshot().await;
        let (status, body) = app.send(Call::rename_location(id, description)).await;
        assert_eq!(status, expected, "{why}: {body}");
        app.assert_unchanged(&before, why).await;
    }
}
