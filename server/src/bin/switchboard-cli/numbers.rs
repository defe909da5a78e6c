//! `numbers list`: the phone number inventory, every page.

use app::domain::{Country, NumberPage, NumberQuery, StateFilter, MAX_NUMBER_PAGE};
use clap::{Args, Subcommand};
use serde_json::json;

use crate::client::{Api, Failure};
use crate::output::{Format, Listing};

#[derive(Subcommand)]
pub enum NumbersCommand {
    /// Every number matching the filters, all pages.
    List(ListNumbers),
}

#[derive(Args)]
pub struct ListNumbers {
    /// Part of a number, city or holder's name.
    #[arg(long, default_value = "")]
    search: String,
    /// unassigned, assigned, pending or blocked.
    #[arg(long)]
    state: Option<String>,
    /// ISO country code, e.g. US or GB.
    #[arg(long)]
    country: Option<String>,
}

pub async fn run(api: &Api, command: NumbersCommand, format: Format) -> Result<(), Failure> {
    let NumbersCommand::List(args) = command;
    let state = match args.state.as_deref() {
        None => None,
        Some(s) => Some(StateFilter::from_code(&s.to_lowercase()).ok_or_else(|| {
            Failure::Usage(format!(
                "--state is unassigned, assigned, pending or blocked, not '{s}'"
            ))
        })?),
    };
    let country = match args.country.as_deref() {
        None => None,
        Some(c) => Some(Country::parse(c).map_err(|e| Failure::Usage(format!("--country: {e}")))?),
    };
    let mut query = NumberQuery {
        search: args.search,
        state,
        country,
        limit: MAX_NUMBER_PAGE,
        ..NumberQuery::default()
    };
    let mut numbers = Vec::new();
    let today = loop {
        let page: NumberPage = api
            .call("phone-numbers/list", json!({ "query": query }))
            .await?;
        numbers.extend(page.numbers);
        match page.next {
            Some(next) => query.after = Some(next),
            None => break page.today,
        }
    };
    Listing {
        headers: &[
            "Number",
            "Country",
            "City",
            "Type",
            "Source",
            "State",
            "Assigned to",
        ],
        rows: numbers
            .iter()
            .map(|n| {
                vec![
                    n.number.international.clone(),
                    n.number.country.to_string(),
                    n.city.clone(),
                    n.kind.label().to_owned(),
                    n.source.label().to_owned(),
                    n.state(&today).label(),
                    n.holder
                        .as_ref()
                        .map(|h| h.display_name.clone())
                        .unwrap_or_default(),
                ]
            })
            .collect(),
        json: json!(numbers),
    }
    .print(format);
    Ok(())
}
