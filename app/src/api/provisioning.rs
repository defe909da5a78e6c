//! Provisioning: where each saved change is on its way to the phone system,
//! and Retry now.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Job, JobAction, OpenStatus, Paged, UserId};

/// Most jobs one page of the Provisioning view lists.
pub const PROVISIONING_PAGE: i64 = 100;
/// The action pane's timeline: the user's latest jobs.
pub const USER_JOBS: i64 = 5;

/// A user's recent jobs, newest first, and the server's clock to read
/// their times against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserJobs {
    pub jobs: Vec<Job>,
    /// Seconds since the epoch, UTC, when this was read.
    pub now: i64,
}

/// Which unconfirmed jobs the Provisioning view lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProvisioningQuery {
    /// Pending or Failed; both when absent (confirmed jobs are done, not listed).
    #[serde(default)]
    pub status: Option<OpenStatus>,
    #[serde(default)]
    pub action: Option<JobAction>,
    /// The last job id of the page before: pages on, oldest first.
    #[serde(default)]
    pub after: Option<i64>,
}

/// One page of jobs not yet confirmed, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProvisioningPage {
    pub jobs: Vec<Job>,
    /// Pass as `after` for the next page; `None` on the last.
    pub next: Option<i64>,
    /// Every job not yet confirmed, and how many of them failed last time.
    pub open: i64,
    pub failed: i64,
    pub now: i64,
}

impl Paged for ProvisioningPage {
    type Row = Job;
    type Cursor = i64;
    fn rows(&self) -> &[Job] {
        &self.jobs
    }
    fn next(&self) -> Option<i64> {
        self.next
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RetryRequest {
    /// One job; when absent, every job whose last attempt failed.
    #[serde(default)]
    pub job: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Retried {
    /// How many jobs are due now.
    pub jobs: u64,
}

/// The user's latest provisioning jobs, newest first: the action pane's
/// timeline (saved, sent, confirmed or failed).
#[server(prefix = "/api", endpoint = "provisioning/user", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn user_provisioning(user_id: UserId) -> Result<UserJobs, ApiError> {
    ssr::for_user(user_id).await
}

/// Every change not yet confirmed by the phone system, oldest first.
#[server(prefix = "/api", endpoint = "provisioning/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_provisioning(query: ProvisioningQuery) -> Result<ProvisioningPage, ApiError> {
    ssr::list(query).await
}

/// Retry now: the job (or every failed job) is sent again at once instead
/// of at its next scheduled attempt. A job already confirmed is 409.
#[server(prefix = "/api", endpoint = "provisioning/retry", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn retry_provisioning(request: RetryRequest) -> Result<Retried, ApiError> {
    ssr::retry(request).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::api::write::write;
    use crate::domain::Permission;
    use crate::store;

    pub async fn for_user(user_id: UserId) -> Result<UserJobs, ApiError> {
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let mut conn = state.pool.acquire().await?;
        if store::users::get(&mut conn, user_id).await?.is_none() {
            return Err(ApiError::NotFound {
                message: format!("There is no voice user with id {}.", user_id.0),
            });
        }
        let jobs = store::provisioning::for_user(&mut conn, user_id, USER_JOBS).await?;
        Ok(UserJobs {
            jobs,
            now: state.clock.now(),
        })
    }

    pub async fn list(query: ProvisioningQuery) -> Result<ProvisioningPage, ApiError> {
        let (state, _) = authorize(Permission::ViewVoice).await?;
        let mut conn = state.pool.acquire().await?;
        let filter = store::provisioning::OpenFilter {
            failed: query.status.map(|s| s == OpenStatus::Failed),
            action: query.action,
        };
        let mut jobs = store::provisioning::open(
            &mut conn,
            &filter,
            query.after.unwrap_or(0),
            PROVISIONING_PAGE + 1,
        )
        .await?;
        let next = (jobs.len() as i64 > PROVISIONING_PAGE).then(|| {
            jobs.truncate(PROVISIONING_PAGE as usize);
            jobs.last().map(|j| j.id)
        });
        let (open, failed) = store::provisioning::open_counts(&mut conn).await?;
        Ok(ProvisioningPage {
            jobs,
            next: next.flatten(),
            open,
            failed,
            now: state.clock.now(),
        })
    }

    pub async fn retry(request: RetryRequest) -> Result<Retried, ApiError> {
        write(Permission::ManageVoice, async move |w| {
            let now = w.state.clock.now();
            if let Some(id) = request.job {
                let job = store::provisioning::get(&mut w.tx, id).await?.ok_or_else(|| {
                    ApiError::NotFound {
                        message: format!("There is no provisioning job {id}."),
                    }
                })?;
                if job.confirmed_at.is_some() {
                    return Err(ApiError::Conflict {
                        message: format!(
                            "The phone system already confirmed this change ({}): there is nothing to retry.",
                            job.describe()
                        ),
                    });
                }
            }
            let jobs = store::provisioning::retry_now(&mut w.tx, request.job, now).await?;
            tracing::info!(jobs, "provisioning retried now");
            Ok(Retried { jobs })
        })
        .await
    }
}
