//! Races over one user's number: admins giving out the same number, a
//! double-clicked Save or Remove, and an assign against a release of the
//! number or a delete of the location.

use serde_json::{json, Value};

use crate::helpers::*;

/// Admins assigning one number to `users` different users at once: exactly
/// one wins, and every other admin is told who did.
async fn race_for_one_number(users: usize) {
    let app = spawn_app().await;
    let voice_admin = app.as_role("VoiceAdmin").await;
    let number = app.free_number("US", "calling_plan").await;
    let ids = app.free_licensed_us_users(users).await;
    let since = app.last_audit_id().await;
    let admins = [app.client.clone(), voice_admin];
    let calls = ids
        .iter()
        .zip(admins.iter().cycle())
        .map(|(&id, admin)| {
            (
                admin.clone(),
                Call::assign(id, &number, Some(REDMOND_HQ), 1),
            )
        })
        .collect();

    let answers = app.race(calls).await;

    let won = &answers[the_winner(&answers)].1["saved"];
    let winner = won["id"].as_i64().expect("the winner's id");
    for (status, body) in answers.iter().filter(|(status, _)| *status != 200) {
        assert_eq!(*status, 409, "{body}");
        let taken = violation(body, "AlreadyAssigned");
        assert_eq!(taken["holder"], won["display_name"], "{body}");
    }
    assert_eq!(app.assignments_of_number(&number).await, 1);
    assert_eq!(app.holder_of(&number).await, Some(winner));
    for id in ids.iter().filter(|&&id| id != winner) {
        assert_eq!(app.stored_version(*id).await, 1, "loser {id} is unchanged");
    }
    let entries = app.new_entries(since, 1).await;
    assert_eq!(entries[0]["number"], number.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_assigns_of_one_number_let_exactly_one_win() {
    race_for_one_number(2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seven_concurrent_assigns_of_one_number_let_exactly_one_win() {
    race_for_one_number(MAX_RACERS).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_assigns_to_one_user_let_exactly_one_win() {
    let app = spawn_app().await;
    let numbers = app
        .numbers_where(
            "n.city = 'Redmond' AND n.kind = 'user' AND n.source = 'calling_plan' \
             AND n.activation = 'active' AND n.blocked_until IS NULL \
             AND n.id NOT IN (SELECT number_id FROM number_assignments)",
            2,
        )
        .await;
    let calls = numbers
        .iter()
        .map(|n| {
            (
                app.client.clone(),
                Call::assign(MEGAN, n, Some(REDMOND_HQ), 1),
            )
        })
        .collect();

    let answers = app.race(calls).await;

    assert_eq!(statuses(&answers), [200, 409], "{answers:?}");
    let winner = the_winner(&answers);
    let lost = &answers[1 - winner].1;
    assert_eq!(lost["Stale"]["current"]["version"], 2, "{lost}");
    assert_eq!(app.stored_version(MEGAN).await, 2);
    assert_eq!(app.holder_of(&numbers[winner]).await, Some(MEGAN));
    assert_eq!(app.holder_of(&numbers[1 - winner]).await, None);
}

/// The same request sent twice at once, as a double click does.
async fn double_click(app: &TestApp, call: Call) -> (Value, Value) {
    let twice = vec![
        (app.client.clone(), call.clone()),
        (app.client.clone(), call),
    ];
    let answers = app.race(twice).await;
    assert_eq!(statuses(&answers), [200, 409], "{answers:?}");
    let winner = the_winner(&answers);
    (answers[winner].1.clone(), answers[1 - winner].1.clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_clicked_assign_changes_the_data_once() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let since = app.last_audit_id().await;

    let (first, second) =
        double_click(&app, Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1)).await;

    assert_eq!(
        second["Stale"]["current"], first["saved"],
        "the second click sees the first's result"
    );
    assert_eq!(app.stored_version(MEGAN).await, 2);
    assert_eq!(app.assignments_of_number(&number).await, 1);
    assert_eq!(app.holder_of(&number).await, Some(MEGAN));
    app.new_entries(since, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_clicked_remove_changes_the_data_once() {
    let app = spawn_app().await;
    let available = app.available().await;
    let since = app.last_audit_id().await;

    let (first, second) = double_click(&app, Call::remove(ALEX, 1)).await;

    assert!(first["saved"]["assigned_number"].is_null(), "{first}");
    assert_eq!(second["Stale"]["current"], first["saved"], "{second}");
    assert_eq!(app.stored_version(ALEX).await, 2);
    assert_eq!(app.holder_of(ALEXS_NUMBER).await, None);
    assert_eq!(app.available().await, available + 1);
    app.new_entries(since, 1).await;
}

/// Assignments whose number or location no longer exists.
async fn dangling_assignments(app: &TestApp) -> i64 {
    app.count(
        "SELECT COUNT(*) FROM number_assignments a \
         WHERE a.number_id NOT IN (SELECT id FROM phone_numbers) \
         OR a.location_id NOT IN (SELECT id FROM emergency_locations)",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn releasing_a_number_while_it_is_assigned_lets_exactly_one_happen() {
    let app = spawn_app().await;
    let number = app.free_number("US", "calling_plan").await;
    let calls = vec![
        (app.client.clone(), Call::release(json!([number]))),
        (
            app.client.clone(),
            Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1),
        ),
    ];

    let answers = app.race(calls).await;

    let ((released, release), (assigned, assign)) = (&answers[0], &answers[1]);
    if the_winner(&answers) == 0 {
        assert_eq!(release, &json!(1), "{release}");
        assert_eq!(*assigned, 422, "{assign}");
        assert_eq!(violation_names(assign), ["NumberNotFound"], "{assign}");
        assert!(!app.in_inventory(&number).await, "the number is gone");
        assert_eq!(app.stored_version(MEGAN).await, 1);
    } else {
        assert_eq!(*released, 409, "{release}");
        assert!(message(release).contains("Megan Bowen"), "{release}");
        assert_eq!(app.holder_of(&number).await, Some(MEGAN));
    }
    assert_eq!(dangling_assignments(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_a_location_while_it_is_assigned_lets_exactly_one_happen() {
    let app = spawn_app().await;
    let location = app
        .done(Call::add_location(bellevue("Bellevue Office")))
        .await;
    let id = location["id"].as_i64().expect("the new location's id");
    let number = app.free_number("US", "calling_plan").await;
    let calls = vec![
        (app.client.clone(), Call::delete_location(id)),
        (
            app.client.clone(),
            Call::assign(MEGAN, &number, Some(id), 1),
        ),
    ];

    let answers = app.race(calls).await;

    let ((deleted, delete), (assigned, assign)) = (&answers[0], &answers[1]);
    let kept = app
        .count(&format!(
            "SELECT COUNT(*) FROM emergency_locations WHERE id = {id}"
        ))
        .await;
    if the_winner(&answers) == 0 {
        assert_eq!(*assigned, 404, "{assign}");
        assert!(message(assign).contains(&format!("no emergency location with id {id}")));
        assert_eq!(kept, 0, "the location is gone");
        assert_eq!(app.holder_of(&number).await, None);
    } else {
        assert_eq!(*deleted, 409, "{delete}");
        assert_eq!(
            message(delete),
            "'Bellevue Office' is the emergency location of 1 user; give them another location before deleting it."
        );
        assert_eq!(kept, 1, "the location stays");
        assert_eq!(app.stored_location(MEGAN).await, Some(id));
    }
    assert_eq!(dangling_assignments(&app).await, 0);
}
