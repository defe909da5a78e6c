//! `locations list|add|rename|delete`, and finding the emergency location a
//! command names.

use app::api::emergency_locations::LocationInUse;
use app::domain::{CivicAddress, EmergencyLocation};
use clap::{Args, Subcommand};
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
    /// Validates a civic address and adds it as an emergency location.
    Add(NewLocation),
    /// Changes a location's description.
    Rename {
        /// The location: its id or description.
        location: String,
        /// The new description.
        description: String,
    },
    /// Deletes a location no user's number depends on.
    Delete {
        /// The location: its id or description.
        location: String,
    },
}

#[derive(Args)]
pub struct NewLocation {
    /// What admins pick it by, e.g. "Redmond HQ, Building 4".
    #[arg(long)]
    description: String,
    #[arg(long)]
    street: String,
    #[arg(long)]
    city: String,
    /// State or province, where the country has them.
    #[arg(long)]
    state: Option<String>,
    #[arg(long)]
    postal_code: String,
    /// ISO country code, e.g. US or GB.
    #[arg(long)]
    country: String,
}

pub async fn run(api: &Api, command: LocationsCommand, format: Format) -> Result<(), Failure> {
    let city = match command {
        LocationsCommand::List { city } => city,
        LocationsCommand::Add(new) => {
            let address = CivicAddress {
                description: new.description,
                street: new.street,
                city: new.city,
                state: new.state,
                postal_code: new.postal_code,
                country: new.country,
            };
            let added: EmergencyLocation = api
                .call("emergency-locations/add", json!({ "address": address }))
                .await?;
            return show(&added, format);
        }
        LocationsCommand::Rename {
            location,
            description,
        } => {
            let id = resolve_location(api, &location).await?.id;
            let renamed: EmergencyLocation = api
                .call(
                    "emergency-locations/rename",
                    json!({ "id": id, "description": description }),
                )
                .await?;
            return show(&renamed, format);
        }
        LocationsCommand::Delete { location } => {
            let found = resolve_location(api, &location).await?;
            let () = api
                .call("emergency-locations/delete", json!({ "id": found.id }))
                .await?;
            eprintln!("Deleted {} ({}).", found.description, found.id.0);
            return Ok(());
        }
    };
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

/// One location, as `list` shows it.
fn show(location: &EmergencyLocation, format: Format) -> Result<(), Failure> {
    Listing {
        headers: &["Id", "Description", "Address", "Country", "Validated"],
        rows: vec![vec![
            location.id.0.to_string(),
            location.description.clone(),
            format!("{}, {}", location.street, location.city),
            location.country.to_string(),
            if location.validated { "yes" } else { "no" }.to_owned(),
        ]],
        json: json!(location),
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
