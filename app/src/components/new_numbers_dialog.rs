use leptos::prelude::*;

use super::modal::Modal;
use crate::api::new_numbers::{add_new_user_numbers, NewNumbersRequest, MAX_NEW_NUMBERS};
use crate::domain::{Country, NumberArea, NUMBER_AREAS};

/// Add > New user numbers: country or region, state or province, city, and
/// how many numbers to get.
#[component]
pub fn NewNumbersDialog(
    on_close: Callback<()>,
    /// Called with how many numbers were added, and where.
    on_added: Callback<(usize, String)>,
) -> impl IntoView {
    let countries = NumberArea::countries();
    let country = RwSignal::new(countries[0]);
    let states = move || {
        let mut found: Vec<&'static str> = Vec::new();
        for a in NUMBER_AREAS.iter().filter(|a| a.country() == country.get()) {
            if !found.contains(&a.state) {
                found.push(a.state);
            }
        }
        found
    };
    let state = RwSignal::new(states()[0]);
    let cities = move || {
        NUMBER_AREAS
            .iter()
            .filter(|a| a.country() == country.get() && a.state == state.get())
            .map(|a| a.city)
            .collect::<Vec<_>>()
    };
    let city = RwSignal::new(cities()[0]);
    let quantity = RwSignal::new(String::from("1"));

    let parsed_quantity = move || {
        quantity
            .get()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|q| (1..=MAX_NEW_NUMBERS).contains(q))
    };
    let add = Action::new(move |r: &NewNumbersRequest| add_new_user_numbers(r.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match add.value().get() {
        Some(Ok(numbers)) => on_added.run((numbers.len(), city.get_untracked().to_owned())),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let on_add = move |_| {
        let Some(quantity) = parsed_quantity() else {
            return;
        };
        error.set(None);
        add.dispatch(NewNumbersRequest {
            country: country.get_untracked(),
            city: city.get_untracked().to_owned(),
            quantity,
        });
    };

    view! {
        <Modal role="dialog" labelledby="new-numbers-title" on_close=move |_| on_close.run(())>
            <h2 id="new-numbers-title">"New user numbers"</h2>
            <p class="muted">"Numbers come from your provider with a Calling Plan and can be assigned to users at once."</p>
            <label class="field">
                <span>"Country or region"</span>
                <select on:change=move |ev| {
                    if let Ok(c) = Country::parse(&event_target_value(&ev)) {
                        country.set(c);
                        state.set(states()[0]);
                        city.set(cities()[0]);
                    }
                }>
                    {countries
                        .into_iter()
                        .map(|c| view! { <option value=c.to_string()>{c.name()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"State or province"</span>
                <select on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(s) = states().into_iter().find(|s| *s == picked) {
                        state.set(s);
                        city.set(cities()[0]);
                    }
                }>
                    {move || states()
                        .into_iter()
                        .map(|s| view! { <option value=s prop:selected=move || state.get() == s>{s}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"City or area code"</span>
                <select on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(c) = cities().into_iter().find(|c| *c == picked) {
                        city.set(c);
                    }
                }>
                    {move || cities()
                        .into_iter()
                        .map(|c| view! { <option value=c prop:selected=move || city.get() == c>{c}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"Quantity"</span>
                <input
                    type="number"
                    min="1"
                    max=MAX_NEW_NUMBERS.to_string()
                    prop:value=move || quantity.get()
                    on:input=move |ev| quantity.set(event_target_value(&ev))
                />
            </label>
            {move || parsed_quantity().is_none().then(|| view! {
                <p class="error" role="alert">{format!("Choose a quantity between 1 and {MAX_NEW_NUMBERS}.")}</p>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    disabled=move || add.pending().get() || parsed_quantity().is_none()
                    on:click=on_add
                >
                    {move || if add.pending().get() { "Adding…" } else { "Add numbers" }}
                </button>
                <button type="button" on:click=move |_| on_close.run(())>
                    "Cancel"
                </button>
            </div>
        </Modal>
    }
}
