use std::time::Duration;

use super::*;

fn key(text: &str) -> Option<ProgressKey> {
    Some(ProgressKey::try_from(text.to_owned()).expect("a valid key"))
}

const ADMIN: AccountId = AccountId(1);
const OTHER: AccountId = AccountId(2);

#[test]
fn a_request_reports_its_steps_and_reads_done_once_dropped() {
    let tracker = Tracker::default();
    let k = key("import-0001").unwrap();
    assert_eq!(tracker.get(ADMIN, &k), None, "not started");
    let tracking = tracker.start(ADMIN, Some(k.clone()), true);
    let now = |t: &Tracker| t.get(ADMIN, &k).expect("tracked");
    assert_eq!(now(&tracker).stage, Stage::Parsing);
    tracking.stage(Stage::Checking, 3);
    tracking.tick();
    tracking.tick();
    let report = now(&tracker);
    assert_eq!(
        (report.stage, report.done, report.total, report.writes),
        (Stage::Checking, 2, 3, true)
    );
    tracking.stage(Stage::Writing, 3);
    assert_eq!(
        (now(&tracker).stage, now(&tracker).done),
        (Stage::Writing, 0)
    );
    drop(tracking);
    assert_eq!(now(&tracker).stage, Stage::Done);
    assert_eq!(now(&tracker).percent(), 100);
}

#[test]
fn progress_belongs_to_the_account_that_started_it() {
    let tracker = Tracker::default();
    let k = key("shared-key-1").unwrap();
    let _tracking = tracker.start(ADMIN, Some(k.clone()), false);
    assert!(tracker.get(ADMIN, &k).is_some());
    assert_eq!(tracker.get(OTHER, &k), None);
}

#[test]
fn without_a_key_nothing_is_tracked() {
    let tracker = Tracker::default();
    let tracking = tracker.start(ADMIN, None, false);
    tracking.stage(Stage::Checking, 10);
    tracking.tick();
    drop(tracking);
    assert!(tracker.cells.lock().unwrap().is_empty());
}

#[test]
fn an_ended_request_is_forgotten_after_the_keeping_time() {
    let tracker = Tracker::keeping(Duration::ZERO);
    let k = key("short-lived").unwrap();
    let tracking = tracker.start(ADMIN, Some(k.clone()), false);
    assert!(tracker.get(ADMIN, &k).is_some(), "running requests stay");
    drop(tracking);
    assert_eq!(tracker.get(ADMIN, &k), None);
    let _next = tracker.start(ADMIN, key("another-one"), false);
    assert_eq!(tracker.cells.lock().unwrap().len(), 1, "purged on start");
}

#[test]
fn one_account_runs_at_most_sixteen_tracked_requests_at_once() {
    let tracker = Tracker::default();
    let running: Vec<Tracking> = (0..MAX_PER_ACCOUNT)
        .map(|i| tracker.start(ADMIN, key(&format!("request-{i:02}")), false))
        .collect();
    let over = key("request-over").unwrap();
    let _untracked = tracker.start(ADMIN, Some(over.clone()), false);
    assert_eq!(tracker.get(ADMIN, &over), None);
    // Reusing a running key starts it afresh; another account is not limited.
    let again = key("request-03").unwrap();
    running[3].stage(Stage::Checking, 5);
    let _fresh = tracker.start(ADMIN, Some(again.clone()), false);
    assert_eq!(
        tracker.get(ADMIN, &again).map(|p| p.stage),
        Some(Stage::Parsing)
    );
    let _other = tracker.start(OTHER, Some(over.clone()), false);
    assert!(tracker.get(OTHER, &over).is_some());
}

#[test]
fn ended_requests_make_room_for_new_ones_oldest_first() {
    let tracker = Tracker::default();
    // A bulk dialog checks again at every edit: far more than sixteen keys
    // a minute, each ended before the next.
    for i in 0..40 {
        drop(tracker.start(ADMIN, key(&format!("check-{i:03}")), false));
    }
    let newest = key("check-039").unwrap();
    assert_eq!(
        tracker.get(ADMIN, &newest).map(|p| p.stage),
        Some(Stage::Done)
    );
    assert_eq!(
        tracker.get(ADMIN, &key("check-000").unwrap()),
        None,
        "the oldest went"
    );
    let running = key("still-running").unwrap();
    let _tracking = tracker.start(ADMIN, Some(running.clone()), false);
    assert_eq!(
        tracker.get(ADMIN, &running).map(|p| p.stage),
        Some(Stage::Parsing)
    );
    let held = tracker.cells.lock().unwrap().len();
    assert_eq!(held, MAX_PER_ACCOUNT);
}
