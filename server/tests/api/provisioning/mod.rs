//! Provisioning: every change is a job for the phone system, written with
//! the change; the worker delivers it, retries it, and survives restarts;
//! the admin sees where each change is.

mod delivery;
mod drift;
mod kamailio;
mod lifecycle;
mod outbox;
mod sip_lab;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use server::provisioning::PhoneSystemChoice;

use crate::helpers::*;

pub const USER_JOBS: &str = "/api/provisioning/user";
pub const LIST: &str = "/api/provisioning/list";
pub const RETRY: &str = "/api/provisioning/retry";
pub const DRIFT_CHECK: &str = "/api/drift/check";
pub const DRIFT_LATEST: &str = "/api/drift/latest";
pub const DRIFT_REPAIR: &str = "/api/drift/repair";

impl TestApp {
    /// The user's latest jobs, newest first.
    pub async fn jobs_of(&self, user: i64) -> Vec<Value> {
        let (status, answer) = self.call(USER_JOBS, json!({ "user_id": user })).await;
        assert_eq!(status, 200, "{answer}");
        answer["jobs"].as_array().expect("a list of jobs").clone()
    }

    /// The user's provisioning status as the grid shows it ("Pending",
    /// "Active", "Failed"), or `None`.
    pub async fn provisioning_of(&self, user: i64) -> Option<String> {
        self.user(user).await["provisioning"]
            .as_str()
            .map(str::to_owned)
    }

    /// Waits (up to 15 s) until the user's status is `want`, moving the
    /// server's clock on a second at a time so that retries fall due:
    /// the user as it then is. Panics with the user's jobs otherwise.
    pub async fn await_provisioning(&self, user: i64, want: Option<&str>) -> Value {
        let started = Instant::now();
        loop {
            let got = self.user(user).await;
            if got["provisioning"].as_str() == want {
                return got;
            }
            if started.elapsed() > Duration::from_secs(15) {
                panic!(
                    "user {user} is {:?}, not {want:?}, after 15 s: {:#?}",
                    got["provisioning"],
                    self.jobs_of(user).await
                );
            }
            self.clock.advance(1);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Check now, and the report once the check is done (up to 15 s).
    pub async fn check_drift(&self) -> Value {
        let (status, report) = self.call(DRIFT_CHECK, json!({})).await;
        assert_eq!(status, 200, "{report}");
        let started = Instant::now();
        loop {
            let (status, report) = self.call(DRIFT_LATEST, json!({})).await;
            assert_eq!(status, 200, "{report}");
            if report["checking"] == false {
                assert!(report["latest"]["error"].is_null(), "{report}");
                return report;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "no check after 15 s: {report}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (up to 15 s) until every job is confirmed, moving the clock on
    /// so that retries fall due.
    pub async fn settled(&self) {
        let started = Instant::now();
        while self.open_jobs(json!({})).await["open"] != 0 {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "jobs still open after 15 s: {}",
                self.open_jobs(json!({})).await
            );
            self.clock.advance(1);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The jobs not yet confirmed, as the Provisioning view asks for them.
    pub async fn open_jobs(&self, query: Value) -> Value {
        let (status, answer) = self.call(LIST, json!({ "query": query })).await;
        assert_eq!(status, 200, "{answer}");
        answer
    }
}

/// The simulated phone system with `delay_ms` a change and a share
/// `failure_rate` of attempts failing.
pub fn simulated(delay_ms: u64, failure_rate: f64) -> impl FnOnce(&mut server::config::Settings) {
    move |s| {
        s.phone_system = PhoneSystemChoice::Simulated;
        s.simulated_delay_ms = delay_ms;
        s.simulated_failure_rate = failure_rate;
    }
}

/// The simulated phone system's journal: what it was told, in order.
pub fn journal(app: &TestApp) -> Vec<String> {
    let file = app
        .data_dir
        .path()
        .join(server::provisioning::SIMULATED_JOURNAL);
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}
