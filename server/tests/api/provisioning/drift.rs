//! Drift: a check finds where the phone system's routes differ from the
//! assignments (numbers assigned before provisioning, a phone system changed
//! behind Switchboard's back), Repair sends the routes again, and the next
//! check finds nothing.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{json, Value};

use super::{journal, simulated, DRIFT_CHECK, DRIFT_REPAIR};
use crate::helpers::*;

/// Differences of a report: number to (kind, expected, actual).
fn differences(report: &Value) -> BTreeMap<String, (String, Value, Value)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let d = &f["drift"];
            (
                d["number"].as_str().unwrap().to_owned(),
                (
                    d["kind"].as_str().unwrap().to_owned(),
                    d["expected"].clone(),
                    d["actual"].clone(),
                ),
            )
        })
        .collect()
}

async fn repair_all(app: &TestApp, report: &Value) -> Value {
    let check = &report["latest"]["id"];
    let (status, answer) = app
        .call(DRIFT_REPAIR, json!({ "request": { "check": check } }))
        .await;
    assert_eq!(status, 200, "{answer}");
    answer
}

#[tokio::test]
async fn drift_is_found_repaired_and_gone_at_the_next_check() {
    let app = spawn_signed_in(simulated(0, 0.0)).await;
    let assigned = app.count("SELECT COUNT(*) FROM number_assignments").await;
    // The demo's numbers were assigned before provisioning: none is routed.
    let report = app.check_drift().await;
    let found = differences(&report);
    assert_eq!(found.len() as i64, assigned, "{report}");
    let (kind, expected, actual) = &found[ADELES_NUMBER];
    assert_eq!(kind, "NotRouted");
    assert_eq!(expected, &json!(format!("sip:{ADELE_USERNAME}")));
    assert!(actual.is_null());
    let since = app.last_audit_id().await;
    let repaired = repair_all(&app, &report).await;
    assert_eq!(repaired["numbers"], assigned, "{repaired}");
    // Repairing again sends nothing twice.
    assert_eq!(repair_all(&app, &report).await["numbers"], 0);
    let entries = app.audit_since(since).await;
    assert_eq!(entries[0]["action"], "DriftRepaired", "{entries:?}");
    app.settled().await;
    assert_eq!(differences(&app.check_drift().await), BTreeMap::new());

    // Behind Switchboard's back: Adele's route is dropped, Alex's points at
    // someone else, and a number nobody holds is routed.
    let file = app
        .data_dir
        .path()
        .join(server::provisioning::SIMULATED_JOURNAL);
    let mut edit = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .unwrap();
    writeln!(edit, "unroute {ADELES_NUMBER}").unwrap();
    writeln!(edit, "route {ALEXS_NUMBER} sip:mallory@contoso.com").unwrap();
    let stray = app.free_number("US", "calling_plan").await;
    writeln!(edit, "route {stray} sip:nobody@contoso.com").unwrap();
    drop(edit);
    let app = app.restart_with(simulated(0, 0.0)).await;

    let report = app.check_drift().await;
    let found = differences(&report);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|(n, (k, _, _))| (n.as_str(), k.as_str()))
        .collect();
    let mut want = vec![
        (ADELES_NUMBER, "NotRouted"),
        (ALEXS_NUMBER, "WrongUser"),
        (stray.as_str(), "NotAssigned"),
    ];
    want.sort();
    assert_eq!(kinds, want, "{report}");
    let logged = app
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'DRIFT_FOUND'")
        .await;
    assert!(logged >= 2, "each check that found drift is logged");

    // Repairing one number sends that number only.
    let (status, answer) = app
        .call(
            DRIFT_REPAIR,
            json!({ "request": { "check": report["latest"]["id"], "numbers": [stray] } }),
        )
        .await;
    assert_eq!(
        (status, answer["numbers"].as_i64()),
        (200, Some(1)),
        "{answer}"
    );
    repair_all(&app, &report).await;
    app.settled().await;
    let last = app.check_drift().await;
    assert_eq!(
        differences(&last),
        BTreeMap::new(),
        "{last}\njournal: {:?}\njobs: {}",
        journal(&app),
        app.open_jobs(json!({})).await
    );
    let tail: Vec<String> = journal(&app).into_iter().rev().take(3).collect();
    assert!(tail.contains(&format!("unroute {stray}")), "{tail:?}");
}

#[tokio::test]
async fn repairs_refer_to_the_latest_check_and_its_findings() {
    let app = spawn_signed_in(simulated(0, 0.0)).await;
    let (status, answer) = app
        .call(DRIFT_REPAIR, json!({ "request": { "check": 1 } }))
        .await;
    assert_eq!(
        (status, variant(&answer).as_str()),
        (404, "NotFound"),
        "{answer}"
    );
    let first = app.check_drift().await;
    let second = app.check_drift().await;
    let (status, answer) = app
        .call(
            DRIFT_REPAIR,
            json!({ "request": { "check": first["latest"]["id"] } }),
        )
        .await;
    assert_eq!(
        (status, variant(&answer).as_str()),
        (409, "Conflict"),
        "{answer}"
    );
    let (status, answer) = app
        .call(
            DRIFT_REPAIR,
            json!({ "request": { "check": second["latest"]["id"], "numbers": ["+14255550199"] } }),
        )
        .await;
    assert_eq!(
        (status, variant(&answer).as_str()),
        (404, "NotFound"),
        "{answer}"
    );
    assert!(message(&answer).contains("+14255550199"), "{answer}");
}

#[tokio::test]
async fn with_no_phone_system_there_is_nothing_to_compare() {
    let app = spawn_app().await;
    let (status, report) = app.call(DRIFT_CHECK, json!({})).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["comparable"], false, "{report}");
    assert_eq!(report["checking"], false, "{report}");
    assert_eq!(app.count("SELECT COUNT(*) FROM drift_checks").await, 0);
}
