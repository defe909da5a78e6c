//! Emergency locations.

use sqlx::{AssertSqlSafe, SqliteConnection};

use super::like_pattern;
use super::rows::{self, LOCATION_COLUMNS};
use crate::domain::{EmergencyLocation, LocationId};

pub async fn find(
    conn: &mut SqliteConnection,
    id: LocationId,
) -> Result<Option<EmergencyLocation>, sqlx::Error> {
    let sql = format!("SELECT {LOCATION_COLUMNS} FROM emergency_locations l WHERE l.id = $1");
    let row = sqlx::query(AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => rows::location(&row),
        None => Ok(None),
    }
}

/// Validated locations whose city contains `city`, up to `limit`, those in
/// `first_country` first.
pub async fn validated(
    conn: &mut SqliteConnection,
    city: &str,
    first_country: &str,
    limit: u32,
) -> Result<Vec<EmergencyLocation>, sqlx::Error> {
    let sql = format!(
        "SELECT {LOCATION_COLUMNS} FROM emergency_locations l \
         WHERE l.validated = TRUE AND lower(l.city) LIKE $1 ESCAPE '\\' \
         ORDER BY CASE WHEN l.country = $2 THEN 0 ELSE 1 END, l.country, lower(l.city), lower(l.description), l.id LIMIT {limit}"
    );
    let found = sqlx::query(AssertSqlSafe(sql))
        .bind(like_pattern(&city.trim().to_lowercase()))
        .bind(first_country)
        .fetch_all(&mut *conn)
        .await?;
    found
        .iter()
        .filter_map(|row| rows::location(row).transpose())
        .collect()
}
