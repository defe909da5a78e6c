//! The status line under Import: what the last Apply did, with Undo, which
//! puts every user of the file back; an undo can be undone in turn.

use leptos::prelude::*;

use crate::api::change_sets::{undo_change_set, UndoRequest};
use crate::domain::{grouped, ChangeSetId, ImportApplied, Saved};

/// What the last Apply or Undo did, and the change set that undoes it.
#[derive(Clone)]
pub struct Outcome {
    message: String,
    undo: Option<ChangeSetId>,
}

impl Outcome {
    /// "Imported: 12 users changed."
    pub fn imported(done: ImportApplied) -> Self {
        let users = if done.changed == 1 { "user" } else { "users" };
        Self {
            message: format!(
                "Imported: {} {users} changed.",
                grouped(done.changed as u64)
            ),
            undo: done.change_set,
        }
    }
}

#[component]
pub fn OutcomeLine(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let undo = Action::new(|r: &UndoRequest| undo_change_set(r.clone()));
    Effect::new(move |_| match undo.value().get() {
        Some(Ok(Saved { saved, change_set })) => {
            let users = if saved.len() == 1 {
                "user is"
            } else {
                "users are"
            };
            outcome.set(Some(Outcome {
                message: format!(
                    "Undone: {} {users} back as before.",
                    grouped(saved.len() as u64)
                ),
                undo: change_set,
            }));
        }
        Some(Err(e)) => outcome.set(Some(Outcome {
            message: format!("Nothing was undone. {e}"),
            undo: None,
        })),
        None => {}
    });
    let on_undo = move |change_set: ChangeSetId| {
        move |_| {
            if !undo.pending().get_untracked() {
                undo.dispatch(UndoRequest { change_set });
            }
        }
    };
    view! {
        <p class="status" role="status">
            {move || outcome.get().map(|o| {
                let offer = o.undo.map(|set| view! {
                    " "
                    <button type="button" class="link" disabled=move || undo.pending().get() on:click=on_undo(set)>
                        "Undo"
                    </button>
                });
                view! { {o.message} {offer} }
            })}
        </p>
    }
}
