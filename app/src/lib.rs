//! Switchboard: the voice users console. One crate, two builds: the `ssr`
//! library linked into the server and the `hydrate` WASM bundle.
// Leptos view types nest deeply; release builds (without erase_components)
// need more room to compute their layout.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
mod lazy_pages;
pub mod links;
pub mod pages;
mod root;

pub use root::{shell, App};

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod phone_format;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod tracker;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // A page whose code is in a chunk of its own (lazy_pages.rs) hydrates
    // once that chunk has loaded. Only then does the page react to clicks,
    // which `data-hydrated` on <body> tells people and tests.
    wasm_bindgen_futures::spawn_local(async {
        let body = leptos::prelude::document().body().expect("a <body>");
        leptos::mount::hydrate_from_async(body.clone(), App)
            .await
            .forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
