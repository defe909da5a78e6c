//! The voice users grid: paging, sorting, searching, and one user's details.

use serde_json::{json, Value};

use crate::helpers::*;

const SORTS: [&str; 4] = [
    "DisplayName",
    "Username",
    "AssignedNumber",
    "EmergencyLocation",
];

/// The value the grid orders `user` by, as the server compares it: lower
/// case (ASCII) and, for the number and location columns, empty cells last
/// in either direction.
fn sort_key(user: &Value, sort: &str, descending: bool) -> String {
    let text = |v: &Value| v.as_str().map(str::to_ascii_lowercase);
    let empty_last = if descending { "" } else { "~" };
    match sort {
        "DisplayName" => text(&user["display_name"]).unwrap(),
        "Username" => text(&user["username"]).unwrap(),
        "AssignedNumber" => user["assigned_number"]["number"]["e164"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| empty_last.to_owned()),
        "EmergencyLocation" => text(&user["emergency_location"]["description"])
            .unwrap_or_else(|| empty_last.to_owned()),
        other => panic!("unknown sort {other}"),
    }
}

#[tokio::test]
async fn list_returns_the_first_page_of_50_and_the_total() {
    let app = spawn_app().await;

    let (status, page) = app.list_users(query("")).await;

    assert_eq!(status, 200, "{page}");
    assert_eq!(page["users"].as_array().unwrap().len(), 50);
    let users = app.count("SELECT COUNT(*) FROM voice_users").await;
    assert_eq!(page["total"], users, "every user counts");
    assert!(
        page["next"]["id"].is_i64(),
        "a cursor to the next page: {}",
        page["next"]
    );
    let adele = &page["users"][0];
    assert_eq!(
        adele["display_name"], "Adele Vance",
        "sorted by display name"
    );
    assert_eq!(adele["assigned_number"]["number"]["e164"], ADELES_NUMBER);
    assert_eq!(adele["emergency_location"]["description"], "Redmond HQ");
}

#[tokio::test]
async fn keyset_paging_visits_every_user_once_in_order_for_each_sort() {
    let app = spawn_app().await;
    let total = app.list_users(query("")).await.1["total"].as_i64().unwrap() as usize;

    for sort in SORTS {
        for descending in [false, true] {
            let case = format!("{sort}, descending: {descending}");
            let mut seen: Vec<Value> = Vec::new();
            let mut after = Value::Null;
            // Bounded: a cursor that never ends would loop forever.
            for _ in 0..=total / 37 + 1 {
                let q = json!({ "search": "", "sort": sort, "descending": descending,
                                "after": after, "limit": 37 });
                let (status, page) = app.list_users(q).await;
                assert_eq!(status, 200, "{case}: {page}");
                assert_eq!(page["total"].as_i64().unwrap() as usize, total, "{case}");
                seen.extend(page["users"].as_array().unwrap().iter().cloned());
                after = page["next"].clone();
                if after.is_null() {
                    break;
                }
            }
            assert!(after.is_null(), "{case}: paging did not end");

            let mut ids: Vec<i64> = seen.iter().map(|u| u["id"].as_i64().unwrap()).collect();
            assert_eq!(ids.len(), total, "{case}: every user once");
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), total, "{case}: no user twice");

            let keys: Vec<(String, i64)> = seen
                .iter()
                .map(|u| (sort_key(u, sort, descending), u["id"].as_i64().unwrap()))
                .collect();
            for pair in keys.windows(2) {
                let in_order = if descending {
                    pair[0] >= pair[1]
                } else {
                    pair[0] <= pair[1]
                };
                assert!(in_order, "{case}: {:?} then {:?}", pair[0], pair[1]);
            }
            if sort == "AssignedNumber" || sort == "EmergencyLocation" {
                let empty = |u: &Value| u["assigned_number"].is_null();
                let first_empty = seen.iter().position(empty).expect("users without numbers");
                assert!(
                    seen[first_empty..].iter().all(empty),
                    "{case}: users without a number come last"
                );
            }
        }
    }
}

