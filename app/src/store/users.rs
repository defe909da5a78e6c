//! Voice users with their licences, number and emergency location.

use std::collections::HashMap;

use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteConnection};

use super::keyset::Keyset;
use super::rows::{self, LocationColumns, NumberColumns, LOCATION_COLUMNS, NUMBER_COLUMNS};
use super::SearchTerm;
use crate::domain::{Licence, Page, UserCursor, UserId, UserQuery, UserSort, VoiceUser};

/// Users (`u`) with their assignment (`a`), number (`n`) and location (`l`).
const FROM: &str = " FROM voice_users u \
     LEFT JOIN number_assignments a ON a.user_id = u.id \
     LEFT JOIN phone_numbers n ON n.id = a.number_id \
     LEFT JOIN emergency_locations l ON l.id = a.location_id";

fn select(qb: &mut QueryBuilder<Sqlite>, keyset: Option<&Keyset<'_, UserId>>) {
    // A user's own number is held by them: the holder columns are the user's.
    qb.push(format_args!(
        "SELECT u.id AS id, u.display_name, u.username, u.usage_location, u.version, \
         a.user_id AS h_id, u.display_name AS h_name, {NUMBER_COLUMNS}, {LOCATION_COLUMNS}"
    ));
    if let Some(keyset) = keyset {
        keyset.push_sort_column(qb);
    }
    qb.push(FROM);
}

/// A user's own columns, with the number and location joined to them.
#[derive(FromRow)]
struct UserRow {
    id: i64,
    display_name: String,
    username: String,
    usage_location: String,
    version: i64,
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
        })
    }
}

/// The expression the grid sorts by. Empty cells sort last either way.
fn sort_key(sort: UserSort, descending: bool) -> &'static str {
    match (sort, descending) {
        (UserSort::DisplayName, _) => "lower(u.display_name)",
        (UserSort::Username, _) => "lower(u.username)",
        (UserSort::AssignedNumber, false) => "COALESCE(n.e164, '~')",
        (UserSort::AssignedNumber, true) => "COALESCE(n.e164, '')",
        (UserSort::EmergencyLocation, false) => "COALESCE(lower(l.description), '~')",
        (UserSort::EmergencyLocation, true) => "COALESCE(lower(l.description), '')",
    }
}

/// ` WHERE ...`: the users whose name, username or number digits match,
/// at the location asked for.
fn push_filter(qb: &mut QueryBuilder<Sqlite>, query: &UserQuery) {
    qb.push(" WHERE 1 = 1");
    SearchTerm::new(&query.search).push_condition(
        qb,
        &["lower(u.display_name)", "lower(u.username)"],
        "n.e164",
    );
    if let Some(location) = query.location {
        qb.push(" AND a.location_id = ").push_bind(location.0);
    }
}

/// One page of the grid, keyset-paged, and how many users match in all.
pub async fn page(
    conn: &mut SqliteConnection,
    query: &UserQuery,
) -> Result<(Page<VoiceUser, UserCursor>, i64), sqlx::Error> {
    let keyset = Keyset::sorted(
        sort_key(query.sort, query.descending),
        "u.id",
        query.descending,
        query.after.as_ref(),
        query.limit,
    );
    let mut qb = QueryBuilder::new("");
    select(&mut qb, Some(&keyset));
    push_filter(&mut qb, query);
    keyset.push_after(&mut qb);
    keyset.push_order(&mut qb);
    let found = qb.build().fetch_all(&mut *conn).await?;
    let page = keyset.page(found, |row| UserRow::from_row(row))?;
    let page = Page {
        rows: with_licences(conn, page.rows).await?,
        next: page.next,
    };

    let mut count = QueryBuilder::new("SELECT COUNT(*)");
    count.push(FROM);
    push_filter(&mut count, query);
    let total = count.build_query_scalar().fetch_one(&mut *conn).await?;
    Ok((page, total))
}

pub async fn get(
    conn: &mut SqliteConnection,
    id: UserId,
) -> Result<Option<VoiceUser>, sqlx::Error> {
    let mut qb = QueryBuilder::new("");
    select(&mut qb, None);
    qb.push(" WHERE u.id = ").push_bind(id.0);
    one(conn, qb).await
}

/// The voice user with this username (compared case-insensitively).
pub async fn by_username(
    conn: &mut SqliteConnection,
    username: &str,
) -> Result<Option<VoiceUser>, sqlx::Error> {
    let mut qb = QueryBuilder::new("");
    select(&mut qb, None);
    qb.push(" WHERE lower(u.username) = lower(")
        .push_bind(username.to_owned())
        .push(")");
    one(conn, qb).await
}

async fn one(
    conn: &mut SqliteConnection,
    mut qb: QueryBuilder<Sqlite>,
) -> Result<Option<VoiceUser>, sqlx::Error> {
    let Some(row) = qb.build().fetch_optional(&mut *conn).await? else {
        return Ok(None);
    };
    let row = UserRow::from_row(&row)?;
    Ok(with_licences(conn, vec![row]).await?.pop())
}

/// Moves the user to the next version if it is still at `expected`;
/// false when someone else changed the user first.
pub async fn bump_version(
    conn: &mut SqliteConnection,
    id: UserId,
    expected: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE voice_users SET version = version + 1 WHERE id = $1 AND version = $2")
            .bind(id.0)
            .bind(expected)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The users of `rows` with their licences, read in one statement.
async fn with_licences(
    conn: &mut SqliteConnection,
    rows: Vec<UserRow>,
) -> Result<Vec<VoiceUser>, sqlx::Error> {
    let mut held: HashMap<i64, Vec<Licence>> = HashMap::new();
    if !rows.is_empty() {
        let mut qb = QueryBuilder::<Sqlite>::new(
            "SELECT user_id, licence FROM user_licences WHERE user_id IN (",
        );
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
