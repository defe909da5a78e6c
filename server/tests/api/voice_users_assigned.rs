//! The Voice users grid's assigned number filter: with a number, without
//! one, or everyone, combined with the search, the location, each sort and
//! paging, answers what a plain scan of every user would
//! (`app::domain::assigned_keeps`), and its total is exact or says it is
//! capped.

use std::collections::BTreeSet;

use app::domain::{assigned_keeps, search_keeps, VoiceUser};
use serde_json::{json, Value};

use crate::helpers::*;
use crate::voice_users_search::{add_namesakes, everyone, in_grid_order, listed, view, SORTS};

const FILTERS: [Option<bool>; 3] = [None, Some(true), Some(false)];

/// The users of `all` a plain scan keeps for the search, location and filter.
fn scan(all: &[VoiceUser], search: &str, location: &Value, assigned: Option<bool>) -> Vec<i64> {
    all.iter()
        .filter(|u| search_keeps(u, search))
        .filter(|u| {
            location.is_null() || u.emergency_location.as_ref().map(|l| l.id.0) == location.as_i64()
        })
        .filter(|u| assigned_keeps(assigned, u))
        .map(|u| u.id.0)
        .collect()
}

#[tokio::test]
async fn the_filter_lists_exactly_the_users_with_or_without_a_number_in_every_order() {
    let app = spawn_app().await;
    add_namesakes(&app, 1_200).await;
    let all = everyone(&app).await;
    // "hollow" alone matches more than a thousand (read along the sort's
    // index); filtered, fewer (read whole). "5550" is digits: only users
    // with a number can match them. No search walks the sort's index.
    let cases = [
        ("hollow", Value::Null),
        ("meg", Value::Null),
        ("5550", Value::Null),
        ("", json!(REDMOND_HQ)),
        ("a", json!(REDMOND_HQ)),
        ("", Value::Null),
    ];
    for (search, location) in cases {
        for assigned in FILTERS {
            let expected: BTreeSet<i64> = scan(&all, search, &location, assigned)
                .into_iter()
                .collect();
            for sort in SORTS {
                for descending in [false, true] {
                    let case = format!(
                        "{search:?} at {location}, assigned {assigned:?}, by {sort}, descending {descending}"
                    );
                    let mut asked = view(search, location.clone(), sort, descending);
                    asked["assigned"] = json!(assigned);
                    let users = listed(&app, &asked).await;
                    let ids: Vec<i64> = users.iter().map(|u| u.id.0).collect();
                    let unique: BTreeSet<i64> = ids.iter().copied().collect();
                    assert_eq!(unique.len(), ids.len(), "{case}: a user twice");
                    assert_eq!(unique, expected, "{case}: the users listed");
                    assert!(
                        in_grid_order(&users, sort, descending),
                        "{case}: out of order"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn the_total_counts_the_filtered_users_exactly_up_to_a_thousand() {
    let app = spawn_app().await;
    // 1,200 namesakes hold a free number each while they last; 1,200 and
    // the rest hold none.
    add_namesakes(&app, 2_400).await;
    let all = everyone(&app).await;
    let at_redmond = json!(REDMOND_HQ);
    let cases = [
        ("", Value::Null, Some(true), false, "every holder, exactly"),
        (
            "",
            Value::Null,
            Some(false),
            false,
            "beyond a thousand, still exact",
        ),
        (
            "",
            at_redmond.clone(),
            Some(true),
            false,
            "a location's users all hold one",
        ),
        (
            "",
            at_redmond.clone(),
            Some(false),
            false,
            "so none there holds none",
        ),
        (
            "hollow",
            Value::Null,
            None,
            true,
            "a broad search alone is capped",
        ),
        (
            "hollow",
            Value::Null,
            Some(true),
            false,
            "filtered to fewer than a thousand",
        ),
        (
            "hollow",
            Value::Null,
            Some(false),
            true,
            "filtered, still more than a thousand",
        ),
        (
            "hollow",
            at_redmond,
            Some(true),
            false,
            "search, location and filter",
        ),
        (
            "smith",
            Value::Null,
            Some(false),
            false,
            "a narrow search, filtered",
        ),
        (
            "5550",
            Value::Null,
            Some(false),
            false,
            "digits match only holders",
        ),
    ];
    for (search, location, assigned, capped, why) in cases {
        let found = scan(&all, search, &location, assigned).len() as i64;
        let total = if capped { 1_000 } else { found };
        assert_eq!(
            capped,
            found > 1_000 && !search.is_empty(),
            "{why}: the case itself"
        );
        let mut asked = view(search, location, "DisplayName", false);
        asked["assigned"] = json!(assigned);
        asked["after"] = Value::Null;
        asked["limit"] = json!(50);
        let (status, page) = app.list_users(asked).await;
        assert_eq!(status, 200, "{why}: {page}");
        assert_eq!(page["total"], total, "{why}");
        assert_eq!(page["total_capped"], capped, "{why}");
        let shown = page["users"].as_array().unwrap().len() as i64;
        assert_eq!(shown, found.min(50), "{why}: the first page");
    }
}

#[tokio::test]
async fn a_client_that_sends_no_filter_lists_every_user() {
    let app = spawn_app().await;
    let without_the_field = query("");
    assert!(without_the_field.get("assigned").is_none());
    let (status, page) = app.list_users(without_the_field).await;
    assert_eq!(status, 200, "{page}");
    let users = app.count("SELECT COUNT(*) FROM voice_users").await;
    assert_eq!(page["total"], users);
}
