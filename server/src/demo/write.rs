//! Writes a planned organisation in multi-row INSERTs, as many rows per
//! statement as SQLite's bind limit allows: for contoso-100k, one statement
//! per row would spend most of its time in round trips to SQLite's worker
//! thread. Measured on the 2-core dev machine, release build: 3.6 s to insert
//! with 100 rows a statement, 2.8 s with 500, 2.0 s at the limit.

use anyhow::{Context, Result};
use app::domain::{search_city, search_text, Date};
use app::store::{Dialect, Separated, Sql};
use sqlx::AnyConnection;

use super::plan::Org;

/// Bound values per statement. SQLite finds a `$N` placeholder by its name,
/// reading the statement's list of names from the start, for each one
/// when it prepares and again when it binds: a statement's cost grows with
/// the square of its values (32,766, SQLite's limit, took seven times as
/// long overall as this). A few hundred keep that small beside a call's own.
const MAX_BINDS: usize = 500;

/// Inserts every row of `org`. Ids are positions from 1 in each list.
pub async fn insert(conn: &mut AnyConnection, org: &Org) -> Result<()> {
    let licences = "INSERT INTO licences (code, purchased) ";
    insert_rows(conn, licences, 2, &org.licences, |mut row, _, l| {
        row.push_bind(l.0).push_bind(l.1);
    })
    .await?;

    let locations = "INSERT INTO emergency_locations \
        (id, description, street, city, state, postal_code, country, validated) ";
    insert_rows(conn, locations, 8, &org.locations, |mut row, id, l| {
        row.push_bind(id)
            .push_bind(l.description)
            .push_bind(l.street)
            .push_bind(l.city)
            .push_bind(l.state)
            .push_bind(l.postal_code)
            .push_bind(l.country)
            .push_bind(l.validated);
    })
    .await?;

    // The search's lower-case copies are written here, not filled in later.
    let users =
        "INSERT INTO voice_users (id, display_name, username, usage_location, search_name) ";
    insert_rows(conn, users, 5, &org.users, |mut row, id, u| {
        row.push_bind(id)
            .push_bind(u.display_name.as_str())
            .push_bind(u.username.as_str())
            .push_bind(u.country)
            .push_bind(search_text(&u.display_name, &u.username));
    })
    .await?;

    let held: Vec<(i64, &'static str)> = (1_i64..)
        .zip(&org.users)
        .flat_map(|(id, u)| u.licences.iter().map(move |l| (id, l.code())))
        .collect();
    let user_licences = "INSERT INTO user_licences (user_id, licence) ";
    insert_rows(conn, user_licences, 2, &held, |mut row, _, h| {
        row.push_bind(h.0).push_bind(h.1);
    })
    .await?;

    let numbers = "INSERT INTO phone_numbers \
        (id, e164, country, city, kind, source, activation, blocked_until, search_city) ";
    insert_rows(conn, numbers, 9, &org.numbers, |mut row, id, n| {
        row.push_bind(id)
            .push_bind(n.e164.as_str())
            .push_bind(n.country)
            .push_bind(n.city)
            .push_bind(n.kind.code())
            .push_bind(n.source.code())
            .push_bind(n.activation.code())
            .push_bind(n.blocked_until.as_ref().map(Date::as_str))
            .push_bind(search_city(n.city));
    })
    .await?;

    let assignments = "INSERT INTO number_assignments \
        (user_id, number_id, location_id, assigned_at) ";
    insert_rows(conn, assignments, 4, &org.assignments, |mut row, _, a| {
        // Users and numbers were inserted with ids = position + 1.
        row.push_bind(a.user as i64 + 1)
            .push_bind(a.number as i64 + 1)
            .push_bind(a.location_id)
            .push_bind(a.assigned_at.as_str());
    })
    .await?;
    follow_given_ids(conn).await
}

/// The tables given ids above: on PostgreSQL, their id sequences move past
/// the ids given, so the next row added without one gets a free id (SQLite
/// takes the largest id + 1 by itself).
async fn follow_given_ids(conn: &mut AnyConnection) -> Result<()> {
    if Dialect::of(conn) != Dialect::Postgres {
        return Ok(());
    }
    for table in ["emergency_locations", "voice_users", "phone_numbers"] {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false) \
             FROM {table}"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *conn)
            .await
            .with_context(|| format!("moving the ids of {table} on"))?;
    }
    Ok(())
}

/// `insert_into` names the table and its `columns` columns; `push` binds one
/// row's values, given the row and its position from 1.
async fn insert_rows<T>(
    conn: &mut AnyConnection,
    insert_into: &str,
    columns: usize,
    rows: &[T],
    mut push: impl FnMut(Separated<'_>, i64, &T),
) -> Result<()> {
    let per_statement = MAX_BINDS / columns;
    for (chunk, batch) in rows.chunks(per_statement).enumerate() {
        let first_id = (chunk * per_statement) as i64 + 1;
        let mut query = Sql::new(insert_into);
        query.push_values((first_id..).zip(batch), |row, (id, item)| {
            push(row, id, item)
        });
        // Not cached: reusing the prepared batch saved nothing measurable, and
        // a statement of thousands of rows would stay in the pooled
        // connection's cache for good.
        query
            .build()
            .persistent(false)
            .execute(&mut *conn)
            .await
            .with_context(|| format!("{insert_into}: rows from {first_id}"))?;
    }
    Ok(())
}
