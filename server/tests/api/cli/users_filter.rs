use super::*;

#[tokio::test]
async fn users_list_asks_the_server_for_users_with_or_without_a_number() {
    // Each listing below is one request, a page of up to 200 users; reading
    // all of the demo's 280 users to drop some would take two, past this.
    let app = spawn_configured(|s| s.token_requests_per_minute = 2).await;
    let token = voice_token(&app).await;
    let everyone = app.count("SELECT COUNT(*) FROM voice_users").await;
    let holders = app.count("SELECT COUNT(*) FROM number_assignments").await;
    let cases = [
        ("--unassigned", everyone - holders, false),
        ("--assigned", holders, true),
    ];
    for (flag, count, hold) in cases {
        let run = cli_with(
            &app.address,
            Some(&token),
            &["users", "list", flag, "--json"],
        )
        .await;
        assert_eq!(run.code, 0, "{flag}: {}", run.stderr);
        let listed = run.json();
        let users = listed.as_array().unwrap();
        assert_eq!(users.len() as i64, count, "{flag}: every one of them");
        assert!(
            users.iter().all(|u| u["assigned_number"].is_null() != hold),
            "{flag}: only them"
        );
    }

    let both = ["users", "list", "--assigned", "--unassigned"];
    let both = cli_with(&app.address, Some(&token), &both).await;
    assert_eq!(both.code, 2, "{}", both.stderr);
    assert!(
        both.stderr.contains("cannot be used with"),
        "{}",
        both.stderr
    );
}
