//! The Voice users grid's search, filter and sort answer what a plain scan
//! of every user would (`app::domain::search_keeps`, the sort keys below),
//! on both of the store's paths: a small set of matches read whole, and a
//! large one read along the sort's index (more than a thousand matches,
//! made here by adding users who share a name).

use std::collections::BTreeSet;

use app::domain::{assigned_keeps, search_keeps, search_text, VoiceUser};
use serde_json::{json, Value};

use crate::helpers::*;

const SORTS: [&str; 4] = [
    "DisplayName",
    "Username",
    "AssignedNumber",
    "EmergencyLocation",
];

/// The grid's view: what the admin searched for, at which location, and
/// the order; a filter is added as another field.
pub(crate) fn view(search: &str, location: Value, sort: &str, descending: bool) -> Value {
    json!({ "search": search, "location": location, "sort": sort, "descending": descending })
}

/// Every user the grid lists for `view`, page by page, in the order the
/// pages came.
pub(crate) async fn listed(app: &TestApp, view: &Value) -> Vec<VoiceUser> {
    let mut users = Vec::new();
    let mut after = Value::Null;
    loop {
        let mut q = view.clone();
        q["after"] = after;
        q["limit"] = json!(200);
        let (status, page) = app.list_users(q).await;
        assert_eq!(status, 200, "{view}: {page}");
        users.extend(serde_json::from_value::<Vec<VoiceUser>>(page["users"].clone()).unwrap());
        after = page["next"].clone();
        if after.is_null() {
            return users;
        }
        assert!(users.len() < 10_000, "{view}: paging never ends");
    }
}

/// The order the grid promises: the column's value (empty last either
/// way), then the id.
fn sort_key(u: &VoiceUser, sort: &str) -> (u8, String, i64) {
    let text = |s: &str| s.to_ascii_lowercase();
    let (empty, value) = match sort {
        "DisplayName" => (false, text(&u.display_name)),
        "Username" => (false, text(&u.username)),
        "AssignedNumber" => match &u.assigned_number {
            Some(n) => (false, n.number.e164.to_string()),
            None => (true, String::new()),
        },
        _ => match &u.emergency_location {
            Some(l) => (
                false,
                format!("{}\u{1}{:010}", text(&l.description), l.id.0),
            ),
            None => (true, String::new()),
        },
    };
    (u8::from(empty), value, u.id.0)
}

/// The users of `all` a plain scan keeps for the search, the location (or
/// null) and the assigned number filter.
pub(crate) fn kept(
    all: &[VoiceUser],
    search: &str,
    location: &Value,
    assigned: Option<bool>,
) -> BTreeSet<i64> {
    all.iter()
        .filter(|u| search_keeps(u, search))
        .filter(|u| {
            location.is_null() || u.emergency_location.as_ref().map(|l| l.id.0) == location.as_i64()
        })
        .filter(|u| assigned_keeps(assigned, u))
        .map(|u| u.id.0)
        .collect()
}

/// Checks that the grid, asked for `filters` (the search, location, ...)
/// in every order, pages through exactly `expected`.
pub(crate) async fn assert_every_order_lists(
    app: &TestApp,
    filters: &Value,
    expected: &BTreeSet<i64>,
) {
    for sort in SORTS {
        for descending in [false, true] {
            let mut asked = filters.clone();
            asked["sort"] = json!(sort);
            asked["descending"] = json!(descending);
            assert_pages_list(app, &asked, expected).await;
        }
    }
}

/// Follows every page of `asked` and checks that they list `expected`,
/// each user once, in the order `asked` sorts by.
async fn assert_pages_list(app: &TestApp, asked: &Value, expected: &BTreeSet<i64>) {
    let users = listed(app, asked).await;
    let ids: Vec<i64> = users.iter().map(|u| u.id.0).collect();
    let unique: BTreeSet<i64> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "{asked}: a user twice");
    assert_eq!(&unique, expected, "{asked}: the users listed");
    let (sort, descending) = (asked["sort"].as_str().unwrap(), asked["descending"] == true);
    assert!(
        in_grid_order(&users, sort, descending),
        "{asked}: out of order"
    );
}

