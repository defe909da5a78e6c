//! The functions whose requests carry a code, called as every role: each
//! account manages its own second step, whatever its role, and nobody
//! without a session can.

use super::*;

#[tokio::test]
async fn every_role_manages_its_own_second_step_and_no_session_none() {
    let app = spawn_app().await;
    for role in ["GlobalAdmin", "VoiceAdmin", "Helpdesk", "User"] {
        let client = app.as_role(role).await;
        let (key, codes) = enrol(&app, &client).await;
        let (status, renewed) = app
            .call_with(&client, RENEW, json!({ "code": codes[0] }))
            .await;
        assert_eq!(status, 200, "{role}: {renewed}");
        let (client, challenge) = password_step(&app, username_of(role), password_of(role)).await;
        let (status, answer) =
            code_step(&app, &client, &challenge, renewed[1].as_str().unwrap()).await;
        assert_eq!(status, 200, "{role}: {answer}");
        let code = code_at(&key, app.clock.now());
        let (status, answer) = app
            .call_with(&client, TURN_OFF, json!({ "code": code }))
            .await;
        assert_eq!(status, 200, "{role}: {answer}");
        let (status, _) = app
            .call_with(&client, CONFIRM, json!({ "code": code }))
            .await;
        assert_eq!(status, 409, "{role}: nothing being set up");
    }
    let anonymous = app.anonymous();
    for path in [CONFIRM, RENEW, TURN_OFF, START, STATUS] {
        let (status, answer) = app
            .call_with(&anonymous, path, json!({ "code": "123456" }))
            .await;
        assert_eq!(
            (status, variant(&answer)),
            (401, "SignedOut".into()),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_one_time_password_must_be_replaced_before_a_second_step_is_set_up() {
    let app = spawn_app().await;
    let created = app
        .done(Call::create_account(
            "kim.akers@contoso.com",
            "Kim Akers",
            "Helpdesk",
        ))
        .await;
    let password = created["password"].as_str().unwrap();
    let kim = app.signed_in("kim.akers@contoso.com", password).await;
    let (status, answer) = app.call_with(&kim, START, json!({})).await;
    assert_eq!(status, 403, "{answer}");
    assert_eq!(
        message(&answer),
        "Choose a new password before you continue."
    );
}
