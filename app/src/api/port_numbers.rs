//! Voice > Phone numbers > Add > Port or upload numbers: direct-routing
//! numbers the organisation already owns, as a range or a pasted list.
//! Checking writes nothing; adding re-checks and adds what passes.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::PhoneNumber;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum PortSource {
    /// `count` consecutive numbers from `first`.
    Range { first: String, count: u32 },
    /// One number per line, as pasted.
    List { text: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PortRequest {
    pub source: PortSource,
    /// Where the numbers ring, for the inventory's City column.
    pub city: String,
}

/// A line that can't be added, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PortProblem {
    /// 1-based line of the list, or position in the range.
    pub line: u32,
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PortReport {
    /// The numbers that can be (or, after adding, were) added.
    pub accepted: Vec<PhoneNumber>,
    pub problems: Vec<PortProblem>,
}

/// The most numbers one upload may hold.
pub const MAX_PORT: usize = 1000;

/// Checks every line and reports what could be added; adds nothing.
#[server(prefix = "/api", endpoint = "phone-numbers/port/check", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn check_ported_numbers(request: PortRequest) -> Result<PortReport, ApiError> {
    ssr::check(request).await
}

/// Adds the lines that pass the check, in one transaction; reports the rest.
#[server(prefix = "/api", endpoint = "phone-numbers/port/add", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn add_ported_numbers(request: PortRequest) -> Result<PortReport, ApiError> {
    ssr::add(request).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::HashMap;

    use sqlx::AnyConnection;

    use super::*;
    use crate::api::access::{authorize, bounded};
    use crate::api::write::write;
    use crate::domain::{AuditAction, AuditRecord, NumberSource, Permission};
    use crate::{phone_format, store};

    /// Checking only reads, so it doesn't take the write lock.
    pub async fn check(request: PortRequest) -> Result<PortReport, ApiError> {
        let (state, _) = authorize(Permission::ManageVoice).await?;
        let (_, lines) = read(&request)?;
        let mut conn = state.pool.acquire().await?;
        judge(&mut conn, lines).await
    }

    /// Adding holds the write lock from the first look-up to the commit, so
    /// no number slips in between.
    #[tracing::instrument(skip_all, fields(city = %request.city))]
    pub async fn add(request: PortRequest) -> Result<PortReport, ApiError> {
        write(Permission::ManageVoice, async |w| {
            let (city, lines) = read(&request)?;
            let report = judge(&mut w.tx, lines).await?;
            for number in &report.accepted {
                let activation = w.new_number_activation();
                store::numbers::add(
                    &mut w.tx,
                    number,
                    &city,
                    NumberSource::DirectRouting,
                    activation,
                )
                .await?;
                let record = AuditRecord {
                    target: number.international.clone(),
                    number: Some(number.e164.to_string()),
                    after: format!("{city}, {}", NumberSource::DirectRouting.label()),
                    ..AuditRecord::default()
                };
                w.audit(AuditAction::NumbersPorted, record).await?;
            }
            let added: Vec<_> = report.accepted.iter().map(|n| n.e164.clone()).collect();
            w.activate(&added).await?;
            tracing::info!(count = report.accepted.len(), "ported numbers added");
            Ok(report)
        })
        .await
    }

    /// The city the numbers ring in, and the lines to check.
    fn read(request: &PortRequest) -> Result<(String, Vec<(u32, String)>), ApiError> {
        let city = bounded("city", request.city.trim(), 100)?.to_owned();
        if city.is_empty() {
            return Err(ApiError::bad_request("Enter the city the numbers ring in."));
        }
        Ok((city, expand(&request.source)?))
    }

    /// Every line either accepted as a number the inventory doesn't hold, or
    /// reported with why not.
    async fn judge(
        conn: &mut AnyConnection,
        lines: Vec<(u32, String)>,
    ) -> Result<PortReport, ApiError> {
        let mut report = PortReport {
            accepted: Vec::new(),
            problems: Vec::new(),
        };
        let mut first_seen: HashMap<String, u32> = HashMap::new();
        for (line, text) in lines {
            let problem = |reason: String| PortProblem {
                line,
                text: text.chars().take(40).collect(),
                reason,
            };
            let number = match phone_format::parse_input(&text) {
                Ok(n) => n,
                Err(e) => {
                    report.problems.push(problem(e.to_string()));
                    continue;
                }
            };
            if let Some(earlier) = first_seen.get(number.e164.as_str()) {
                report.problems.push(problem(format!(
                    "Listed twice: the same number as line {earlier}."
                )));
                continue;
            }
            first_seen.insert(number.e164.to_string(), line);
            if store::numbers::find(conn, &number.e164).await?.is_some() {
                report.problems.push(problem(format!(
                    "{} is already in your phone numbers.",
                    number.e164
                )));
                continue;
            }
            report.accepted.push(number);
        }
        Ok(report)
    }

    /// The lines to check, numbered from 1; blank lines of a list are skipped.
    fn expand(source: &PortSource) -> Result<Vec<(u32, String)>, ApiError> {
        match source {
            PortSource::List { text } => {
                let lines: Vec<(u32, String)> = text
                    .lines()
                    .enumerate()
                    .map(|(i, l)| (i as u32 + 1, l.trim().to_owned()))
                    .filter(|(_, l)| !l.is_empty())
                    .collect();
                if lines.is_empty() || lines.len() > MAX_PORT {
                    return Err(ApiError::bad_request(format!(
                        "Paste between 1 and {MAX_PORT} numbers, one per line."
                    )));
                }
                Ok(lines)
            }
            PortSource::Range { first, count } => {
                if *count == 0 || *count as usize > MAX_PORT {
                    return Err(ApiError::bad_request(format!(
                        "A range holds between 1 and {MAX_PORT} numbers."
                    )));
                }
                let start = phone_format::parse_input(first)
                    .map_err(|e| ApiError::bad_request(e.to_string()))?;
                let digits: u64 = start.e164.digits().parse().map_err(|_| {
                    ApiError::bad_request("The first number of the range is too long.")
                })?;
                Ok((0..*count)
                    .map(|i| (i + 1, format!("+{}", digits + u64::from(i))))
                    .collect())
            }
        }
    }
}
