//! The pages whose code the browser loads when they are first opened, not
//! with the first page: `cargo leptos build --split` moves each `view` below
//! (and whatever only it uses) into a WASM chunk of its own. The server
//! renders them like any page and names the chunks a page needs in its
//! `<head>`, so a page opened first arrives with its chunk preloaded and
//! hydrates once that chunk is in (`hydrate_lazy` in lib.rs).
//!
//! The Dashboard, sign-in and the console around the pages stay in the
//! main bundle: they are what a first visit shows. My profile, with its
//! two-step sign-in and API tokens, is a chunk of its own: a User's "/"
//! sends them there. `data()` is empty because every page starts its own loading when
//! it renders.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use crate::pages::{
    AdminsPage, ApiReferencePage, AuditLogPage, DriftView, EmergencyLocationsPage, ImportPage,
    LicensesPage, MyProfilePage, PhoneNumbersPage, ProvisioningView, RecentChangesPage,
    VoiceUsersPage,
};

/// One lazily loaded page: a unit route type whose view renders `$page`.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident => $page:ident) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    };
}

lazy_page!(
    /// Voice > Voice users.
    VoiceUsersRoute => VoiceUsersPage
);
lazy_page!(
    /// Voice > Phone numbers.
    PhoneNumbersRoute => PhoneNumbersPage
);
lazy_page!(
    /// Voice > Emergency locations.
    EmergencyLocationsRoute => EmergencyLocationsPage
);
lazy_page!(
    /// Billing > Licenses.
    LicensesRoute => LicensesPage
);
lazy_page!(
    /// Settings > Admins.
    AdminsRoute => AdminsPage
);
lazy_page!(
    /// Settings > API.
    ApiReferenceRoute => ApiReferencePage
);
lazy_page!(
    /// Me > My profile.
    MyProfileRoute => MyProfilePage
);
lazy_page!(
    /// Settings > Audit log.
    AuditLogRoute => AuditLogPage
);
lazy_page!(
    /// Voice users > Import.
    ImportRoute => ImportPage
);
lazy_page!(
    /// Voice > Recent changes.
    RecentChangesRoute => RecentChangesPage
);
lazy_page!(
    /// Voice > Provisioning.
    ProvisioningRoute => ProvisioningView
);
lazy_page!(
    /// Voice > Drift.
    DriftRoute => DriftView
);
