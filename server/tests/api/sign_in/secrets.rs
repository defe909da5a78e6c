//! No password or session token is stored, logged or exported as text.

use app::auth::session::token_hash;

use super::*;

#[tokio::test]
async fn no_password_or_token_is_stored_or_logged_as_text() {
    let app = spawn_app().await;
    let typo = "a-mistyped-secret-42";
    let (_, status, _) = app.sign_in(VOICE_ADMIN, typo).await;
    assert_eq!(status, 401);
    let first = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let second = app.sign_in_token(VOICE_ADMIN, DEMO_PASSWORD).await;
    let (status, _) = change_password(&app, &second, DEMO_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(status, 200);
    let (status, _) = read(sign_out(&app, &second).await).await;
    assert_eq!(status, 200);
    let third = app.sign_in_token(VOICE_ADMIN, NEW_PASSWORD).await;

    let tables = app.snapshot_of(&ALL_TABLES).await;
    let export = app.export_csv(&app.client, "").await;
    assert_eq!(export.status(), 200);
    let csv = export.text().await.unwrap();
    let secrets = [
        typo,
        DEMO_PASSWORD,
        NEW_PASSWORD,
        ADMIN_PASSWORD,
        &first,
        &second,
        &third,
    ];
    let stored = tables.iter().map(|(table, rows)| (*table, rows.as_str()));
    for (place, text) in stored.chain([("the CSV export", csv.as_str())]) {
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{secret} appears in {place}: {text}"
            );
        }
    }
    // What was read holds what the steps above wrote.
    for (table, written) in [
        ("audit_log", "PASSWORD_CHANGED"),
        ("sessions", &token_hash(&third)),
        ("sign_in_throttle", "address:127.0.0.1"),
    ] {
        assert!(tables[table].contains(written), "{written} in {table}");
    }
    assert!(csv.contains("Password changed"), "{csv}");
    let hashes: Vec<String> = sqlx::query_scalar("SELECT password_hash FROM accounts")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    for hash in hashes {
        assert!(hash.starts_with("$argon2id$"), "{hash}");
    }
}
