//! Provisioning to a real SIP server: Kamailio and SIPp on loopback. A
//! number Switchboard assigns rings its holder's phone; once removed, the
//! call gets 404; with Kamailio down the change fails, is retried, and
//! goes through once Kamailio is back, with nobody doing anything; after a
//! Kamailio restart (its routes live in memory) the drift check finds the
//! number unrouted and Repair routes it again.

use serde_json::json;
use server::provisioning::PhoneSystemChoice;

use super::sip_lab::{Kamailio, Phone};
use super::DRIFT_REPAIR;
use crate::helpers::*;

#[tokio::test]
async fn an_assigned_number_rings_its_holder_and_a_removed_one_gets_404() {
    let mut kamailio = Kamailio::start().await;
    let rpc = kamailio.rpc_url();
    let app = spawn_signed_in(move |s| {
        s.phone_system = PhoneSystemChoice::Kamailio;
        s.kamailio_url = rpc;
    })
    .await;
    let username = app.user(MEGAN).await["username"]
        .as_str()
        .unwrap()
        .to_owned();
    let phone = Phone::start(&username);
    phone.register(&kamailio).await;
    let number = app.free_number("US", "calling_plan").await;
    assert!(
        kamailio.call(&number, "call-refused").await,
        "{number} must get 404 before it is assigned"
    );

    app.send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1))
        .await;
    app.await_provisioning(MEGAN, Some("Active")).await;
    assert!(
        kamailio.call(&number, "call-answered").await,
        "a call to {number} must reach {username}'s phone"
    );

    app.send(Call::remove(MEGAN, 2)).await;
    app.await_provisioning(MEGAN, None).await;
    assert!(
        kamailio.call(&number, "call-refused").await,
        "{number} must get 404 once removed"
    );

    // Kamailio stops: the next change fails and says why ...
    kamailio.stop().await;
    app.send(Call::assign(MEGAN, &number, Some(REDMOND_HQ), 3))
        .await;
    let job = {
        app.await_provisioning(MEGAN, Some("Failed")).await;
        app.jobs_of(MEGAN).await[0].clone()
    };
    let reason = job["last_error"].as_str().unwrap_or_default();
    assert!(reason.contains("could not be reached"), "{job}");
    // ... and once Kamailio is back, goes through on its own.
    kamailio.run().await;
    app.await_provisioning(MEGAN, Some("Active")).await;
    phone.register(&kamailio).await;
    assert!(
        kamailio.call(&number, "call-answered").await,
        "after the retry, a call to {number} must reach {username}'s phone"
    );

    // Kamailio restarts and forgets every route: drift.
    kamailio.stop().await;
    kamailio.run().await;
    phone.register(&kamailio).await;
    assert!(
        kamailio.call(&number, "call-refused").await,
        "a restarted Kamailio routes nothing"
    );
    let report = app.check_drift().await;
    let megans = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["drift"]["number"] == number.as_str())
        .unwrap_or_else(|| panic!("{number} not among the findings: {report}"))
        .clone();
    assert_eq!(megans["drift"]["kind"], "NotRouted", "{megans}");
    let (status, answer) = app
        .call(
            DRIFT_REPAIR,
            json!({ "request": { "check": report["latest"]["id"], "numbers": [number] } }),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    app.settled().await;
    assert!(
        kamailio.call(&number, "call-answered").await,
        "after the repair, a call to {number} must reach {username}'s phone"
    );

    // Removing a number Kamailio has forgotten (restarted again) is done
    // all the same: there is nothing left to unroute.
    kamailio.stop().await;
    kamailio.run().await;
    let version = app.version_of(MEGAN).await;
    let (status, answer) = app.send(Call::remove(MEGAN, version)).await;
    assert_eq!(status, 200, "{answer}");
    app.settled().await;
    let job = &app.jobs_of(MEGAN).await[0];
    assert_eq!(job["attempts"], 1, "confirmed at the first attempt: {job}");
    assert!(job["last_error"].is_null(), "{job}");
}
