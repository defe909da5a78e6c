//! A deterministic demo organisation, Contoso, for first runs, screenshots
//! and the end-to-end tests, which rely on its named users and numbers.

mod inventory;
mod people;
mod plan;
mod rng;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use anyhow::{Context, Result};
use app::domain::{Date, Licence};
use sqlx::SqliteConnection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoOrg {
    Contoso,
    /// The same people and offices with an empty number inventory: the state
    /// of an organisation that has yet to buy or port its numbers.
    ContosoWithoutNumbers,
    /// Without numbers, and without any Enterprise E5, Phone System or Audio
    /// Conferencing licence: an organisation whose console has no Voice area.
    ContosoWithoutVoice,
}

impl DemoOrg {
    pub const ALL: [DemoOrg; 3] = [
        DemoOrg::Contoso,
        DemoOrg::ContosoWithoutNumbers,
        DemoOrg::ContosoWithoutVoice,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DemoOrg::Contoso => "contoso",
            DemoOrg::ContosoWithoutNumbers => "contoso-without-numbers",
            DemoOrg::ContosoWithoutVoice => "contoso-without-voice",
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
pub async fn seed(conn: &mut SqliteConnection, org: DemoOrg, today: &Date) -> Result<SeedReport> {
    let org_data = plan::build(org, today).context("planning the demo organisation")?;

    // Without Voice, the organisation holds none of the licences that open it.
    let kept = |licence: Licence| org != DemoOrg::ContosoWithoutVoice || !licence.opens_voice();
    for (code, purchased) in inventory::LICENCES {
        let purchased = match Licence::from_code(code) {
            Some(l) if !kept(l) => 0,
            _ => purchased,
        };
        sqlx::query("INSERT INTO licences (code, purchased) VALUES ($1, $2)")
            .bind(code)
            .bind(purchased)
            .execute(&mut *conn)
            .await
            .with_context(|| format!("inserting licence {code}"))?;
    }
    for (id, l) in (1_i64..).zip(&inventory::LOCATIONS) {
        sqlx::query(
            "INSERT INTO emergency_locations \
             (id, description, street, city, state, postal_code, country, validated) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(l.description)
        .bind(l.street)
        .bind(l.city)
        .bind(l.state)
        .bind(l.postal_code)
        .bind(l.country)
        .bind(l.validated)
        .execute(&mut *conn)
        .await
        .with_context(|| format!("inserting location {}", l.description))?;
    }
    for (id, u) in (1_i64..).zip(&org_data.users) {
        sqlx::query(
            "INSERT INTO voice_users (id, display_name, username, usage_location) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(&u.display_name)
        .bind(&u.username)
        .bind(u.country)
        .execute(&mut *conn)
        .await
        .with_context(|| format!("inserting user {}", u.username))?;
        for licence in u.licences.iter().filter(|l| kept(**l)) {
            sqlx::query("INSERT INTO user_licences (user_id, licence) VALUES ($1, $2)")
                .bind(id)
                .bind(Licence::code(*licence))
                .execute(&mut *conn)
                .await
                .with_context(|| format!("licensing user {}", u.username))?;
        }
    }
    for (id, n) in (1_i64..).zip(&org_data.numbers) {
        sqlx::query(
            "INSERT INTO phone_numbers \
             (id, e164, country, city, kind, source, activation, blocked_until) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(&n.e164)
        .bind(n.country)
        .bind(n.city)
        .bind(n.kind.code())
        .bind(n.source.code())
        .bind(n.activation.code())
        .bind(n.blocked_until.as_ref().map(Date::as_str))
        .execute(&mut *conn)
        .await
        .with_context(|| format!("inserting number {}", n.e164))?;
    }
    for a in &org_data.assignments {
        // Rows were inserted with ids = position + 1.
        sqlx::query(
            "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(a.user as i64 + 1)
        .bind(a.number as i64 + 1)
        .bind(a.location_id)
        .bind(&a.assigned_at)
        .execute(&mut *conn)
        .await
        .with_context(|| format!("assigning {}", org_data.numbers[a.number].e164))?;
    }

    Ok(SeedReport {
        users: org_data.users.len(),
        numbers: org_data.numbers.len(),
        locations: inventory::LOCATIONS.len(),
        assigned: org_data.assignments.len(),
    })
}
