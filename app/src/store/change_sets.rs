//! Change sets and what each did to its users (`migrations/0006`).

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, FromRow, Row};

use super::{Batch, Step};
use crate::domain::{
    ChangeSet, ChangeSetId, ChangeSetPage, Date, Holding, LocationId, UserChange, UserId, E164,
};

/// The id the next set gets, read in the write transaction that inserts
/// it: under the write lock nobody else can take it meanwhile, and the
/// set's own rows and audit entries can name it in the same call.
pub fn push_next_id(batch: &mut Batch) -> Step {
    batch.push(|sql| {
        sql.push("SELECT coalesce(max(id), 0) + 1 AS next FROM change_sets");
    })
}

pub fn read_next_id(row: Option<&AnyRow>) -> Result<ChangeSetId, sqlx::Error> {
    let row = row.ok_or_else(|| sqlx::Error::Protocol("no next change set id".into()))?;
    Ok(ChangeSetId(row.try_get("next")?))
}

/// A set about to be written.
pub struct NewSet<'a> {
    pub id: ChangeSetId,
    pub at: i64,
    pub actor: &'a str,
    pub summary: String,
    pub undoes: Option<ChangeSetId>,
    pub users: &'a [UserChange],
    /// Whether its provisioning jobs are confirmed as they are written.
    pub confirmed: bool,
    /// Until when the numbers it gives back are blocked from re-use.
    pub reuse_until: Option<Date>,
}

/// The set, each of its users and the provisioning jobs it asks for, as
/// statements of `batch`.
pub fn push_insert(batch: &mut Batch, set: &NewSet<'_>) {
    let (id, at, actor, summary) = (set.id.0, set.at, set.actor.to_owned(), set.summary.clone());
    let (count, undoes) = (set.users.len() as i64, set.undoes.map(|u| u.0));
    batch.push(move |sql| {
        sql.push("INSERT INTO change_sets (id, at, actor, summary, users, undoes) VALUES (");
        let mut values = sql.separated(", ");
        values
            .push_bind(id)
            .push_bind(at)
            .push_bind(actor)
            .push_bind(summary)
            .push_bind(count)
            .push_bind(undoes);
        values.push_unseparated(")");
    });
    super::sets::push_set_users(batch, set.id, set.users);
    // The phone system's part of the set, in the same transaction.
    let jobs = crate::domain::jobs_for(set.users);
    super::provisioning::push_jobs(
        batch,
        &super::provisioning::JobsOf {
            set: Some(set.id),
            at: set.at,
            actor: set.actor,
            confirmed: set.confirmed,
        },
        &jobs,
    );
    if let Some(until) = &set.reuse_until {
        super::numbers::push_block(batch, &crate::domain::given_back(&jobs), until);
    }
}

const SET_COLUMNS: &str = "s.id, s.at, s.actor, s.summary, s.users, s.undoes, \
     (SELECT u.id FROM change_sets u WHERE u.undoes = s.id) AS undone_by";

#[derive(FromRow)]
struct SetRow {
    id: i64,
    at: i64,
    actor: String,
    summary: String,
    users: i64,
    undoes: Option<i64>,
    undone_by: Option<i64>,
}

impl From<SetRow> for ChangeSet {
    fn from(r: SetRow) -> Self {
        ChangeSet {
            id: ChangeSetId(r.id),
            at: r.at,
            actor: r.actor,
            summary: r.summary,
            users: r.users,
            undoes: r.undoes.map(ChangeSetId),
            undone_by: r.undone_by.map(ChangeSetId),
        }
    }
}

/// Up to `limit` sets older than `before` (all when `None`), newest first.
pub async fn page(
    conn: &mut AnyConnection,
    before: Option<ChangeSetId>,
    limit: usize,
) -> Result<ChangeSetPage, sqlx::Error> {
    let sql = format!(
        "SELECT {SET_COLUMNS} FROM change_sets s WHERE s.id < $1 ORDER BY s.id DESC LIMIT $2"
    );
    let rows: Vec<SetRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(before.map_or(i64::MAX, |b| b.0))
        .bind(limit as i64 + 1)
        .fetch_all(&mut *conn)
        .await?;
    let mut sets: Vec<ChangeSet> = rows.into_iter().map(ChangeSet::from).collect();
    let next = (sets.len() > limit).then(|| {
        sets.truncate(limit);
        sets.last().map(|s| s.id)
    });
    // At most this many are counted: the count stays cheap however long
    // the history grows.
    const COUNT_AT_MOST: i64 = 100_000;
    let found: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT 1 FROM change_sets LIMIT $1) AS sets")
            .bind(COUNT_AT_MOST + 1)
            .fetch_one(&mut *conn)
            .await?;
    Ok(ChangeSetPage {
        sets,
        next: next.flatten(),
        total: found.min(COUNT_AT_MOST),
        total_capped: found > COUNT_AT_MOST,
    })
}

/// [`get`] as a statement of `batch`; [`read_set`] reads its row.
pub fn push_get(batch: &mut Batch, id: ChangeSetId) -> Step {
    batch.push(|sql| {
        sql.push(format!(
            "SELECT {SET_COLUMNS} FROM change_sets s WHERE s.id = "
        ))
        .push_bind(id.0);
    })
}

pub fn read_set(row: &AnyRow) -> Result<ChangeSet, sqlx::Error> {
    Ok(SetRow::from_row(row)?.into())
}

/// What the set `id` did to each of its users, as statements of `batch`;
/// [`read_users`] reads the rows.
pub fn push_users(batch: &mut Batch, id: ChangeSetId) -> Step {
    batch.push(|sql| {
        sql.push(
            "SELECT user_id, before_number, before_location, after_number, after_location, \
             version_after \
             FROM change_set_users WHERE change_set = ",
        )
        .push_bind(id.0)
        .push(" ORDER BY user_id");
    })
}

pub fn read_users(rows: &[AnyRow]) -> Result<Vec<UserChange>, sqlx::Error> {
    rows.iter()
        .map(|row| {
            let before = holding(
                row.try_get("before_number")?,
                row.try_get("before_location")?,
            )?;
            let after = holding(row.try_get("after_number")?, row.try_get("after_location")?)?;
            Ok(UserChange {
                user: UserId(row.try_get("user_id")?),
                before,
                after,
                version_after: row.try_get("version_after")?,
            })
        })
        .collect()
}

fn holding(number: Option<String>, location: Option<i64>) -> Result<Option<Holding>, sqlx::Error> {
    let (Some(number), Some(location)) = (number, location) else {
        return Ok(None);
    };
    let number = E164::parse(&number).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Some(Holding {
        number,
        location: LocationId(location),
    }))
}
