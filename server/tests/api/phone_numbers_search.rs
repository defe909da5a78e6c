//! The Phone numbers grid and the Assign number dialog's list answer what a
//! plain scan of the inventory would (`app::domain::number_search_keeps`,
//! the sort keys below), on both of the store's paths: a small set of
//! matches read whole, and a large one (here 1,500 added Hollowton numbers)
//! read along the sort's index.

use std::collections::{BTreeSet, HashMap};

use app::domain::{
    number_search_keeps, search_city, search_text, Date, NumberKind, StateFilter, TelephoneNumber,
    VoiceUser,
};
use serde_json::{json, Value};

use crate::helpers::*;

/// Adds 1,500 Hollowton numbers; every third is given to a new user.
async fn add_hollowton(app: &TestApp) {
    let mut tx = app.pool.begin().await.unwrap();
    for i in 0..1_500 {
        let e164 = format!("+1917555{i:04}");
        sqlx::query(
            "INSERT INTO phone_numbers (e164, country, city, kind, source, activation, search_city) \
             VALUES ($1, 'US', 'Hollowton', 'user', 'direct_routing', 'active', $2)",
        )
        .bind(&e164)
        .bind(search_city("Hollowton"))
        .execute(&mut *tx)
        .await
        .unwrap();
        if i % 3 != 0 {
            continue;
        }
        let (name, username) = (format!("Tessa Hollow {i}"), format!("tessa{i}@contoso.com"));
        let user: i64 = sqlx::query_scalar(
            "INSERT INTO voice_users (display_name, username, usage_location, search_name) \
             VALUES ($1, $2, 'US', $3) RETURNING id",
        )
        .bind(&name)
        .bind(&username)
        .bind(search_text(&name, &username))
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) \
             SELECT $3, id, $2, '2026-11-26T00:00:00Z' FROM phone_numbers WHERE e164 = $1",
        )
        .bind(&e164)
        .bind(SEATTLE_OFFICE)
        .bind(user)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Every number the grid lists for `filters`, page by page, in order.
async fn listed(
    app: &TestApp,
    filters: &Value,
    sort: &str,
    descending: bool,
) -> Vec<TelephoneNumber> {
    let mut numbers = Vec::new();
    let mut after = Value::Null;
    loop {
        let mut q = json!({ "search": "", "state": null, "kind": null, "source": null,
            "country": null, "sort": sort, "descending": descending, "after": after, "limit": 200 });
        for (k, v) in filters.as_object().unwrap() {
            q[k] = v.clone();
        }
        let (status, page) = app
            .call("/api/phone-numbers/list", json!({ "query": q }))
            .await;
        assert_eq!(status, 200, "{filters} {sort}: {page}");
        numbers.extend(
            serde_json::from_value::<Vec<TelephoneNumber>>(page["numbers"].clone()).unwrap(),
        );
        after = page["next"].clone();
        if after.is_null() {
            return numbers;
        }
        assert!(
            numbers.len() < 10_000,
            "{filters} {sort}: paging never ends"
        );
    }
}

/// Each holder's search text, by user id.
async fn holders(app: &TestApp) -> HashMap<i64, String> {
    let mut texts = HashMap::new();
    let mut after = Value::Null;
    loop {
        let q = json!({ "search": "", "sort": "DisplayName", "descending": false, "after": after, "limit": 200 });
        let (_, page) = app.list_users(q).await;
        for u in serde_json::from_value::<Vec<VoiceUser>>(page["users"].clone()).unwrap() {
            texts.insert(u.id.0, search_text(&u.display_name, &u.username));
        }
        after = page["next"].clone();
        if after.is_null() {
            return texts;
        }
    }
}

fn keeps(
    n: &TelephoneNumber,
    holders: &HashMap<i64, String>,
    filters: &Value,
    today: &Date,
) -> bool {
    let holder = n
        .holder
        .as_ref()
        .and_then(|h| holders.get(&h.user_id.0))
        .map(String::as_str);
    let wanted =
        |field: &str, value: String| filters[field].is_null() || filters[field] == json!(value);
    number_search_keeps(n, holder, filters["search"].as_str().unwrap_or(""))
        && (filters["state"].is_null()
            || serde_json::from_value::<StateFilter>(filters["state"].clone())
                .unwrap()
                .keeps(&n.state(today)))
        && wanted("kind", format!("{:?}", n.kind))
        && wanted("country", n.number.country.to_string())
}

