//! The provisioning outbox (`migrations/0017`): jobs written in the
//! transaction of the change that asks for them, taken by the server's
//! worker in order per number, and kept once confirmed as the change's
//! timeline.

use sqlx::{AnyConnection, FromRow};

use super::sets::json_array;
use super::{Batch, Sql, Step};
use crate::domain::{ChangeSetId, Job, JobAction, NewJob, UserId, E164};

/// Who asked for a change's jobs, and when.
pub struct JobsOf<'a> {
    pub set: Option<ChangeSetId>,
    pub at: i64,
    pub actor: &'a str,
    /// Confirmed as written: there is no phone system to wait for.
    pub confirmed: bool,
}

/// `jobs` as one statement of `batch`, in their order (ids follow it, and
/// the worker delivers a number's jobs by id). A route's address is its
/// user's username as a SIP URI, read in the same statement: what
/// `domain::sip_address` makes of it.
pub fn push_jobs(batch: &mut Batch, of: &JobsOf<'_>, jobs: &[NewJob]) -> Option<Step> {
    if jobs.is_empty() {
        return None;
    }
    let rows = json_array(jobs.iter().enumerate().map(|(i, j)| {
        serde_json::json!([i, j.number.as_str(), j.action.code(), j.user.map(|u| u.0)])
    }));
    let (set, at, actor) = (of.set.map(|s| s.0), of.at, of.actor.to_owned());
    let confirmed_at = of.confirmed.then_some(at);
    Some(batch.push(move |sql| {
        sql.push(
            "INSERT INTO provisioning_jobs (e164, action, user_id, address, change_set, actor, \
             created_at, next_attempt_at, confirmed_at) \
             SELECT json_extract(value, '$[1]'), json_extract(value, '$[2]'), \
             CAST(json_extract(value, '$[3]') AS BIGINT), \
             CASE WHEN json_extract(value, '$[2]') = 'route' THEN \
             (SELECT 'sip:' || u.username FROM voice_users u \
              WHERE u.id = CAST(json_extract(value, '$[3]') AS BIGINT)) END, ",
        );
        let mut values = sql.separated(", ");
        values
            .push_bind(set)
            .push_bind(actor)
            .push_bind(at)
            .push_bind(at)
            .push_bind(confirmed_at);
        // The address is looked up per job, by the user's key: a join with
        // the users would have PostgreSQL scan them all (it can't tell how
        // few rows json_each gives).
        sql.push(" FROM json_each(")
            .push_bind(rows)
            .push(") ORDER BY CAST(json_extract(value, '$[0]') AS BIGINT)");
    }))
}

/// A user's provisioning status for the user `u` and their assignment `a`:
/// `domain::provisioning_status` in SQL, one index probe per user.
pub(super) const USER_STATUS: &str = "COALESCE(\
     (SELECT CASE WHEN j.confirmed_at IS NULL THEN \
             CASE WHEN j.last_error IS NULL THEN 'pending' ELSE 'failed' END \
             WHEN j.action = 'unroute' THEN NULL ELSE 'active' END \
      FROM provisioning_jobs j WHERE j.user_id = u.id ORDER BY j.id DESC LIMIT 1), \
     CASE WHEN a.user_id IS NOT NULL THEN 'active' END)";

const JOB_COLUMNS: &str = "j.id, j.e164, j.action, j.user_id, u.display_name AS user_name, \
     j.address, j.change_set, j.actor, j.created_at, j.attempts, j.sent_at, j.confirmed_at, \
     j.failed_at, j.last_error, j.next_attempt_at";
const JOB_FROM: &str = " FROM provisioning_jobs j LEFT JOIN voice_users u ON u.id = j.user_id";

#[derive(FromRow)]
struct JobRow {
    id: i64,
    e164: String,
    action: String,
    user_id: Option<i64>,
    user_name: Option<String>,
    address: Option<String>,
    change_set: Option<i64>,
    actor: String,
    created_at: i64,
    attempts: i64,
    sent_at: Option<i64>,
    confirmed_at: Option<i64>,
    failed_at: Option<i64>,
    last_error: Option<String>,
    next_attempt_at: i64,
}

impl TryFrom<JobRow> for Job {
    type Error = sqlx::Error;

