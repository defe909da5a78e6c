//! A labelled drop-down that narrows a grid to one value of a closed list,
//! fed by the domain's own list so the options can't drift from the data.

use leptos::prelude::*;

use crate::domain::Choice;

/// "All" (no filter) and then every value of `C`, by its label.
#[component]
pub fn FilterSelect<C: Choice>(
    label: &'static str,
    /// What the "no filter" option says.
    #[prop(default = "All")]
    any: &'static str,
    #[prop(into)] on_pick: Callback<Option<C>>,
    /// The value picked now, when the page's address holds it.
    #[prop(optional, into)]
    current: Option<Signal<Option<C>>>,
) -> impl IntoView {
    let id = format!("filter-{}", label.to_lowercase().replace(' ', "-"));
    let current = move || current.and_then(|c| c.get());
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=move || current().map(|c| c.code().to_owned()).unwrap_or_default()
                on:change=move |ev| on_pick.run(C::from_code(&event_target_value(&ev)))
            >
                <option value="">{any}</option>
                {C::all()
                    .iter()
                    .map(|&c| view! {
                        <option value=c.code().to_owned() selected=move || current() == Some(c)>
                            {c.label().to_owned()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
