use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{
    ActionPane, AssignDialog, Dialog, RemoveDialog, UsersGrid, VoiceUsersState,
};

/// Voice > Voice users: the grid, the action pane, and the dialogs.
#[component]
pub fn VoiceUsersPage() -> impl IntoView {
    let state = VoiceUsersState::new();
    provide_context(state);

    let dialog = move || {
        let open = state.dialog.get()?;
        let view = match open {
            Dialog::Assign(id) => {
                let user = state.user(id)?;
                view! { <AssignDialog user changing=false /> }.into_any()
            }
            Dialog::Change(id) => {
                let user = state.user(id)?;
                view! { <AssignDialog user changing=true /> }.into_any()
            }
            Dialog::Remove(id) => {
                let user = state.user(id)?;
                view! { <RemoveDialog user /> }.into_any()
            }
        };
        Some(view)
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
                <p class="status" role="status">
                    {move || state.status.get()}
                </p>
                <UsersGrid />
            </section>
            <ActionPane />
        </div>
        {dialog}
    }
}
