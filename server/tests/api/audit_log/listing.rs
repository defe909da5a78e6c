//! Reading the log: newest first, searched, filtered by action and day,
//! paged by 50.

use serde_json::{json, Value};

use super::two_days_of_changes;
use crate::helpers::*;

#[tokio::test]
async fn the_log_is_newest_first_and_filters_by_search_action_and_day() {
    let mut app = spawn_app().await;
    let megans_number = two_days_of_changes(&mut app).await;
    let midnight = NOW + 86_400 - NOW % 86_400;

    let all = app.audit_entries(json!({})).await;
    assert_eq!(
        actions(&all),
        [
            "LocationRenamed",
            "SignedIn",
            "SignedIn",
            "NumberChanged",
            "NumberAssigned",
            "SignedIn",
            "SignedIn"
        ]
    );
    let ids: Vec<i64> = all.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");
    assert_eq!(all[1]["at"], midnight);
    assert_eq!(all[2]["at"], midnight - 1);

    let cases: Vec<(Value, Vec<&str>)> = vec![
        // By user name, any case.
        (json!({ "search": "MEGAN" }), vec!["NumberAssigned"]),
        // By digits of a number, however they are spaced.
        (json!({ "search": "425 555 0100" }), vec!["NumberChanged"]),
        (
            json!({ "search": &megans_number[2..] }),
            vec!["NumberAssigned"],
        ),
        // By actor (and target: a sign-in's target is the account).
        (
            json!({ "search": "voice.admin" }),
            vec!["NumberAssigned", "SignedIn"],
        ),
        // Wildcards are text.
        (json!({ "search": "%" }), vec![]),
        (json!({ "search": "_" }), vec![]),
        (json!({ "action": "NumberChanged" }), vec!["NumberChanged"]),
        (json!({ "action": "SignedIn" }), vec!["SignedIn"; 4]),
        (
            json!({ "action": "SignedIn", "search": "admin" }),
            vec!["SignedIn"; 3],
        ),
        (
            json!({ "to": "2026-11-26" }),
            vec![
                "SignedIn",
                "NumberChanged",
                "NumberAssigned",
                "SignedIn",
                "SignedIn",
            ],
        ),
        (
            json!({ "from": "2026-11-27" }),
            vec!["LocationRenamed", "SignedIn"],
        ),
        (
            json!({ "from": "2026-11-27", "to": "2026-11-27" }),
            vec!["LocationRenamed", "SignedIn"],
        ),
        (
            json!({ "from": "2026-11-26", "to": "2026-11-26", "action": "SignedIn" }),
            vec!["SignedIn"; 3],
        ),
        (json!({ "from": "2026-11-25", "to": "2026-11-25" }), vec![]),
        (json!({ "from": "2026-11-28" }), vec![]),
    ];
    for (filter, expected) in cases {
        let entries = app.audit_entries(filter.clone()).await;
        assert_eq!(actions(&entries), expected, "{filter}: {entries:#?}");
    }

    // What a search finds, it finds in the right entries.
    let by_user = app.audit_entries(json!({ "search": "megan" })).await;
    assert_eq!(by_user[0]["user_name"], "Megan Bowen");
    let by_digits = app.audit_entries(json!({ "search": "425 555 0100" })).await;
    assert_eq!(by_digits[0]["number"], ADELES_NUMBER);
    let by_actor = app.audit_entries(json!({ "search": "voice.admin" })).await;
    assert!(
        by_actor.iter().all(|e| e["actor"] == VOICE_ADMIN),
        "{by_actor:#?}"
    );
    let day_one = app.audit_entries(json!({ "to": "2026-11-26" })).await;
    assert!(day_one.iter().all(|e| e["at"].as_i64().unwrap() < midnight));
}

#[tokio::test]
async fn bad_filters_are_400() {
    let app = spawn_app().await;
    let cases = [
        (
            json!({ "action": "NUMBER_ASSIGNED" }),
            "the export's code, not the list's name",
        ),
        (json!({ "action": "Bogus" }), "no such action"),
        (json!({ "from": "2026-02-30" }), "no such day"),
        (json!({ "to": "yesterday" }), "not a date"),
        (json!({ "search": "x".repeat(101) }), "a search over 100"),
    ];
    for (filter, why) in cases {
        let query = json!({ "query": audit_query(filter) });
        let (status, body) = app.call("/api/audit/list", query).await;
        assert_eq!(status, 400, "{why}: {body}");
        assert_eq!(variant(&body), "BadRequest", "{why}: {body}");
    }
}

