//! Emergency locations for the rows of a bulk dialog: one per country for
//! every user of that country (a number and its location must be in the
//! same country), which any row may replace with a location of its own.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::loaded;
use crate::api::emergency_locations::list_validated_locations;
use crate::api::ApiError;
use crate::domain::{Country, EmergencyLocation, LocationId};

/// The location chosen for each country of the rows.
pub type Chosen = RwSignal<BTreeMap<Country, LocationId>>;

/// The validated locations of one country, read once for the dialog.
pub type Locations = LocalResource<Result<Vec<EmergencyLocation>, ApiError>>;

/// The validated locations of each of `countries`.
pub fn locations_of(countries: &[Country]) -> BTreeMap<Country, Locations> {
    countries
        .iter()
        .map(|&country| {
            let list = LocalResource::new(move || async move {
                let all = list_validated_locations(String::new(), Some(country)).await?;
                Ok(all.into_iter().filter(|l| l.country == country).collect())
            });
            (country, list)
        })
        .collect()
}

/// The options of a location list: `none` first (selected while `nothing`
/// says so), then `list`, the one `is_chosen` says selected.
fn options(
    none: &'static str,
    list: Vec<EmergencyLocation>,
    is_chosen: impl Fn(LocationId) -> bool + Copy + Send + Sync + 'static,
    nothing: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <option value="" prop:selected=nothing>{none}</option>
        {list
            .into_iter()
            .map(|l| {
                let id = l.id;
                view! {
                    <option value=id.to_string() prop:selected=move || is_chosen(id)>
                        {format!("{} — {}, {}", l.description, l.street, l.city)}
                    </option>
                }
            })
            .collect_view()}
    }
}

fn picked(ev: &leptos::ev::Event) -> Option<LocationId> {
    event_target_value(ev).parse::<i64>().ok().map(LocationId)
}

/// The location every user of `country` gets unless their row says otherwise.
#[component]
pub fn CountryLocation(country: Country, locations: Locations, chosen: Chosen) -> impl IntoView {
    let label = format!("Emergency location for users in {}", country.name());
    view! {
        <label class="field">
            <span>{label}</span>
            {loaded(locations, "Loading locations…", move |here: Vec<EmergencyLocation>| {
                if here.is_empty() {
                    return view! {
                        <p class="muted">"No validated emergency location in this country yet: add one under Locations."</p>
                    }
                    .into_any();
                }
                let on_change = move |ev| {
                    let id = picked(&ev);
                    chosen.update(|c| match id {
                        Some(id) => {
                            c.insert(country, id);
                        }
                        None => {
                            c.remove(&country);
                        }
                    });
                };
                let is_chosen = move |id| chosen.with(|c| c.get(&country) == Some(&id));
                let nothing = move || chosen.with(|c| !c.contains_key(&country));
                view! {
                    <select on:change=on_change>
                        {options("Select a validated emergency location", here, is_chosen, nothing)}
                    </select>
                }
                .into_any()
            })}
        </label>
    }
}

/// One row's own location: "As for the country", or another of its country.
#[component]
pub fn RowLocation(
    name: String,
    locations: Locations,
    own: Signal<Option<LocationId>>,
    on_pick: Callback<Option<LocationId>>,
) -> impl IntoView {
    let label = format!("Emergency location for {name}");
    view! {
        {move || {
            let here = locations.get().and_then(Result::ok).unwrap_or_default();
            let is_chosen = move |id| own.get() == Some(id);
            let nothing = move || own.get().is_none();
            view! {
                <select aria-label=label.clone() on:change=move |ev| on_pick.run(picked(&ev))>
                    {options("As for the country", here, is_chosen, nothing)}
                </select>
            }
        }}
    }
}
