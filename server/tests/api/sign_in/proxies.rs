//! One address for many people: failures from an address slow its sign-ins
//! but never refuse a correct password, and behind a trusted reverse proxy
//! each client is counted by the address the proxy forwards.

use std::time::{Duration, Instant};

use server::config::Settings;

use super::*;

/// What every attempt from an address past its 20 failures waits.
const ADDRESS_WAIT: Duration = Duration::from_millis(app::auth::throttle::ADDRESS_LIMIT_DELAY_MS);

fn trusting(proxies: &str) -> impl FnOnce(&mut Settings) + '_ {
    move |s| {
        s.trusted_proxy = proxies
            .split(',')
            .map(|p| p.parse().expect("a proxy address"))
            .collect();
    }
}

async fn failures_from(app: &TestApp, client: &str, count: usize) {
    let guesses = (0..count).map(|i| {
        let username = format!("guess.{i}");
        async move {
            sign_in_from(app, client, &username, "not-the-password-1")
                .await
                .0
        }
    });
    let statuses = futures::future::join_all(guesses).await;
    assert_eq!(statuses, vec![401; count]);
}

/// `app` with its client signed in as the admin, who reads the audit log.
async fn with_the_admin(mut app: TestApp) -> TestApp {
    app.client = app.signed_in("admin", ADMIN_PASSWORD).await;
    app
}

async fn throttle_count(app: &TestApp, key: &str) -> i64 {
    app.count(&format!(
        "SELECT COALESCE(MAX(failures), 0) FROM sign_in_throttle WHERE throttle_key = '{key}'"
    ))
    .await
}

#[tokio::test]
async fn twenty_failures_from_one_address_slow_its_sign_ins_but_correct_passwords_still_work() {
    let app = spawn_app().await;
    failures_from_this_address(&app, "guess", 20).await;

    let started = Instant::now();
    let (client, status, body) = app.sign_in(HELPDESK, DEMO_PASSWORD).await;

    assert_eq!(status, 200, "{body}");
    assert!(
        started.elapsed() >= ADDRESS_WAIT,
        "slowed: {:?}",
        started.elapsed()
    );
    let (status, _) = app.call_with(&client, LIST_USERS, list_body()).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_is_throttled_on_its_own() {
    let app = with_the_admin(spawn_configured(trusting("127.0.0.1")).await).await;
    let since = app.last_audit_id().await;
    failures_from(&app, "203.0.113.7", 20).await;

    let started = Instant::now();
    let (status, body) = sign_in_from(&app, "198.51.100.23", HELPDESK, DEMO_PASSWORD).await;

    assert_eq!(status, 200, "{body}");
    assert!(
        started.elapsed() < ADDRESS_WAIT,
        "another client isn't slowed: {:?}",
        started.elapsed()
    );
    assert_eq!(throttle_count(&app, "address:203.0.113.7").await, 20);
    assert_eq!(
        throttle_count(&app, "address:127.0.0.1").await,
        0,
        "not the proxy"
    );
    let entries = app.new_entries(since, 21).await;
    assert_entry(&entries[0], json!({ "after": "from 203.0.113.7" }));
    assert_entry(
        &entries[20],
        json!({ "action": "SignedIn", "actor": HELPDESK, "after": "from 198.51.100.23" }),
    );
}

#[tokio::test]
async fn the_client_is_the_nearest_address_no_trusted_proxy_vouches_for() {
    let app = with_the_admin(spawn_configured(trusting("127.0.0.1,10.0.0.0/8")).await).await;
    let since = app.last_audit_id().await;

    // The client made up the first address; 10.1.2.3 is a proxy of ours.
    let (status, _) = sign_in_from(
        &app,
        "192.0.2.1, 203.0.113.7, 10.1.2.3",
        HELPDESK,
        "not-the-password-1",
    )
    .await;

    assert_eq!(status, 401);
    let entries = app.new_entries(since, 1).await;
    assert_entry(&entries[0], json!({ "after": "from 203.0.113.7" }));
}

#[tokio::test]
async fn x_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() {
    type Configure = Box<dyn FnOnce(&mut Settings)>;
    let cases: [(Configure, &str); 2] = [
        (
            Box::new(trusting("10.0.0.0/8")),
            "a proxy that isn't this peer",
        ),
        (Box::new(|_| {}), "no proxy"),
    ];
    for (settings, why) in cases {
        let app = with_the_admin(spawn_configured(settings).await).await;
        let since = app.last_audit_id().await;

        let (status, _) = sign_in_from(&app, "203.0.113.7", HELPDESK, "not-the-password-1").await;

        assert_eq!(status, 401);
        let entries = app.new_entries(since, 1).await;
        assert_entry(&entries[0], json!({ "after": "from 127.0.0.1" }));
        assert_eq!(
            throttle_count(&app, "address:203.0.113.7").await,
            0,
            "{why}"
        );
    }
}

#[test]
fn trusted_proxies_are_addresses_or_ranges_and_anything_else_is_refused() {
    use clap::Parser;
    let parse = |args: &[&str]| {
        Settings::try_parse_from(std::iter::once("switchboard").chain(args.iter().copied())).map(
            |s| {
                s.trusted_proxy
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            },
        )
    };
    assert_eq!(
        parse(&["--trusted-proxy", "10.0.0.5", "--trusted-proxy", "fd00::/8"]).unwrap(),
        ["10.0.0.5/32", "fd00::/8"]
    );
    assert_eq!(
        parse(&["--trusted-proxy", "192.168.0.0/16,127.0.0.1"]).unwrap(),
        ["192.168.0.0/16", "127.0.0.1/32"],
        "comma-separated, as the variable holds them"
    );
    let refused = parse(&["--trusted-proxy", "proxy.contoso.com"]).unwrap_err();
    assert!(
        refused.to_string().contains("not an IP address or range"),
        "{refused}"
    );
}
