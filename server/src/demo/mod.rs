//! A deterministic demo organisation, Contoso, for first runs, screenshots
//! and the end-to-end tests, which rely on its named users and numbers; and
//! Contoso at 100,000 users, for trying the console at scale.

mod inventory;
mod large;
mod people;
mod plan;
mod rng;
#[cfg(test)]
mod tests;
mod usernames;
mod write;

use std::fmt;
use std::str::FromStr;

use anyhow::{Context, Result};
use app::domain::Date;
use sqlx::AnyConnection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoOrg {
    Contoso,
    /// The same people and offices with an empty number inventory: the state
    /// of an organisation that has yet to buy or port its numbers.
    ContosoWithoutNumbers,
    /// Without numbers, and without any Enterprise E5, Phone System or Audio
    /// Conferencing licence: an organisation whose console has no Voice area.
    ContosoWithoutVoice,
    /// 100,000 users in ten countries and 150,000 numbers: a large
    /// enterprise. Seeding it takes seconds, so no test seeds it unasked.
    Contoso100k,
}

impl DemoOrg {
    pub const ALL: [DemoOrg; 4] = [
        DemoOrg::Contoso,
        DemoOrg::ContosoWithoutNumbers,
        DemoOrg::ContosoWithoutVoice,
        DemoOrg::Contoso100k,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DemoOrg::Contoso => "contoso",
            DemoOrg::ContosoWithoutNumbers => "contoso-without-numbers",
            DemoOrg::ContosoWithoutVoice => "contoso-without-voice",
            DemoOrg::Contoso100k => "contoso-100k",
        }
    }
}

impl fmt::Display for DemoOrg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDemoOrg(pub String);

impl fmt::Display for UnknownDemoOrg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let choices: Vec<&str> = DemoOrg::ALL.iter().map(|o| o.name()).collect();
        write!(
            f,
            "unknown demo organisation '{}'; choose one of: {}",
            self.0,
            choices.join(", ")
        )
    }
}

impl std::error::Error for UnknownDemoOrg {}

impl FromStr for DemoOrg {
    type Err = UnknownDemoOrg;
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        DemoOrg::ALL
            .into_iter()
            .find(|o| o.name() == raw.trim().to_ascii_lowercase())
            .ok_or_else(|| UnknownDemoOrg(raw.to_owned()))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeedReport {
    pub users: usize,
    pub numbers: usize,
    pub locations: usize,
    pub assigned: usize,
}

/// Inserts the demo organisation. The caller owns the transaction and has checked the database is empty.
pub async fn seed(conn: &mut AnyConnection, org: DemoOrg, today: &Date) -> Result<SeedReport> {
    let org_data = plan::build(org, today).context("planning the demo organisation")?;
    write::insert(conn, &org_data)
        .await
        .context("inserting the demo organisation")?;
    Ok(SeedReport {
        users: org_data.users.len(),
        numbers: org_data.numbers.len(),
        locations: org_data.locations.len(),
        assigned: org_data.assignments.len(),
    })
}
