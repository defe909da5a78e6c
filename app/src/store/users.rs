//! Voice users with their licences, number and emergency location.

use std::collections::HashMap;

use super::Sql;
use sqlx::{AnyConnection, FromRow};

use super::provisioning::USER_STATUS;
use super::rows::{self, LocationColumns, NumberColumns, LOCATION_COLUMNS, NUMBER_COLUMNS};
use super::{Batch, Step};
use crate::domain::{search_text, JobStatus, Licence, UserId, VoiceUser};

/// Users (`u`) with their assignment (`a`), number (`n`) and location (`l`).
const FROM: &str = " FROM voice_users u \
     LEFT JOIN number_assignments a ON a.user_id = u.id \
     LEFT JOIN phone_numbers n ON n.id = a.number_id \
     LEFT JOIN emergency_locations l ON l.id = a.location_id";

/// `SELECT` and the columns [`UserRow`] reads, from `u`, `a`, `n` and `l`.
pub(super) fn select_user_columns(qb: &mut Sql) {
    // A user's own number is held by them: the holder columns are the user's.
    qb.push(format_args!(
        "SELECT u.id AS id, u.display_name, u.username, u.usage_location, u.version, \
         a.user_id AS h_id, u.display_name AS h_name, {NUMBER_COLUMNS}, {LOCATION_COLUMNS}, \
         {USER_STATUS} AS provisioning"
    ));
}

/// A user's own columns, with the number and location joined to them.
#[derive(FromRow)]
pub(super) struct UserRow {
    id: i64,
    display_name: String,
    username: String,
    usage_location: String,
    version: i64,
    provisioning: Option<String>,
    #[sqlx(flatten)]
    number: NumberColumns,
    #[sqlx(flatten)]
    location: LocationColumns,
}

impl UserRow {
    fn into_user(self, mut licences: Vec<Licence>) -> Result<VoiceUser, sqlx::Error> {
        licences.sort();
        Ok(VoiceUser {
            id: UserId(self.id),
            display_name: self.display_name,
            username: self.username,
            usage_location: rows::country("usage_location", &self.usage_location)?,
            licences,
            assigned_number: self.number.into_number()?,
            emergency_location: self.location.into_location()?,
            version: self.version,
            provisioning: self
                .provisioning
                .map(|code| rows::code("provisioning", &code, JobStatus::from_code))
                .transpose()?,
        })
    }
}

pub async fn get(conn: &mut AnyConnection, id: UserId) -> Result<Option<VoiceUser>, sqlx::Error> {
    let mut qb = select_one();
    qb.push(" WHERE u.id = ").push_bind(id.0);
    one(conn, qb).await
}

/// The users of `ids` that exist, in no particular order.
pub async fn many(conn: &mut AnyConnection, ids: &[UserId]) -> Result<Vec<VoiceUser>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut qb = select_one();
    qb.push(" WHERE u.id IN (");
    let mut list = qb.separated(", ");
    for id in ids {
        list.push_bind(id.0);
    }
    list.push_unseparated(")");
    let rows = qb.build().fetch_all(&mut *conn).await?;
    rows.iter().map(read_one).collect()
}

/// The voice user with this username (compared case-insensitively).
pub async fn by_username(
    conn: &mut AnyConnection,
    username: &str,
) -> Result<Option<VoiceUser>, sqlx::Error> {
    let mut qb = select_one();
    qb.push(" WHERE lower(u.username) = lower(")
        .push_bind(username.to_owned())
        .push(")");
    one(conn, qb).await
}

/// One user's columns and, in the same statement, their licences' codes:
/// the writes read a user twice inside the write lock, where each statement
/// counts.
fn select_one() -> Sql {
    let mut qb = Sql::new("");
    push_select_one(&mut qb);
    qb
}

pub(super) fn push_select_one(qb: &mut Sql) {
    select_user_columns(qb);
    qb.push(
        ", (SELECT string_agg(held.licence, ',') FROM user_licences held \
         WHERE held.user_id = u.id) AS licence_codes",
    )
    .push(FROM);
}

async fn one(conn: &mut AnyConnection, mut qb: Sql) -> Result<Option<VoiceUser>, sqlx::Error> {
    let row = qb.build().fetch_optional(&mut *conn).await?;
    row.as_ref().map(read_one).transpose()
}

/// [`get`] as a statement of `batch`; [`read_one`] reads its row.
pub fn push_get(batch: &mut Batch, id: UserId) -> Step {
    batch.push(|sql| {
        push_select_one(sql);
        sql.push(" WHERE u.id = ").push_bind(id.0);
    })
}

/// A user as [`get`] and [`push_get`] select them.
pub fn read_one(row: &sqlx::any::AnyRow) -> Result<VoiceUser, sqlx::Error> {
    let codes: Option<String> = sqlx::Row::try_get(row, "licence_codes")?;
    // A licence the console doesn't know plays no part in its rules.
    let licences = codes
        .iter()
        .flat_map(|c| c.split(','))
        .filter_map(Licence::from_code)
        .collect();
    UserRow::from_row(row)?.into_user(licences)
}

/// Moves the user to the next version if it is still at `expected`;
/// false when someone else changed the user first.
pub async fn bump_version(
    conn: &mut AnyConnection,
    id: UserId,
    expected: i64,
) -> Result<bool, sqlx::Error> {
    let mut batch = Batch::new();
    let bumped = push_bump_version(&mut batch, id, expected);
    Ok(batch.run(conn).await?.rows(bumped) == 1)
}

/// [`bump_version`] as a statement of `batch`: its count is 1 when the
/// user was still at `expected`.
pub fn push_bump_version(batch: &mut Batch, id: UserId, expected: i64) -> Step {
    batch.push(|sql| {
        sql.push("UPDATE voice_users SET version = version + 1 WHERE id = ")
            .push_bind(id.0)
            .push(" AND version = ")
            .push_bind(expected);
    })
}

/// The users of `rows` with their licences, read in one statement.
pub(super) async fn with_licences(
    conn: &mut AnyConnection,
    rows: Vec<UserRow>,
) -> Result<Vec<VoiceUser>, sqlx::Error> {
    let mut held: HashMap<i64, Vec<Licence>> = HashMap::new();
    if !rows.is_empty() {
        let mut qb = Sql::new("SELECT user_id, licence FROM user_licences WHERE user_id IN (");
        let mut ids = qb.separated(", ");
        for row in &rows {
            ids.push_bind(row.id);
        }
        qb.push(")");
        let found: Vec<(i64, String)> = qb.build_query_as().fetch_all(&mut *conn).await?;
        // A licence the console doesn't know plays no part in its rules.
        for (user, licence) in found {
            if let Some(licence) = Licence::from_code(&licence) {
                held.entry(user).or_default().push(licence);
            }
        }
    }
    rows.into_iter()
        .map(|row| {
            let licences = held.remove(&row.id).unwrap_or_default();
            row.into_user(licences)
        })
        .collect()
}

/// Gives every user without one the text the search compares
/// ([`search_text`]): users added before the search existed, or by any
/// means that left it empty. Returns how many it filled.
pub async fn fill_search_text(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    let missing: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, display_name, username FROM voice_users WHERE search_name = ''")
            .fetch_all(&mut *conn)
            .await?;
    for (id, display_name, username) in &missing {
        sqlx::query("UPDATE voice_users SET search_name = $1 WHERE id = $2")
            .bind(search_text(display_name, username))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(missing.len())
}