#[tokio::test]
async fn pages_of_50_follow_each_other_through_before_id() {
    let app = spawn_app().await;
    app.done(Call::add_new_numbers("US", "Redmond", 60)).await;
    let in_db: Vec<i64> = sqlx::query_scalar("SELECT id FROM audit_log ORDER BY id DESC")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(in_db.len(), 61, "60 numbers and the admin's sign-in");

    let ids = |page: &Value| -> Vec<i64> {
        page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    };
    let first = app.audit_page(json!({})).await;
    assert_eq!(ids(&first).len(), 50);
    assert_eq!(
        (&first["total"], &first["total_capped"]),
        (&json!(61), &json!(false)),
        "every page says the total"
    );
    assert_eq!(first["next"], ids(&first)[49], "next is the last id shown");
    let second = app.audit_page(json!({ "before_id": first["next"] })).await;
    assert_eq!(ids(&second).len(), 11);
    assert_eq!(
        second["total"], 61,
        "the total of the whole list, not of what is left"
    );
    assert!(second["next"].is_null(), "{second}");
    let both: Vec<i64> = ids(&first).into_iter().chain(ids(&second)).collect();
    assert_eq!(both, in_db, "every entry once, newest first");

    // With a filter, and exactly 50 left: no further page.
    let added = app.audit_page(json!({ "action": "NumbersAdded" })).await;
    assert_eq!(ids(&added).len(), 50);
    assert_eq!(added["total"], 60, "the total the filter keeps");
    let rest = app
        .audit_page(json!({ "action": "NumbersAdded", "before_id": added["next"] }))
        .await;
    assert_eq!(ids(&rest).len(), 10);
    assert!(rest["next"].is_null());
    let tenth = ids(&added)[9];
    let exactly_50 = app
        .audit_page(json!({ "action": "NumbersAdded", "before_id": tenth }))
        .await;
    assert_eq!(ids(&exactly_50).len(), 50);
    assert!(
        exactly_50["next"].is_null(),
        "no empty last page: {}",
        exactly_50["next"]
    );
}

/// Every entry the log lists for `search`, page by page: their ids.
async fn every_id(app: &TestApp, search: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut before_id = Value::Null;
    loop {
        let page = app
            .audit_page(json!({ "search": search, "before_id": before_id }))
            .await;
        for e in page["entries"].as_array().expect("a list of entries") {
            ids.push(e["id"].as_i64().expect("an id"));
        }
        before_id = page["next"].clone();
        if before_id.is_null() {
            return ids;
        }
    }
}

#[tokio::test]
async fn a_search_matching_thousands_of_entries_lists_what_a_plain_scan_finds() {
    // The trigram index answers a search that matches few entries; one that
    // matches more than a thousand, or is shorter than three characters,
    // is checked entry by entry. Both must find the same entries.
    let app = spawn_app().await;
    let mut tx = app.pool.begin().await.unwrap();
    for i in 0..1_200 {
        let actor = if i % 400 == 0 {
            "Hollis.Admin"
        } else {
            "hollow.admin"
        };
        sqlx::query(
            "INSERT INTO audit_log (at, actor, action, target, number) \
             VALUES ($1, $2, 'SIGNED_IN', $2, $3)",
        )
        .bind(NOW + i)
        .bind(actor)
        .bind(format!("+1917555{i:04}"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    type Entry = (i64, String, String, Option<String>, Option<String>);
    let rows: Vec<Entry> = sqlx::query_as(
        "SELECT id, actor, target, user_name, number FROM audit_log ORDER BY id DESC",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let scan = |term: &str| -> Vec<i64> {
        let text = term.trim().to_lowercase();
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        rows.iter()
            .filter(|(_, actor, target, user, number)| {
                [actor, target, &user.clone().unwrap_or_default()]
                    .iter()
                    .any(|c| c.to_lowercase().contains(&text))
                    || (!digits.is_empty() && number.clone().unwrap_or_default().contains(&digits))
            })
            .map(|r| r.0)
            .collect()
    };
    for (term, why) in [
        ("hollow", "more than a thousand: read entry by entry"),
        ("HOLLIS", "three: through the index"),
        ("holl", "both together"),
        ("5550", "digits of a thousand numbers"),
        ("9175551199", "one number's digits"),
        ("ho", "short: entry by entry"),
        ("zzzz", "none"),
    ] {
        let expected = scan(term);
        assert_eq!(every_id(&app, term).await, expected, "{term:?}: {why}");
    }
}
