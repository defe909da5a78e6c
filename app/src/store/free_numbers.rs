//! The free numbers a bulk assignment suggests: assignable user numbers of
//! one country and of the sources a group of users' licences allow, in
//! number order, narrowed to a city or a range.

use super::{Dialect, Sql};
use sqlx::AnyConnection;

use super::numbers::{push_assignable, push_select_found, read_found};
use crate::domain::{Country, Date, Narrowing, NumberId, NumberSource, Range, TelephoneNumber};

/// Up to `limit` free numbers of `country` from `sources`, within `narrow`.
pub async fn free(
    conn: &mut AnyConnection,
    today: &Date,
    country: Country,
    sources: &[NumberSource],
    narrow: &Narrowing,
    limit: usize,
) -> Result<Vec<(NumberId, TelephoneNumber)>, sqlx::Error> {
    let dialect = Dialect::of(conn);
    let sources = super::sets::json_array(sources.iter().map(|s| s.code()));
    let mut qb = Sql::new("");
    push_select_found(&mut qb);
    qb.push(" WHERE n.country = ")
        .push_bind(country.to_string())
        .push(" AND n.source IN (SELECT value FROM json_each(")
        .push_bind(sources)
        .push("))");
    push_assignable(&mut qb, today, dialect);
    let city = narrow.city.trim();
    if !city.is_empty() {
        qb.push(" AND lower(n.city) = lower(")
            .push_bind(city.to_owned())
            .push(")");
    }
    match narrow.range() {
        Range::Any => {}
        Range::Starts(digits) => {
            qb.push(" AND n.e164 LIKE ")
                .push_bind(format!("+{digits}%"));
        }
        // Country codes have one to three digits, so the rest starts at
        // the third to fifth character of E.164.
        Range::AfterCountryCode(digits) => {
            qb.push(format_args!(" AND {}(n.e164, ", dialect.position()))
                .push_bind(digits)
                .push(") BETWEEN 3 AND 5");
        }
    }
    qb.push(" ORDER BY n.e164 LIMIT ").push_bind(limit as i64);
    let rows = qb.build().fetch_all(&mut *conn).await?;
    Ok(rows
        .iter()
        .map(read_found)
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect())
}
