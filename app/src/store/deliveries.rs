//! The worker's side of the provisioning outbox (`provisioning.rs`):
//! leasing the jobs due, in order per number, and recording what came of
//! each delivery.

use sqlx::AnyConnection;

use super::provisioning::jobs_where_in;
use super::sets::json_array;
use super::Batch;
use crate::domain::{Activation, Job};

/// The jobs due at `now`, oldest first, up to `$2`: of each number only
/// its first unconfirmed job, and only when no server holds it.
const DUE: &str = "SELECT j.id FROM provisioning_jobs j \
     WHERE j.confirmed_at IS NULL AND j.next_attempt_at <= $1 \
     AND (j.lease_until IS NULL OR j.lease_until <= $1) \
     AND NOT EXISTS (SELECT 1 FROM provisioning_jobs e \
                     WHERE e.e164 = j.e164 AND e.confirmed_at IS NULL AND e.id < j.id) \
     ORDER BY j.id LIMIT $2";

/// Whether any job is due at `now`: read before taking the write lock to
/// claim, so an idle worker never holds up the writers.
pub async fn any_due(conn: &mut AnyConnection, now: i64) -> Result<bool, sqlx::Error> {
    let found: Vec<i64> = sqlx::query_scalar(DUE)
        .bind(now)
        .bind(1_i64)
        .fetch_all(&mut *conn)
        .await?;
    Ok(!found.is_empty())
}

/// Leases up to `limit` jobs due at `now` to `owner` until `until`, counting
/// the attempt: the first unconfirmed job of each number only, so a
/// number's jobs reach the phone system in the order they were saved.
pub async fn claim_due(
    conn: &mut AnyConnection,
    now: i64,
    owner: &str,
    until: i64,
    limit: i64,
) -> Result<Vec<Job>, sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(DUE)
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = json_array(ids.iter().copied());
    sqlx::query(
        "UPDATE provisioning_jobs SET lease_owner = $1, lease_until = $2, sent_at = $3, \
         attempts = attempts + 1 \
         WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each($4))",
    )
    .bind(owner)
    .bind(until)
    .bind(now)
    .bind(list.clone())
    .execute(&mut *conn)
    .await?;
    jobs_where_in(conn, &list).await
}

/// What one delivery came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Confirmed,
    /// Failed with this reason; tried again at `retry_at`.
    Failed {
        reason: String,
        retry_at: i64,
    },
}

/// Records each delivery's outcome at `now`, as statements of `batch`,
/// for jobs still leased to `owner` (a job whose lease ran out and went to
/// another server is that server's to record).
pub fn push_outcomes(batch: &mut Batch, now: i64, owner: &str, outcomes: &[(i64, Outcome)]) {
    for (id, outcome) in outcomes {
        let (id, owner) = (*id, owner.to_owned());
        match outcome.clone() {
            Outcome::Confirmed => {
                push_activation(batch, id, Activation::Active);
                batch.push(move |sql| {
                    sql.push("UPDATE provisioning_jobs SET confirmed_at = ")
                        .push_bind(now)
                        .push(", lease_owner = NULL, lease_until = NULL WHERE id = ")
                        .push_bind(id)
                        .push(" AND lease_owner = ")
                        .push_bind(owner);
                })
            }
            Outcome::Failed { reason, retry_at } => {
                push_activation(batch, id, Activation::Failed);
                batch.push(move |sql| {
                    sql.push("UPDATE provisioning_jobs SET failed_at = ")
                        .push_bind(now)
                        .push(", last_error = ")
                        .push_bind(reason)
                        .push(", next_attempt_at = ")
                        .push_bind(retry_at)
                        .push(", lease_owner = NULL, lease_until = NULL WHERE id = ")
                        .push_bind(id)
                        .push(" AND lease_owner = ")
                        .push_bind(owner);
                })
            }
        };
    }
}

/// A new number's activation as job `id` (an activation) left it: the
/// number becomes assignable once the phone system confirms it.
fn push_activation(batch: &mut Batch, id: i64, activation: Activation) {
    batch.push(move |sql| {
        sql.push("UPDATE phone_numbers SET activation = ")
            .push_bind(activation.code())
            .push(
                " WHERE e164 = (SELECT e164 FROM provisioning_jobs WHERE action = 'activate' \
                 AND confirmed_at IS NULL AND id = ",
            )
            .push_bind(id)
            .push(")");
    });
}

/// Ends every lease: on SQLite, where one server has the file, the leases
/// a killed server left behind are its own, and its jobs are due again at
/// once instead of when the leases run out.
pub async fn release_leases(conn: &mut AnyConnection) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE provisioning_jobs SET lease_owner = NULL, lease_until = NULL \
         WHERE lease_owner IS NOT NULL",
    )
    .execute(&mut *conn)
    .await?
    .rows_affected())
}
