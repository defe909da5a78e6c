//! Voice > Phone numbers: listing the inventory with filters, and releasing numbers.

use serde_json::{json, Value};

use crate::helpers::*;

fn query(extra: Value) -> Value {
    let mut q = json!({
        "search": "", "state": null, "kind": null, "source": null, "country": null,
        "sort": "Number", "descending": false, "after": null, "limit": 200
    });
    for (k, v) in extra.as_object().expect("an object") {
        q[k] = v.clone();
    }
    q
}

async fn list(app: &TestApp, extra: Value) -> (u16, Value) {
    app.call("/api/phone-numbers/list", json!({ "query": query(extra) }))
        .await
}

async fn count_where(app: &TestApp, condition: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM phone_numbers n LEFT JOIN number_assignments a ON a.number_id = n.id WHERE {condition}"
    ))
    .await
}

#[tokio::test]
async fn paging_through_the_inventory_returns_every_number_once_in_order() {
    let app = spawn_app().await;
    let mut seen = Vec::new();
    let mut after = Value::Null;
    loop {
        let (status, page) = list(&app, json!({ "after": after, "limit": 77 })).await;
        assert_eq!(status, 200, "{page}");
        seen.extend(e164s(&page["numbers"]));
        after = page["next"].clone();
        if after.is_null() {
            break;
        }
        assert!(seen.len() < 10_000, "paging never ends");
    }
    assert_eq!(seen.len() as i64, count_where(&app, "1 = 1").await);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(seen, sorted, "in E.164 order, each once");
}

#[tokio::test]
async fn each_filter_narrows_the_list_to_what_the_database_holds() {
    let app = spawn_app().await;
    let cases = [
        (json!({ "state": "Assigned" }), "a.user_id IS NOT NULL"),
        (json!({ "state": "Pending" }), "n.activation <> 'active'"),
        (json!({ "state": "Blocked" }), "n.blocked_until > '2026-11-26'"),
        (
            json!({ "state": "Unassigned" }),
            "a.user_id IS NULL AND n.activation = 'active' AND (n.blocked_until IS NULL OR n.blocked_until <= '2026-11-26')",
        ),
        (json!({ "kind": "Service" }), "n.kind = 'service'"),
        (json!({ "kind": "TollFree" }), "n.kind = 'toll_free'"),
        (json!({ "source": "DirectRouting" }), "n.source = 'direct_routing'"),
        (json!({ "country": "GB" }), "n.country = 'GB'"),
        (json!({ "country": "DE", "kind": "User", "state": "Assigned" }), "n.country = 'DE' AND n.kind = 'user' AND a.user_id IS NOT NULL"),
    ];
    for (filter, condition) in cases {
        let (status, page) = list(&app, filter.clone()).await;
        assert_eq!(status, 200, "{filter}: {page}");
        let expected = count_where(&app, condition).await;
        assert!(expected > 0, "the demo has numbers for {filter}");
        assert_eq!(page["total"].as_i64(), Some(expected), "{filter}");
    }
}

#[tokio::test]
async fn search_finds_numbers_by_digits_city_or_holder() {
    let app = spawn_app().await;
    let (_, by_holder) = list(&app, json!({ "search": "adele vance" })).await;
    assert_eq!(e164s(&by_holder["numbers"]), [ADELES_NUMBER]);
    assert_eq!(
        by_holder["numbers"][0]["holder"]["display_name"],
        "Adele Vance"
    );

    let (_, by_digits) = list(&app, json!({ "search": "425 555 0101" })).await;
    assert_eq!(e164s(&by_digits["numbers"]), [ALEXS_NUMBER]);

    let (_, by_city) = list(&app, json!({ "search": "manchester" })).await;
    let cities: Vec<&str> = by_city["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["city"].as_str().unwrap())
        .collect();
    assert!(
        !cities.is_empty() && cities.iter().all(|c| *c == "Manchester"),
        "{cities:?}"
    );
}

#[tokio::test]
async fn listing_returns_400_for_a_limit_out_of_range() {
    let app = spawn_app().await;
    for limit in [0, 201] {
        let (status, body) = list(&app, json!({ "limit": limit })).await;
        assert_eq!(status, 400, "limit {limit}: {body}");
    }
}

async fn release(app: &TestApp, numbers: Value) -> (u16, Value) {
    app.send(Call::release(numbers)).await
}

#[tokio::test]
async fn releasing_unassigned_numbers_takes_them_out_of_the_inventory() {
    let app = spawn_app().await;
    let free = app.free_number("US", "calling_plan").await;
    let before = count_where(&app, "1 = 1").await;

    let (status, body) = release(&app, json!([free, free])).await;

    assert_eq!(
        (status, body),
        (200, json!(1)),
        "a number listed twice goes once"
    );
    assert_eq!(count_where(&app, "1 = 1").await, before - 1);
    assert!(!app.assignable_e164s(&free[1..]).await.contains(&free));
}

#[tokio::test]
async fn releasing_an_assigned_number_is_refused_naming_the_holder_and_releases_nothing() {
    let app = spawn_app().await;
    let free = app.free_number("US", "calling_plan").await;
    let before = count_where(&app, "1 = 1").await;

    let (status, body) = release(&app, json!([free, ADELES_NUMBER])).await;

    assert_eq!(status, 409, "{body}");
    assert_eq!(variant(&body), "Conflict");
    assert!(body.to_string().contains("Adele Vance"), "{body}");
    assert_eq!(count_where(&app, "1 = 1").await, before, "all or nothing");
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
}

#[tokio::test]
async fn releasing_returns_404_for_an_unknown_number_and_400_for_none_or_garbage() {
    let app = spawn_app().await;
    let (status, body) = release(&app, json!(["+14255559999"])).await;
    assert_eq!(status, 404, "{body}");

    let (status, body) = release(&app, json!([])).await;
    assert_eq!(status, 400, "{body}");

    let (status, body) = release(&app, json!(["not a number"])).await;
    assert_eq!(status, 400, "{body}");
}
