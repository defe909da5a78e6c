//! Drift: the latest comparison of the phone system's routes with the
//! assignments, Check now, and Repair.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::DriftReport;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RepairRequest {
    /// The check whose findings to repair.
    pub check: i64,
    /// Only these numbers (E.164); every finding not yet repaired when absent.
    #[serde(default)]
    pub numbers: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Repaired {
    /// How many numbers a repair job went out for.
    pub numbers: u64,
}

/// The latest drift check and what it found.
#[server(prefix = "/api", endpoint = "drift/latest", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn latest_drift() -> Result<DriftReport, ApiError> {
    ssr::latest().await
}

/// Check now: asks the server to compare the phone system's routes with
/// the assignments; the Drift view shows the result when it is done.
#[server(prefix = "/api", endpoint = "drift/check", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn check_drift() -> Result<DriftReport, ApiError> {
    ssr::check().await
}

/// Repair: for each finding, a job that sends the number's route as the
/// assignment says now (to its holder, or away when nobody holds it).
#[server(prefix = "/api", endpoint = "drift/repair", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn repair_drift(request: RepairRequest) -> Result<Repaired, ApiError> {
    ssr::repair(request).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::api::write::write;
    use crate::domain::{AuditAction, AuditRecord, JobAction, NewJob, Permission, UserId, E164};
    use crate::state::AppState;
    use crate::store;

    async fn report(state: &AppState) -> Result<DriftReport, ApiError> {
        let mut conn = state.pool.acquire().await?;
        // Whether a check is under way first: a check the worker finishes
        // between the reads is then already in `latest`, never reported as
        // done with the findings of the one before.
        let checking = store::drift::asked(&mut conn).await?.is_some();
        let latest = store::drift::latest(&mut conn).await?;
        let findings = match &latest {
            Some(check) => store::drift::findings(&mut conn, check.id, None).await?,
            None => Vec::new(),
        };
        Ok(DriftReport {
            latest,
            findings,
            checking,
            comparable: !state.confirm_at_once,
            now: state.clock.now(),
        })
    }

    pub async fn latest() -> Result<DriftReport, ApiError> {
        let (state, _) = authorize(Permission::ViewVoice).await?;
        report(&state).await
    }

    pub async fn check() -> Result<DriftReport, ApiError> {
        let state = write(Permission::ManageVoice, async move |w| {
            // Nothing to compare with no phone system: the report says so.
            if !w.state.confirm_at_once {
                let (now, actor) = (w.state.clock.now(), w.caller.actor());
                store::drift::ask(&mut w.tx, now, &actor).await?;
            }
            Ok(w.state.clone())
        })
        .await?;
        report(&state).await
    }

    pub async fn repair(request: RepairRequest) -> Result<Repaired, ApiError> {
        write(Permission::ManageVoice, async move |w| {
            let latest = store::drift::latest(&mut w.tx).await?;
            if latest.is_none() {
                return Err(ApiError::NotFound {
                    message: format!("There is no drift check {}.", request.check),
                });
            }
            if latest.as_ref().map(|c| c.id) != Some(request.check) {
                return Err(ApiError::Conflict {
                    message: "A newer drift check has been done since: repair from its findings."
                        .to_owned(),
                });
            }
            let findings =
                store::drift::findings(&mut w.tx, request.check, request.numbers.as_deref())
                    .await?;
            if let Some(asked) = &request.numbers {
                if let Some(unknown) = asked
                    .iter()
                    .find(|n| !findings.iter().any(|f| &f.drift.number == *n))
                {
                    return Err(ApiError::NotFound {
                        message: format!(
                            "Drift check {} found nothing about {unknown}.",
                            request.check
                        ),
                    });
                }
            }
            let numbers: Vec<String> = findings
                .into_iter()
                .filter(|f| f.repaired_at.is_none())
                .map(|f| f.drift.number)
                .collect();
            if numbers.is_empty() {
                return Ok(Repaired { numbers: 0 });
            }
            // Each number as the assignments say now, not as they said at
            // the check.
            let holders = store::drift::holders(&mut w.tx, &numbers).await?;
            let mut jobs = Vec::with_capacity(numbers.len());
            for number in &numbers {
                let e164 = E164::parse(number).map_err(|e| ApiError::internal(e.to_string()))?;
                let holder = holders.get(number).copied().map(UserId);
                jobs.push(NewJob {
                    action: if holder.is_some() {
                        JobAction::Route
                    } else {
                        JobAction::Unroute
                    },
                    number: e164,
                    user: holder,
                });
            }
            let (now, actor) = (w.state.clock.now(), w.caller.actor());
            let mut batch = store::Batch::new();
            let of = store::provisioning::JobsOf {
                set: None,
                at: now,
                actor: &actor,
                confirmed: w.state.confirm_at_once,
            };
            store::provisioning::push_jobs(&mut batch, &of, &jobs);
            store::drift::push_repaired(&mut batch, request.check, &numbers, now, &actor);
            batch.run(&mut w.tx).await?;
            let record = AuditRecord {
                target: match numbers.len() {
                    1 => numbers[0].clone(),
                    n => format!("{n} numbers"),
                },
                after: format!("Repair sent for {}", listed(&numbers)),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::DriftRepaired, record).await?;
            Ok(Repaired {
                numbers: numbers.len() as u64,
            })
        })
        .await
    }

    /// Up to 20 numbers, and how many more.
    fn listed(numbers: &[String]) -> String {
        const SHOWN: usize = 20;
        let mut text = numbers[..numbers.len().min(SHOWN)].join(", ");
        if numbers.len() > SHOWN {
            text.push_str(&format!(" and {} more", numbers.len() - SHOWN));
        }
        text
    }
}
