//! Turning joined rows into domain values. A row that breaks a domain type
//! is a bug in the data, reported as a decode error rather than shown.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use crate::domain::{
    Activation, Country, Date, EmergencyLocation, LocationId, NumberHolder, NumberKind,
    NumberSource, TelephoneNumber, UserId, E164,
};
use crate::phone_format;

fn decode_err(column: &str, detail: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: detail.to_string().into(),
    }
}

pub fn country(row: &SqliteRow, column: &str) -> Result<Country, sqlx::Error> {
    let raw: String = row.try_get(column)?;
    Country::parse(&raw).map_err(|e| decode_err(column, e))
}

/// A number from columns `n_e164`, `n_country`, `n_city`, `n_kind`, `n_source`,
/// `n_activation`, `n_blocked_until`, and the holder's `h_id`, `h_name`.
/// `None` when the left join found no number.
pub fn number(row: &SqliteRow) -> Result<Option<TelephoneNumber>, sqlx::Error> {
    let Some(e164): Option<String> = row.try_get("n_e164")? else {
        return Ok(None);
    };
    let e164 = E164::parse(&e164).map_err(|e| decode_err("n_e164", e))?;
    let kind: String = row.try_get("n_kind")?;
    let source: String = row.try_get("n_source")?;
    let activation: String = row.try_get("n_activation")?;
    let blocked_until: Option<String> = row.try_get("n_blocked_until")?;
    let holder_id: Option<i64> = row.try_get("h_id")?;
    let holder_name: Option<String> = row.try_get("h_name")?;
    Ok(Some(TelephoneNumber {
        number: phone_format::describe(&e164, country(row, "n_country")?),
        city: row.try_get("n_city")?,
        kind: NumberKind::from_code(&kind).ok_or_else(|| decode_err("n_kind", kind))?,
        source: NumberSource::from_code(&source).ok_or_else(|| decode_err("n_source", source))?,
        activation: Activation::from_code(&activation)
            .ok_or_else(|| decode_err("n_activation", activation))?,
        blocked_until: blocked_until
            .map(|d| Date::parse(&d).map_err(|e| decode_err("n_blocked_until", e)))
            .transpose()?,
        holder: match (holder_id, holder_name) {
            (Some(id), Some(display_name)) => Some(NumberHolder {
                user_id: UserId(id),
                display_name,
            }),
            _ => None,
        },
    }))
}

/// A location from columns `l_id`, `l_description`, `l_street`, `l_city`,
/// `l_state`, `l_postal_code`, `l_country`, `l_validated`; `None` when absent.
pub fn location(row: &SqliteRow) -> Result<Option<EmergencyLocation>, sqlx::Error> {
    let Some(id): Option<i64> = row.try_get("l_id")? else {
        return Ok(None);
    };
    Ok(Some(EmergencyLocation {
        id: LocationId(id),
        description: row.try_get("l_description")?,
        street: row.try_get("l_street")?,
        city: row.try_get("l_city")?,
        state: row.try_get("l_state")?,
        postal_code: row.try_get("l_postal_code")?,
        country: country(row, "l_country")?,
        validated: row.try_get("l_validated")?,
    }))
}

/// The column list matching [`number`], for a join aliased `n` with holder `h`.
pub const NUMBER_COLUMNS: &str = "n.e164 AS n_e164, n.country AS n_country, n.city AS n_city, \
     n.kind AS n_kind, n.source AS n_source, n.activation AS n_activation, \
     n.blocked_until AS n_blocked_until";

/// The column list matching [`location`], for a join aliased `l`.
pub const LOCATION_COLUMNS: &str = "l.id AS l_id, l.description AS l_description, \
     l.street AS l_street, l.city AS l_city, l.state AS l_state, \
     l.postal_code AS l_postal_code, l.country AS l_country, l.validated AS l_validated";
