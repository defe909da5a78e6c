//! Emergency locations.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, FromRow, Row};

use super::like_pattern;
use super::rows::{LocationColumns, LOCATION_COLUMNS};
use crate::domain::{CivicAddress, Country, EmergencyLocation, LocationId};

/// A location as [`find`] and [`push_find`] select it.
pub fn read(row: &AnyRow) -> Result<Option<EmergencyLocation>, sqlx::Error> {
    LocationColumns::from_row(row)?.into_location()
}

pub async fn find(
    conn: &mut AnyConnection,
    id: LocationId,
) -> Result<Option<EmergencyLocation>, sqlx::Error> {
    let sql = format!("SELECT {LOCATION_COLUMNS} FROM emergency_locations l WHERE l.id = $1");
    let row = sqlx::query(AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(read).transpose()?.flatten())
}

/// [`find`] as a statement of `batch`; [`read`] reads its row.
pub fn push_find(batch: &mut super::Batch, id: LocationId) -> super::Step {
    batch.push(|sql| {
        sql.push(format_args!(
            "SELECT {LOCATION_COLUMNS} FROM emergency_locations l WHERE l.id = "
        ))
        .push_bind(id.0);
    })
}

/// Validated locations whose city contains `city`, up to `limit`, those in
/// `first_country` first.
pub async fn validated(
    conn: &mut AnyConnection,
    city: &str,
    first_country: Option<Country>,
    limit: u32,
) -> Result<Vec<EmergencyLocation>, sqlx::Error> {
    let sql = format!(
        "SELECT {LOCATION_COLUMNS} FROM emergency_locations l \
         WHERE l.validated = TRUE AND lower(l.city) LIKE $1 ESCAPE '\\' \
         ORDER BY CASE WHEN l.country = $2 THEN 0 ELSE 1 END, l.country, lower(l.city), lower(l.description), l.id LIMIT {limit}"
    );
    let found = sqlx::query(AssertSqlSafe(sql))
        .bind(like_pattern(&city.trim().to_lowercase()))
        .bind(first_country.map(|c| c.to_string()).unwrap_or_default())
        .fetch_all(&mut *conn)
        .await?;
    found
        .iter()
        .filter_map(|row| read(row).transpose())
        .collect()
}

/// Every location whose city contains `city`, with how many users it serves.
pub async fn all_with_use(
    conn: &mut AnyConnection,
    city: &str,
    limit: u32,
) -> Result<Vec<(EmergencyLocation, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT {LOCATION_COLUMNS}, (SELECT COUNT(*) FROM number_assignments a WHERE a.location_id = l.id) AS users \
         FROM emergency_locations l WHERE lower(l.city) LIKE $1 ESCAPE '\\' \
         ORDER BY l.country, lower(l.city), lower(l.description), l.id LIMIT {limit}"
    );
    let found = sqlx::query(AssertSqlSafe(sql))
        .bind(like_pattern(&city.trim().to_lowercase()))
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(found.len());
    for row in &found {
        if let Some(location) = read(row)? {
            out.push((location, row.try_get("users")?));
        }
    }
    Ok(out)
}

/// How many users have this as their emergency location.
pub async fn users_of(conn: &mut AnyConnection, id: LocationId) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM number_assignments WHERE location_id = $1")
        .bind(id.0)
        .fetch_one(&mut *conn)
        .await
}

/// Stores a validated address; returns its id.
pub async fn add_validated(
    conn: &mut AnyConnection,
    address: &CivicAddress,
    country: Country,
) -> Result<LocationId, sqlx::Error> {
    let state = address
        .state
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_uppercase);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO emergency_locations (description, street, city, state, postal_code, country, validated) \
         VALUES ($1, $2, $3, $4, $5, $6, TRUE) RETURNING id",
    )
    .bind(address.description.trim())
    .bind(address.street.trim())
    .bind(address.city.trim())
    .bind(state)
    .bind(address.postal_code.trim().to_ascii_uppercase())
    .bind(country.as_str())
    .fetch_one(&mut *conn)
    .await?;
    Ok(LocationId(id))
}

pub async fn delete(conn: &mut AnyConnection, id: LocationId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM emergency_locations WHERE id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Renames a location; the only change a validated address allows.
pub async fn rename(
    conn: &mut AnyConnection,
    id: LocationId,
    description: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE emergency_locations SET description = $2 WHERE id = $1")
        .bind(id.0)
        .bind(description)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
