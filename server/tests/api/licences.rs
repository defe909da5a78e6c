//! Licences: the organisation's counts, and a user's licences from the pane,
//! guarded by the number that depends on them.

use serde_json::{json, Value};

use crate::helpers::*;

async fn change(
    app: &TestApp,
    user: i64,
    licence: &str,
    assign: bool,
    also_remove_number: bool,
) -> (u16, Value) {
    let version = app.version_of(user).await;
    app.send(Call::licence(
        user,
        licence,
        assign,
        version,
        also_remove_number,
    ))
    .await
}

async fn counts(app: &TestApp) -> Vec<Value> {
    let (status, body) = app.call("/api/licences/list", json!({})).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().unwrap().clone()
}

fn assigned_of(counts: &[Value], licence: &str) -> i64 {
    counts.iter().find(|c| c["licence"] == licence).unwrap()["assigned"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn the_list_counts_purchased_and_assigned_licences() {
    let app = spawn_app().await;
    let listed = counts(&app).await;
    let e5: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM user_licences WHERE licence = 'ENTERPRISE_E5'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(assigned_of(&listed, "EnterpriseE5"), e5);
    let e5_row = listed
        .iter()
        .find(|c| c["licence"] == "EnterpriseE5")
        .unwrap();
    assert_eq!(e5_row["purchased"], 200);
}

#[tokio::test]
async fn assigning_a_licence_lets_an_unlicensed_user_have_a_number() {
    let app = spawn_app().await;
    assert_eq!(
        change(&app, ISAIAH, "EnterpriseE5", true, false).await.0,
        200
    );
    let (status, user) = change(&app, ISAIAH, "DomesticCallingPlan", true, false).await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(
        user["licences"],
        json!(["EnterpriseE5", "DomesticCallingPlan"])
    );

    let number = app.free_number("US", "calling_plan").await;
    let (status, body) = app
        .assign(
            ISAIAH,
            &number,
            Some(REDMOND_HQ),
            app.version_of(ISAIAH).await,
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn removing_a_licence_the_number_needs_is_refused_unless_the_number_goes_too() {
    let app = spawn_app().await;
    let (status, body) = change(&app, ADELE, "DomesticCallingPlan", false, false).await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body["LicenceNeeded"]["message"]
            .as_str()
            .unwrap()
            .contains("Adele Vance's number"),
        "{body}"
    );
    assert_eq!(
        app.holder_of(ADELES_NUMBER).await,
        Some(ADELE),
        "nothing changed"
    );

    let (status, user) = change(&app, ADELE, "DomesticCallingPlan", false, true).await;
    assert_eq!(status, 200, "{user}");
    assert!(user["assigned_number"].is_null());
    assert_eq!(user["licences"], json!(["EnterpriseE5"]));
    assert_eq!(
        app.holder_of(ADELES_NUMBER).await,
        None,
        "the number went back, in the same transaction"
    );
}

#[tokio::test]
async fn a_licence_with_none_left_to_assign_is_refused() {
    let app = spawn_app().await;
    let seats = app
        .execute(
            "UPDATE licences SET purchased = (SELECT COUNT(*) FROM user_licences \
             WHERE licence = 'PHONE_SYSTEM') WHERE code = 'PHONE_SYSTEM'",
        )
        .await;
    assert_eq!(seats, 1);
    let before = app.snapshot().await;

    let (status, body) = change(&app, ISAIAH, "PhoneSystem", true, false).await;

    assert_eq!(status, 409, "{body}");
    let message = message(&body);
    assert!(message.starts_with("All "), "{message}");
    assert!(
        message.contains(" Phone System licenses are assigned"),
        "{message}"
    );
    app.assert_unchanged(&before, "no seat left").await;
}

#[tokio::test]
async fn licence_changes_from_a_stale_pane_are_409_and_unknown_users_404() {
    let app = spawn_app().await;
    let stale = app.version_of(MEGAN).await - 1;
    let cases = [
        (MEGAN, stale, 409, "Stale", "a stale pane"),
        (999_999, 1, 404, "NotFound", "no such user"),
    ];
    for (user, version, expected, expected_variant, why) in cases {
        let before = app.snapshot().await;
        let change = Call::licence(user, "PhoneSystem", true, version, false);
        let (status, body) = app.send(change).await;
        assert_eq!(
            (status, variant(&body)),
            (expected, expected_variant.into()),
            "{why}: {body}"
        );
        app.assert_unchanged(&before, why).await;
    }
}
