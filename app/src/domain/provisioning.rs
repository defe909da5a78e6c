//! Provisioning: every change to where a number's calls go becomes a job
//! for the phone system, written in the change's own transaction. What the
//! jobs of a change are, when a failed one is tried again, and how a job's
//! progress reads to an admin, without a database or a network.

use serde::{Deserialize, Serialize};

use super::{format_utc, ChangeSetId, UserChange, UserId, E164};

choice! {
    /// What a job asks of the phone system.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum JobAction {
        /// Calls to the number go to the user's SIP address.
        Route => ("route", "Route calls"),
        /// Calls to the number are refused (404 Not Found).
        Unroute => ("unroute", "Stop routing"),
        /// A new number becomes known to the phone system.
        Activate => ("activate", "Activate"),
    }
}

choice! {
    /// Where a change is on its way to the phone system: the Status column.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum JobStatus {
        /// Saved, not yet confirmed by the phone system.
        Pending => ("pending", "Pending"),
        /// Confirmed: the user can make and receive calls (or, after a
        /// removal, the number no longer rings).
        Active => ("active", "Active"),
        /// The last attempt failed; Switchboard tries again on its own.
        Failed => ("failed", "Failed"),
    }
}

choice! {
    /// The statuses of a job not yet confirmed: the Provisioning view's filter.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum OpenStatus {
        Pending => ("pending", "Pending"),
        Failed => ("failed", "Failed"),
    }
}

/// The seed's note on how long a change may take, in its own sense.
pub const PENDING_NOTE: &str =
    "It can take up to 24 hours before the user can make and receive calls.";

/// The SIP address calls to a user's number go to: the user's username.
pub fn sip_address(username: &str) -> String {
    format!("sip:{username}")
}

/// One job a change asks for, before it has an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewJob {
    pub action: JobAction,
    pub number: E164,
    /// Whose change it is: the new holder of a routed number, the former
    /// holder of one no longer routed (none for a drift repair of a number
    /// nobody holds).
    pub user: Option<UserId>,
}

/// The jobs of a change set, in the order the phone system must take
/// them: every number given back is unrouted before any is routed, since
/// one user's old number may be another's new one. A user whose number
/// stayed the same (a new emergency location only) asks for nothing.
pub fn jobs_for(changes: &[UserChange]) -> Vec<NewJob> {
    let moved = || {
        changes
            .iter()
            .filter(|c| c.before.as_ref().map(|h| &h.number) != c.after.as_ref().map(|h| &h.number))
    };
    let unroutes = moved().filter_map(|c| {
        c.before.as_ref().map(|h| NewJob {
            action: JobAction::Unroute,
            number: h.number.clone(),
            user: Some(c.user),
        })
    });
    let routes = moved().filter_map(|c| {
        c.after.as_ref().map(|h| NewJob {
            action: JobAction::Route,
            number: h.number.clone(),
            user: Some(c.user),
        })
    });
    unroutes.chain(routes).collect()
}

/// The numbers `jobs` take back for good: unrouted, and not routed again to
/// someone else in the same change. What a re-use block applies to.
pub fn given_back(jobs: &[NewJob]) -> Vec<E164> {
    let routed = |n: &E164| {
        jobs.iter()
            .any(|j| j.action == JobAction::Route && &j.number == n)
    };
    jobs.iter()
        .filter(|j| j.action == JobAction::Unroute && !routed(&j.number))
        .map(|j| j.number.clone())
        .collect()
}

/// When a failed job is tried again: one second after the first failure,
/// doubling each time, never more than `cap` seconds apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    pub first: i64,
    pub cap: i64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { first: 1, cap: 300 }
    }
}

impl RetryPolicy {
    /// Seconds to wait after the `attempts`-th failed attempt (from 1).
    pub fn delay(&self, attempts: u32) -> i64 {
        let doublings = attempts.saturating_sub(1).min(40);
        self.first
            .saturating_mul(1_i64 << doublings)
            .min(self.cap)
            .max(self.first)
    }
}

