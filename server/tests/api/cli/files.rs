//! The commands that move many rows: numbers list, import (dry run and
//! apply) and the exports.

use super::*;

fn csv_file(text: &str) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file
}

#[tokio::test]
async fn numbers_list_filters_by_state_and_country_over_every_page() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let run = cli_with(
        &app.address,
        Some(&token),
        &[
            "numbers",
            "list",
            "--state",
            "unassigned",
            "--country",
            "GB",
            "--csv",
        ],
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(
        rows[0],
        [
            "Number",
            "Country",
            "City",
            "Type",
            "Source",
            "State",
            "Assigned to"
        ]
    );
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[1] == "GB" && r[5] == "Unassigned" && r[6].is_empty()),
        "{rows:?}"
    );
    let query = app::domain::NumberQuery {
        state: Some(app::domain::StateFilter::Unassigned),
        country: Some(app::domain::Country::parse("GB").unwrap()),
        limit: 1,
        ..Default::default()
    };
    let (_, page) = app
        .call("/api/phone-numbers/list", json!({ "query": query }))
        .await;
    assert_eq!(
        rows.len() as i64 - 1,
        page["total"].as_i64().unwrap(),
        "every page: {page}"
    );

    let bad = cli_with(
        &app.address,
        Some(&token),
        &["numbers", "list", "--state", "free"],
    )
    .await;
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[tokio::test]
async fn an_import_dry_run_lists_each_lines_problems_and_writes_nothing() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let file = csv_file(
        "Username,Phone number,Emergency location,Action\r\n\
         alexw@contoso.com,,,remove\r\n\
         nobody@contoso.com,,,remove\r\n",
    );
    let path = file.path().to_str().unwrap();
    // Every state table but the tokens', whose use is marked on them.
    let tables: Vec<&'static str> = STATE_TABLES
        .iter()
        .copied()
        .filter(|t| *t != "api_tokens")
        .collect();
    let before = app.snapshot_of(&tables).await;
    let run = cli_with(&app.address, Some(&token), &["import", path, "--dry-run"]).await;
    assert_eq!(run.code, 1, "a line has a problem: {}", run.stderr);
    let rows = parse_csv(
        &cli_with(
            &app.address,
            Some(&token),
            &["import", path, "--dry-run", "--csv"],
        )
        .await
        .stdout,
    );
    assert_eq!(rows[0][..3], ["Line", "Username", "Action"]);
    assert_eq!(rows[1][5], "", "{rows:?}");
    assert!(
        !rows[2][5].is_empty(),
        "the unknown user's problem: {rows:?}"
    );
    assert!(
        run.stderr.contains("1 lines have problems"),
        "{}",
        run.stderr
    );
    app.assert_unchanged(&before, "a dry run").await;

    // Apply refuses the whole file, naming the line.
    let apply = cli_with(&app.address, Some(&token), &["import", path]).await;
    assert_eq!(apply.code, 1, "{}", apply.stderr);
    assert!(
        apply.stderr.contains("line 3 (nobody@contoso.com)"),
        "{}",
        apply.stderr
    );
    let good = csv_file(
        "Username,Phone number,Emergency location,Action\r\nalexw@contoso.com,,,remove\r\n",
    );
    let apply = cli_with(
        &app.address,
        Some(&token),
        &["import", good.path().to_str().unwrap()],
    )
    .await;
    assert_eq!(apply.code, 0, "{}", apply.stderr);
    assert!(
        apply
            .stdout
            .starts_with("Imported: 1 users changed (change set"),
        "{}",
        apply.stdout
    );
    assert_eq!(app.user(ALEX).await["assigned_number"], Value::Null);

    let missing = cli_with(&app.address, Some(&token), &["import", "/no/such/file.csv"]).await;
    assert_eq!(missing.code, 2, "{}", missing.stderr);
}

#[tokio::test]
async fn the_exports_write_the_consoles_csv_to_standard_output() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let run = cli_with(
        &app.address,
        Some(&token),
        &["export", "users", "--search", "adele"],
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let from_cli = parse_csv(&run.stdout);
    let console = app
        .get_with(&app.client, "/api/voice-users/export.csv?search=adele")
        .await;
    let from_console = parse_csv(&console.text().await.unwrap());
    assert_eq!(from_cli, from_console);
    assert!(from_cli.len() >= 2);

    let numbers = cli_with(&app.address, Some(&token), &["export", "numbers"]).await;
    assert_eq!(numbers.code, 0, "{}", numbers.stderr);
    let rows = parse_csv(&numbers.stdout);
    let total = app.count("SELECT COUNT(*) FROM phone_numbers").await;
    assert_eq!(rows.len() as i64 - 1, total);
}
