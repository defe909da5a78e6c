use super::*;

#[tokio::test]
async fn a_token_is_shown_once_kept_as_a_hash_and_listed_without_it() {
    let app = spawn_app().await;
    let voice_admin = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let since = app.last_audit_id().await;
    let (token, info) = token_of(&app, &voice_admin, json!({ "name": " deploy script " })).await;
    assert!(token.starts_with("sbt_") && token.len() == 68, "{token}");
    assert_eq!(info["name"], "deploy script", "trimmed: {info}");
    assert_eq!(info["role"], "VoiceAdmin", "the account's role by default");
    assert_eq!(info["created_at"], NOW);
    assert_eq!(info["expires_at"], NOW + 90 * DAY, "90 days by default");
    assert_eq!(info["last_used_at"], Value::Null);

    let (_, listed) = app.call_with(&voice_admin, LIST, json!({})).await;
    assert_eq!(listed, json!([info]), "listed as made, without the token");
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM api_tokens")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert!(!stored[0].contains(&token[4..]), "only a hash is kept");
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "action": "ApiTokenCreated", "actor": VOICE_ADMIN, "target": VOICE_ADMIN,
                "after": "'deploy script', Voice administrator, 90 days" }),
    );

    // Used once: its list says when.
    app.clock.advance(60);
    assert_eq!(
        with_token(&app, &token, LIST_USERS, list_users()).await.0,
        200
    );
    let (_, listed) = app.call_with(&voice_admin, LIST, json!({})).await;
    assert_eq!(listed[0]["last_used_at"], NOW + 60);
}

#[tokio::test]
async fn a_new_token_is_refused_above_its_accounts_role_beyond_a_year_unnamed_or_twice_named() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let cases = [
        (
            json!({ "name": "x", "role": "VoiceAdmin" }),
            422,
            "Helpdesk at most",
        ),
        (
            json!({ "name": "x", "role": "GlobalAdmin" }),
            422,
            "Helpdesk at most",
        ),
        (
            json!({ "name": "x", "days": 366 }),
            422,
            "from 1 to 365 days",
        ),
        (json!({ "name": "x", "days": 0 }), 422, "from 1 to 365 days"),
        (json!({ "name": "  " }), 422, "Give the token a name"),
        (
            json!({ "name": "y".repeat(101) }),
            422,
            "at most 100 characters",
        ),
    ];
    for (request, status, part) in cases {
        let (got, answer) = app
            .call_with(&helpdesk, CREATE, json!({ "request": request }))
            .await;
        assert_eq!(got, status, "{request}: {answer}");
        assert!(message(&answer).contains(part), "{request}: {answer}");
    }
    let (_, info) = token_of(
        &app,
        &helpdesk,
        json!({ "name": "x", "days": 365, "role": "User" }),
    )
    .await;
    assert_eq!(info["expires_at"], NOW + 365 * DAY);
    let (status, answer) = app
        .call_with(&helpdesk, CREATE, json!({ "request": { "name": "x" } }))
        .await;
    assert_eq!(status, 409, "{answer}");
    assert_eq!(message(&answer), "helpdesk already has a token named 'x'.");
}

#[tokio::test]
async fn a_global_admin_manages_another_accounts_tokens_and_nobody_else_does() {
    let app = spawn_app().await;
    let megan = app.account_id("meganb@contoso.com").await;
    let (status, made) = app
        .call(
            CREATE,
            json!({ "request": { "account": megan, "name": "megan's script" } }),
        )
        .await;
    assert_eq!(status, 200, "{made}");
    assert_eq!(made["info"]["role"], "User", "Megan's own role");
    let (_, listed) = app.call(LIST, json!({ "account": megan })).await;
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");

    let voice_admin = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let request = json!({ "request": { "account": megan, "name": "not mine" } });
    let (status, _) = app.call_with(&voice_admin, CREATE, request).await;
    assert_eq!(status, 403);
    let (status, _) = app
        .call_with(&voice_admin, LIST, json!({ "account": megan }))
        .await;
    assert_eq!(status, 403);
    let id = made["info"]["id"].clone();
    let (status, answer) = app
        .call_with(&voice_admin, REVOKE, json!({ "id": id }))
        .await;
    assert_eq!(
        (status, variant(&answer)),
        (404, "NotFound".into()),
        "nothing said of it"
    );
    let (status, _) = app.call(LIST, json!({ "account": 999_999 })).await;
    assert_eq!(status, 404);

    let (status, answer) = app.call(REVOKE, json!({ "id": id })).await;
    assert_eq!(status, 200, "{answer}");
    let (status, _) = app.call(REVOKE, json!({ "id": id })).await;
    assert_eq!(status, 404, "revoked once");
    let (_, listed) = app.call(LIST, json!({ "account": megan })).await;
    assert_eq!(listed, json!([]));
}

#[tokio::test]
async fn a_token_cannot_make_tokens_or_change_its_accounts_password_or_second_step() {
    let app = spawn_app().await;
    let (token, _) = token_of(&app, &app.client, json!({ "name": "admin script" })).await;
    for (path, body) in [
        (CREATE, json!({ "request": { "name": "another" } })),
        (LIST, json!({})),
        (REVOKE, json!({ "id": 1 })),
        (
            "/api/auth/change-password",
            json!({ "current": ADMIN_PASSWORD, "new": "a-new-passphrase-9" }),
        ),
        ("/api/auth/two-step/start", json!({})),
    ] {
        let (status, answer) = with_token(&app, &token, path, body).await;
        assert_eq!(status, 403, "{path}: {answer}");
        assert!(
            message(&answer).starts_with("Only the console can do this"),
            "{path}: {answer}"
        );
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 1);
}