/// A job as it stands, with what an admin reads about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Job {
    pub id: i64,
    pub action: JobAction,
    pub number: E164,
    pub user: Option<UserId>,
    /// The user's display name, where the user still exists.
    pub user_name: Option<String>,
    /// Where calls go once it is done (route only).
    pub address: Option<String>,
    pub change_set: Option<ChangeSetId>,
    /// Who saved the change (or `switchboard` for a repair it made).
    pub actor: String,
    pub created_at: i64,
    pub attempts: u32,
    /// The last attempt's start.
    pub sent_at: Option<i64>,
    pub confirmed_at: Option<i64>,
    pub failed_at: Option<i64>,
    /// What the phone system (or the way to it) said last time.
    pub last_error: Option<String>,
    pub next_attempt_at: i64,
}

/// One line of a job's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub at: i64,
    pub text: String,
}

impl Job {
    pub fn status(&self) -> JobStatus {
        if self.confirmed_at.is_some() {
            JobStatus::Active
        } else if self.last_error.is_some() {
            JobStatus::Failed
        } else {
            JobStatus::Pending
        }
    }

    /// Saved by whom and when, sent, confirmed or failed: each with its time.
    pub fn timeline(&self) -> Vec<Milestone> {
        let mut lines = vec![Milestone {
            at: self.created_at,
            text: format!("Saved by {}", self.actor),
        }];
        if let Some(at) = self.sent_at {
            let text = match self.attempts {
                0 | 1 => "Sent to the phone system".to_owned(),
                n => format!("Sent to the phone system (attempt {n})"),
            };
            lines.push(Milestone { at, text });
        }
        match (self.confirmed_at, self.failed_at, &self.last_error) {
            (Some(at), _, _) => lines.push(Milestone {
                at,
                text: "Confirmed by the phone system".to_owned(),
            }),
            (None, Some(at), Some(reason)) => lines.push(Milestone {
                at,
                text: format!("Failed: {reason}"),
            }),
            _ => {}
        }
        lines
    }

    /// What the job does, as a sentence: "Route +1 425 555 0100 to
    /// sip:alice@contoso.com".
    pub fn describe(&self) -> String {
        match (self.action, &self.address) {
            (JobAction::Route, Some(address)) => format!("Route {} to {address}", self.number),
            (JobAction::Route, None) => format!("Route {}", self.number),
            (JobAction::Unroute, _) => format!("Stop routing {}", self.number),
            (JobAction::Activate, _) => format!("Activate {}", self.number),
        }
    }

    /// How long it has been waiting at `now`, while not yet confirmed:
    /// "Pending for 3 min".
    pub fn pending_for(&self, now: i64) -> Option<String> {
        if self.confirmed_at.is_some() {
            return None;
        }
        Some(format!("Pending for {}", span(now - self.created_at)))
    }

    /// While failed: what to do, and when Switchboard tries again.
    pub fn advice(&self, now: i64) -> Option<String> {
        if self.status() != JobStatus::Failed {
            return None;
        }
        let wait = self.next_attempt_at - now;
        let when = if wait <= 0 {
            "now".to_owned()
        } else {
            format!("in {}", span(wait))
        };
        Some(format!(
            "Switchboard tries again {when} (next at {}), and keeps trying until the phone \
             system confirms. Check that the phone system is running and reachable, then \
             choose Retry now.",
            format_utc(self.next_attempt_at)
        ))
    }
}

/// A user's provisioning status from their latest job: that job's status,
/// except that a confirmed removal leaves nothing to show; a user holding
/// a number no job ever went out for (assigned before Switchboard tracked
/// provisioning) counts as Active. `store::provisioning::USER_STATUS` is
/// the same rule in SQL.
pub fn provisioning_status(latest: Option<&Job>, holds_number: bool) -> Option<JobStatus> {
    match latest {
        Some(job) if job.action == JobAction::Unroute && job.status() == JobStatus::Active => None,
        Some(job) => Some(job.status()),
        None => holds_number.then_some(JobStatus::Active),
    }
}

/// A duration an admin reads at a glance: "45 s", "3 min", "2 h 5 min", "3 days".
pub fn span(seconds: i64) -> String {
    let s = seconds.max(0);
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        3600..86400 => match (s / 3600, s % 3600 / 60) {
            (h, 0) => format!("{h} h"),
            (h, m) => format!("{h} h {m} min"),
        },
        _ => match s / 86400 {
            1 => "1 day".to_owned(),
            d => format!("{d} days"),
        },
    }
}

#[cfg(test)]
#[path = "provisioning_tests.rs"]
mod tests;
