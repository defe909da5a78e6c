//! Switchboard: the voice users console. One crate, two builds: the `ssr`
//! library linked into the server and the `hydrate` WASM bundle.
// Leptos view types nest deeply; release builds (without erase_components)
// need more room to compute their layout.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
pub mod links;
pub mod pages;
mod root;

pub use root::{shell, App};

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod phone_format;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
