//! Two servers on one database behave as one: what a session, a lock-out,
//! a retried request or a change does through one holds on the other, and
//! a race for one number across both has exactly one winner. On
//! PostgreSQL, as an organisation runs them; on SQLite, two servers on one
//! file, which SQLite's locking serves alike (live updates cross servers
//! only through PostgreSQL's notifications: see `live_updates`).

use serde_json::json;

use crate::helpers::*;
use crate::live_updates::delivery::assert_an_assignment_reaches_a_stream_within_a_second;

const LIST_USERS: &str = "/api/voice-users/list";

#[tokio::test]
async fn a_session_made_on_one_server_is_valid_on_the_other_and_so_is_signing_out() {
    let first = spawn_app().await;
    let second = first.another_server().await;
    let (client, status, _) = first.sign_in(VOICE_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 200);

    let (status, page) = second
        .call_with(&client, LIST_USERS, json!({ "query": query("") }))
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(!page["users"].as_array().expect("users").is_empty());

    let (status, _) = second
        .call_with(&client, "/api/auth/sign-out", json!({}))
        .await;
    assert_eq!(status, 200);
    let (status, body) = first
        .call_with(&client, LIST_USERS, json!({ "query": query("") }))
        .await;
    assert_eq!(status, 401, "signed out on the other server: {body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_on_two_servers_racing_for_one_number_let_exactly_one_win() {
    let first = spawn_app().await;
    let second = first.another_server().await;
    let voice_admin = second.as_role("VoiceAdmin").await;
    let number = first.free_number("US", "calling_plan").await;
    let ids = first.free_licensed_us_users(4).await;
    let calls = ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let (server, client) = match i % 2 {
                0 => (&first, first.client.clone()),
                _ => (&second, voice_admin.clone()),
            };
            (
                server,
                client,
                Call::assign(id, &number, Some(REDMOND_HQ), 1),
            )
        })
        .collect();

    let answers = race_across(calls).await;

    let winner = the_winner(&answers);
    let won = &answers[winner].1["saved"];
    for (status, body) in answers.iter().filter(|(status, _)| *status != 200) {
        assert_eq!(*status, 409, "{body}");
        let taken = violation(body, "AlreadyAssigned");
        assert_eq!(taken["holder"], won["display_name"], "{body}");
    }
    assert_eq!(first.assignments_of_number(&number).await, 1);
    assert_eq!(first.holder_of(&number).await, won["id"].as_i64());
}

#[tokio::test]
async fn failed_sign_ins_on_either_server_count_toward_one_lock_out() {
    let first = spawn_app().await;
    let second = first.another_server().await;
    for i in 0..5 {
        let server = if i % 2 == 0 { &first } else { &second };
        let (_, status, _) = server
            .sign_in(HELPDESK, &format!("wrong-guess-{i}-x"))
            .await;
        assert_eq!(status, 401, "guess {i} is checked");
    }

    for server in [&first, &second] {
        let (_, status, body) = server.sign_in(HELPDESK, DEMO_PASSWORD).await;
        let message = "Too many failed sign-ins. Try again in 15 minutes.";
        assert_eq!(
            (status, body),
            (429, json!({ "TooManyAttempts": { "message": message } }))
        );
    }
}

#[tokio::test]
async fn a_retry_sent_to_the_other_server_gets_the_first_answer_not_a_second_change() {
    let first = spawn_app().await;
    let second = first.another_server().await;
    let number = first.free_number("US", "calling_plan").await;
    let call = Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1);
    let since = first.last_audit_id().await;

    let key = "7c1d-across-servers";
    let once = first.keyed(&first.client, key, call.path, &call.body).await;
    let again = second
        .keyed(&first.client, key, call.path, &call.body)
        .await;

    assert_eq!((once.0, once.1), (200, false), "{}", once.2);
    assert_eq!(again, (200, true, once.2), "the first answer, replayed");
    assert_eq!(first.stored_version(MEGAN).await, 2, "changed once");
    first.new_entries(since, 1).await;
}

#[tokio::test]
async fn a_change_through_one_server_reaches_a_stream_on_the_other_within_a_second() {
    let first = spawn_app().await;
    // SQLite's streams hear of the commits their own server makes: the
    // second console is on the same server there.
    let second = match store_under_test() {
        Dialect::Postgres => Some(first.another_server().await),
        Dialect::Sqlite => None,
    };
    let listening = second.as_ref().unwrap_or(&first);

    assert_an_assignment_reaches_a_stream_within_a_second(&first, listening).await;
}