    fn try_from(r: JobRow) -> Result<Self, Self::Error> {
        let bad = |column: &str, e: String| sqlx::Error::ColumnDecode {
            index: column.to_owned(),
            source: e.into(),
        };
        Ok(Job {
            id: r.id,
            action: JobAction::from_code(&r.action)
                .ok_or_else(|| bad("action", format!("unknown action {:?}", r.action)))?,
            number: E164::parse(&r.e164).map_err(|e| bad("e164", e.to_string()))?,
            user: r.user_id.map(UserId),
            user_name: r.user_name,
            address: r.address,
            change_set: r.change_set.map(ChangeSetId),
            actor: r.actor,
            created_at: r.created_at,
            attempts: u32::try_from(r.attempts).unwrap_or(u32::MAX),
            sent_at: r.sent_at,
            confirmed_at: r.confirmed_at,
            failed_at: r.failed_at,
            last_error: r.last_error,
            next_attempt_at: r.next_attempt_at,
        })
    }
}

async fn jobs_where(
    conn: &mut AnyConnection,
    condition: &str,
    binds: &[i64],
) -> Result<Vec<Job>, sqlx::Error> {
    let sql = format!("SELECT {JOB_COLUMNS}{JOB_FROM} WHERE {condition}");
    let mut query = sqlx::query_as::<_, JobRow>(sqlx::AssertSqlSafe(sql));
    for b in binds {
        query = query.bind(*b);
    }
    query
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(Job::try_from)
        .collect()
}

/// The user's jobs, newest first: the pane's timeline of recent changes.
pub async fn for_user(
    conn: &mut AnyConnection,
    user: UserId,
    limit: i64,
) -> Result<Vec<Job>, sqlx::Error> {
    jobs_where(
        conn,
        "j.user_id = $1 ORDER BY j.id DESC LIMIT $2",
        &[user.0, limit],
    )
    .await
}

pub async fn get(conn: &mut AnyConnection, id: i64) -> Result<Option<Job>, sqlx::Error> {
    Ok(jobs_where(conn, "j.id = $1", &[id]).await?.pop())
}

/// Which unconfirmed jobs [`open`] lists.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenFilter {
    /// Only those whose last attempt failed (`Some(true)`), or only those
    /// that have not failed (`Some(false)`).
    pub failed: Option<bool>,
    pub action: Option<JobAction>,
}

/// Jobs not yet confirmed, oldest first, after `after` (a job id): the
/// Provisioning view's pages.
pub async fn open(
    conn: &mut AnyConnection,
    filter: &OpenFilter,
    after: i64,
    limit: i64,
) -> Result<Vec<Job>, sqlx::Error> {
    let mut sql = Sql::new(format!(
        "SELECT {JOB_COLUMNS}{JOB_FROM} WHERE j.confirmed_at IS NULL AND j.id > "
    ));
    sql.push_bind(after);
    match filter.failed {
        Some(true) => sql.push(" AND j.last_error IS NOT NULL"),
        Some(false) => sql.push(" AND j.last_error IS NULL"),
        None => &mut sql,
    };
    if let Some(action) = filter.action {
        sql.push(" AND j.action = ").push_bind(action.code());
    }
    sql.push(" ORDER BY j.id LIMIT ").push_bind(limit);
    sql.build_query_as::<JobRow>()
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(Job::try_from)
        .collect()
}

/// How many jobs are not yet confirmed, and how many of them failed last time.
pub async fn open_counts(conn: &mut AnyConnection) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN last_error IS NULL THEN 0 ELSE 1 END), 0) \
         FROM provisioning_jobs WHERE confirmed_at IS NULL",
    )
    .fetch_one(&mut *conn)
    .await
}

/// Makes the unconfirmed job `id` (or, when `None`, every unconfirmed job
/// that failed) due at `now`: Retry now. The number of jobs made due.
pub async fn retry_now(
    conn: &mut AnyConnection,
    id: Option<i64>,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let done = match id {
        Some(id) => {
            sqlx::query(
                "UPDATE provisioning_jobs SET next_attempt_at = $1 \
                 WHERE id = $2 AND confirmed_at IS NULL",
            )
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await?
        }
        None => {
            sqlx::query(
                "UPDATE provisioning_jobs SET next_attempt_at = $1 \
                 WHERE confirmed_at IS NULL AND last_error IS NOT NULL",
            )
            .bind(now)
            .execute(&mut *conn)
            .await?
        }
    };
    Ok(done.rows_affected())
}

pub(super) async fn jobs_where_in(
    conn: &mut AnyConnection,
    list: &str,
) -> Result<Vec<Job>, sqlx::Error> {
    let sql = format!(
        "SELECT {JOB_COLUMNS}{JOB_FROM} \
         WHERE j.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1)) ORDER BY j.id"
    );
    sqlx::query_as::<_, JobRow>(sqlx::AssertSqlSafe(sql))
        .bind(list.to_owned())
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(Job::try_from)
        .collect()
}
