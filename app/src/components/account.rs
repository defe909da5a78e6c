//! Who is signed in, for the parts of the UI that depend on it. The server
//! decides; the UI only hides what the role can't do.

use leptos::prelude::*;

use crate::domain::{Account, Permission};

/// The signed-in account, provided by the console once sign-in is known.
#[derive(Clone, Debug)]
pub struct CurrentAccount(pub Account);

/// Whether the signed-in account's role allows `permission`; false when
/// nobody is signed in.
pub fn can(permission: Permission) -> bool {
    use_context::<CurrentAccount>().is_some_and(|c| c.0.role.may(permission))
}

/// Leaves the page for `href` with a full load, so no state of the previous
/// session survives in the browser.
pub fn reload_to(href: &str) {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().location().set_href(href);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = href;
}

/// Loads the current address again, e.g. once a session exists.
pub fn reload_here() {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().location().reload();
    }
}
