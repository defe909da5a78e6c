//! One emergency location per country for the rows of a bulk dialog: every
//! user of that country gets it (a number and its location must be in the
//! same country).

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::loaded;
use crate::api::emergency_locations::list_validated_locations;
use crate::domain::{Country, EmergencyLocation, LocationId};

/// The location chosen for each country of the rows.
pub type Chosen = RwSignal<BTreeMap<Country, LocationId>>;

/// A list of the validated locations of `country`, labelled for it.
#[component]
pub fn CountryLocation(country: Country, chosen: Chosen) -> impl IntoView {
    let locations =
        LocalResource::new(move || list_validated_locations(String::new(), Some(country)));
    let label = format!("Emergency location for users in {}", country.name());
    view! {
        <label class="field">
            <span>{label}</span>
            {loaded(locations, "Loading locations…", move |list: Vec<EmergencyLocation>| {
                let here: Vec<EmergencyLocation> =
                    list.into_iter().filter(|l| l.country == country).collect();
                if here.is_empty() {
                    return view! {
                        <p class="muted">"No validated emergency location in this country yet: add one under Locations."</p>
                    }
                    .into_any();
                }
                let on_change = move |ev| {
                    let picked = event_target_value(&ev).parse::<i64>().ok().map(LocationId);
                    chosen.update(|c| match picked {
                        Some(id) => {
                            c.insert(country, id);
                        }
                        None => {
                            c.remove(&country);
                        }
                    });
                };
                view! {
                    <select on:change=on_change>
                        <option value="" prop:selected=move || chosen.with(|c| !c.contains_key(&country))>
                            "Select a validated emergency location"
                        </option>
                        {here
                            .into_iter()
                            .map(|l| {
                                let id = l.id;
                                let is_chosen = move || chosen.with(|c| c.get(&country) == Some(&id));
                                view! {
                                    <option value=id.to_string() prop:selected=is_chosen>
                                        {format!("{} — {}, {}", l.description, l.street, l.city)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                }
                .into_any()
            })}
        </label>
    }
}
