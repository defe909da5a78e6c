//! A database made before the search indexes (migrations 0001 to 0003,
//! with an organisation in it) is upgraded on start: nothing lost, and the
//! new indexes find what was there.

use std::sync::Arc;

use serde_json::{json, Value};
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::SqlitePool;

use crate::helpers::*;

/// The migrations before the search indexes (0004 and 0005), as an older
/// release ran them.
async fn migrate_as_before(pool: &SqlitePool) {
    let old = tempfile::tempdir().unwrap();
    let all = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite");
    for file in std::fs::read_dir(all).unwrap() {
        let file = file.unwrap();
        let name = file.file_name().into_string().unwrap();
        if name.as_str() < "0004" {
            std::fs::copy(file.path(), old.path().join(&name)).unwrap();
        }
    }
    Migrator::new(old.path())
        .await
        .unwrap()
        .run(pool)
        .await
        .unwrap();
}

async fn the_old_organisation(pool: &SqlitePool) {
    let statements = [
        "INSERT INTO licences (code, purchased) VALUES ('ENTERPRISE_E5', 10)",
        "INSERT INTO voice_users (id, display_name, username, usage_location) VALUES \
         (1, 'Zoë Müller', 'zoe.mueller@contoso.com', 'DE'), \
         (2, 'Ravi Patel', 'ravi@contoso.com', 'US')",
        "INSERT INTO user_licences (user_id, licence) VALUES (1, 'ENTERPRISE_E5'), (2, 'ENTERPRISE_E5')",
        "INSERT INTO emergency_locations (id, description, street, city, state, postal_code, country, validated) \
         VALUES (1, 'Redmond HQ', '1 Microsoft Way', 'Redmond', 'WA', '98052', 'US', TRUE)",
        "INSERT INTO phone_numbers (id, e164, country, city, kind, source) VALUES \
         (1, '+14255550199', 'US', 'Redmond', 'user', 'direct_routing'), \
         (2, '+14255550142', 'US', 'Redmond', 'user', 'direct_routing')",
        "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) \
         VALUES (2, 1, 1, '2026-11-20T10:00:00Z')",
        "INSERT INTO audit_log (at, actor, action, target, user_name, number) \
         VALUES (1795000000, 'old.admin', 'NUMBER_ASSIGNED', '+1 425-555-0199', 'Ravi Patel', '+14255550199')",
    ];
    for sql in statements {
        sqlx::query(sql)
            .execute(pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

#[tokio::test]
async fn a_database_from_before_the_search_indexes_is_upgraded_with_its_data() {
    if store_under_test() == Dialect::Postgres {
        // An SQLite history: PostgreSQL began with the search indexes.
        return;
    }
    let folder = Arc::new(empty_folder());
    let options = SqliteConnectOptions::new()
        .filename(folder.path().join(DATABASE_FILE))
        .create_if_missing(true);
    let pool = SqlitePool::connect_with(options).await.unwrap();
    migrate_as_before(&pool).await;
    the_old_organisation(&pool).await;
    pool.close().await;

    let (mut app, _) = spawn_in(folder, |_| {})
        .await
        .expect("starting on the old database");
    app.client = app.signed_in("admin", ADMIN_PASSWORD).await;

    let names = |page: &Value| -> Vec<String> {
        page["users"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["display_name"].as_str().unwrap().to_owned())
            .collect()
    };
    let cases = [
        (
            "",
            vec!["Ravi Patel", "Zoë Müller"],
            "nothing lost, nothing seeded over it",
        ),
        (
            "müller",
            vec!["Zoë Müller"],
            "a name, through the new index",
        ),
        ("MUELLER", vec!["Zoë Müller"], "a username, any case"),
        ("5550199", vec!["Ravi Patel"], "the digits of a number"),
    ];
    for (search, expected, why) in cases {
        let (status, page) = app.list_users(query(search)).await;
        assert_eq!(status, 200, "{why}: {page}");
        assert_eq!(names(&page), expected, "{why}");
    }

    let (status, numbers) = app
        .call(
            "/api/phone-numbers/list",
            json!({ "query": { "search": "redmond", "state": null, "kind": null, "source": null,
                               "country": null, "sort": "Number", "descending": false,
                               "after": null, "limit": 50 } }),
        )
        .await;
    assert_eq!(status, 200, "{numbers}");
    assert_eq!(
        numbers["total"], 2,
        "both numbers, found by their city: {numbers}"
    );

    let entries = app.audit_entries(json!({ "search": "old.admin" })).await;
    assert_eq!(
        entries.len(),
        1,
        "the old audit entry, through the new index"
    );
    assert_eq!(entries[0]["user_name"], "Ravi Patel");
}
