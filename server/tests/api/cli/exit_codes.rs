use super::*;

#[tokio::test]
async fn each_failure_has_its_exit_code_and_says_why() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let cli = |args: &'static [&'static str]| cli_with(&app.address, Some(&token), args);

    // 1: the rules refuse it, each violation printed.
    let taken = cli(&[
        "assign",
        "meganb@contoso.com",
        "+14255550100",
        "--location",
        "Redmond HQ",
    ])
    .await;
    assert_eq!(taken.code, 1, "{}", taken.stderr);
    assert!(
        taken.stderr.contains("Adele Vance"),
        "names the holder: {}",
        taken.stderr
    );
    let nobody = cli(&["users", "show", "no.such.person@contoso.com"]).await;
    assert_eq!(
        (nobody.code, nobody.stderr.trim()),
        (
            1,
            "switchboard-cli: no voice user is called 'no.such.person@contoso.com'"
        )
    );

    // 2: the command line is wrong.
    assert_eq!(
        cli(&["assign", "meganb@contoso.com"]).await.code,
        2,
        "no number"
    );
    assert_eq!(cli(&["frobnicate"]).await.code, 2);
    let change = cli(&["change", "adelev@contoso.com"]).await;
    assert_eq!(change.code, 2, "{}", change.stderr);
    let no_url = cli_with("", Some(&token), &["users", "list"]).await;
    assert_eq!(no_url.code, 2, "{}", no_url.stderr);

    // 3: no token, a wrong one, or a role that may not.
    let none = cli_with(&app.address, None, &["users", "list"]).await;
    assert_eq!(none.code, 3, "{}", none.stderr);
    assert!(none.stderr.contains("SWITCHBOARD_TOKEN"), "{}", none.stderr);
    let made_up = format!("sbt_{}", "0".repeat(64));
    assert_eq!(
        cli_with(&app.address, Some(&made_up), &["users", "list"])
            .await
            .code,
        3
    );
    let helpdesk = app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    let (_, made) = app
        .call_with(
            &helpdesk,
            "/api/auth/tokens/create",
            json!({ "request": { "name": "ro" } }),
        )
        .await;
    let reader = made["token"].as_str().unwrap();
    let refused = cli_with(
        &app.address,
        Some(reader),
        &["remove", "adelev@contoso.com"],
    )
    .await;
    assert_eq!(refused.code, 3, "{}", refused.stderr);
    assert!(refused.stderr.contains(NOT_ALLOWED), "{}", refused.stderr);

    // 4: nothing answers.
    let down = cli_with("http://127.0.0.1:9", Some(&token), &["users", "list"]).await;
    assert_eq!(down.code, 4, "{}", down.stderr);
    assert!(
        down.stderr.contains("couldn't reach http://127.0.0.1:9"),
        "{}",
        down.stderr
    );
}
