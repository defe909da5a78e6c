use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes, A};
use leptos_router::{path, Lazy};

use crate::api::auth::sign_out;
use crate::api::console::{console_status, ConsoleAreas};
use crate::api::ApiError;
use crate::components::{error_view, reload_to, CurrentAccount, LiveFeed, LiveNote};
use crate::domain::{Account, Permission};
use crate::lazy_pages::{
    AdminsRoute, ApiReferenceRoute, AuditLogRoute, DriftRoute, EmergencyLocationsRoute,
    ImportRoute, LicensesRoute, MyProfileRoute, PhoneNumbersRoute, ProvisioningRoute,
    RecentChangesRoute, VoiceUsersRoute,
};
use crate::pages::{ChangePasswordPage, HomePage, NotFoundPage, SignInPage, TwoStepRequiredPage};

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <AutoReload options=options.clone() />
                // The stylesheet's name carries its content's hash when the
                // build hashes file names (`hash-files` in Cargo.toml).
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Scripts only from the console itself and the one inline hydration script
/// carrying this response's nonce; no frames, plugins or foreign origins.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    use axum::http::{header, HeaderValue};
    let (Some(nonce), Some(options)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        options.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Blocking: the page is known only once the caller is, and its <title>
    // must be in the <head> the server sends first.
    let areas = Resource::new_blocking(|| (), |()| console_status());
    provide_context(areas);
    // `data-hydrated` on <body>, which says the page reacts to clicks, is
    // set once hydration is done: `hydrate` in lib.rs.

    view! {
        <Title formatter=|page: String| format!("{page} - Switchboard") />
        <Router>
            // The route list is static, so the server knows every page; the
            // gate inside decides what a visitor sees on each.
            <Routes fallback=|| view! { <ConsoleGate><NotFoundPage /></ConsoleGate> }>
                <ParentRoute path=path!("") view=|| view! { <ConsoleGate><Outlet /></ConsoleGate> }>
                    <Route path=path!("") view=HomeRoute />
                    // These pages' code comes in chunks of its own (lazy_pages.rs).
                    <Route path=path!("/voice/users") view={Lazy::<VoiceUsersRoute>::new()} />
                    <Route path=path!("/voice/users/import") view={Lazy::<ImportRoute>::new()} />
                    <Route path=path!("/voice/changes") view={Lazy::<RecentChangesRoute>::new()} />
                    <Route path=path!("/voice/provisioning") view={Lazy::<ProvisioningRoute>::new()} />
                    <Route path=path!("/voice/drift") view={Lazy::<DriftRoute>::new()} />
                    <Route path=path!("/voice/phone-numbers") view={Lazy::<PhoneNumbersRoute>::new()} />
                    <Route
                        path=path!("/voice/emergency-locations")
                        view={Lazy::<EmergencyLocationsRoute>::new()}
                    />
                    <Route path=path!("/billing/licenses") view={Lazy::<LicensesRoute>::new()} />
                    <Route path=path!("/settings/admins") view={Lazy::<AdminsRoute>::new()} />
                    <Route path=path!("/settings/audit-log") view={Lazy::<AuditLogRoute>::new()} />
                    <Route path=path!("/settings/api") view={Lazy::<ApiReferenceRoute>::new()} />
                    <Route path=path!("/me") view={Lazy::<MyProfileRoute>::new()} />
                    <Route path=path!("/me/password") view=OwnPasswordPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// Sign-in first: the page asked for appears inside the console once someone
/// is signed in (and has chosen their own password).
#[component]
fn ConsoleGate(children: ChildrenFn) -> impl IntoView {
    let areas = expect_context::<Resource<Result<ConsoleAreas, ApiError>>>();
    let children = StoredValue::new(children);
    view! {
        <Transition fallback=|| ()>
            // Read, not awaited: the page is built in this closure's owner.
            {move || {
                let view = match areas.get()? {
                    Err(e) => view! { <main class="sign-in">{error_view(&e)}</main> }.into_any(),
                    Ok(ConsoleAreas { account: None, .. }) => view! { <SignInPage /> }.into_any(),
                    Ok(ConsoleAreas { account: Some(account), voice, must_set_up_two_step }) => {
                        view! {
                            <Console account voice must_set_up_two_step>{children.read_value()()}</Console>
                        }
                        .into_any()
                    }
                };
                Some(view)
            }}
        </Transition>
    }
}

/// "/": the Dashboard for admins; users go on to My profile.
#[component]
fn HomeRoute() -> impl IntoView {
    if can_admin() {
        view! { <HomePage /> }.into_any()
    } else {
        view! { <Redirect path="/me" /> }.into_any()
    }
}

fn can_admin() -> bool {
    use_context::<CurrentAccount>().is_some_and(|c| c.0.role.is_admin())
}

#[component]
fn OwnPasswordPage() -> impl IntoView {
    let username = use_context::<CurrentAccount>()
        .map(|c| c.0.username)
        .unwrap_or_default();
    view! { <ChangePasswordPage username forced=false /> }
}

/// The console around the pages, for a signed-in account: what the navigation
/// offers follows the role; the server refuses the rest anyway.
#[component]
fn Console(
    account: Account,
    voice: bool,
    must_set_up_two_step: bool,
    children: Children,
) -> impl IntoView {
    provide_context(CurrentAccount(account.clone()));
    LiveFeed::provide(account.username.clone());
    let role = account.role;
    let sign_out_action = Action::new(|_: &()| sign_out());
    Effect::new(move |_| {
        if sign_out_action.value().get().is_some() {
            reload_to("/");
        }
    });
    let forced = account.must_change_password;
    let username = account.username.clone();
    let voice_nav = role.may(Permission::ViewVoice);
    view! {
        <div class="console">
            <header class="topbar">
                <span class="brand">"Switchboard"</span>
                <span class="org">"Contoso admin center"</span>
                <span class="who">
                    <span>{account.display_name.clone()}</span>
                    <span class="muted-light">{role.label()}</span>
                    <button
                        type="button"
                        class="topbar-button"
                        disabled=move || sign_out_action.pending().get()
                        on:click=move |_| { sign_out_action.dispatch(()); }
                    >
                        "Sign out"
                    </button>
                </span>
            </header>
            <nav class="leftnav" aria-label="Main">
                {role.is_admin().then(|| view! { <A href="/" exact=true>"Dashboard"</A> })}
                {match (voice_nav, voice) {
                    (false, _) => None,
                    (true, true) => Some(view! {
                        <p class="navgroup" id="nav-voice">"Voice"</p>
                        <ul aria-labelledby="nav-voice">
                            <li><A href="/voice/users">"Voice users"</A></li>
                            <li><A href="/voice/phone-numbers">"Phone numbers"</A></li>
                            <li><A href="/voice/emergency-locations">"Emergency locations"</A></li>
                            <li><A href="/voice/changes">"Recent changes"</A></li>
                            <li><A href="/voice/provisioning">"Provisioning"</A></li>
                            <li><A href="/voice/drift">"Drift"</A></li>
                        </ul>
                    }.into_any()),
                    (true, false) => Some(view! {
                        <p class="nav-note" role="note">
                            "Voice is missing: your organization has no Enterprise E5, "
                            "Phone System or Audio Conferencing license. Buy one to assign phone numbers."
                        </p>
                    }.into_any()),
                }}
                {role.may(Permission::ViewLicences).then(|| view! {
                    <p class="navgroup" id="nav-billing">"Billing"</p>
                    <ul aria-labelledby="nav-billing">
                        <li><A href="/billing/licenses">"Licenses"</A></li>
                    </ul>
                })}
                {role.is_admin().then(|| view! {
                    <p class="navgroup" id="nav-settings">"Settings"</p>
                    <ul aria-labelledby="nav-settings">
                        {role.may(Permission::ManageAccounts).then(|| view! {
                            <li><A href="/settings/admins">"Admins"</A></li>
                        })}
                        {role.may(Permission::ViewAudit).then(|| view! {
                            <li><A href="/settings/audit-log">"Audit log"</A></li>
                        })}
                        <li><A href="/settings/api">"API"</A></li>
                    </ul>
                })}
                <p class="navgroup" id="nav-me">"Me"</p>
                <ul aria-labelledby="nav-me">
                    <li><A href="/me">"My profile"</A></li>
                </ul>
            </nav>
            <main class="content">
                <LiveNote />
                {if forced {
                    view! { <ChangePasswordPage username=username.clone() forced=true /> }.into_any()
                } else if must_set_up_two_step {
                    view! { <TwoStepRequiredPage /> }.into_any()
                } else {
                    children().into_any()
                }}
            </main>
        </div>
    }
}
