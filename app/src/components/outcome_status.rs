//! The Voice users page's status line: what the last action did, with
//! Undo for a Save, which puts every user of its change set back.

use leptos::prelude::*;

use super::{count_text, VoiceUsersState};
use crate::api::change_sets::{undo_change_set, UndoRequest};
use crate::domain::{Permission, Saved};

#[component]
pub fn OutcomeStatus() -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let may_undo = super::can(Permission::ManageVoice);
    let undo = Action::new(move |r: &UndoRequest| undo_change_set(r.clone()));
    Effect::new(move |_| match undo.value().get() {
        Some(Ok(Saved { saved, change_set })) => {
            let message = match saved.as_slice() {
                [one] => format!("Undone: {} is back as before.", one.display_name),
                many => format!(
                    "Undone: {} users are back as before.",
                    count_text(many.len() as i64, false)
                ),
            };
            state.record_all(saved);
            // Undoing an undo puts the change back: offered too.
            state.announce_saved(message, change_set);
        }
        Some(Err(e)) => state.announce(format!("Nothing was undone. {e}")),
        None => {}
    });
    let on_undo = move |_| {
        if undo.pending().get_untracked() {
            return;
        }
        if let Some(change_set) = state
            .status
            .with_untracked(|s| s.as_ref().and_then(|o| o.undo))
        {
            undo.dispatch(UndoRequest { change_set });
        }
    };
    view! {
        <p class="status" role="status">
            {move || state.status.get().map(|o| {
                let offer = (may_undo && o.undo.is_some()).then(|| view! {
                    " "
                    <button
                        type="button"
                        class="link"
                        on:click=on_undo
                        disabled=move || undo.pending().get()
                    >
                        "Undo"
                    </button>
                });
                view! { {o.message} {offer} }
            })}
        </p>
    }
}
