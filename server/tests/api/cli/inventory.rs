//! The inventory by command: numbers filtered by type and source, and
//! emergency locations added, renamed and deleted.

use super::*;

#[tokio::test]
async fn numbers_list_filters_by_type_and_source_as_the_grid_does() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let cli = |args: &'static [&'static str]| cli_with(&app.address, Some(&token), args);

    let cases: [(&[&str], &str, &str); 3] = [
        (&["--source", "direct_routing"], "source", "DirectRouting"),
        (
            &["--source", "Operator_Connect"],
            "source",
            "OperatorConnect",
        ),
        (&["--type", "toll_free"], "kind", "TollFree"),
    ];
    for (filter, field, value) in cases {
        let args: Vec<&str> = ["numbers", "list", "--json"]
            .iter()
            .chain(filter)
            .copied()
            .collect();
        let run = cli_with(&app.address, Some(&token), &args).await;
        assert_eq!(run.code, 0, "{filter:?}: {}", run.stderr);
        let listed = run.json();
        let listed = listed.as_array().unwrap();
        assert!(listed.iter().all(|n| n[field] == value), "{filter:?}");
        let column = if field == "kind" { "kind" } else { "source" };
        let code = filter[1].to_lowercase();
        let in_db = app
            .count(&format!(
                "SELECT COUNT(*) FROM phone_numbers WHERE {column} = '{code}'"
            ))
            .await;
        assert!(in_db > 0, "the demo has {code} numbers");
        assert_eq!(listed.len() as i64, in_db, "{filter:?}: every page");
    }

    let bad = cli(&["numbers", "list", "--source", "teams"]).await;
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr
            .contains("--source is calling_plan, direct_routing, operator_connect, not 'teams'"),
        "{}",
        bad.stderr
    );
}

#[tokio::test]
async fn locations_are_added_renamed_and_deleted_by_command() {
    let app = spawn_app().await;
    let token = voice_token(&app).await;
    let cli = |args: Vec<&str>| {
        let args: Vec<String> = args.into_iter().map(str::to_owned).collect();
        let (address, token) = (app.address.clone(), token.clone());
        async move {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            cli_with(&address, Some(&token), &args).await
        }
    };
    let add = |postal: &'static str| {
        vec![
            "locations",
            "add",
            "--description",
            "Bellevue Office",
            "--street",
            "500 108th Ave NE",
            "--city",
            "Bellevue",
            "--state",
            "WA",
            "--postal-code",
            postal,
            "--country",
            "US",
            "--json",
        ]
    };

    let refused = cli(add("9800")).await;
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.to_lowercase().contains("postal code"),
        "{}",
        refused.stderr
    );

    let added = cli(add("98004")).await;
    assert_eq!(added.code, 0, "{}", added.stderr);
    let location = added.json();
    assert_eq!(
        (&location["city"], &location["validated"]),
        (&json!("Bellevue"), &json!(true))
    );
    let id = location["id"].as_i64().unwrap().to_string();

    let renamed = cli(vec![
        "locations",
        "rename",
        "Bellevue Office",
        "Bellevue Office, lobby",
    ])
    .await;
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    assert!(
        renamed.stdout.contains("Bellevue Office, lobby"),
        "{}",
        renamed.stdout
    );

    let in_use = cli(vec!["locations", "delete", "Redmond HQ"]).await;
    assert_eq!(
        in_use.code, 1,
        "a location users depend on stays: {}",
        in_use.stderr
    );

    let deleted = cli(vec!["locations", "delete", &id]).await;
    assert_eq!(deleted.code, 0, "{}", deleted.stderr);
    let left = app
        .count(&format!(
            "SELECT COUNT(*) FROM emergency_locations WHERE id = {id}"
        ))
        .await;
    assert_eq!(left, 0);
    let again = cli(vec!["locations", "delete", &id]).await;
    assert_eq!(again.code, 1, "no such location any more: {}", again.stderr);
}
