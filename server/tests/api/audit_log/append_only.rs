//! The log is append-only: the database itself refuses to edit, delete or
//! replace an entry, whoever asks. Only retention's archive deletes, through
//! a permit for the entries it archived (see `retention`).

use serde_json::json;

use crate::helpers::*;

/// An insert that takes the place of entry 1.
fn replacement(dialect: Dialect) -> &'static str {
    match dialect {
        // REPLACE deletes the old row without a DELETE trigger firing.
        Dialect::Sqlite => {
            "INSERT OR REPLACE INTO audit_log (id, at, actor, action, target) \
             VALUES (1, 0, 'someone-else', 'SIGNED_IN', 'x')"
        }
        // PostgreSQL has no REPLACE: an insert naming the id is the nearest.
        Dialect::Postgres => {
            "INSERT INTO audit_log (id, at, actor, action, target) \
             VALUES (1, 0, 'someone-else', 'SIGNED_IN', 'x')"
        }
    }
}

#[tokio::test]
async fn the_database_refuses_to_edit_delete_or_replace_an_entry() {
    let app = spawn_app().await;
    app.done(Call::assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1))
        .await;
    assert_eq!(app.audit_count().await, 2, "a sign-in and an assignment");
    let cases = [
        ("UPDATE audit_log SET actor = 'x'", "an edit"),
        ("DELETE FROM audit_log", "a delete"),
        (replacement(store_under_test()), "a replacement of entry 1"),
        (
            "INSERT INTO audit_log (id, at, actor, action, target) \
             VALUES (1, 0, 'someone-else', 'SIGNED_IN', 'x') \
             ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
            "an upsert of entry 1",
        ),
    ];
    for (sql, why) in cases {
        let before = app.snapshot().await;

        let refused = sqlx::query(sql).execute(&app.pool).await;

        let error = refused.expect_err(why).to_string();
        assert!(
            error.contains("the audit log is append-only"),
            "{why}: {error}"
        );
        app.assert_unchanged(&before, why).await;
    }
    // Retention's permit (migration 0010) opens only the entries it names,
    // and never an edit.
    app.execute(
        "INSERT INTO audit_delete_permit (id, first_id, last_id, before_at) VALUES (1, 1, 1, 0)",
    )
    .await;
    let outside = [
        ("DELETE FROM audit_log", "a delete past the permit"),
        ("UPDATE audit_log SET actor = 'x' WHERE id = 1", "an edit"),
    ];
    for (sql, why) in outside {
        let error = sqlx::query(sql).execute(&app.pool).await.expect_err(why);
        assert!(
            error.to_string().contains("the audit log is append-only"),
            "{why}: {error}"
        );
    }
    app.execute("DELETE FROM audit_delete_permit").await;
    let entries = app.audit_entries(json!({})).await;
    assert_eq!(actions(&entries), ["NumberChanged", "SignedIn"]);
    assert_eq!(entries[1]["actor"], "admin");
}
