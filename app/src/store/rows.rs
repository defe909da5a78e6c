//! Columns as the database holds them, turned into domain values. A row that
//! breaks a domain type is a bug in the data, reported as a decode error
//! rather than shown.

use super::Flag;
use std::fmt::Display;

use crate::domain::{
    Activation, Country, Date, EmergencyLocation, LocationId, NumberHolder, NumberKind,
    NumberSource, TelephoneNumber, UserId, E164,
};
use crate::phone_format;

/// A column whose text isn't a value of its domain type.
pub fn bad(column: &str, detail: impl Display) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: detail.to_string().into(),
    }
}

/// A stored code of a closed list, e.g. a number's kind.
pub fn code<T>(
    column: &str,
    raw: &str,
    from_code: fn(&str) -> Option<T>,
) -> Result<T, sqlx::Error> {
    from_code(raw).ok_or_else(|| bad(column, format!("unknown code '{raw}'")))
}

pub fn country(column: &str, raw: &str) -> Result<Country, sqlx::Error> {
    Country::parse(raw).map_err(|e| bad(column, e))
}

/// The select list matching [`NumberColumns`], for a number joined as `n`
/// whose holder is joined as `h` (`h.id AS h_id`, `h.display_name AS h_name`
/// follow it in the statement).
pub const NUMBER_COLUMNS: &str = "n.e164 AS n_e164, n.country AS n_country, n.city AS n_city, \
     n.kind AS n_kind, n.source AS n_source, n.activation AS n_activation, \
     n.blocked_until AS n_blocked_until";

/// A number and its holder; every column NULL when a left join found none.
#[derive(sqlx::FromRow)]
pub struct NumberColumns {
    n_e164: Option<String>,
    n_country: Option<String>,
    n_city: Option<String>,
    n_kind: Option<String>,
    n_source: Option<String>,
    n_activation: Option<String>,
    n_blocked_until: Option<String>,
    h_id: Option<i64>,
    h_name: Option<String>,
}

impl NumberColumns {
    pub fn into_number(self) -> Result<Option<TelephoneNumber>, sqlx::Error> {
        let Some(e164) = self.n_e164 else {
            return Ok(None);
        };
        let e164 = E164::parse(&e164).map_err(|e| bad("n_e164", e))?;
        let text = |column: &str, value: Option<String>| {
            value.ok_or_else(|| bad(column, "NULL beside a number"))
        };
        Ok(Some(TelephoneNumber {
            number: phone_format::describe(
                &e164,
                country("n_country", &text("n_country", self.n_country)?)?,
            ),
            city: text("n_city", self.n_city)?,
            kind: code(
                "n_kind",
                &text("n_kind", self.n_kind)?,
                NumberKind::from_code,
            )?,
            source: code(
                "n_source",
                &text("n_source", self.n_source)?,
                NumberSource::from_code,
            )?,
            activation: code(
                "n_activation",
                &text("n_activation", self.n_activation)?,
                Activation::from_code,
            )?,
            blocked_until: self
                .n_blocked_until
                .map(|d| Date::parse(&d).map_err(|e| bad("n_blocked_until", e)))
                .transpose()?,
            holder: match (self.h_id, self.h_name) {
                (Some(id), Some(display_name)) => Some(NumberHolder {
                    user_id: UserId(id),
                    display_name,
                }),
                _ => None,
            },
        }))
    }
}

/// The select list matching [`LocationColumns`], for a location joined as `l`.
pub const LOCATION_COLUMNS: &str = "l.id AS l_id, l.description AS l_description, \
     l.street AS l_street, l.city AS l_city, l.state AS l_state, \
     l.postal_code AS l_postal_code, l.country AS l_country, CAST(l.validated AS INTEGER) AS l_validated";

/// An emergency location; every column NULL when a left join found none.
#[derive(sqlx::FromRow)]
pub struct LocationColumns {
    l_id: Option<i64>,
    l_description: Option<String>,
    l_street: Option<String>,
    l_city: Option<String>,
    l_state: Option<String>,
    l_postal_code: Option<String>,
    l_country: Option<String>,
    l_validated: Option<Flag>,
}

impl LocationColumns {
    pub fn into_location(self) -> Result<Option<EmergencyLocation>, sqlx::Error> {
        let Some(id) = self.l_id else {
            return Ok(None);
        };
        let text = |column: &str, value: Option<String>| {
            value.ok_or_else(|| bad(column, "NULL beside a location"))
        };
        Ok(Some(EmergencyLocation {
            id: LocationId(id),
            description: text("l_description", self.l_description)?,
            street: text("l_street", self.l_street)?,
            city: text("l_city", self.l_city)?,
            state: self.l_state,
            postal_code: text("l_postal_code", self.l_postal_code)?,
            country: country("l_country", &text("l_country", self.l_country)?)?,
            validated: self.l_validated.is_some_and(bool::from),
        }))
    }
}
