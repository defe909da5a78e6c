//! Setting two-step sign-in up: the QR code an authenticator app scans (or
//! its key, typed), the first code to confirm it, then the recovery codes,
//! shown this once.

use leptos::prelude::*;

use crate::api::two_step::{confirm_two_step, start_two_step};
use crate::domain::{read_code, SecondStepCode, TwoStepEnrolment};

/// The set-up, from "Set up two-step sign-in" to the saved recovery codes.
/// `on_done` runs once they are saved, `on_cancel` if it is left before.
#[component]
pub fn TwoStepSetup(on_done: Callback<()>, on_cancel: Option<Callback<()>>) -> impl IntoView {
    let start = Action::new(|_: &()| start_two_step());
    let codes = RwSignal::new(None::<Vec<String>>);
    view! {
        {move || match (codes.get(), start.value().get()) {
            (Some(codes), _) => view! { <RecoveryCodes codes on_saved=on_done /> }.into_any(),
            (None, Some(Ok(enrolment))) => view! {
                <Enrol enrolment on_confirmed=Callback::new(move |c| codes.set(Some(c))) on_cancel />
            }.into_any(),
            (None, result) => view! {
                <p>
                    "Sign in with a code from an authenticator app on your phone (Microsoft "
                    "Authenticator, Google Authenticator, 1Password, …) after your password. "
                    "Someone who learns your password still can't sign in as you."
                </p>
                {result.and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || start.pending().get()
                        on:click=move |_| { start.dispatch(()); }
                    >
                        "Set up two-step sign-in"
                    </button>
                </div>
            }.into_any(),
        }}
    }
}

#[component]
fn Enrol(
    enrolment: TwoStepEnrolment,
    on_confirmed: Callback<Vec<String>>,
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let confirm = Action::new(|code: &String| confirm_two_step(code.clone()));
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(codes)) => on_confirmed.run(codes),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        match read_code(&typed) {
            Ok(SecondStepCode::App(six)) => {
                error.set(None);
                confirm.dispatch(six);
            }
            _ => error.set(Some("Enter the 6-digit code the app shows.".to_owned())),
        }
    };
    // A quiet zone of four modules around the code, as scanners expect.
    let side = enrolment.qr_size + 8;
    let view_box = format!("-4 -4 {side} {side}");
    view! {
        <form class="two-step-enrol" on:submit=submit aria-labelledby="enrol-title">
            <h3 id="enrol-title">"Set up your authenticator app"</h3>
            <ol class="steps">
                <li>
                    <p>"In your authenticator app, add an account and scan this QR code."</p>
                    <svg
                        class="qr"
                        viewBox=view_box
                        role="img"
                        aria-label="QR code for setting up two-step sign-in"
                    >
                        <rect x="-4" y="-4" width=side height=side class="qr-light" />
                        <path d=enrolment.qr_path.clone() class="qr-dark" />
                    </svg>
                    <p>
                        "Can't scan it? Enter this key instead (time-based): "
                        <code class="secret" aria-label="Setup key">{enrolment.secret.clone()}</code>
                    </p>
                </li>
                <li>{code_field("Code from the app", code)}</li>
            </ol>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || confirm.pending().get()>
                    "Turn on"
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
        </form>
    }
}

/// A field for a code from the app or a recovery code.
pub fn code_field(label: &'static str, code: RwSignal<String>) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="text"
                autocomplete="one-time-code"
                autocapitalize="off"
                spellcheck="false"
                maxlength="32"
                prop:value=move || code.get()
                on:input=move |ev| code.set(event_target_value(&ev))
            />
        </label>
    }
}

/// The recovery codes, once: each signs in once without the phone.
#[component]
pub fn RecoveryCodes(codes: Vec<String>, on_saved: Callback<()>) -> impl IntoView {
    view! {
        <section class="recovery-codes" aria-labelledby="recovery-title">
            <h3 id="recovery-title">"Your recovery codes"</h3>
            <p role="status">
                "Save these codes somewhere safe, away from your phone. Each one signs you in once "
                "if you lose your phone. They won't be shown again."
            </p>
            <ul class="codes" aria-label="Recovery codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| on_saved.run(())>
                    "I have saved my recovery codes"
                </button>
            </div>
        </section>
    }
}
