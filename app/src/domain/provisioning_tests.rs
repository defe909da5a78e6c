use super::*;
use crate::domain::{Holding, LocationId};

fn holding(number: &str) -> Option<Holding> {
    Some(Holding {
        number: E164::parse(number).unwrap(),
        location: LocationId(1),
    })
}

fn change(user: i64, before: Option<&str>, after: Option<&str>) -> UserChange {
    UserChange {
        user: UserId(user),
        before: before.and_then(holding),
        after: after.and_then(holding),
        version_after: 2,
    }
}

fn short(jobs: &[NewJob]) -> Vec<(JobAction, String, i64)> {
    jobs.iter()
        .map(|j| (j.action, j.number.to_string(), j.user.map_or(0, |u| u.0)))
        .collect()
}

const A: &str = "+14255550100";
const B: &str = "+14255550101";

/// A case: its name, the set's changes, and the jobs (action, number, user).
type Case = (
    &'static str,
    Vec<UserChange>,
    Vec<(JobAction, &'static str, i64)>,
);

#[test]
fn a_change_asks_the_phone_system_for_what_moved() {
    use JobAction::{Route, Unroute};
    let cases: Vec<Case> = vec![
        (
            "assign",
            vec![change(1, None, Some(A))],
            vec![(Route, A, 1)],
        ),
        (
            "remove",
            vec![change(1, Some(A), None)],
            vec![(Unroute, A, 1)],
        ),
        (
            "change",
            vec![change(1, Some(A), Some(B))],
            vec![(Unroute, A, 1), (Route, B, 1)],
        ),
        (
            "new location only",
            vec![change(1, Some(A), Some(A))],
            vec![],
        ),
        ("nothing", vec![change(1, None, None)], vec![]),
        (
            // Bob takes Alice's old number in the same set: Alice's is
            // unrouted first, whatever order the set lists them in.
            "swap within a set",
            vec![change(2, None, Some(A)), change(1, Some(A), Some(B))],
            vec![(Unroute, A, 1), (Route, A, 2), (Route, B, 1)],
        ),
    ];
    for (name, changes, want) in cases {
        let want: Vec<_> = want
            .into_iter()
            .map(|(a, n, u)| (a, n.to_owned(), u))
            .collect();
        assert_eq!(short(&jobs_for(&changes)), want, "{name}");
    }
}

#[test]
fn retries_wait_longer_each_time_up_to_the_cap() {
    let policy = RetryPolicy { first: 1, cap: 300 };
    let cases = [
        (0, 1),
        (1, 1),
        (2, 2),
        (3, 4),
        (5, 16),
        (9, 256),
        (10, 300),
        (64, 300),
        (u32::MAX, 300),
    ];
    for (attempts, want) in cases {
        assert_eq!(policy.delay(attempts), want, "after {attempts} attempts");
    }
    let slow = RetryPolicy {
        first: 30,
        cap: 3600,
    };
    assert_eq!(slow.delay(1), 30);
    assert_eq!(slow.delay(3), 120);
    // A cap below the first wait never shortens it.
    assert_eq!(RetryPolicy { first: 10, cap: 5 }.delay(4), 10);
}

pub(super) fn job() -> Job {
    Job {
        id: 7,
        action: JobAction::Route,
        number: E164::parse(A).unwrap(),
        user: Some(UserId(1)),
        user_name: Some("Alice".to_owned()),
        address: Some("sip:alice@contoso.com".to_owned()),
        change_set: None,
        actor: "admin@contoso.com".to_owned(),
        created_at: 1_000,
        attempts: 0,
        sent_at: None,
        confirmed_at: None,
        failed_at: None,
        last_error: None,
        next_attempt_at: 1_000,
    }
}

#[test]
fn a_users_status_is_their_latest_jobs() {
    let confirmed = |action| Job {
        action,
        confirmed_at: Some(1_010),
        ..job()
    };
    let failed = Job {
        last_error: Some("down".to_owned()),
        ..job()
    };
    let unrouting = Job {
        action: JobAction::Unroute,
        address: None,
        ..job()
    };
    let cases = [
        ("never provisioned, no number", None, false, None),
        (
            "assigned before tracking",
            None,
            true,
            Some(JobStatus::Active),
        ),
        ("route pending", Some(job()), true, Some(JobStatus::Pending)),
        ("route failed", Some(failed), true, Some(JobStatus::Failed)),
        (
            "route confirmed",
            Some(confirmed(JobAction::Route)),
            true,
            Some(JobStatus::Active),
        ),
        (
            "removal pending",
            Some(unrouting),
            false,
            Some(JobStatus::Pending),
        ),
        (
            "removal confirmed",
            Some(confirmed(JobAction::Unroute)),
            false,
            None,
        ),
    ];
    for (name, latest, holds, want) in cases {
        assert_eq!(provisioning_status(latest.as_ref(), holds), want, "{name}");
    }
}

#[test]
fn a_number_is_given_back_when_nobody_takes_it_in_the_same_change() {
    let cases = [
        ("removed", vec![change(1, Some(A), None)], vec![A]),
        ("changed", vec![change(1, Some(A), Some(B))], vec![A]),
        (
            "taken by another in the set",
            vec![change(1, Some(A), None), change(2, None, Some(A))],
            vec![],
        ),
        ("assigned", vec![change(1, None, Some(A))], vec![]),
    ];
    for (name, changes, want) in cases {
        let got: Vec<String> = given_back(&jobs_for(&changes))
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

#[path = "provisioning_job_tests.rs"]
mod job;