/// The order the grid promises: the column's value (numbers nobody holds
/// last), then the id, which the list doesn't show: E.164 stands in for
/// it, as numbers were added in E.164 order within a city.
fn sort_key(n: &TelephoneNumber, sort: &str) -> (u8, String) {
    match sort {
        "Number" => (0, n.number.e164.to_string()),
        "City" => (0, n.city.to_ascii_lowercase()),
        _ => match &n.holder {
            Some(h) => (
                0,
                format!(
                    "{}\u{1}{:010}",
                    h.display_name.to_ascii_lowercase(),
                    h.user_id.0
                ),
            ),
            None => (1, String::new()),
        },
    }
}

#[tokio::test]
async fn every_search_filter_and_sort_lists_what_a_plain_scan_finds_in_order() {
    let app = spawn_app().await;
    add_hollowton(&app).await;
    let today = Date::parse(TODAY).unwrap();
    let holders = holders(&app).await;
    let all = listed(&app, &json!({}), "Number", false).await;
    let cases = [
        json!({ "search": "hollow" }),
        json!({ "search": "red" }),
        json!({ "search": "REDMOND" }),
        json!({ "search": "re" }),
        json!({ "search": "5550" }),
        json!({ "search": "55" }),
        json!({ "search": "adele" }),
        json!({ "search": "%" }),
        json!({ "search": "zzzz" }),
        json!({ "state": "Unassigned" }),
        json!({ "state": "Assigned" }),
        json!({ "state": "Pending" }),
        json!({ "kind": "Service" }),
        json!({ "country": "GB", "state": "Unassigned" }),
        json!({}),
    ];
    for filters in cases {
        let expected: BTreeSet<String> = all
            .iter()
            .filter(|n| keeps(n, &holders, &filters, &today))
            .map(|n| n.number.e164.to_string())
            .collect();
        for sort in ["Number", "City", "AssignedTo"] {
            for descending in [false, true] {
                let case = format!("{filters} by {sort}, descending {descending}");
                let numbers = listed(&app, &filters, sort, descending).await;
                let found: Vec<String> =
                    numbers.iter().map(|n| n.number.e164.to_string()).collect();
                let unique: BTreeSet<String> = found.iter().cloned().collect();
                assert_eq!(unique.len(), found.len(), "{case}: a number twice");
                assert_eq!(unique, expected, "{case}: the numbers listed");
                let in_order = numbers.windows(2).all(|w| {
                    let (a, b) = (sort_key(&w[0], sort), sort_key(&w[1], sort));
                    a.0 < b.0 || (a.0 == b.0 && if descending { a.1 >= b.1 } else { a.1 <= b.1 })
                });
                assert!(in_order, "{case}: out of order");
            }
        }
    }
}

#[tokio::test]
async fn the_assign_dialog_offers_the_assignable_numbers_a_plain_scan_finds() {
    let app = spawn_app().await;
    add_hollowton(&app).await;
    let today = Date::parse(TODAY).unwrap();
    let all = listed(&app, &json!({}), "Number", false).await;
    for text in [
        "",
        "hollow",
        "red",
        "re",
        "5550",
        "55",
        "9175550",
        "manchester",
        "zzzz",
    ] {
        for country in [Some("GB"), Some("US"), None] {
            let (status, body) = app.assignable(text, country, 200).await;
            assert_eq!(status, 200, "{text:?} {country:?}: {body}");
            let offered: Vec<TelephoneNumber> =
                serde_json::from_value(body["numbers"].clone()).unwrap();
            // Own country first, then by country and number.
            let mut expected: Vec<&TelephoneNumber> = all
                .iter()
                .filter(|n| n.is_assignable(&today) && n.kind == NumberKind::User)
                .filter(|n| number_search_keeps(n, None, text))
                .collect();
            expected.sort_by_key(|n| {
                let own = country != Some(n.number.country.as_str());
                (own, n.number.country, n.number.e164.clone())
            });
            let expected: Vec<String> = expected
                .iter()
                .take(200)
                .map(|n| n.number.e164.to_string())
                .collect();
            let offered: Vec<String> = offered.iter().map(|n| n.number.e164.to_string()).collect();
            assert_eq!(offered, expected, "{text:?} {country:?}");
        }
    }
    let (_, body) = app.assignable("", None, 1).await;
    assert_eq!(
        (body["available"].clone(), body["available_capped"].clone()),
        (json!(1000), json!(true))
    );
}
