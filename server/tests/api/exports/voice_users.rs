//! GET /api/voice-users/export.csv: one line per user of the grid's view.

use app::domain::{search_text, Licence, VoiceUser};
use serde_json::{json, Value};

use super::*;

pub const HEADER: [&str; 11] = [
    "Username",
    "Phone number",
    "Emergency location",
    "Action",
    "Display name",
    "Usage location",
    "Licenses",
    "Number type",
    "Number source",
    "City",
    "Status",
];

fn usernames(rows: &[Vec<String>]) -> Vec<String> {
    rows.iter().map(|r| r[0].clone()).collect()
}

fn listed_usernames(users: &[Value]) -> Vec<String> {
    users
        .iter()
        .map(|u| u["username"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_export_is_a_utf8_csv_download_with_the_import_columns_first() {
    let app = spawn_app().await;

    let response = export(&app, &app.client, "voice-users", "").await;

    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(
        header(&headers, "content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        header(&headers, "content-disposition").unwrap(),
        "attachment; filename=\"voice-users-2026-11-26.csv\""
    );
    assert_eq!(header(&headers, "cache-control").unwrap(), "no-store");
    assert_eq!(header(&headers, "content-length"), None, "streamed");
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF\"Username\","),
        "a BOM, then the header"
    );
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    let rows = parse_csv(text);
    assert_eq!(rows[0], HEADER);
    let adele: VoiceUser = serde_json::from_value(app.user(ADELE).await).unwrap();
    let row = rows
        .iter()
        .find(|r| r[0] == ADELE_USERNAME)
        .expect("Adele's line");
    let licences = Licence::summary(&adele.licences);
    let expected = [
        ADELE_USERNAME,
        "'+1 425-555-0100",
        "Redmond HQ",
        "",
        "Adele Vance",
        "United States",
        licences.as_str(),
        "User",
        "Calling Plan",
        "Redmond",
        "Number assigned",
    ];
    assert_eq!(row, &expected);
    assert!(
        text.lines()
            .all(|line| line.starts_with('"') && line.ends_with('"')),
        "every cell is quoted"
    );
}

#[tokio::test]
async fn the_export_holds_every_user_of_the_view_in_the_grids_order() {
    let app = spawn_app().await;
    let cases = [
        ("", json!({}), "everyone: more than one page of the grid"),
        (
            "sort=username&order=desc",
            json!({ "sort": "Username", "descending": true }),
            "an order",
        ),
        ("search=smith", json!({ "search": "smith" }), "a search"),
        (
            "search=5550&sort=number",
            json!({ "search": "5550", "sort": "AssignedNumber" }),
            "digits",
        ),
        (
            "location=2&sort=location",
            json!({ "location": SEATTLE_OFFICE, "sort": "EmergencyLocation" }),
            "a location",
        ),
        (
            "assigned=no&sort=number",
            json!({ "assigned": false, "sort": "AssignedNumber" }),
            "users without a number",
        ),
        (
            "search=a&assigned=yes&order=desc",
            json!({ "search": "a", "assigned": true, "descending": true }),
            "users with a number, searched",
        ),
    ];
    for (address, filters, why) in cases {
        let mut query = query("");
        for (key, value) in filters.as_object().unwrap() {
            query[key] = value.clone();
        }
        let (status, first) = app.list_users(query.clone()).await;
        assert_eq!(status, 200, "{why}: {first}");

        let rows = exported(&app, "voice-users", address, &HEADER).await;

        assert_eq!(
            rows.len() as i64,
            first["total"].as_i64().unwrap(),
            "{why}: the list's total"
        );
        let users = listed(&app, "voice-users", "users", query).await;
        assert_eq!(usernames(&rows), listed_usernames(&users), "{why}");
    }
    let everyone = exported(&app, "voice-users", "", &HEADER).await;
    assert_eq!(everyone.len(), 280, "the Contoso demo's users");
}

#[tokio::test]
async fn a_search_matching_more_than_a_thousand_users_exports_every_one_of_them() {
    let app = spawn_app().await;
    let mut tx = app.pool.begin().await.unwrap();
    for i in 0..1_200 {
        let (name, username) = (
            format!("Zoë Exportée {i:04}"),
            format!("zoe.exportee{i}@contoso.com"),
        );
        sqlx::query(
            "INSERT INTO voice_users (display_name, username, usage_location, search_name) \
             VALUES ($1, $2, 'FR', $3)",
        )
        .bind(&name)
        .bind(&username)
        .bind(search_text(&name, &username))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let (_, first) = app.list_users(query("exportée")).await;
    assert_eq!(
        (first["total"].clone(), first["total_capped"].clone()),
        (json!(1_000), json!(true))
    );

    let rows = exported(&app, "voice-users", "search=export%C3%A9e", &HEADER).await;

    assert_eq!(rows.len(), 1_200, "every match, past the grid's count");
    let names: Vec<String> = (0..1_200).map(|i| format!("Zoë Exportée {i:04}")).collect();
    let exported_names: Vec<String> = rows.iter().map(|r| r[4].clone()).collect();
    assert_eq!(
        exported_names, names,
        "in display-name order, written as stored"
    );
    assert!(rows
        .iter()
        .all(|r| r[5] == "France" && r[1].is_empty() && r[10] == "No voice license"));
}

#[tokio::test]
async fn cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    let app = spawn_app().await;
    let name = "=HYPERLINK(\"http://example.com\",\"Adele\")";
    let sql = format!(
        "UPDATE voice_users SET display_name = '{}', search_name = '{}' WHERE id = {ADELE}",
        name.replace('\'', "''"),
        search_text(name, ADELE_USERNAME).replace('\'', "''"),
    );
    assert_eq!(app.execute(&sql).await, 1);
    let sql = format!(
        "UPDATE emergency_locations SET description = '@Redmond HQ' WHERE id = {REDMOND_HQ}"
    );
    assert_eq!(app.execute(&sql).await, 1);

    let rows = exported(&app, "voice-users", "search=hyperlink", &HEADER).await;

    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0][..5],
        [
            ADELE_USERNAME,
            "'+1 425-555-0100",
            "'@Redmond HQ",
            "",
            &guarded(name)
        ]
    );
    let all = exported(&app, "voice-users", "", &HEADER).await;
    let formula = all
        .iter()
        .flatten()
        .find(|c| c.starts_with(['=', '+', '-', '@']));
    assert_eq!(formula, None, "no cell starts a formula");
}

