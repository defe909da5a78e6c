//! The Voice users grid's assigned number filter: with a number, without
//! one, or everyone, combined with the search, the location, each sort and
//! paging, answers what a plain scan of every user would
//! (`app::domain::assigned_keeps`, through `kept`), and its total is exact
//! or says it is capped.

use serde_json::{json, Value};

use crate::helpers::*;
use crate::voice_users_search::{add_namesakes, assert_every_order_lists, everyone, kept, view};

const FILTERS: [Option<bool>; 3] = [None, Some(true), Some(false)];

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
            let expected = kept(&all, search, &location, assigned);
            let filters = json!({ "search": search, "location": location, "assigned": assigned });
            assert_every_order_lists(&app, &filters, &expected).await;
        }
    }
}

#[tokio::test]
async fn the_total_counts_the_filtered_users_exactly_up_to_a_thousand() {
    let app = spawn_app().await;
    // Every other namesake holds a free number while they last (a few
    // hundred); the rest, more than a thousand, hold none.
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
        let found = kept(&all, search, &location, assigned).len() as i64;
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
