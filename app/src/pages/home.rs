use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::console::ConsoleAreas;
use crate::api::ApiError;

#[component]
pub fn HomePage() -> impl IntoView {
    let areas = expect_context::<Resource<Result<ConsoleAreas, ApiError>>>();
    view! {
        <Title text="Dashboard" />
        <h1>"Dashboard"</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                // As in the navigation: only a clear "no" hides Voice.
                let voice = areas.await.map(|a| a.voice).unwrap_or(true);
                if voice { voice_card().into_any() } else { no_voice_card().into_any() }
            })}
        </Transition>
        <section class="card">
            <h2>"Billing"</h2>
            <ul class="plain">
                <li>
                    <A href="/billing/licenses">"Licenses"</A>
                    ": what your organization bought, and who uses it."
                </li>
            </ul>
        </section>
    }
}

fn no_voice_card() -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Voice"</h2>
            <p>
                "Voice isn't available: your organization has no Enterprise E5, Phone System or "
                "Audio Conferencing license. Buy one of them in "
                <A href="/billing/licenses">"Licenses"</A>
                " to give your users phone numbers."
            </p>
        </section>
    }
}

fn voice_card() -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Voice"</h2>
            <p>
                "Give your users phone numbers so outside businesses and clients can call them. "
                "The number you assign is listed in the "<strong>"Work Phone"</strong>
                " box of the user's client and can't be changed by the user."
            </p>
            <ul class="plain">
                <li>
                    <A href="/voice/users">"Voice users"</A>
                    ": assign, change or remove a user's phone number."
                </li>
                <li>
                    <A href="/voice/phone-numbers">"Phone numbers"</A>
                    ": get new user numbers, port your own, release what you no longer need."
                </li>
                <li>
                    <A href="/voice/emergency-locations">"Emergency locations"</A>
                    ": the validated addresses sent to emergency services."
                </li>
            </ul>
        </section>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found" />
        <h1>"Page not found"</h1>
        <p>
            "There is no page at this address. " <A href="/voice/users">"Go to Voice users"</A>
        </p>
    }
}
