use super::*;

#[tokio::test]
async fn users_list_and_show_print_a_table_json_and_csv() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let cli = |args: &'static [&'static str]| cli_with(&app.address, Some(&token), args);

    let run = cli(&["users", "list", "--search", "adele"]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("Username  "), "{}", run.stdout);
    assert!(lines[0].contains("Work Phone"), "{}", run.stdout);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("adelev@contoso.com") && l.contains("+1 425-555-0100")));
    // The columns line up: each header starts where its cells do.
    let at = lines[0].find("Work Phone").unwrap();
    let adele = lines.iter().find(|l| l.starts_with("adelev")).unwrap();
    assert_eq!(&adele[at..at + 15], "+1 425-555-0100", "{}", run.stdout);

    let json = cli(&["users", "list", "--search", "adele", "--json"])
        .await
        .json();
    let adele = json
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == "adelev@contoso.com");
    assert_eq!(
        adele.unwrap()["assigned_number"]["number"]["e164"],
        ADELES_NUMBER
    );

    let csv = cli(&["users", "list", "--unassigned", "--csv"]).await;
    let rows = parse_csv(&csv.stdout);
    assert_eq!(
        rows[0],
        [
            "Username",
            "Display name",
            "Work Phone",
            "Emergency location",
            "Licenses"
        ]
    );
    assert!(rows.len() > 50, "every page, not the first: {}", rows.len());
    assert!(rows[1..].iter().all(|r| r[2].is_empty()), "unassigned only");
    let unassigned = app
        .count("SELECT COUNT(*) FROM voice_users WHERE id NOT IN (SELECT user_id FROM number_assignments)")
        .await;
    assert_eq!(rows.len() as i64 - 1, unassigned);

    let show = cli(&["users", "show", "Adele Vance"]).await;
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(
        show.stdout
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("adelev@contoso.com"),
        "{}",
        show.stdout
    );
}

#[tokio::test]
async fn assign_change_remove_and_undo_by_command() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let cli = |args: Vec<String>| {
        let app = &app;
        let token = token.clone();
        async move {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            cli_with(&app.address, Some(&token), &args).await
        }
    };
    let number = app.free_number("US", "calling_plan").await;
    let megan = "meganb@contoso.com".to_owned();

    let run = cli(vec![
        "assign".into(),
        megan.clone(),
        number.clone(),
        "--location".into(),
        "Redmond HQ".into(),
    ])
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("Megan Bowen has +1 "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("at Redmond HQ (change set"),
        "{}",
        run.stdout
    );
    assert_eq!(
        app.user(MEGAN).await["assigned_number"]["number"]["e164"],
        number.as_str()
    );

    let run = cli(vec![
        "change".into(),
        megan.clone(),
        "--location".into(),
        "Seattle Office".into(),
        "--json".into(),
    ])
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.json()["saved"]["emergency_location"]["description"],
        "Seattle Office"
    );
    let set = run.json()["change_set"].as_i64().unwrap();

    let run = cli(vec!["undo".into(), set.to_string()]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        app.user(MEGAN).await["emergency_location"]["description"],
        "Redmond HQ"
    );

    let run = cli(vec!["remove".into(), megan.clone(), "Adele Vance".into()]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Removed the numbers of Megan Bowen, Adele Vance"),
        "{}",
        run.stdout
    );
    assert_eq!(app.user(MEGAN).await["assigned_number"], Value::Null);
    assert_eq!(app.user(ADELE).await["assigned_number"], Value::Null);
    let entries = app.audit_entries(json!({ "search": "Megan Bowen" })).await;
    assert_eq!(
        entries[0]["actor"], "voice.admin via token cli",
        "{entries:?}"
    );

    let run = cli(vec!["locations".into(), "list".into(), "--csv".into()]).await;
    let rows = parse_csv(&run.stdout);
    assert_eq!(
        rows[0],
        [
            "Id",
            "Description",
            "Address",
            "Country",
            "Validated",
            "Users"
        ]
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "Redmond HQ" && r[2] == "1 Microsoft Way, Redmond"),
        "{rows:?}"
    );
}
