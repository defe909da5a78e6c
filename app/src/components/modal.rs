use leptos::html::{Div, Input};
use leptos::prelude::*;

/// What can take the focus inside a dialog, in the order Tab visits it.
#[cfg(feature = "hydrate")]
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
                         select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// A modal dialog over a dimmed page: Escape or a click outside closes it.
/// The first control takes the focus when it opens, so the keyboard starts
/// inside; Tab and Shift+Tab go round its controls without leaving it; and
/// when it closes the focus goes back to the control that opened it (or,
/// when that is gone, to the nearest container of it that takes the focus).
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
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        use leptos::web_sys::HtmlElement;
        let opener = document()
            .active_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        // A Save can take the opener away (Assign number gives way to
        // Change): then the nearest container of it that takes the focus,
        // such as the Action pane, has it instead of the page.
        let holder = opener
            .as_ref()
            .and_then(|e| e.parent_element())
            .and_then(|p| p.closest("[tabindex]").ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let kept = send_wrapper::SendWrapper::new((opener, holder));
        on_cleanup(move || {
            let (opener, holder) = kept.take();
            // Once what the Save changed is on the page.
            request_animation_frame(move || {
                let connected = |e: &HtmlElement| e.is_connected();
                if let Some(el) = opener.filter(connected).or(holder.filter(connected)) {
                    let _ = el.focus();
                }
            });
        });
    }
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
    // On the window, not the panel: Escape and Tab work wherever the focus
    // is, even after a click on the dialog's own text left it on the page.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            on_close.run(());
        }
        #[cfg(feature = "hydrate")]
        if ev.key() == "Tab" {
            if let Some(panel) = panel.get_untracked() {
                keep_tab_inside(&panel, &ev);
            }
        }
    });
    on_cleanup(move || keys.remove());
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
        >
            {children()}
        </div>
    }
}

/// An input that takes the focus once rendered, when `focus`: a picker
/// that replaces the button pressed to open it, which took the focus away.
pub fn focus_on_open(focus: bool) -> NodeRef<Input> {
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get().filter(|_| focus) {
            let _ = input.focus();
        }
    });
    input
}

/// Tab from the last control goes to the first, Shift+Tab from the first
/// to the last: the focus stays in the dialog.
#[cfg(feature = "hydrate")]
fn keep_tab_inside(panel: &leptos::web_sys::HtmlDivElement, ev: &leptos::ev::KeyboardEvent) {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::HtmlElement;

    let Ok(found) = panel.query_selector_all(FOCUSABLE) else {
        return;
    };
    let controls: Vec<HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        // Hidden controls (in a closed section) can't take the focus.
        .filter(|e| e.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = document().active_element();
    let at = |e: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == e.unchecked_ref::<leptos::web_sys::Element>())
    };
    let inside = active.as_ref().is_some_and(|a| panel.contains(Some(a)));
    if ev.shift_key() && (at(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
