//! Assigning, changing and removing a user's number, and every rule that can refuse it.

use serde_json::{json, Value};

use crate::helpers::*;

/// True when `actual` has every field `expected` names, with the same value;
/// lists must have the same length.
fn matches(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| matches(av, v))),
        (Value::Array(a), Value::Array(e)) => {
            a.len() == e.len() && a.iter().zip(e).all(|(av, ev)| matches(av, ev))
        }
        _ => actual == expected,
    }
}

#[tokio::test]
async fn assign_gives_a_free_number_to_a_licensed_user_and_bumps_the_version() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;

    let (status, megan) = app.assign(MEGAN, &number, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 200, "{megan}");
    assert_eq!(megan["version"], 2);
    assert_eq!(megan["assigned_number"]["number"]["e164"], number);
    assert_eq!(megan["emergency_location"]["id"], REDMOND_HQ);
    assert_eq!(
        app.user(MEGAN).await,
        megan,
        "the answer is the user as stored"
    );
    let listed = app.find_user_by_name("Megan Bowen").await;
    assert_eq!(listed["assigned_number"]["number"]["e164"], number);
    assert!(!app.assignable_e164s("").await.contains(&number));
    assert_eq!(app.holder_of(&number).await, Some(MEGAN));
}

#[tokio::test]
async fn assign_accepts_a_number_typed_in_international_form() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let typed = format!("+1 ({}) {}-{}", &number[2..5], &number[5..8], &number[8..]);

    let (status, megan) = app.assign(MEGAN, &typed, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 200, "{typed}: {megan}");
    assert_eq!(megan["assigned_number"]["number"]["e164"], number);
    assert_eq!(app.holder_of(&number).await, Some(MEGAN));
}

#[tokio::test]
async fn assign_changes_the_number_and_returns_the_old_one_to_the_inventory() {
    let app = spawn_app().await;
    let new_number = app.free_number("US", "calling_plan").await;

    let (status, alex) = app.assign(ALEX, &new_number, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 200, "{alex}");
    assert_eq!(alex["version"], 2);
    assert_eq!(alex["assigned_number"]["number"]["e164"], new_number);
    assert_eq!(
        app.user(ALEX).await,
        alex,
        "the answer is the user as stored"
    );
    assert_eq!(app.holder_of(&new_number).await, Some(ALEX));
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, None);
    assert!(app
        .assignable_e164s(&ALEXS_NUMBER[1..])
        .await
        .contains(&ALEXS_NUMBER.to_owned()));
}

#[tokio::test]
async fn assign_changes_only_the_emergency_location() {
    let app = spawn_app().await;

    let (status, adele) = app
        .assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1)
        .await;

    assert_eq!(status, 200, "{adele}");
    assert_eq!(adele["version"], 2);
    assert_eq!(adele["assigned_number"]["number"]["e164"], ADELES_NUMBER);
    assert_eq!(adele["emergency_location"]["description"], "Seattle Office");
    assert_eq!(app.user(ADELE).await, adele);
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
}

#[tokio::test]
async fn remove_takes_the_number_back_into_the_inventory() {
    let app = spawn_app().await;
    let before = app.available().await;

    let (status, alex) = app.remove(ALEX, 1).await;

    assert_eq!(status, 200, "{alex}");
    assert_eq!(alex["version"], 2);
    assert_eq!(alex["assigned_number"], Value::Null);
    assert_eq!(alex["emergency_location"], Value::Null);
    assert_eq!(app.user(ALEX).await, alex);
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, None);
    assert_eq!(app.available().await, before + 1);
    assert!(app
        .assignable_e164s(&ALEXS_NUMBER[1..])
        .await
        .contains(&ALEXS_NUMBER.to_owned()));
}

