use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::sign_in;
use crate::components::reload_here;

/// The page everyone sees before signing in.
#[component]
pub fn SignInPage() -> impl IntoView {
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let action = Action::new(move |(u, p): &(String, String)| sign_in(u.clone(), p.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match action.value().get() {
        // The address asked for, now with a session.
        Some(Ok(_)) => reload_here(),
        Some(Err(e)) => {
            password.set(String::new());
            error.set(Some(e.to_string()));
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        action.dispatch((username.get_untracked(), password.get_untracked()));
    };
    view! {
        <Title text="Sign in" />
        <main class="sign-in">
            <form class="card" on:submit=submit aria-labelledby="sign-in-title">
                <p class="brand-large">"Switchboard"</p>
                <h1 id="sign-in-title">"Sign in"</h1>
                <label class="field">
                    <span>"Username"</span>
                    <input
                        type="text"
                        name="username"
                        autocomplete="username"
                        required
                        maxlength="256"
                        prop:value=move || username.get()
                        on:input=move |ev| username.set(event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span>"Password"</span>
                    <input
                        type="password"
                        name="password"
                        autocomplete="current-password"
                        required
                        maxlength="256"
                        prop:value=move || password.get()
                        on:input=move |ev| password.set(event_target_value(&ev))
                    />
                </label>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { "Signing in…" } else { "Sign in" }}
                    </button>
                </div>
            </form>
        </main>
    }
}
