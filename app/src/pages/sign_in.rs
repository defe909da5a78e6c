use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::{sign_in, sign_in_code};
use crate::api::ApiError;
use crate::components::reload_here;
use crate::domain::{read_code, SignInOutcome, CODE_HINT};

/// The page everyone sees before signing in: the password, then for an
/// account with two-step sign-in the code from the authenticator app.
#[component]
pub fn SignInPage() -> impl IntoView {
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let challenge = RwSignal::new(None::<String>);
    let action = Action::new(move |(u, p): &(String, String)| sign_in(u.clone(), p.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match action.value().get() {
        // The address asked for, now with a session.
        Some(Ok(SignInOutcome::SignedIn(_))) => reload_here(),
        Some(Ok(SignInOutcome::CodeNeeded { challenge: c })) => {
            password.set(String::new());
            challenge.set(Some(c));
        }
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
    let start_over = Callback::new(move |message: Option<String>| {
        challenge.set(None);
        error.set(message);
    });
    view! {
        <Title text="Sign in" />
        <main class="sign-in">
            {move || match challenge.get() {
                Some(c) => view! { <SecondStep challenge=c start_over /> }.into_any(),
                None => view! {
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
                }.into_any(),
            }}
        </main>
    }
}

/// The second step: a code from the app, or a recovery code.
#[component]
fn SecondStep(challenge: String, start_over: Callback<Option<String>>) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let challenge = StoredValue::new(challenge);
    // Straight to the code: the password form that had the focus is gone.
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let action =
        Action::new(move |typed: &String| sign_in_code(challenge.get_value(), typed.clone()));
    Effect::new(move |_| match action.value().get() {
        Some(Ok(_)) => reload_here(),
        // Expired: back to the password, saying why.
        Some(Err(e @ ApiError::SignedOut { .. })) => start_over.run(Some(e.to_string())),
        Some(Err(e)) => {
            code.set(String::new());
            error.set(Some(e.to_string()));
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        match read_code(&typed) {
            Ok(_) => {
                error.set(None);
                action.dispatch(typed);
            }
            Err(hint) => error.set(Some(hint.to_owned())),
        }
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="second-step-title">
            <p class="brand-large">"Switchboard"</p>
            <h1 id="second-step-title">"Two-step sign-in"</h1>
            <p id="second-step-hint" class="muted">{CODE_HINT}</p>
            <label class="field">
                <span>"Code"</span>
                <input
                    type="text"
                    name="code"
                    autocomplete="one-time-code"
                    autocapitalize="off"
                    spellcheck="false"
                    required
                    maxlength="32"
                    node_ref=input
                    aria-describedby="second-step-hint"
                    prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev))
                />
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { "Checking…" } else { "Verify" }}
                </button>
                <button type="button" on:click=move |_| start_over.run(None)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
