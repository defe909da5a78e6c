//! Voice > Emergency locations: adding validated addresses, and deleting only
//! what nobody uses.

use serde_json::{json, Value};

use crate::helpers::*;

fn address(country: &str, state: Option<&str>, postal: &str) -> Value {
    json!({
        "description": "Bellevue Office", "street": "500 108th Ave NE", "city": "Bellevue",
        "state": state, "postal_code": postal, "country": country
    })
}

async fn add(app: &TestApp, address: Value) -> (u16, Value) {
    app.call(
        "/api/emergency-locations/add",
        json!({ "address": address }),
    )
    .await
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
    let (status, body) = app
        .call(
            "/api/emergency-locations/delete",
            json!({ "id": REDMOND_HQ }),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body.to_string()
            .contains("Redmond HQ' is the emergency location of"),
        "{body}"
    );
    assert!(list(&app, "Redmond")
        .await
        .iter()
        .any(|l| l["location"]["id"] == REDMOND_HQ));
}

#[tokio::test]
async fn an_unused_location_is_deleted_and_an_unknown_one_is_404() {
    let app = spawn_app().await;
    let (status, body) = app
        .call(
            "/api/emergency-locations/delete",
            json!({ "id": READING_WAREHOUSE }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(list(&app, "Reading").await.is_empty());

    let (status, _) = app
        .call(
            "/api/emergency-locations/delete",
            json!({ "id": READING_WAREHOUSE }),
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_location_can_be_renamed_but_not_to_nothing() {
    let app = spawn_app().await;
    let rename = |description: &str| json!({ "id": REDMOND_HQ, "description": description });

    let (status, body) = app
        .call(
            "/api/emergency-locations/rename",
            rename("  Redmond Campus "),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["description"], "Redmond Campus");
    assert_eq!(
        body["street"], "1 Microsoft Way",
        "the address stays as validated"
    );

    let (status, _) = app
        .call("/api/emergency-locations/rename", rename("   "))
        .await;
    assert_eq!(status, 400);
    let (status, _) = app
        .call("/api/emergency-locations/rename", rename(&"x".repeat(257)))
        .await;
    assert_eq!(status, 400);
    let (status, _) = app
        .call(
            "/api/emergency-locations/rename",
            json!({ "id": 9999, "description": "Nowhere" }),
        )
        .await;
    assert_eq!(status, 404);
}
