//! Races over what admins share: the last seat of a licence, the free
//! numbers of a city, and a username.

use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_admins_giving_the_last_seat_of_a_licence_let_exactly_one_have_it() {
    let app = spawn_app().await;
    // One Phone System seat left; neither Isaiah nor Grady holds one.
    let seats = app
        .execute(
            "UPDATE licences SET purchased = 1 + (SELECT COUNT(*) FROM user_licences \
             WHERE licence = 'PHONE_SYSTEM') WHERE code = 'PHONE_SYSTEM'",
        )
        .await;
    assert_eq!(seats, 1);
    let users = [ISAIAH, GRADY];
    let calls = users
        .iter()
        .map(|&id| {
            (
                app.client.clone(),
                Call::licence(id, "PhoneSystem", true, 1, false),
            )
        })
        .collect();

    let answers = app.race(calls).await;

    assert_eq!(statuses(&answers), [200, 409], "{answers:?}");
    let winner = the_winner(&answers);
    let lost = &answers[1 - winner].1;
    assert!(
        message(lost).contains("Phone System licenses are assigned"),
        "{lost}"
    );
    let holds = |id: i64| {
        format!(
            "SELECT COUNT(*) FROM user_licences WHERE user_id = {id} AND licence = 'PHONE_SYSTEM'"
        )
    };
    assert_eq!(app.count(&holds(users[winner])).await, 1);
    assert_eq!(app.count(&holds(users[1 - winner])).await, 0);
    assert_eq!(app.stored_version(users[1 - winner]).await, 1);
    let over = app
        .count(
            "SELECT COUNT(*) FROM licences l WHERE l.code = 'PHONE_SYSTEM' AND l.purchased <> \
             (SELECT COUNT(*) FROM user_licences u WHERE u.licence = l.code)",
        )
        .await;
    assert_eq!(over, 0, "every seat is taken, none twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_new_numbers_twice_at_once_adds_both_without_a_duplicate() {
    let app = spawn_app().await;
    let munich = "SELECT COUNT(*) FROM phone_numbers WHERE city = 'Munich'";
    let before = app.count(munich).await;
    let since = app.last_audit_id().await;
    let add = Call::add_new_numbers("DE", "Munich", 20);
    let calls = vec![(app.client.clone(), add.clone()), (app.client.clone(), add)];

    let answers = app.race(calls).await;

    assert_eq!(statuses(&answers), [200, 200], "{answers:?}");
    let mut added: Vec<String> = answers.iter().flat_map(|(_, b)| e164s(b)).collect();
    assert_eq!(added.len(), 40);
    added.sort();
    added.dedup();
    assert_eq!(added.len(), 40, "no number handed out twice");
    assert_eq!(app.count(munich).await, before + 40);
    for e164 in &added {
        assert!(app.in_inventory(e164).await, "{e164} is stored");
    }
    app.new_entries(since, 40).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_creates_of_one_username_make_one_account() {
    let app = spawn_app().await;
    let names = ["First Helpdesk", "Second Helpdesk"];
    let calls = names
        .iter()
        .map(|name| {
            (
                app.client.clone(),
                Call::create_account("race.helpdesk", name, "Helpdesk"),
            )
        })
        .collect();

    let answers = app.race(calls).await;

    assert_eq!(statuses(&answers), [200, 409], "{answers:?}");
    let winner = the_winner(&answers);
    assert_eq!(
        message(&answers[1 - winner].1),
        "There is already an account with the username 'race.helpdesk'."
    );
    let accounts = app
        .count("SELECT COUNT(*) FROM accounts WHERE username = 'race.helpdesk'")
        .await;
    assert_eq!(accounts, 1);
    let account = app.account("race.helpdesk").await.expect("the account");
    assert_eq!(account["display_name"], names[winner]);
    assert_eq!(account["id"], answers[winner].1["account"]["id"]);
}
