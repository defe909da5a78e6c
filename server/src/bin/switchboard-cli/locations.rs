//! `locations list`, and finding the emergency location a command names.

use app::api::emergency_locations::LocationInUse;
use app::domain::EmergencyLocation;
use clap::Subcommand;
use serde_json::json;

use crate::client::{Api, Failure};
use crate::output::{Format, Listing};

#[derive(Subcommand)]
pub enum LocationsCommand {
    /// Every emergency location, with how many users' numbers it holds.
    List {
        /// Only locations whose city contains this.
        #[arg(long, default_value = "")]
        city: String,
    },
}

pub async fn run(api: &Api, command: LocationsCommand, format: Format) -> Result<(), Failure> {
    let LocationsCommand::List { city } = command;
    let found: Vec<LocationInUse> = api
        .call("emergency-locations/list", json!({ "city": city }))
        .await?;
    Listing {
        headers: &[
            "Id",
            "Description",
            "Address",
            "Country",
            "Validated",
            "Users",
        ],
        rows: found
            .iter()
            .map(|l| {
                let at = &l.location;
                vec![
                    at.id.0.to_string(),
                    at.description.clone(),
                    format!("{}, {}", at.street, at.city),
                    at.country.to_string(),
                    if at.validated { "yes" } else { "no" }.to_owned(),
                    l.users.to_string(),
                ]
            })
            .collect(),
        json: json!(found),
    }
    .print(format);
    Ok(())
}

/// The location `named`: its id or its description, whatever the case.
pub async fn resolve_location(api: &Api, named: &str) -> Result<EmergencyLocation, Failure> {
    let named = named.trim();
    let found: Vec<LocationInUse> = api
        .call("emergency-locations/list", json!({ "city": "" }))
        .await?;
    let mut matching = found.into_iter().map(|l| l.location).filter(|l| {
        l.id.0.to_string() == named || l.description.to_lowercase() == named.to_lowercase()
    });
    match (matching.next(), matching.next()) {
        (Some(one), None) => Ok(one),
        (None, _) => Err(Failure::Refused(format!(
            "no emergency location is called '{named}'"
        ))),
        (Some(_), Some(_)) => Err(Failure::Usage(format!(
            "several emergency locations are called '{named}': name one by id (locations list)"
        ))),
    }
}
