use leptos::html::Div;
use leptos::prelude::*;

/// A modal dialog over a dimmed page: Escape or a click outside closes it,
/// and the first control takes the focus when it opens, so the keyboard
/// starts inside.
#[component]
pub fn Modal(
    /// `dialog`, or `alertdialog` for a confirmation.
    role: &'static str,
    /// The id of the element that names the dialog.
    labelledby: &'static str,
    #[prop(optional)] describedby: Option<&'static str>,
    #[prop(optional)] wide: bool,
    #[prop(into)] on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let first = panel
                .query_selector("[data-autofocus], input, select, button")
                .ok()
                .flatten();
            if let Some(el) = first.and_then(|e| {
                leptos::wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::HtmlElement>(e).ok()
            }) {
                let _ = el.focus();
            }
        }
    });
    view! {
        <div class="backdrop" on:click=move |_| on_close.run(())></div>
        <div
            node_ref=panel
            class="dialog"
            class:wide=wide
            role=role
            aria-modal="true"
            aria-labelledby=labelledby
            aria-describedby=describedby
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    on_close.run(());
                }
            }
        >
            {children()}
        </div>
    }
}
