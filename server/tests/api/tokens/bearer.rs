use super::*;
use app::api::access::VOICE_LOCKED;
use server::demo::DemoOrg;

#[tokio::test]
async fn a_token_does_what_its_role_allows_and_its_changes_name_it() {
    let app = spawn_app().await;
    let voice_admin = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let (token, _) = token_of(&app, &voice_admin, json!({ "name": "deploy" })).await;
    let (reader, _) = token_of(
        &app,
        &voice_admin,
        json!({ "name": "reader", "role": "Helpdesk" }),
    )
    .await;

    let (assign, _) = assign_megan(&app).await;
    let (status, answer) = with_token(&app, &reader, assign.path, assign.body.clone()).await;
    assert_eq!(
        (status, message(&answer)),
        (403, NOT_ALLOWED.into()),
        "Helpdesk: {answer}"
    );
    assert_eq!(
        with_token(&app, &reader, LIST_USERS, list_users()).await.0,
        200
    );

    let since = app.last_audit_id().await;
    let (status, answer) = with_token(&app, &token, assign.path, assign.body).await;
    assert_eq!(status, 200, "{answer}");
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "action": "NumberAssigned", "actor": "voice.admin via token deploy" }),
    );
    let (_, sets) = app
        .call("/api/change-sets/list", json!({ "before": null }))
        .await;
    assert_eq!(
        sets["sets"][0]["actor"], "voice.admin via token deploy",
        "{sets}"
    );
    // Licences and accounts stay out of a Voice administrator's reach.
    let (status, _) = with_token(&app, &token, "/api/accounts/list", json!({})).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_token_is_refused_once_expired_revoked_malformed_or_its_account_removed() {
    let app = spawn_app().await;
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (short, _) = token_of(&app, &helpdesk, json!({ "name": "a week", "days": 7 })).await;
    let (revoked, info) = token_of(&app, &helpdesk, json!({ "name": "revoked" })).await;
    let (kept, _) = token_of(&app, &helpdesk, json!({ "name": "kept" })).await;

    let refused = |answer: &(u16, Value)| (answer.0, variant(&answer.1));
    let signed_out = (401, "SignedOut".to_owned());
    app.clock.advance(7 * DAY - 1);
    assert_eq!(
        with_token(&app, &short, LIST_USERS, list_users()).await.0,
        200
    );
    app.clock.advance(1);
    assert_eq!(
        refused(&with_token(&app, &short, LIST_USERS, list_users()).await),
        signed_out
    );

    // A week on, the console's session is long gone: a new one revokes.
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (status, _) = app
        .call_with(&helpdesk, REVOKE, json!({ "id": info["id"] }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        refused(&with_token(&app, &revoked, LIST_USERS, list_users()).await),
        signed_out
    );
    for made_up in [
        "sbt_",
        "Bearer",
        &format!("sbt_{}", "0".repeat(64)),
        &kept[..60],
    ] {
        let answer = with_token(&app, made_up, LIST_USERS, list_users()).await;
        assert_eq!(refused(&answer), signed_out, "{made_up}");
    }

    assert_eq!(
        with_token(&app, &kept, LIST_USERS, list_users()).await.0,
        200
    );
    let id = app.account_id(HELPDESK).await;
    let admin = app.signed_in("admin", ADMIN_PASSWORD).await;
    let remove = json!({ "id": id, "expected_version": 1 });
    let (status, answer) = app.call_with(&admin, "/api/accounts/remove", remove).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        refused(&with_token(&app, &kept, LIST_USERS, list_users()).await),
        signed_out
    );
}

#[tokio::test]
async fn a_token_never_does_more_than_its_account_now_may() {
    let app = spawn_app().await;
    let voice_admin = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let (token, _) = token_of(&app, &voice_admin, json!({ "name": "deploy" })).await;
    let id = app.account_id(VOICE_ADMIN).await;
    let (status, _) = app
        .call(
            "/api/accounts/set-role",
            json!({ "id": id, "role": "User", "expected_version": 1 }),
        )
        .await;
    assert_eq!(status, 422, "voice.admin isn't a voice user");
    let (status, _) = app
        .call(
            "/api/accounts/set-role",
            json!({ "id": id, "role": "Helpdesk", "expected_version": 1 }),
        )
        .await;
    assert_eq!(status, 200);
    let megan = app.user(MEGAN).await;
    let remove = Call::remove(MEGAN, megan["version"].as_i64().unwrap());
    let (status, answer) = with_token(&app, &token, remove.path, remove.body).await;
    assert_eq!(
        (status, message(&answer)),
        (403, NOT_ALLOWED.into()),
        "{answer}"
    );
    assert_eq!(
        with_token(&app, &token, LIST_USERS, list_users()).await.0,
        200
    );
}

#[tokio::test]
async fn the_cross_site_check_is_for_cookies_a_bearer_request_is_not_a_browsers() {
    let app = spawn_app().await;
    let (token, _) = token_of(&app, &app.client, json!({ "name": "script" })).await;
    let evil = [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ];
    let send = |client: reqwest::Client, bearer: Option<String>| {
        let mut request = client
            .post(format!("{}{LIST_USERS}", app.address))
            .json(&list_users());
        for (name, value) in evil {
            request = request.header(name, value);
        }
        if let Some(token) = bearer {
            request = request.bearer_auth(token);
        }
        async move { request.send().await.expect("sending").status().as_u16() }
    };
    assert_eq!(send(reqwest::Client::new(), Some(token.clone())).await, 200);
    assert_eq!(
        send(app.client.clone(), None).await,
        403,
        "the admin's cookie, from another site"
    );
    // A token beside a cookie: the token alone speaks.
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (reader, _) = token_of(
        &app,
        &helpdesk,
        json!({ "name": "reader", "role": "Helpdesk" }),
    )
    .await;
    let (status, _) = app
        .call_with(&helpdesk, "/api/accounts/list", json!({}))
        .await;
    assert_eq!(status, 403);
    let response = app
        .client
        .post(format!("{}/api/accounts/list", app.address))
        .bearer_auth(&reader)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        403,
        "the admin's cookie doesn't lift the token's role"
    );
}

#[tokio::test]
async fn the_voice_gate_holds_for_tokens_too() {
    let app = spawn_app_with(DemoOrg::ContosoWithoutVoice).await;
    let (token, _) = token_of(&app, &app.client, json!({ "name": "script" })).await;
    let (status, answer) = with_token(&app, &token, LIST_USERS, list_users()).await;
    assert_eq!(
        (status, message(&answer)),
        (403, VOICE_LOCKED.into()),
        "{answer}"
    );
    assert_eq!(
        with_token(&app, &token, "/api/licences/list", json!({}))
            .await
            .0,
        200
    );
}
