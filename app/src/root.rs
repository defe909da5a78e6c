use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::api::console::console_status;
use crate::pages::{
    EmergencyLocationsPage, HomePage, LicensesPage, NotFoundPage, PhoneNumbersPage, VoiceUsersPage,
};

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let areas = Resource::new(|| (), |()| console_status());
    provide_context(areas);
    // Tells people and tests that the page now reacts to clicks.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Stylesheet id="leptos" href="/pkg/switchboard.css" />
        <Title formatter=|page: String| format!("{page} - Switchboard") />
        <Router>
            <div class="console">
                <header class="topbar">
                    <span class="brand">"Switchboard"</span>
                    <span class="org">"Contoso admin center"</span>
                </header>
                <nav class="leftnav" aria-label="Main">
                    <A href="/" exact=true>
                        "Dashboard"
                    </A>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            // The server enforces the gate; on a failed check the
                            // navigation stays as it was rather than hide Voice.
                            let voice = areas.await.map(|a| a.voice).unwrap_or(true);
                            if voice {
                                view! {
                                    <p class="navgroup" id="nav-voice">
                                        "Voice"
                                    </p>
                                    <ul aria-labelledby="nav-voice">
                                        <li>
                                            <A href="/voice/users">"Voice users"</A>
                                        </li>
                                        <li>
                                            <A href="/voice/phone-numbers">"Phone numbers"</A>
                                        </li>
                                        <li>
                                            <A href="/voice/emergency-locations">"Emergency locations"</A>
                                        </li>
                                    </ul>
                                }
                                .into_any()
                            } else {
                                view! {
                                    <p class="nav-note" role="note">
                                        "Voice is missing: your organization has no Enterprise E5, "
                                        "Phone System or Audio Conferencing license. Buy one to assign phone numbers."
                                    </p>
                                }
                                .into_any()
                            }
                        })}
                    </Transition>
                    <p class="navgroup" id="nav-billing">
                        "Billing"
                    </p>
                    <ul aria-labelledby="nav-billing">
                        <li>
                            <A href="/billing/licenses">"Licenses"</A>
                        </li>
                    </ul>
                </nav>
                <main class="content">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/voice/users") view=VoiceUsersPage />
                        <Route path=path!("/voice/phone-numbers") view=PhoneNumbersPage />
                        <Route path=path!("/voice/emergency-locations") view=EmergencyLocationsPage />
                        <Route path=path!("/billing/licenses") view=LicensesPage />
                    </Routes>
                </main>
            </div>
        </Router>
    }
}
