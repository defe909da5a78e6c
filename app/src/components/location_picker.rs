use leptos::prelude::*;

use super::loaded;
use crate::api::emergency_locations::list_validated_locations;
use crate::domain::{Country, EmergencyLocation};

/// Validated emergency locations, with a city search box and **Search**.
#[component]
pub fn LocationPicker(
    /// "Select validated emergency location" or "Change emergency address to".
    label: &'static str,
    /// The user's usage location: its locations are listed first.
    country: Country,
    chosen: RwSignal<Option<EmergencyLocation>>,
    /// Opened by Change location: City takes the focus the button had.
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let input = super::focus_on_open(focus);
    let typed = RwSignal::new(String::new());
    let city = RwSignal::new(String::new());
    let locations = LocalResource::new(move || {
        let city = city.get();
        async move { list_validated_locations(city, Some(country)).await }
    });
    let search = move || city.set(typed.get_untracked());

    view! {
        <div class="field">
            <span id="location-label">{label}</span>
            <div class="search-row">
                <input
                    type="search"
                    node_ref=input
                    aria-label="City"
                    placeholder="City"
                    maxlength="100"
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            search();
                        }
                    }
                />
                <button type="button" on:click=move |_| search()>
                    "Search"
                </button>
            </div>
            {loaded(locations, "Loading locations…", move |list: Vec<EmergencyLocation>| {
                if list.is_empty() {
                    return view! {
                        <p class="muted">"No validated emergency location in that city."</p>
                    }
                    .into_any();
                }
                let on_change = {
                    let list = list.clone();
                    move |ev| {
                        let id = event_target_value(&ev);
                        chosen.set(list.iter().find(|l| l.id.to_string() == id).cloned());
                    }
                };
                view! {
                    <select size="5" aria-labelledby="location-label" on:change=on_change>
                        {list
                            .into_iter()
                            .map(|l| {
                                let id = l.id;
                                let is_chosen = move || chosen.with(|c| c.as_ref().is_some_and(|c| c.id == id));
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
        </div>
    }
}