fn in_grid_order(users: &[VoiceUser], sort: &str, descending: bool) -> bool {
    users.windows(2).all(|w| {
        let (a, b) = (sort_key(&w[0], sort), sort_key(&w[1], sort));
        match (descending, a.0 == b.0) {
            (_, false) => a.0 < b.0,
            (false, true) => a <= b,
            (true, true) => (&a.1, a.2) >= (&b.1, b.2),
        }
    })
}

/// Adds `count` users named "Tessa Hollow N" (so that one search matches
/// more than a thousand); every other one gets a free number, at one of
/// two locations, while numbers last.
pub(crate) async fn add_namesakes(app: &TestApp, count: usize) {
    let mut tx = app.pool.begin().await.unwrap();
    let free: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM phone_numbers WHERE id NOT IN (SELECT number_id FROM number_assignments) \
         ORDER BY e164 DESC",
    )
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    let mut free = free.into_iter();
    for i in 0..count {
        let name = format!("Tessa Hollow {i}");
        let username = format!("tessa.hollow{i}@contoso.com");
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
        if i % 2 == 1 {
            continue;
        }
        let Some(number) = free.next() else {
            continue;
        };
        sqlx::query(
            "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) \
             VALUES ($1, $2, $3, '2026-11-26T00:00:00Z')",
        )
        .bind(user)
        .bind(number)
        .bind(if i % 4 == 0 {
            REDMOND_HQ
        } else {
            SEATTLE_OFFICE
        })
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

pub(crate) async fn everyone(app: &TestApp) -> Vec<VoiceUser> {
    listed(app, &view("", Value::Null, "DisplayName", false)).await
}

#[tokio::test]
async fn the_search_finds_exactly_the_users_a_plain_scan_finds() {
    let app = spawn_app().await;
    let all = everyone(&app).await;
    let terms = [
        "a",
        "an",
        "meg",
        "MEGAN",
        "vance",
        "ü",
        "mü",
        "Müller",
        "zoë",
        "zoe",
        "ó",
        "o'b",
        "núñez",
        "@contoso",
        "adelev@",
        "5",
        "55",
        "5550",
        "425 555",
        "+1",
        "%",
        "_",
        "a_e",
        "\\",
        "\"",
        "x",
        "zzzz",
        "  adele vance  ",
    ];
    for term in terms {
        let found: BTreeSet<i64> = listed(&app, &view(term, Value::Null, "DisplayName", false))
            .await
            .iter()
            .map(|u| u.id.0)
            .collect();
        let expected: BTreeSet<i64> = all
            .iter()
            .filter(|u| search_keeps(u, term))
            .map(|u| u.id.0)
            .collect();
        assert_eq!(found, expected, "{term:?}");
    }
}

#[tokio::test]
async fn every_sort_pages_through_small_and_large_matches_in_order() {
    let app = spawn_app().await;
    add_namesakes(&app, 1_200).await;
    let all = everyone(&app).await;
    let at_redmond = json!(REDMOND_HQ);
    // "hollow" matches more than a thousand users: the store walks the
    // sort's index; "meg" and Redmond HQ's users are read whole.
    let cases = [
        ("hollow", Value::Null),
        ("meg", Value::Null),
        ("", at_redmond.clone()),
        ("a", at_redmond),
        ("", Value::Null),
    ];
    for (search, location) in cases {
        let expected = kept(&all, search, &location, None);
        let filters = json!({ "search": search, "location": location });
        assert_every_order_lists(&app, &filters, &expected).await;
    }
}

#[tokio::test]
async fn a_broad_search_counts_up_to_a_thousand_and_says_so() {
    let app = spawn_app().await;
    add_namesakes(&app, 1_200).await;
    let all = everyone(&app).await;
    let scan = |term: &str| all.iter().filter(|u| search_keeps(u, term)).count() as i64;
    assert!(
        (1..1_000).contains(&scan("smith")),
        "a few users are called Smith"
    );
    let cases = [
        ("hollow", 1_000, true, "more than a thousand match"),
        ("smith", scan("smith"), false, "fewer: counted exactly"),
        ("", 1_480, false, "no search: every user, exactly"),
    ];
    for (search, total, capped, why) in cases {
        let (status, page) = app.list_users(query(search)).await;
        assert_eq!(status, 200, "{why}: {page}");
        assert_eq!(page["total"], total, "{why}");
        assert_eq!(page["total_capped"], capped, "{why}");
    }
}
