use leptos::prelude::*;

use super::VoiceUsersState;
use crate::api::assignments::remove_number;
use crate::api::{ApiError, RemoveRequest};
use crate::domain::VoiceUser;

/// "Remove selected assigned number?": Yes takes the number back into the
/// unassigned inventory.
#[component]
pub fn RemoveDialog(user: VoiceUser) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let close = move || state.dialog.set(None);
    let number = user
        .assigned_number
        .as_ref()
        .map(|n| n.number.international.clone())
        .unwrap_or_default();
    let request = RemoveRequest {
        user_id: user.id,
        expected_version: user.version,
    };
    let remove = Action::new(move |r: &RemoveRequest| remove_number(r.clone()));
    let error = RwSignal::new(None::<String>);
    let (name, removed) = (user.display_name.clone(), number.clone());
    Effect::new(move |_| match remove.value().get() {
        Some(Ok(saved)) => {
            state.record(saved);
            state
                .status
                .set(Some(format!("Removed {removed} from {name}.")));
            close();
        }
        Some(Err(ApiError::Stale { message, current })) => {
            if let Some(current) = current {
                state.record(*current);
            }
            error.set(Some(message));
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });

    view! {
        <div class="backdrop" on:click=move |_| close()></div>
        <div
            class="dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="remove-title"
            aria-describedby="remove-text"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    close();
                }
            }
        >
            <h2 id="remove-title">"Remove selected assigned number?"</h2>
            <p id="remove-text">
                {format!(
                    "{number} will be taken from {} and returned to your unassigned numbers. {} will no longer be able to make or receive calls on it.",
                    user.display_name,
                    user.display_name,
                )}
            </p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    autofocus
                    disabled=move || remove.pending().get() || error.with(Option::is_some)
                    on:click=move |_| {
                        remove.dispatch(request.clone());
                    }
                >
                    {move || if remove.pending().get() { "Removing…" } else { "Yes" }}
                </button>
                <button type="button" on:click=move |_| close()>
                    "No"
                </button>
            </div>
        </div>
    }
}
