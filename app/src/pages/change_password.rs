use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::change_password;
use crate::components::reload_to;
use crate::domain::check_new_password;

/// Choosing a new password: required after signing in with a one-time
/// password, and open to everyone from My profile.
#[component]
pub fn ChangePasswordPage(username: String, forced: bool) -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let action =
        Action::new(move |(c, n): &(String, String)| change_password(c.clone(), n.clone()));
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(_)) if forced => reload_to("/"),
        Some(Ok(_)) => {
            done.set(true);
            current.set(String::new());
            new.set(String::new());
            confirm.set(String::new());
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    // Said before Save, the same rule the server applies.
    let username = StoredValue::new(username);
    let problem = move || {
        let n = new.get();
        if n.is_empty() {
            return None;
        }
        if let Err(why) = username.with_value(|u| check_new_password(&n, u)) {
            return Some(why.to_owned());
        }
        let c = confirm.get();
        (!c.is_empty() && c != n).then(|| "The two new passwords differ.".to_owned())
    };
    let ready = move || {
        !current.with(String::is_empty)
            && !new.with(String::is_empty)
            && new.get() == confirm.get()
            && problem().is_none()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        done.set(false);
        action.dispatch((current.get_untracked(), new.get_untracked()));
    };
    let field = move |label: &'static str, value: RwSignal<String>, autocomplete: &'static str| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input
                    type="password"
                    autocomplete=autocomplete
                    maxlength="256"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </label>
        }
    };
    view! {
        <Title text="Change password" />
        <form class="card narrow" on:submit=submit aria-labelledby="password-title">
            <h1 id="password-title">"Change password"</h1>
            {forced.then(|| view! {
                <p class="warning">"You signed in with a one-time password. Choose your own password to continue."</p>
            })}
            <p class="muted">"At least 12 characters; it can't contain your username."</p>
            {field("Current password", current, "current-password")}
            {field("New password", new, "new-password")}
            {field("Confirm new password", confirm, "new-password")}
            // Said as it is typed, politely: not an alert at every key.
            <div aria-live="polite">{move || problem().map(|p| view! { <p class="error">{p}</p> })}</div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || done.get().then(|| view! { <p class="status" role="status">"Your password was changed. Your other sessions were signed out."</p> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get() || !ready()>
                    "Save"
                </button>
            </div>
        </form>
    }
}
