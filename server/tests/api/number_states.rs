//! A number's state is defined once, by `TelephoneNumber::state` in the
//! domain; the SQL behind the Phone numbers grid's State filter and the
//! assignable numbers must agree with it. These tests list every number
//! through each filter and judge it with the domain's own function.

use app::domain::{Date, StateFilter, TelephoneNumber};
use serde_json::{json, Value};

use crate::helpers::*;

/// Every number the Phone numbers grid lists under `state` (null for all).
async fn every_number(app: &TestApp, state: Value) -> Vec<TelephoneNumber> {
    let mut found = Vec::new();
    let mut after = Value::Null;
    loop {
        let query = json!({
            "search": "", "state": state, "kind": null, "source": null, "country": null,
            "sort": "Number", "descending": false, "after": after, "limit": 200
        });
        let (status, page) = app
            .call("/api/phone-numbers/list", json!({ "query": query }))
            .await;
        assert_eq!(status, 200, "{state}: {page}");
        found.extend(
            serde_json::from_value::<Vec<TelephoneNumber>>(page["numbers"].clone())
                .expect("numbers as the domain knows them"),
        );
        after = page["next"].clone();
        if after.is_null() {
            return found;
        }
    }
}

/// Gives a number in `state` to a user without one, straight in the
/// database: what the console never does, but a number's state must still
/// read right (a holder wins over a block or a pending activation).
async fn hold_in_database(app: &TestApp, state_sql: &str) {
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) \
         SELECT (SELECT MIN(u.id) FROM voice_users u \
                 WHERE u.id NOT IN (SELECT user_id FROM number_assignments)), \
                n.id, 1, '2026-11-26T00:00:00Z' \
         FROM phone_numbers n WHERE {state_sql} \
         AND n.id NOT IN (SELECT number_id FROM number_assignments) LIMIT 1"
    )))
    .execute(&app.pool)
    .await
    .expect("assigning in the database");
    assert_eq!(
        done.rows_affected(),
        1,
        "the demo has a number where {state_sql}"
    );
}

#[tokio::test]
async fn each_state_filter_lists_exactly_the_numbers_in_that_state() {
    let app = spawn_app().await;
    hold_in_database(&app, "n.blocked_until > '2026-11-26'").await;
    hold_in_database(&app, "n.activation = 'pending'").await;
    let today = Date::parse(TODAY).unwrap();

    let all = every_number(&app, Value::Null).await;
    let mut listed = 0;
    for &filter in StateFilter::ALL {
        let kept = every_number(&app, json!(filter)).await;
        assert!(!kept.is_empty(), "the demo has numbers for {filter:?}");
        for n in &kept {
            let state = n.state(&today);
            assert!(
                filter.keeps(&state),
                "{filter:?} lists {} in state {state:?}",
                n.number.e164
            );
        }
        let expected = all
            .iter()
            .filter(|n| filter.keeps(&n.state(&today)))
            .count();
        assert_eq!(
            kept.len(),
            expected,
            "{filter:?} lists every number in its states"
        );
        listed += kept.len();
    }
    assert_eq!(listed, all.len(), "the filters split the inventory");
}

#[tokio::test]
async fn the_assignable_numbers_are_the_ones_the_domain_calls_assignable() {
    let app = spawn_app().await;
    hold_in_database(&app, "n.blocked_until > '2026-11-26'").await;
    let today = Date::parse(TODAY).unwrap();
    let all = every_number(&app, Value::Null).await;
    let assignable: Vec<&TelephoneNumber> =
        all.iter().filter(|n| n.is_assignable(&today)).collect();

    let (status, body) = app.assignable("", None, 200).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(body["available"].as_u64(), Some(assignable.len() as u64));
    let offered: Vec<TelephoneNumber> = serde_json::from_value(body["numbers"].clone()).unwrap();
    assert!(!offered.is_empty());
    for n in &offered {
        assert!(
            n.is_assignable(&today),
            "{} is offered but not assignable",
            n.number.e164
        );
    }
}
