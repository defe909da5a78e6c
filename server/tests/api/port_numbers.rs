//! Add > Port or upload numbers: every line checked, problems reported,
//! nothing written by a check, only good lines added.

use serde_json::{json, Value};

use crate::helpers::*;

async fn port(app: &TestApp, step: &str, source: Value, city: &str) -> (u16, Value) {
    app.send(Call::port(step, source, city)).await
}

async fn inventory_size(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM phone_numbers").await
}

fn accepted(report: &Value) -> Vec<String> {
    report["accepted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["e164"].as_str().unwrap().to_owned())
        .collect()
}

fn problem_lines(report: &Value) -> Vec<i64> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn checking_a_list_reports_each_bad_line_and_writes_nothing() {
    let app = spawn_app().await;
    let before = inventory_size(&app).await;
    let text = format!(
        "+1 425 555 0300\nhello\n\n+14255550300\n{ADELES_NUMBER}\n+1 000\n+44 20 7946 0999x\n+1 (425) 555-0301"
    );

    let (status, report) = port(
        &app,
        "check",
        json!({ "List": { "text": text } }),
        "Redmond",
    )
    .await;

    assert_eq!(status, 200, "{report}");
    assert_eq!(accepted(&report), ["+14255550300", "+14255550301"]);
    assert_eq!(
        problem_lines(&report),
        [2, 4, 5, 6, 7],
        "blank line 3 is skipped"
    );
    let reasons = report["problems"].to_string();
    assert!(reasons.contains("same number as line 1"), "{reasons}");
    assert!(
        reasons.contains("already in your phone numbers"),
        "{reasons}"
    );
    assert_eq!(inventory_size(&app).await, before, "a check adds nothing");
}

#[tokio::test]
async fn adding_a_range_adds_only_the_numbers_not_yet_held_as_direct_routing() {
    let app = spawn_app().await;
    let before = inventory_size(&app).await;
    // +1 425 555 0195 to 0199 are Contoso's already; 0200 to 0204 are new.
    let range = json!({ "Range": { "first": "+1 425 555 0195", "count": 10 } });

    let (status, report) = port(&app, "add", range, "Redmond").await;

    assert_eq!(status, 200, "{report}");
    let added = accepted(&report);
    assert_eq!(
        added,
        (200..205)
            .map(|n| format!("+1425555{n:04}"))
            .collect::<Vec<_>>()
    );
    assert_eq!(problem_lines(&report), [1, 2, 3, 4, 5]);
    assert_eq!(inventory_size(&app).await, before + 5);
    let source: String =
        sqlx::query_scalar("SELECT source FROM phone_numbers WHERE e164 = '+14255550200'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(source, "direct_routing");
}

#[tokio::test]
async fn uploads_outside_the_limits_are_refused_with_400() {
    let app = spawn_app().await;
    let too_many = (0..1001)
        .map(|i| format!("+1425556{i:04}"))
        .collect::<Vec<_>>()
        .join("\n");
    let cases = [
        (
            json!({ "List": { "text": "" } }),
            "Redmond",
            "an empty list",
        ),
        (
            json!({ "List": { "text": too_many } }),
            "Redmond",
            "1,001 lines",
        ),
        (
            json!({ "Range": { "first": "+14255550300", "count": 0 } }),
            "Redmond",
            "an empty range",
        ),
        (
            json!({ "Range": { "first": "+14255550300", "count": 1001 } }),
            "Redmond",
            "a range of 1,001",
        ),
        (
            json!({ "Range": { "first": "hello", "count": 5 } }),
            "Redmond",
            "a range from garbage",
        ),
        (
            json!({ "List": { "text": "+14255550300" } }),
            "  ",
            "no city",
        ),
    ];
    for (source, city, why) in cases {
        let (status, body) = port(&app, "check", source, city).await;
        assert_eq!(status, 400, "{why}: {body}");
    }
}
