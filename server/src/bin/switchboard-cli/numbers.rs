//! `numbers list`: the phone number inventory, every page.

use app::domain::{
    Choice, Country, NumberKind, NumberPage, NumberQuery, NumberSource, StateFilter,
    MAX_NUMBER_PAGE,
};
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
    /// What the number is for: user, service or toll_free.
    #[arg(long = "type")]
    kind: Option<String>,
    /// Where it comes from: calling_plan, direct_routing or operator_connect
    /// (PowerShell's -NumberType).
    #[arg(long)]
    source: Option<String>,
}

/// The value of a filter flag, by its code.
fn choice<C: Choice>(flag: &str, value: Option<&str>) -> Result<Option<C>, Failure> {
    let Some(value) = value else { return Ok(None) };
    C::from_code(&value.to_lowercase())
        .map(Some)
        .ok_or_else(|| {
            let codes: Vec<&str> = C::all().iter().map(|c| c.code()).collect();
            Failure::Usage(format!("--{flag} is {}, not '{value}'", codes.join(", ")))
        })
}

pub async fn run(api: &Api, command: NumbersCommand, format: Format) -> Result<(), Failure> {
    let NumbersCommand::List(args) = command;
    let state = choice::<StateFilter>("state", args.state.as_deref())?;
    let kind = choice::<NumberKind>("type", args.kind.as_deref())?;
    let source = choice::<NumberSource>("source", args.source.as_deref())?;
    let country = match args.country.as_deref() {
        None => None,
        Some(c) => Some(Country::parse(c).map_err(|e| Failure::Usage(format!("--country: {e}")))?),
    };
    let mut query = NumberQuery {
        search: args.search,
        state,
        kind,
        source,
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
