//! The first Global administrator, created by start-up on an empty
//! database: with the configured password, or a one-time one. These start
//! on an empty data folder, as a new installation does.

use server::accounts::{FirstAdmin, PASSWORD_FILE};
use server::startup::Application;

use super::*;

#[tokio::test]
async fn without_a_configured_password_the_first_admin_gets_a_one_time_password() {
    let (app, first_admin) = spawn_empty(|s| s.admin_password = None)
        .await
        .expect("starting without an admin password");
    let FirstAdmin::Generated {
        username,
        password_file,
    } = first_admin
    else {
        panic!("expected a generated password, got {first_admin:?}");
    };
    assert_eq!(username, "admin");
    assert_eq!(password_file, app.data_dir.path().join(PASSWORD_FILE));
    let password = std::fs::read_to_string(&password_file).expect("the password file");
    let password = password.trim_end();
    assert_eq!(password.chars().count(), 20, "{password}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&password_file)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "readable by its owner only");
    }

    let token = app.sign_in_token("admin", password).await;

    let (status, areas) = app
        .call_with_token(&token, "/api/console/status", json!({}))
        .await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["account"]["username"], "admin");
    assert_eq!(areas["account"]["must_change_password"], true);
    let forbidden = json!({ "Forbidden": { "message": CHOOSE_PASSWORD } });
    let refused = [
        (LIST_USERS, list_body()),
        ("/api/accounts/list", json!({})),
        (
            "/api/audit/list",
            json!({ "query": audit_query(json!({})) }),
        ),
        (
            "/api/assignments/remove",
            json!({ "request": { "user_id": ADELE, "expected_version": 1 } }),
        ),
    ];
    for (path, body) in refused {
        let answer = app.call_with_token(&token, path, body).await;
        assert_eq!(answer, (403, forbidden.clone()), "{path}");
    }
    let export = reqwest::Client::new()
        .get(format!("{}/api/audit/export.csv", app.address))
        .header("cookie", session_cookie(&token))
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 403, "the CSV export too");
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));

    let (status, account) = change_password(&app, &token, password, NEW_PASSWORD).await;
    assert_eq!(status, 200, "{account}");
    assert_eq!(account["must_change_password"], false);
    let (status, page) = app.call_with_token(&token, LIST_USERS, list_body()).await;
    assert_eq!(status, 200, "{page}");
    let (_, status, _) = app.sign_in("admin", password).await;
    assert_eq!(status, 401, "the one-time password is spent");
}

#[tokio::test]
async fn the_first_admins_one_time_password_expires_like_the_others() {
    let (app, first_admin) = spawn_empty(|s| s.admin_password = None)
        .await
        .expect("starting without an admin password");
    let FirstAdmin::Generated { password_file, .. } = first_admin else {
        panic!("expected a generated password, got {first_admin:?}");
    };
    let password = std::fs::read_to_string(password_file).unwrap();

    app.clock.advance(24 * 60 * MINUTE + 1);

    let (_, status, body) = app.sign_in("admin", password.trim_end()).await;
    assert_eq!(status, 401, "{body}");
    let message = body["SignInFailed"]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("This one-time password has expired"),
        "{body}"
    );
}

#[tokio::test]
async fn a_configured_password_creates_the_first_admin_once() {
    let data_dir = std::sync::Arc::new(empty_folder());
    let (app, first_admin) = spawn_in(data_dir.clone(), |_| {}).await.expect("starting");
    assert_eq!(
        first_admin,
        FirstAdmin::Created {
            username: "admin".into()
        }
    );
    let (_, status, account) = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(status, 200);
    assert_eq!(account["must_change_password"], false, "{account}");
    drop(app);

    let (_, first_admin) = spawn_in(data_dir, |s| s.admin_password = None)
        .await
        .expect("starting again");
    assert_eq!(
        first_admin,
        FirstAdmin::Existing,
        "no second admin, nothing generated"
    );
}

#[tokio::test]
async fn a_weak_configured_admin_password_stops_start_up_with_the_reason() {
    let cases = [
        ("short-pw-1", "at least 12 characters"),
        ("admin-password-123", "can't contain the username"),
        ("xxxxxxxxxxxxxxxxxxxx", "one character repeated"),
    ];
    for (password, reason) in cases {
        let data_dir = empty_folder();
        let mut settings = test_settings(&data_dir, server::demo::DemoOrg::Contoso);
        settings.admin_password = Some(password.into());

        let Err(error) = Application::build(settings).await else {
            panic!("{password} was accepted");
        };

        let message = format!("{error:#}");
        assert!(
            message.contains("SWITCHBOARD_ADMIN_PASSWORD is not accepted"),
            "{message}"
        );
        assert!(message.contains(reason), "{password}: {message}");
        assert!(
            !message.contains(password),
            "the message repeats the password"
        );
    }
}
