use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{can, on_others};
use crate::components::{
    ActionPane, AssignDialog, BulkDialog, Dialog, OutcomeStatus, RemoveDialog, UsersGrid,
    VoiceUsersState,
};
use crate::domain::Permission;

/// Voice > Voice users: the grid, the action pane, and the dialogs.
#[component]
pub fn VoiceUsersPage() -> impl IntoView {
    let state = VoiceUsersState::new();
    provide_context(state);
    // Others' saves, as they happen: the rows and the pane show them.
    // Others' changes: this admin's own come in with each save's answer.
    on_others(move |batch| state.record_all(batch.users.clone()));

    // Opening a dialog reads the user once: a dialog keeps its own copy, so
    // a refresh it triggers itself (a stale save) doesn't reset it.
    let dialog = move || {
        let open = state.dialog.get()?;
        untrack(move || dialog_for(state, open))
    };

    view! {
        <Title text="Voice users" />
        <div class="page-with-pane">
            <section class="page-main">
                <h1>"Voice users"</h1>
                <p class="lede">
                    "Select a user to assign, change or remove the phone number listed in their "
                    <strong>"Work Phone"</strong> " box."
                </p>
                <div class="page-commands">
                    {can(Permission::ManageVoice).then(|| view! {
                        <a class="button" href="/voice/users/import">"Import"</a>
                    })}
                    <a class="button" href="/voice/changes">"Recent changes"</a>
                </div>
                <OutcomeStatus />
                <UsersGrid />
            </section>
            <ActionPane />
        </div>
        {dialog}
    }
}

/// The dialog `open` names, for the user or users it concerns.
fn dialog_for(state: VoiceUsersState, open: Dialog) -> Option<AnyView> {
    let view = match open {
        Dialog::Assign(id) => {
            let user = state.user(id)?;
            view! { <AssignDialog user changing=false /> }.into_any()
        }
        Dialog::Change(id) => {
            let user = state.user(id)?;
            view! { <AssignDialog user changing=true /> }.into_any()
        }
        Dialog::RemoveSelected => {
            let users = state.selected_with_numbers();
            if users.is_empty() {
                return None;
            }
            view! { <RemoveDialog users /> }.into_any()
        }
        Dialog::AssignSelected => {
            let users = state.selected_without_numbers();
            if users.is_empty() {
                return None;
            }
            view! { <BulkDialog users moving=false /> }.into_any()
        }
        Dialog::MoveSelected => {
            let users = state.selected_with_numbers();
            if users.is_empty() {
                return None;
            }
            view! { <BulkDialog users moving=true /> }.into_any()
        }
    };
    Some(view)
}
