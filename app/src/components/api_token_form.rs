//! "New API token": its name, role and lifetime, checked as typed with the
//! rule the server applies.

use leptos::prelude::*;

use crate::api::api_tokens::create_api_token;
use crate::domain::{
    check_new_token, AccountId, CreatedApiToken, NewApiToken, Role, DEFAULT_TOKEN_DAYS,
    MAX_TOKEN_NAME,
};

const LIFETIMES: [u32; 5] = [7, 30, 90, 180, 365];

#[component]
pub fn NewTokenForm(
    account: Option<AccountId>,
    account_role: Role,
    on_created: Callback<CreatedApiToken>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(account_role);
    let days = RwSignal::new(DEFAULT_TOKEN_DAYS);
    let error = RwSignal::new(None::<String>);
    let create = Action::new(|r: &NewApiToken| create_api_token(r.clone()));
    Effect::new(move |_| match create.value().get() {
        Some(Ok(c)) => {
            name.set(String::new());
            on_created.run(c);
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let problem = move || {
        let n = name.get();
        (!n.is_empty())
            .then(|| check_new_token(&n, days.get(), role.get(), account_role).err())
            .flatten()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        create.dispatch(NewApiToken {
            account,
            name: name.get_untracked(),
            days: Some(days.get_untracked()),
            role: Some(role.get_untracked()),
        });
    };
    let roles = Role::ALL
        .iter()
        .copied()
        .filter(move |r| r.at_most(account_role) == *r)
        .map(|r| view! { <option value=r.code() selected=r == account_role>{r.label()}</option> })
        .collect_view();
    let lifetimes = LIFETIMES
        .iter()
        .map(|d| view! { <option value=d.to_string() selected=*d == DEFAULT_TOKEN_DAYS>{format!("{d} days")}</option> })
        .collect_view();
    view! {
        <form class="inline-form" on:submit=submit aria-labelledby="new-token-title">
            <h3 id="new-token-title">"New API token"</h3>
            <label class="field">
                <span>"Name"</span>
                <input type="text" required maxlength=MAX_TOKEN_NAME.to_string() placeholder="e.g. nightly export"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>"Role"</span>
                <select on:change=move |ev| {
                    if let Some(r) = Role::from_code(&event_target_value(&ev)) { role.set(r) }
                }>
                    {roles}
                </select>
            </label>
            <label class="field">
                <span>"Expires after"</span>
                <select on:change=move |ev| {
                    if let Ok(d) = event_target_value(&ev).parse() { days.set(d) }
                }>
                    {lifetimes}
                </select>
            </label>
            <div aria-live="polite">{move || problem().map(|p| view! { <p class="error">{p}</p> })}</div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || create.pending().get() || problem().is_some()>
                    "Create token"
                </button>
            </div>
        </form>
    }
}
