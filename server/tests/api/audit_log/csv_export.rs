//! The CSV export: the log as a spreadsheet opens it safely, with the
//! page's filters.

use super::{two_days_of_changes, BELLEVUE};
use crate::helpers::*;

#[tokio::test]
async fn the_csv_export_holds_the_log_with_formulas_neutralised() {
    let app = spawn_app().await;
    app.done(Call::add_location(bellevue("=SUM(A1:A9) Annex")))
        .await;
    app.done(Call::assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1))
        .await;

    let response = app.export_csv(&app.client, "").await;

    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"switchboard-audit-2026-11-26.csv\""
    );
    let text = response.text().await.unwrap();
    let rows = parse_csv(&text);
    let location_after = format!("'=SUM(A1:A9) Annex: {BELLEVUE}");
    assert_eq!(
        rows[0],
        [
            "Time (UTC)",
            "Actor",
            "Action",
            "Target",
            "User",
            "Number",
            "Before",
            "After"
        ]
    );
    assert_eq!(
        rows[1..].to_vec(),
        vec![
            vec![
                "2026-11-26 19:23:10 UTC",
                "admin",
                "Number or location changed",
                "Adele Vance",
                "Adele Vance",
                "'+14255550100",
                "'+1 425-555-0100 at Redmond HQ",
                "'+1 425-555-0100 at Seattle Office",
            ],
            vec![
                "2026-11-26 19:23:10 UTC",
                "admin",
                "Emergency location added",
                "'=SUM(A1:A9) Annex",
                "",
                "",
                "",
                location_after.as_str(),
            ],
            vec![
                "2026-11-26 19:23:10 UTC",
                "admin",
                "Signed in",
                "admin",
                "",
                "",
                "",
                "from 127.0.0.1"
            ],
        ]
    );
    // Quoted, a cell can't be split by a ',' or a ';' (the separator of
    // spreadsheets set to some locales), so no part of it starts a formula.
    assert!(
        text.lines()
            .all(|line| line.starts_with('"') && line.ends_with('"')),
        "every cell is quoted: {text}"
    );
    let formula = rows
        .iter()
        .flatten()
        .any(|cell| cell.starts_with(['=', '+', '-', '@']));
    assert!(!formula, "no cell starts a formula: {rows:?}");
}

#[tokio::test]
async fn the_csv_export_applies_the_filters() {
    let mut app = spawn_app().await;
    two_days_of_changes(&mut app).await;
    let rows = |query: &'static str| {
        let app = &app;
        async move {
            let response = app.export_csv(&app.client, query).await;
            assert_eq!(response.status(), 200, "{query}");
            let rows = parse_csv(&response.text().await.unwrap());
            assert_eq!(rows[0][0], "Time (UTC)", "{query}");
            rows[1..].to_vec()
        }
    };

    assert_eq!(rows("").await.len(), 7);
    let assigned = rows("action=NUMBER_ASSIGNED").await;
    assert_eq!(assigned.len(), 1);
    assert_eq!(
        assigned[0][1..5],
        [
            "voice.admin",
            "Number assigned",
            "Megan Bowen",
            "Megan Bowen"
        ]
    );
    let adele = rows("search=adele%20vance").await;
    assert_eq!(adele.len(), 1);
    assert_eq!(adele[0][2], "Number or location changed");
    let day_two = rows("from=2026-11-27").await;
    let day_two: Vec<&str> = day_two.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(day_two, ["2026-11-27 00:00:00 UTC"; 2]);
    let sign_ins = rows("action=SIGNED_IN&to=2026-11-26").await;
    assert_eq!(sign_ins.len(), 3);
    assert_eq!(sign_ins[0][0], "2026-11-26 23:59:59 UTC");
    assert_eq!(
        rows("search=&action=&from=&to=").await.len(),
        7,
        "empty filters are none"
    );
}

#[tokio::test]
async fn the_csv_export_refuses_bad_filters_with_400() {
    let app = spawn_app().await;
    let bad = [
        "action=BOGUS".to_owned(),
        "action=NumberAssigned".to_owned(),
        "from=2026-02-30".to_owned(),
        "to=yesterday".to_owned(),
        "colour=blue".to_owned(),
        format!("search={}", "x".repeat(101)),
    ];
    for query in bad {
        let (status, body) = read(app.export_csv(&app.client, &query).await).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert_eq!(variant(&body), "BadRequest", "{query}: {body}");
    }
}

#[tokio::test]
async fn the_csv_export_holds_every_entry_however_many() {
    let app = spawn_app().await;
    // Past the 100,000 rows one export once stopped at, without a word.
    let inserted = app
        .execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100005) \
             INSERT INTO audit_log (at, actor, action, target) \
             SELECT 1700000000 + i, 'admin', 'SIGNED_IN', 'entry ' || i FROM n",
        )
        .await;
    let total = app.audit_count().await;
    assert!(total > 100_005, "{inserted} added, {total} in all");

    let response = app.export_csv(&app.client, "").await;

    assert_eq!(response.status(), 200);
    let rows = parse_csv(&response.text().await.unwrap());
    assert_eq!(rows.len() as i64, 1 + total, "the header and every entry");
    assert_eq!(rows[0][0], "Time (UTC)");
    assert_eq!(rows[1][3], "entry 100005", "newest first");
    let mut added: Vec<&str> = rows
        .iter()
        .map(|r| r[3].as_str())
        .filter(|t| t.starts_with("entry "))
        .collect();
    added.sort_unstable();
    added.dedup();
    assert_eq!(added.len(), 100_005, "each added entry once");
}