#[tokio::test]
async fn search_finds_users_by_name_username_or_number_digits() {
    let app = spawn_app().await;
    let cases = [
        ("vance", "Adele Vance", "part of the display name"),
        ("VANCE", "Adele Vance", "any case"),
        ("meganb@", "Megan Bowen", "part of the username"),
        ("4255550100", "Adele Vance", "digits of the number"),
        ("+1 425-555-0101", "Alex Wilber", "the number as formatted"),
        ("o'brien", "Zoë O'Brien", "an apostrophe"),
    ];
    for (search, want, why) in cases {
        let (status, page) = app.list_users(query(search)).await;
        assert_eq!(status, 200, "{why}: {page}");
        let names: Vec<&str> = page["users"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["display_name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&want), "{why}: {search:?} found {names:?}");
        assert_eq!(
            page["total"].as_i64().unwrap() as usize,
            names.len(),
            "{why}"
        );
    }
    let (_, page) = app.list_users(query("4255550100")).await;
    assert_eq!(page["total"], 1, "only Adele holds +14255550100: {page}");
}

#[tokio::test]
async fn search_matches_percent_and_underscore_literally() {
    let app = spawn_app().await;
    for search in ["%", "_", "a%e", "a_e", "\\", "%%"] {
        let (status, page) = app.list_users(query(search)).await;
        assert_eq!(status, 200, "{search:?}: {page}");
        assert_eq!(page["total"], 0, "{search:?} is not a wildcard: {page}");
        assert_eq!(page["users"], json!([]), "{search:?}");
    }
}

#[tokio::test]
async fn list_returns_400_for_a_limit_or_search_out_of_bounds() {
    let app = spawn_app().await;
    let long = "a".repeat(101);
    let cases = [
        (json!({ "limit": 0 }), "limit 0"),
        (json!({ "limit": 201 }), "limit 201"),
        (json!({ "search": long }), "search of 101 characters"),
        (
            json!({ "after": { "key": "k".repeat(301), "id": 1 } }),
            "cursor key of 301 characters",
        ),
    ];
    for (change, why) in cases {
        let mut q = query("");
        for (k, v) in change.as_object().unwrap() {
            q[k] = v.clone();
        }
        let (status, body) = app.list_users(q).await;
        assert_eq!(status, 400, "{why}: {body}");
        assert!(body["BadRequest"]["message"].is_string(), "{why}: {body}");
    }

    let mut edge = query(&"a".repeat(100));
    edge["limit"] = json!(200);
    let (status, body) = app.list_users(edge).await;
    assert_eq!(
        status, 200,
        "100 characters and limit 200 are allowed: {body}"
    );
}

#[tokio::test]
async fn get_returns_the_user_or_404_for_an_unknown_id() {
    let app = spawn_app().await;

    let (status, megan) = app.get_user(MEGAN).await;
    assert_eq!(status, 200, "{megan}");
    assert_eq!(megan["id"], MEGAN);
    assert_eq!(megan["display_name"], "Megan Bowen");
    assert_eq!(megan["username"], "meganb@contoso.com");
    assert_eq!(megan["usage_location"], "US");
    assert_eq!(
        megan["licences"],
        json!(["EnterpriseE5", "DomesticCallingPlan"])
    );
    assert_eq!(megan["assigned_number"], Value::Null);
    assert_eq!(megan["version"], 1);

    let (status, body) = app.get_user(999_999).await;
    assert_eq!(status, 404, "{body}");
    assert!(
        body["NotFound"]["message"]
            .as_str()
            .unwrap()
            .contains("999999"),
        "{body}"
    );
}

#[tokio::test]
async fn the_location_filter_lists_exactly_the_users_a_location_serves() {
    let app = spawn_app().await;
    let (_, locations) = app
        .call("/api/emergency-locations/list", json!({ "city": "" }))
        .await;
    let redmond = locations
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["location"]["id"] == REDMOND_HQ)
        .unwrap();
    let serves = redmond["users"].as_i64().unwrap() as usize;
    assert!(serves > 7, "enough users to page through: {serves}");

    for sort in ["DisplayName", "AssignedNumber"] {
        let mut seen = Vec::new();
        let mut after = Value::Null;
        for _ in 0..=serves / 7 + 1 {
            let q = json!({ "search": "", "location": REDMOND_HQ, "sort": sort,
                            "descending": false, "after": after, "limit": 7 });
            let (status, page) = app.list_users(q).await;
            assert_eq!(status, 200, "{sort}: {page}");
            assert_eq!(page["total"].as_i64().unwrap() as usize, serves, "{sort}");
            seen.extend(page["users"].as_array().unwrap().iter().cloned());
            after = page["next"].clone();
            if after.is_null() {
                break;
            }
        }
        assert_eq!(seen.len(), serves, "{sort}: every user once");
        for user in &seen {
            assert_eq!(
                user["emergency_location"]["id"], REDMOND_HQ,
                "{sort}: {user}"
            );
        }
    }

    let mut q = query("adele");
    q["location"] = json!(REDMOND_HQ);
    let (_, page) = app.list_users(q).await;
    assert_eq!(page["total"], 1, "search and filter together: {page}");
    assert_eq!(page["users"][0]["id"], ADELE);

    let mut q = query("adele");
    q["location"] = json!(LONDON_OFFICE);
    let (_, page) = app.list_users(q).await;
    assert_eq!(page["total"], 0, "Adele isn't at London Office: {page}");
}

#[tokio::test]
async fn the_location_filter_answers_404_for_an_unknown_location() {
    let app = spawn_app().await;
    let mut q = query("");
    q["location"] = json!(999_999);
    let (status, body) = app.list_users(q).await;
    assert_eq!(status, 404, "{body}");
    assert!(
        body["NotFound"]["message"]
            .as_str()
            .unwrap()
            .contains("no emergency location with id 999999"),
        "{body}"
    );
}
