use super::*;

#[tokio::test]
async fn an_account_sets_two_step_sign_in_up_with_a_qr_code_and_a_first_code() {
    let app = spawn_app().await;
    let client = app.signed_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    let (_, status) = app.call_with(&client, STATUS, json!({})).await;
    assert_eq!(status["on_since"], Value::Null, "{status}");

    let (code, started) = app.call_with(&client, START, json!({})).await;
    assert_eq!(code, 200, "{started}");
    let key = started["secret"].as_str().unwrap().replace(' ', "");
    assert_eq!(key.len(), 32, "160 bits in base32: {started}");
    let address = started["address"].as_str().unwrap();
    assert!(
        address.starts_with("otpauth://totp/Switchboard:voice.admin?"),
        "{address}"
    );
    assert!(address.contains(&format!("secret={key}")), "{address}");
    let path = started["qr_path"].as_str().unwrap();
    assert!(
        path.starts_with("M0 0h7v1h-7z"),
        "a finder pattern's top: {path:.40}"
    );
    // Not on until a code from the app confirms it.
    let account = app.account(VOICE_ADMIN).await.unwrap();
    assert_eq!(account["two_step"], false);

    let since = app.last_audit_id().await;
    let wrong = code_at(&key, app.clock.now() - 10 * STEP);
    let (status, answer) = app
        .call_with(&client, CONFIRM, json!({ "code": wrong }))
        .await;
    assert_eq!((status, message(&answer)), (422, wrong_code()), "{answer}");
    let (status, answer) = app
        .call_with(&client, CONFIRM, json!({ "code": "12 34" }))
        .await;
    assert_eq!(status, 422, "{answer}");
    assert!(message(&answer).contains("6-digit"), "{answer}");

    let right = code_at(&key, app.clock.now());
    let (status, codes) = app
        .call_with(&client, CONFIRM, json!({ "code": right }))
        .await;
    assert_eq!(status, 200, "{codes}");
    let codes = codes.as_array().unwrap();
    assert_eq!(codes.len(), 10, "{codes:?}");
    assert!(
        codes.iter().all(|c| c.as_str().unwrap().len() == 11),
        "{codes:?}"
    );

    let (_, status) = app.call_with(&client, STATUS, json!({})).await;
    assert_eq!(status["on_since"], app.clock.now(), "{status}");
    assert_eq!(status["recovery_codes_left"], 10, "{status}");
    let account = app.account(VOICE_ADMIN).await.unwrap();
    assert_eq!(account["two_step"], true);
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "actor": VOICE_ADMIN, "action": "TwoStepOn", "target": VOICE_ADMIN,
                "after": "10 recovery codes issued" }),
    );
    // Only hashes are kept.
    let kept: Vec<String> = sqlx::query_scalar("SELECT code_hash FROM recovery_codes")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept.len(), 10);
    for code in codes {
        let bare = code.as_str().unwrap().replace('-', "");
        assert!(
            !kept.iter().any(|k| k.contains(&bare)),
            "{code} kept as it is"
        );
    }

    let (status, answer) = app.call_with(&client, START, json!({})).await;
    assert_eq!(
        (status, message(&answer)),
        (409, "Two-step sign-in is already on.".into())
    );
}

#[tokio::test]
async fn a_code_for_an_older_key_does_not_confirm_a_new_one() {
    let app = spawn_app().await;
    let client = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (_, first) = app.call_with(&client, START, json!({})).await;
    let (_, second) = app.call_with(&client, START, json!({})).await;
    assert_ne!(first["secret"], second["secret"]);
    let old = code_at(first["secret"].as_str().unwrap(), app.clock.now());
    let new = code_at(second["secret"].as_str().unwrap(), app.clock.now());
    assert_ne!(old, new);
    let (status, _) = app
        .call_with(&client, CONFIRM, json!({ "code": old }))
        .await;
    assert_eq!(status, 422);
    let (status, answer) = app
        .call_with(&client, CONFIRM, json!({ "code": new }))
        .await;
    assert_eq!(status, 200, "{answer}");
}

#[tokio::test]
async fn confirming_without_starting_says_to_start() {
    let app = spawn_app().await;
    let client = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (status, answer) = app
        .call_with(&client, CONFIRM, json!({ "code": "123456" }))
        .await;
    assert_eq!(status, 409, "{answer}");
    assert!(message(&answer).starts_with("Start setting up"), "{answer}");
}

#[tokio::test]
async fn new_recovery_codes_replace_the_old_and_turning_off_needs_a_code() {
    let app = spawn_app().await;
    let client = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (key, old_codes) = enrol(&app, &client).await;

    let (status, answer) = app
        .call_with(&client, RENEW, json!({ "code": "000000" }))
        .await;
    assert_eq!((status, message(&answer)), (403, wrong_code()), "{answer}");
    let (status, new_codes) = app
        .call_with(&client, RENEW, json!({ "code": old_codes[0] }))
        .await;
    assert_eq!(status, 200, "a recovery code will do: {new_codes}");
    let new_codes: Vec<String> = serde_json::from_value(new_codes).unwrap();
    assert!(new_codes.iter().all(|c| !old_codes.contains(c)));
    // The old set is gone: the next old code no longer works.
    let (status, _) = app
        .call_with(&client, TURN_OFF, json!({ "code": old_codes[1] }))
        .await;
    assert_eq!(status, 403);

    let since = app.last_audit_id().await;
    let now = code_at(&key, app.clock.now());
    let (status, answer) = app
        .call_with(&client, TURN_OFF, json!({ "code": now }))
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(app.account(HELPDESK).await.unwrap()["two_step"], false);
    let entries = app.new_entries(since, 1).await;
    assert_entry(
        &entries[0],
        json!({ "action": "TwoStepOff", "target": HELPDESK, "at": app.clock.now() }),
    );
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "the recovery codes go with it");
    // The password alone signs in again.
    let (_, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;
    assert_eq!(
        (status, body["outcome"].clone()),
        (200, json!("signed_in")),
        "{body}"
    );
}

#[tokio::test]
async fn one_code_sent_twice_at_once_is_accepted_once() {
    let app = spawn_app().await;
    let client = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (key, _) = enrol(&app, &client).await;
    let body = json!({ "code": code_at(&key, app.clock.now()) });
    let (a, b) = tokio::join!(
        app.call_with(&client, RENEW, body.clone()),
        app.call_with(&client, RENEW, body.clone()),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 403], "{a:?} {b:?}");
}
