//! One-time passwords (a new account's, a reset one, the first
//! administrator's) travel in chat and e-mail, so they expire: 24 hours after
//! they were issued by default (`--one-time-password-hours`). Sign-in then
//! refuses them with the reason, and an admin's reset gives a fresh one.

use super::*;

const HOUR: i64 = 60 * MINUTE;
const KIM: &str = "kim.akers@contoso.com";

fn expired(hours: &str) -> Value {
    let message = format!(
        "This one-time password has expired: one-time passwords last {hours}. \
         Ask a Global administrator to reset your password."
    );
    json!({ "SignInFailed": { "message": message } })
}

/// A new Helpdesk account: its id and one-time password.
async fn new_account(app: &TestApp) -> (i64, String) {
    let created = app
        .done(Call::create_account(KIM, "Kim Akers", "Helpdesk"))
        .await;
    let password = created["password"].as_str().expect("a one-time password");
    (
        created["account"]["id"].as_i64().unwrap(),
        password.to_owned(),
    )
}

#[tokio::test]
async fn a_one_time_password_is_refused_24_hours_after_it_was_issued() {
    let mut app = spawn_app().await;
    let (id, password) = new_account(&app).await;

    app.clock.advance(24 * HOUR);
    let (_, status, body) = app.sign_in(KIM, &password).await;
    assert_eq!(status, 200, "still good at 24 hours: {body}");

    app.clock.advance(1);
    let (_, status, body) = app.sign_in(KIM, &password).await;
    assert_eq!((status, body), (401, expired("24 hours")));

    // The admin's own session ended meanwhile.
    app.client = app.signed_in("admin", ADMIN_PASSWORD).await;
    let refused = app.audit_entries(json!({ "action": "SignInFailed" })).await;
    assert_eq!(refused[0]["target"], KIM);
    assert!(
        refused[0]["after"]
            .as_str()
            .unwrap()
            .ends_with("with an expired one-time password"),
        "{}",
        refused[0]
    );
    let reset = app.done(Call::reset_password(id)).await;
    let fresh = reset["password"].as_str().unwrap();
    let (_, status, body) = app.sign_in(KIM, fresh).await;
    assert_eq!(status, 200, "a reset password is new again: {body}");
    assert_eq!(body["must_change_password"], true);
}

#[tokio::test]
async fn a_password_of_ones_own_never_expires() {
    let app = spawn_app().await;
    let (_, password) = new_account(&app).await;
    let token = app.sign_in_token(KIM, &password).await;
    let (status, body) = change_password(&app, &token, &password, NEW_PASSWORD).await;
    assert_eq!(status, 200, "{body}");

    app.clock.advance(400 * 24 * HOUR);

    let (_, status, body) = app.sign_in(KIM, NEW_PASSWORD).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn the_lifetime_is_a_setting() {
    let app = spawn_configured(|s| s.one_time_password_hours = 1).await;
    let admin = app.signed_in("admin", ADMIN_PASSWORD).await;
    let (status, created) = app
        .send_with(&admin, Call::create_account(KIM, "Kim Akers", "Helpdesk"))
        .await;
    assert_eq!(status, 200, "{created}");
    let password = created["password"].as_str().unwrap();

    app.clock.advance(HOUR + 1);

    let (_, status, body) = app.sign_in(KIM, password).await;
    assert_eq!((status, body), (401, expired("1 hour")));
}
