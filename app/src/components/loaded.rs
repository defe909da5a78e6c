//! Waiting for the server, written once: what a page shows while a request
//! runs, the result once it arrives, and the error if it failed.

use std::future::IntoFuture;

use leptos::prelude::*;

use crate::api::{set_status, ApiError};

/// `view` of what `source` (a resource) loads; `loading` until then, the
/// previous result while it reloads, and the error if it fails.
pub fn loaded<R, T, V>(
    source: R,
    loading: &'static str,
    view: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    R: IntoFuture<Output = Result<T, ApiError>> + Copy + Send + Sync + 'static,
    R::IntoFuture: Send + 'static,
    T: 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=move || view! { <p class="muted">{loading}</p> }>
            {move || {
                let view = view.clone();
                Suspend::new(async move {
                    match source.await {
                        Ok(value) => view(value).into_any(),
                        Err(e) => error_view(&e).into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// A failed request's message. On the server the page being rendered takes
/// the error's status too, as the server function's own answer would.
pub fn error_view(e: &ApiError) -> impl IntoView {
    set_status(e);
    view! { <p class="error" role="alert">{e.to_string()}</p> }
}
