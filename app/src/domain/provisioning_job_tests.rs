//! How a job reads to an admin: its status, timeline, waiting and advice.

use super::*;

#[test]
fn status_follows_what_the_phone_system_said_last() {
    let saved = job();
    let sent = Job {
        attempts: 1,
        sent_at: Some(1_001),
        ..job()
    };
    let failed = Job {
        failed_at: Some(1_003),
        last_error: Some("no answer".to_owned()),
        ..sent.clone()
    };
    let confirmed_after_failing = Job {
        confirmed_at: Some(1_009),
        ..failed.clone()
    };
    let cases = [
        (&saved, JobStatus::Pending),
        (&sent, JobStatus::Pending),
        (&failed, JobStatus::Failed),
        (&confirmed_after_failing, JobStatus::Active),
    ];
    for (job, want) in cases {
        assert_eq!(job.status(), want, "{job:?}");
    }
}

#[test]
fn the_timeline_reads_saved_sent_then_confirmed_or_failed() {
    let texts = |j: &Job| {
        j.timeline()
            .into_iter()
            .map(|m| (m.at, m.text))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        texts(&job()),
        vec![(1_000, "Saved by admin@contoso.com".to_owned())]
    );
    let failed = Job {
        attempts: 3,
        sent_at: Some(1_010),
        failed_at: Some(1_012),
        last_error: Some("The phone system did not answer".to_owned()),
        ..job()
    };
    assert_eq!(
        texts(&failed),
        vec![
            (1_000, "Saved by admin@contoso.com".to_owned()),
            (1_010, "Sent to the phone system (attempt 3)".to_owned()),
            (1_012, "Failed: The phone system did not answer".to_owned()),
        ]
    );
    let confirmed = Job {
        confirmed_at: Some(1_020),
        ..failed
    };
    assert_eq!(
        texts(&confirmed).last(),
        Some(&(1_020, "Confirmed by the phone system".to_owned()))
    );
}

#[test]
fn pending_time_and_advice_show_only_while_they_apply() {
    let pending = job();
    assert_eq!(
        pending.pending_for(1_000 + 185).as_deref(),
        Some("Pending for 3 min")
    );
    assert_eq!(pending.advice(1_100), None);
    let failed = Job {
        attempts: 2,
        failed_at: Some(1_050),
        last_error: Some("refused".to_owned()),
        next_attempt_at: 1_130,
        ..job()
    };
    let advice = failed.advice(1_100).unwrap();
    assert!(advice.contains("tries again in 30 s"), "{advice}");
    assert!(advice.contains("Retry now"), "{advice}");
    assert!(failed.advice(1_200).unwrap().contains("tries again now"));
    let done = Job {
        confirmed_at: Some(1_060),
        ..failed
    };
    assert_eq!(done.pending_for(2_000), None);
    assert_eq!(done.advice(2_000), None);
}

#[test]
fn spans_read_at_a_glance() {
    let cases = [
        (-5, "0 s"),
        (0, "0 s"),
        (59, "59 s"),
        (60, "1 min"),
        (3_599, "59 min"),
        (3_600, "1 h"),
        (3_600 + 5 * 60, "1 h 5 min"),
        (86_399, "23 h 59 min"),
        (86_400, "1 day"),
        (3 * 86_400 + 7, "3 days"),
    ];
    for (seconds, want) in cases {
        assert_eq!(span(seconds), want, "{seconds}");
    }
}

#[test]
fn jobs_describe_themselves() {
    let cases = [
        (job(), "Route +14255550100 to sip:alice@contoso.com"),
        (
            Job {
                action: JobAction::Unroute,
                address: None,
                ..job()
            },
            "Stop routing +14255550100",
        ),
        (
            Job {
                action: JobAction::Activate,
                address: None,
                ..job()
            },
            "Activate +14255550100",
        ),
    ];
    for (job, want) in cases {
        assert_eq!(job.describe(), want);
    }
    assert_eq!(sip_address("alice@contoso.com"), "sip:alice@contoso.com");
}
