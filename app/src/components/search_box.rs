//! A grid's search box, kept in the page's address.

use leptos::html::Input;
use leptos::prelude::*;

use super::AddressQuery;

/// Typing searches at once (the server answers in a few milliseconds, and
/// an answer to older text is dropped); the first keystroke of a search
/// adds a history entry and the rest rewrite it; Back puts the earlier text
/// back in the box.
#[component]
pub fn SearchBox<Q>(
    address: AddressQuery<Q>,
    label: &'static str,
    placeholder: &'static str,
    /// The query's search text, and how to set it.
    text: fn(&Q) -> String,
    set_text: fn(&mut Q, String),
) -> impl IntoView
where
    Q: Clone + PartialEq + Send + Sync + 'static,
{
    let input = NodeRef::<Input>::new();
    let searched = Memo::new(move |_| address.query.with(text));
    let initial = searched.get_untracked();
    let new_entry = StoredValue::new(true);
    // Back or a link changed the search: show it, unless the admin is typing
    // (their newest keystrokes may be ahead of the address).
    Effect::new(move |_| {
        let searched = searched.get();
        if let Some(input) = input.get() {
            let typing = document().active_element().is_some_and(|e| e == **input);
            if !typing && input.value() != searched {
                input.set_value(&searched);
            }
        }
    });
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        if new_entry.get_value() {
            new_entry.set_value(false);
            address.change(|q| set_text(q, typed));
        } else {
            address.revise(|q| set_text(q, typed));
        }
    };
    view! {
        <input
            type="search"
            class="search"
            node_ref=input
            aria-label=label
            placeholder=placeholder
            value=initial
            maxlength="100"
            on:focus=move |_| new_entry.set_value(true)
            on:input=on_input
        />
    }
}
