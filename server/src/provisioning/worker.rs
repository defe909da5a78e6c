//! The worker that takes due jobs from the outbox, delivers them and
//! records what came of each. It wakes on every commit (a Save that wrote
//! jobs, a Retry now, another server's change) and at least every second
//! for retries falling due.
//!
//! Each round leases its jobs in one short write, delivers them with no
//! transaction open, and records the outcomes in another. A server killed
//! in between leaves leases that run out (PostgreSQL: another server, or
//! this one restarted, takes the jobs over) or that it ends on start
//! (SQLite: the file is one server's); either way the jobs are delivered
//! again, which is harmless: delivery is idempotent.

use std::sync::Arc;
use std::time::Duration;

use app::clock::Clock;
use app::domain::{AuditAction, AuditRecord, Job, RetryPolicy};
use app::store::deliveries::{self, Outcome};
use app::store::{self, Batch, Dialect, Writer};
use sqlx::AnyPool;

use super::{DeliveryError, PhoneSystem};
use crate::audit_retention::ACTOR;

/// Jobs leased a round.
const ROUND: i64 = 100;
/// How long a lease lasts: longer than a round's deliveries can take (an
/// unreachable phone system ends the round at its first timeout).
const LEASE: i64 = 120;
/// The longest the worker sleeps without a commit to wake it.
const TICK: Duration = Duration::from_secs(1);

/// When the worker tries failed jobs again, and how often it checks for
/// drift itself (`None`: only when an admin asks).
pub struct Timing {
    pub policy: RetryPolicy,
    pub drift_every: Option<Duration>,
}

pub struct Worker {
    pub(super) pool: AnyPool,
    pub(super) writer: Writer,
    dialect: Dialect,
    pub(super) clock: Arc<dyn Clock>,
    pub(super) phone: Arc<PhoneSystem>,
    policy: RetryPolicy,
    /// This server's name on its leases.
    owner: String,
    /// How often the server asks for a drift check itself; `None`: never
    /// (no phone system to compare with).
    drift_every: Option<Duration>,
}

impl Worker {
    pub fn new(
        pool: AnyPool,
        writer: Writer,
        dialect: Dialect,
        clock: Arc<dyn Clock>,
        phone: Arc<PhoneSystem>,
        owner: String,
        timing: Timing,
    ) -> Self {
        let Timing {
            policy,
            drift_every,
        } = timing;
        let drift_every = drift_every.filter(|_| !phone.confirms_at_once());
        Self {
            pool,
            writer,
            dialect,
            clock,
            phone,
            policy,
            owner,
            drift_every,
        }
    }

    /// Delivers jobs from now on; a failing round is logged and tried
    /// again. Never returns: the server drops it when it stops.
    pub async fn run(self) -> std::convert::Infallible {
        if self.dialect == Dialect::Sqlite {
            if let Err(e) = self.release_leases().await {
                tracing::error!(error = %e, "ending the leases of an earlier run failed");
            }
        }
        let mut commits = self.writer.commits().watch();
        // A check on start, then on the schedule.
        let mut next_check = self.drift_every.map(|_| tokio::time::Instant::now());
        loop {
            if let (Some(at), Some(every)) = (next_check, self.drift_every) {
                if tokio::time::Instant::now() >= at {
                    next_check = Some(at + every);
                    if let Err(e) = self.ask_for_drift_check().await {
                        tracing::error!(error = %format!("{e:#}"), "asking for a drift check failed");
                    }
                }
            }
            match self.round().await {
                Ok(0) => {}
                // More may be due at once.
                Ok(_) => continue,
                Err(e) => tracing::error!(error = %format!("{e:#}"), "provisioning round failed"),
            }
            if let Err(e) = self.check_drift().await {
                tracing::error!(error = %format!("{e:#}"), "drift check failed");
            }
            tokio::select! {
                changed = commits.changed() => {
                    if changed.is_err() {
                        tokio::time::sleep(TICK).await;
                    }
                }
                () = tokio::time::sleep(TICK) => {}
            }
        }
    }

    async fn release_leases(&self) -> anyhow::Result<()> {
        let mut tx = self.writer.begin().await?;
        let released = deliveries::release_leases(&mut tx).await?;
        tx.commit().await?;
        if released > 0 {
            tracing::info!(
                jobs = released,
                "jobs an earlier run had leased are due again"
            );
        }
        Ok(())
    }

    /// One round: the jobs due now, delivered; how many there were.
    pub async fn round(&self) -> anyhow::Result<usize> {
        let now = self.clock.now();
        {
            let mut conn = self.pool.acquire().await?;
            if !deliveries::any_due(&mut conn, now).await? {
                return Ok(0);
            }
        }
        let mut tx = self.writer.begin().await?;
        let jobs = deliveries::claim_due(&mut tx, now, &self.owner, now + LEASE, ROUND).await?;
        tx.commit().await?;
        let mut outcomes = Vec::with_capacity(jobs.len());
        let mut unreachable: Option<String> = None;
        for job in &jobs {
            let result = match &unreachable {
                // The phone system can't be reached: the rest of the round
                // would wait out the same timeout, one by one.
                Some(reason) => Err(DeliveryError::Unreachable(reason.clone())),
                None => self.phone.deliver(job).await,
            };
            let outcome = match result {
                Ok(()) => Outcome::Confirmed,
                Err(e) => {
                    if let DeliveryError::Unreachable(reason) = &e {
                        unreachable = Some(reason.clone());
                    }
                    tracing::warn!(job = job.id, number = %job.number, reason = e.reason(), "delivery failed");
                    Outcome::Failed {
                        reason: e.reason().to_owned(),
                        retry_at: self.clock.now() + self.policy.delay(job.attempts),
                    }
                }
            };
            outcomes.push((job.id, outcome));
        }
        let now = self.clock.now();
        let mut batch = Batch::new();
        deliveries::push_outcomes(&mut batch, now, &self.owner, &outcomes);
        for (job, (_, outcome)) in jobs.iter().zip(&outcomes) {
            if let Some((action, record)) = audited(job, outcome) {
                store::audit::push_append(&mut batch, now, ACTOR, action, &record, job.change_set);
            }
        }
        let mut tx = self.writer.begin().await?;
        tx.commit_with(batch).await?;
        let confirmed = outcomes
            .iter()
            .filter(|(_, o)| *o == Outcome::Confirmed)
            .count();
        tracing::info!(delivered = jobs.len(), confirmed, "provisioning round");
        Ok(jobs.len())
    }
}

/// The audit entry an outcome writes: each confirmation, and a job's first
/// failure (not every retry of a phone system that is down). Through the
/// log, consoles hear of both live.
fn audited(job: &Job, outcome: &Outcome) -> Option<(AuditAction, AuditRecord)> {
    let (action, after) = match outcome {
        Outcome::Confirmed => (AuditAction::ProvisioningConfirmed, job.describe()),
        Outcome::Failed { reason, .. } if job.last_error.is_none() => (
            AuditAction::ProvisioningFailed,
            format!("{}: {reason}", job.describe()),
        ),
        Outcome::Failed { .. } => return None,
    };
    Some((
        action,
        AuditRecord {
            target: job
                .user_name
                .clone()
                .unwrap_or_else(|| job.number.to_string()),
            user_name: job.user_name.clone(),
            number: Some(job.number.to_string()),
            before: String::new(),
            after,
            user: job.user,
        },
    ))
}