#[tokio::test]
async fn names_in_any_script_come_back_as_written() {
    let app = spawn_app().await;

    let rows = exported(&app, "voice-users", "search=N%C3%BA%C3%B1ez", &HEADER).await;

    let names: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    assert!(names.contains(&"Siobhán Núñez"), "{names:?}");
}

#[tokio::test]
async fn parameters_the_page_never_writes_are_refused_with_400() {
    let app = spawn_app().await;
    let long = format!("search={}", "x".repeat(101));
    let cases = [
        (
            "colour=blue",
            "'colour' is not a parameter of this list: use search, location, assigned, sort, order.",
        ),
        (
            "sort=shoe-size",
            "'shoe-size' is not a valid 'sort': use one of name, username, number, location.",
        ),
        ("order=up", "'up' is not a valid 'order': use asc or desc."),
        (
            "location=x",
            "'x' is not a valid 'location': use an emergency location's id.",
        ),
        (
            "assigned=true",
            "'true' is not a valid 'assigned': use one of yes, no.",
        ),
        (
            long.as_str(),
            "'search' is too long: at most 100 characters.",
        ),
    ];
    for (query, message) in cases {
        assert_bad(&app, "voice-users", query, message).await;
    }
    let (status, body) = read(export(&app, &app.client, "voice-users", "location=999").await).await;
    assert_eq!(
        (status, variant(&body)),
        (404, "NotFound".to_owned()),
        "{body}"
    );
    assert_eq!(
        exported(&app, "voice-users", "search=&sort=&order=asc", &HEADER)
            .await
            .len(),
        280
    );
}
