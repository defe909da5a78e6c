//! Progress of a long check or apply: the caller names the request with a
//! key and asks `/api/progress` for it while it runs; the key is the
//! caller's own.

use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{json, Value};

use crate::helpers::*;

const PROGRESS: &str = "/api/progress";

async fn progress(app: &TestApp, client: &reqwest::Client, key: &str) -> (u16, Value) {
    app.call_with(client, PROGRESS, json!({ "key": key })).await
}

/// A file of `lines` lines, most naming users who don't exist: every line
/// is still read and judged.
fn long_file(lines: usize) -> String {
    let mut file = String::from("Username,Phone number,Emergency location,Action\r\n");
    for i in 0..lines {
        file.push_str(&format!(
            "nobody{i}@contoso.com,+1 425 555 {:04},Redmond HQ,assign\r\n",
            i % 10_000
        ));
    }
    file
}

#[tokio::test]
async fn a_running_check_reports_its_steps_in_order_until_done() {
    let app = spawn_app().await;
    let client = app.as_role("GlobalAdmin").await;
    let file = long_file(10_000);
    let running = AtomicBool::new(true);
    let check = async {
        let body = json!({ "request": { "file": file, "progress": "check-10000" } });
        let answer = app.call_with(&client, "/api/import/check", body).await;
        running.store(false, Ordering::Relaxed);
        answer
    };
    let follow = async {
        let mut seen: Vec<Value> = Vec::new();
        while running.load(Ordering::Relaxed) {
            let (status, report) = progress(&app, &client, "check-10000").await;
            assert_eq!(status, 200, "{report}");
            if !report.is_null() {
                seen.push(report);
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        seen
    };
    let ((status, report), seen) = tokio::join!(check, follow);
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["lines"].as_array().map(Vec::len), Some(10_000));

    let stages = ["Parsing", "Reading", "Checking", "Done"];
    let order = |r: &Value| stages.iter().position(|s| r["stage"] == *s).unwrap();
    let running: Vec<&Value> = seen.iter().filter(|r| r["stage"] != "Done").collect();
    assert!(
        !running.is_empty(),
        "no report while the check ran: {seen:?}"
    );
    for pair in seen.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (sa, sb) = (order(a), order(b));
        assert!(
            sa < sb || (sa == sb && a["done"].as_u64() <= b["done"].as_u64()),
            "progress went back: {a} then {b}"
        );
    }
    for r in &seen {
        assert_eq!(r["writes"], false, "{r}");
        // Before the numbers are counted, the file itself is read.
        if r["stage"] == "Parsing" {
            assert!(r["total"] == 10_000 || r["total"] == 0, "{r}");
        }
    }
    // The server answered while it was still reading the numbers: that work
    // runs off the runtime's threads, so other requests are answered
    // meanwhile (this test's runtime has one thread).
    assert!(
        seen.iter().any(|r| r["stage"] == "Parsing"
            && r["done"].as_u64() > Some(0)
            && r["done"].as_u64() < r["total"].as_u64()),
        "no answer while the numbers were read: {seen:?}"
    );
    // Asked after the answer: done.
    let (_, last) = progress(&app, &client, "check-10000").await;
    assert_eq!(last["stage"], "Done", "{last}");
}

#[tokio::test]
async fn an_apply_and_a_bulk_save_read_as_done_writing_requests_afterwards() {
    let app = spawn_app().await;
    let free = app.free_number("US", "calling_plan").await;
    let file = format!(
        "Username,Phone number,Emergency location,Action\r\n\
         meganb@contoso.com,{free},Redmond HQ,assign\r\n"
    );
    let body = json!({ "request": { "file": file, "progress": "apply-one-line" } });
    let (status, applied) = app.call("/api/import/apply", body).await;
    assert_eq!(status, 200, "{applied}");
    let (status, report) = app.call(PROGRESS, json!({ "key": "apply-one-line" })).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        (&report["stage"], &report["writes"]),
        (&json!("Done"), &json!(true)),
        "{report}"
    );

    // A refused bulk save ends too, and its key says so.
    let rows = json!([{ "user_id": ALEX, "expected_version": 99, "number": null,
                        "location_id": null }]);
    let (status, refused) = app
        .call(
            "/api/bulk/save",
            json!({ "rows": rows, "progress": "save-refused" }),
        )
        .await;
    assert_eq!(
        (status, variant(&refused)),
        (409, "RowsRejected".into()),
        "{refused}"
    );
    let (_, report) = app.call(PROGRESS, json!({ "key": "save-refused" })).await;
    assert_eq!(report["stage"], "Done", "{report}");

    // Without a key the same requests work as before, and nothing is kept.
    let (status, checked) = app.call("/api/bulk/check", json!({ "rows": rows })).await;
    assert_eq!(status, 200, "{checked}");
}

#[tokio::test]
async fn a_key_is_the_callers_own() {
    let app = spawn_app().await;
    let body = json!({ "request": { "file": long_file(3), "progress": "admins-own-key" } });
    let (status, _) = app.call("/api/import/check", body).await;
    assert_eq!(status, 200);
    let (_, mine) = app.call(PROGRESS, json!({ "key": "admins-own-key" })).await;
    assert_eq!(mine["stage"], "Done", "{mine}");

    let voice = app.as_role("VoiceAdmin").await;
    let (status, theirs) = progress(&app, &voice, "admins-own-key").await;
    assert_eq!((status, theirs), (200, Value::Null));
    let (status, answer) = progress(&app, &app.anonymous(), "admins-own-key").await;
    assert_eq!(
        (status, variant(&answer)),
        (401, "SignedOut".into()),
        "{answer}"
    );
}

#[tokio::test]
async fn a_malformed_key_is_400_and_the_request_is_not_run() {
    let app = spawn_app().await;
    for key in [
        "short",
        "has spaces in it",
        "semi;colon;key",
        &"k".repeat(65),
    ] {
        let (status, answer) = app.call(PROGRESS, json!({ "key": key })).await;
        assert_eq!(status, 400, "{key:?}: {answer}");
        let body = json!({ "request": { "file": long_file(1), "progress": key } });
        let (status, answer) = app.call("/api/import/check", body).await;
        assert_eq!(status, 400, "{key:?}: {answer}");
    }
}
