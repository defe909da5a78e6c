use leptos::prelude::*;

use super::modal::Modal;
use crate::api::emergency_locations::add_location;
use crate::api::ApiError;
use crate::domain::{check_address, CivicAddress, Country};

/// Add an emergency location: the civic address, checked against its
/// country's rules as it is typed and again by the server, which stores it
/// validated.
#[component]
pub fn AddLocationDialog(
    on_close: Callback<()>,
    /// Called with the new location's description.
    on_added: Callback<String>,
) -> impl IntoView {
    let address = RwSignal::new(CivicAddress {
        country: "US".into(),
        ..CivicAddress::default()
    });
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| address.with(check_address));
    let add = Action::new(move |a: &CivicAddress| add_location(a.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match add.value().get() {
        Some(Ok(saved)) => on_added.run(saved.description),
        Some(Err(ApiError::InvalidAddress { problems })) => error.set(Some(
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        )),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let field = move |label: &'static str,
                      get: fn(&CivicAddress) -> String,
                      set: fn(&mut CivicAddress, String)| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input
                    type="text"
                    maxlength="200"
                    prop:value=move || address.with(get)
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        address.update(|a| set(a, value));
                        error.set(None);
                    }
                />
            </label>
        }
    };
    let on_save = move |_| {
        tried.set(true);
        if problems.with(Vec::is_empty) {
            add.dispatch(address.get_untracked());
        }
    };

    view! {
        <Modal role="dialog" labelledby="add-location-title" on_close=move |_| on_close.run(())>
            <h2 id="add-location-title">"Add emergency location"</h2>
            {field("Description", |a| a.description.clone(), |a, v| a.description = v)}
            <label class="field">
                <span>"Country or region"</span>
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    address.update(|a| a.country = value);
                }>
                    {Country::ALL
                        .iter()
                        .map(|c| {
                            let code = c.as_str().to_owned();
                            let chosen = address.with_untracked(|a| a.country == code);
                            view! { <option value=code selected=chosen>{c.name()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            {field("Street and number", |a| a.street.clone(), |a, v| a.street = v)}
            {field("City", |a| a.city.clone(), |a, v| a.city = v)}
            {field("State or province", |a| a.state.clone().unwrap_or_default(), |a, v| a.state = Some(v))}
            {field("Postal code", |a| a.postal_code.clone(), |a, v| a.postal_code = v)}
            {move || {
                let found = problems.get();
                (tried.get() && !found.is_empty()).then(|| view! {
                    <ul class="violations" role="alert" aria-label="Fields to fix">
                        {found.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
                    </ul>
                })
            }}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="button" class="primary" disabled=move || add.pending().get() on:click=on_save>
                    {move || if add.pending().get() { "Validating…" } else { "Validate and save" }}
                </button>
                <button type="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </Modal>
    }
}
