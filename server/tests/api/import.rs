//! Voice users > Import: Check judges every line and writes nothing; Apply
//! writes every line as one change set, or nothing.

use serde_json::{json, Value};

use crate::helpers::*;

const CHECK: &str = "/api/import/check";
const APPLY: &str = "/api/import/apply";

async fn check(app: &TestApp, file: &str) -> (u16, Value) {
    app.call(CHECK, json!({ "request": { "file": file } }))
        .await
}

async fn apply(app: &TestApp, file: &str) -> (u16, Value) {
    app.call(APPLY, json!({ "request": { "file": file } }))
        .await
}

/// Each reported line's number and its problems, joined.
fn problems(report: &Value) -> Vec<(u64, String)> {
    report["lines"]
        .as_array()
        .unwrap_or_else(|| panic!("a report: {report}"))
        .iter()
        .map(|l| {
            let texts: Vec<&str> = l["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            (l["line"].as_u64().unwrap(), texts.join(" | "))
        })
        .collect()
}

async fn good_file(app: &TestApp) -> (String, String) {
    let free = app.free_number("US", "calling_plan").await;
    let file = format!(
        "Username,Phone number,Emergency location,Action\r\n\
         meganb@contoso.com,{free},Redmond HQ,assign\r\n\
         ALEXW@contoso.com,,Seattle Office,Change\r\n\
         pattif@contoso.com,,,remove\r\n\
         adelev@contoso.com,,,\r\n"
    );
    (file, free)
}

#[tokio::test]
async fn check_judges_every_line_and_writes_nothing() {
    let app = spawn_app().await;
    let (file, _) = good_file(&app).await;
    let before = app.snapshot_of(&ALL_TABLES).await;

    let (status, report) = check(&app, &file).await;

    assert_eq!(status, 200, "{report}");
    assert_eq!(
        problems(&report),
        vec![(2, String::new()), (3, String::new()), (4, String::new())]
    );
    assert_eq!(report["unchanged"], 1, "the line without an action");
    assert_eq!(report["lines"][1]["action"], "change");
    app.assert_unchanged(&before, "a check").await;
}

#[tokio::test]
async fn apply_writes_every_line_as_one_change_set_that_undo_takes_back() {
    let app = spawn_app().await;
    let (file, free) = good_file(&app).await;

    let (status, applied) = apply(&app, &file).await;

    assert_eq!(status, 200, "{applied}");
    assert_eq!(applied["changed"], 3);
    assert_eq!(app.holder_of(&free).await, Some(MEGAN));
    let alex = app.user(ALEX).await;
    assert_eq!(alex["emergency_location"]["id"], SEATTLE_OFFICE, "{alex}");
    assert_eq!(alex["assigned_number"]["number"]["e164"], ALEXS_NUMBER);
    assert!(app.user(PATTI).await["assigned_number"].is_null());

    let set = applied["change_set"].clone();
    let (status, undone) = app
        .call(
            "/api/change-sets/undo",
            json!({ "request": { "change_set": set } }),
        )
        .await;
    assert_eq!(status, 200, "{undone}");
    assert_eq!(app.holder_of(&free).await, None);
    assert_eq!(app.user(ALEX).await["emergency_location"]["id"], REDMOND_HQ);
    assert!(!app.user(PATTI).await["assigned_number"].is_null());
}

#[tokio::test]
async fn every_bad_line_is_reported_with_its_reasons_and_nothing_is_applied() {
    let app = spawn_app().await;
    let free = app.free_number("US", "calling_plan").await;
    let file = format!(
        "Username;Phone number;Emergency location;Action\n\
         nobody@contoso.com;{free};Redmond HQ;assign\n\
         meganb@contoso.com;+1 425 555;Redmond HQ;assign\n\
         meganb@contoso.com;{free};Atlantis;assign\n\
         \"susanm@contoso.com\";{free};Reading Warehouse;assign\n\
         danielm@contoso.com;{free};\"Redmond HQ\";assign\n\
         daniels@contoso.com;{ADELES_NUMBER};Redmond HQ;change\n\
         isaiahl@contoso.com;;;asign\n"
    );
    let before = app.snapshot_of(&ALL_TABLES).await;

    let (status, report) = check(&app, &file).await;
    assert_eq!(status, 200, "{report}");
    let found = problems(&report);
    let (status, refused) = apply(&app, &file).await;

    assert_eq!(status, 422, "{refused}");
    assert_eq!(problems(&refused["ImportRefused"]["report"]), found);
    let expect = [
        (2, "There is no voice user 'nobody@contoso.com'."),
        (3, "is not a valid phone number"),
        (4, "There is no emergency location 'Atlantis'."),
        (5, "is not validated"),
        (5, "is also given to Daniel Martin"),
        (6, "is also given to Susan Miller"),
        (7, "has already been assigned to Adele Vance"),
        (8, "'asign' is not assign, change or remove"),
    ];
    for (line, text) in expect {
        let on_line = found.iter().find(|(l, _)| *l == line);
        assert!(
            on_line.is_some_and(|(_, p)| p.contains(text)),
            "line {line} should say {text:?}: {found:?}"
        );
    }
    app.assert_unchanged(&before, "a refused import").await;
}

#[tokio::test]
async fn a_file_as_spreadsheets_save_it_is_read() {
    let app = spawn_app().await;
    let free = app.free_number("US", "calling_plan").await;
    let file = format!(
        "\u{feff}\"Action\";\"Username\";\"Emergency location\";\"Phone number\";\"Display name\"\r\n\
         \"assign\";\"meganb@contoso.com\";\"Redmond HQ\";\"{free}\";\"Bowen; Megan\"\r\n"
    );
    let (status, applied) = apply(&app, &file).await;
    assert_eq!(status, 200, "{applied}");
    assert_eq!(app.holder_of(&free).await, Some(MEGAN));
}

#[tokio::test]
async fn a_file_that_cannot_be_read_is_a_4xx_naming_the_problem() {
    let app = spawn_app().await;
    let (status, answer) = check(&app, "Name,Number\r\nx,y\r\n").await;
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["Invalid"]["message"]
            .as_str()
            .unwrap()
            .contains("Username"),
        "{answer}"
    );
    let mut big = String::from("Username,Action\n");
    for i in 0..10_001 {
        big.push_str(&format!("user{i}@contoso.com,remove\n"));
    }
    let (status, answer) = check(&app, &big).await;
    assert_eq!(status, 413, "{answer}");
    assert!(
        answer["TooLarge"]["message"]
            .as_str()
            .unwrap()
            .contains("10,000"),
        "{answer}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_racing_a_single_assign_for_one_number_lets_exactly_one_win() {
    let app = spawn_app().await;
    let free = app.free_number("US", "calling_plan").await;
    let file = format!("Username,Phone number,Emergency location,Action\nsusanm@contoso.com,{free},Redmond HQ,assign\n");
    let import = json!({ "request": { "file": file } });
    let assign = json!({ "request": { "user_id": MEGAN, "number": free,
                                      "location_id": REDMOND_HQ, "expected_version": 1 } });
    let (imported, assigned) = tokio::join!(
        app.call(APPLY, import),
        app.call("/api/assignments/assign", assign)
    );

    let winners = [imported.0, assigned.0]
        .iter()
        .filter(|s| **s == 200)
        .count();
    assert_eq!(winners, 1, "{imported:?} {assigned:?}");
    assert_eq!(app.assignments_of_number(&free).await, 1);
    if imported.0 == 200 {
        assert_eq!(assigned.0, 409, "{assigned:?}");
        assert_eq!(
            violation(&assigned.1, "AlreadyAssigned")["holder"],
            "Susan Miller"
        );
    } else {
        assert_eq!(imported.0, 422, "{imported:?}");
        let told = problems(&imported.1["ImportRefused"]["report"]);
        assert!(told[0].1.contains("Megan Bowen"), "{told:?}");
    }
}