#[tokio::test]
async fn assign_returns_422_naming_the_rule_the_assignment_breaks() {
    let app = spawn_app().await;
    let us = app.free_number("US", "calling_plan").await;
    let gb = app.free_number("GB", "calling_plan").await;
    let absent = app.numbers_not_in_inventory(1).await.remove(0);
    let service = app
        .number_where("n.kind = 'service' AND n.country = 'US'")
        .await;
    let toll_free = app
        .number_where("n.kind = 'toll_free' AND n.country = 'US'")
        .await;
    let pending = app
        .number_where("n.activation = 'pending' AND n.country = 'US'")
        .await;
    let failed = app
        .number_where("n.activation = 'failed' AND n.country = 'US'")
        .await;
    let blocked = app
        .number_where("n.blocked_until > '2026-11-26' AND n.country = 'US'")
        .await;
    let until: String =
        sqlx::query_scalar("SELECT blocked_until FROM phone_numbers WHERE e164 = $1")
            .bind(&blocked)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let calling_plan_licence =
        |user: &str| json!({ "MissingLicence": { "user": user, "source_name": "CallingPlan" } });

    #[rustfmt::skip]
    let cases: Vec<(i64, &str, Option<i64>, Value, &str)> = vec![
        (MEGAN, &absent, Some(REDMOND_HQ), json!([{ "NumberNotFound": { "number": absent } }]), "number not in the inventory"),
        (MEGAN, &service, Some(REDMOND_HQ), json!([{ "NotUserNumber": { "number": service, "kind": "service" } }]), "service number"),
        (MEGAN, &toll_free, Some(REDMOND_HQ), json!([{ "NotUserNumber": { "number": toll_free, "kind": "toll-free" } }]), "toll-free number"),
        (MEGAN, &pending, Some(REDMOND_HQ), json!([{ "NumberPending": { "number": pending } }]), "pending number"),
        (MEGAN, &failed, Some(REDMOND_HQ), json!([{ "NumberFailed": { "number": failed } }]), "failed number"),
        (MEGAN, &blocked, Some(REDMOND_HQ), json!([{ "NumberBlocked": { "number": blocked, "until": until } }]), "number blocked from re-use"),
        (ISAIAH, &us, Some(REDMOND_HQ), json!([calling_plan_licence("isaiahl@contoso.com")]), "user without licences"),
        (GRADY, &us, Some(SEATTLE_OFFICE), json!([calling_plan_licence("gradya@contoso.com")]), "E3 has no Phone System"),
        (LEE, &us, Some(REDMOND_HQ), json!([calling_plan_licence("leeg@contoso.com")]), "Phone System without a Calling Plan"),
        (DIEGO, &us, Some(REDMOND_HQ), json!([{ "UsageLocationMismatch": { "user_country": "GB", "number_country": "US" } }]), "GB user, US number"),
        (MEGAN, &us, Some(LONDON_OFFICE), json!([{ "LocationCountryMismatch": { "location": "London Office", "location_country": "GB", "number_country": "US" } }]), "location in another country"),
        (DIEGO, &gb, Some(READING_WAREHOUSE), json!([{ "LocationNotValidated": { "location": "Reading Warehouse" } }]), "unvalidated location"),
        (MEGAN, &us, None, json!(["LocationRequired"]), "no location"),
    ];
    for (user, number, location, want, why) in cases {
        let before = app.user(user).await;

        let (status, body) = app.assign(user, number, location, 1).await;

        assert_eq!(status, 422, "{why}: {body}");
        let got = json!(violations(&body));
        assert!(matches(&got, &want), "{why}: got {got}, want {want}");
        assert_eq!(app.user(user).await, before, "{why}: the user is unchanged");
        assert_eq!(
            app.holder_of(number).await,
            None,
            "{why}: the number is still free"
        );
    }
}

#[tokio::test]
async fn assign_reports_every_broken_rule_at_once() {
    let app = spawn_app().await;
    let service = app
        .number_where("n.kind = 'service' AND n.country = 'GB'")
        .await;

    let (status, body) = app
        .assign(ISAIAH, &service, Some(READING_WAREHOUSE), 1)
        .await;

    assert_eq!(status, 422, "{body}");
    let mut names = violation_names(&body);
    names.sort();
    let want = [
        "LocationNotValidated",
        "MissingLicence",
        "NotUserNumber",
        "UsageLocationMismatch",
    ];
    assert_eq!(names, want, "{body}");
    assert_eq!(app.version_of(ISAIAH).await, 1);
}

#[tokio::test]
async fn assign_gives_a_direct_routing_number_to_a_phone_system_only_user() {
    let app = spawn_app().await;
    let number = app.free_number("US", "direct_routing").await;

    let (status, lee) = app.assign(LEE, &number, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 200, "{lee}");
    assert_eq!(lee["assigned_number"]["number"]["e164"], number);
    assert_eq!(lee["assigned_number"]["source"], "DirectRouting");
    assert_eq!(app.holder_of(&number).await, Some(LEE));
}

#[tokio::test]
async fn assign_returns_409_when_the_number_is_already_taken() {
    let app = spawn_app().await;

    let (status, body) = app.assign(MEGAN, ADELES_NUMBER, Some(REDMOND_HQ), 1).await;

    assert_eq!(status, 409, "{body}");
    let taken = violation(&body, "AlreadyAssigned");
    assert_eq!(
        taken,
        json!({ "number": ADELES_NUMBER, "holder": "Adele Vance" })
    );
    assert_eq!(app.holder_of(ADELES_NUMBER).await, Some(ADELE));
    assert_eq!(app.version_of(MEGAN).await, 1);
    assert_eq!(app.version_of(ADELE).await, 1);
}

#[tokio::test]
async fn remove_returns_409_when_the_user_has_no_number() {
    let app = spawn_app().await;

    let (status, body) = app.remove(MEGAN, 1).await;

    assert_eq!(status, 409, "{body}");
    let message = body["Stale"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("Megan Bowen"), "{body}");
    assert_eq!(body["Stale"]["current"]["assigned_number"], Value::Null);
    assert_eq!(app.version_of(MEGAN).await, 1, "nothing changed");
}

#[tokio::test]
async fn an_assignment_survives_a_restart_without_the_demo_being_seeded_again() {
    let app = spawn_app_seeded_at_start_up().await;
    let number = app.free_number("US", "calling_plan").await;
    let (status, body) = app.assign(MEGAN, &number, Some(REDMOND_HQ), 1).await;
    assert_eq!(status, 200, "{body}");
    let users_before = app.list_users(query("")).await.1["total"].clone();

    let app = app.restart().await;

    let megan = app.user(MEGAN).await;
    assert_eq!(megan["assigned_number"]["number"]["e164"], number);
    assert_eq!(megan["version"], 2);
    assert_eq!(app.list_users(query("")).await.1["total"], users_before);
    assert_eq!(app.assignments_of_number(&number).await, 1);
}
