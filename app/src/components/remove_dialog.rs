use leptos::prelude::*;

use super::grid_parts::ConfirmActions;
use super::modal::Modal;
use super::VoiceUsersState;
use crate::api::assignments::remove_numbers;
use crate::api::assignments::RemoveRequest;
use crate::api::ApiError;
use crate::domain::{Saved, VoiceUser};

/// "Remove selected assigned number?": Yes takes the numbers of the selected
/// users back into the unassigned inventory, all in one go.
#[component]
pub fn RemoveDialog(users: Vec<VoiceUser>) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let close = move || state.dialog.set(None);
    let number_of = |u: &VoiceUser| {
        u.assigned_number
            .as_ref()
            .map(|n| n.number.international.clone())
            .unwrap_or_default()
    };
    let requests: Vec<RemoveRequest> = users
        .iter()
        .map(|u| RemoveRequest {
            user_id: u.id,
            expected_version: u.version,
        })
        .collect();
    let done_message = match users.as_slice() {
        [one] => format!("Removed {} from {}.", number_of(one), one.display_name),
        many => format!("Removed the numbers of {} users.", many.len()),
    };
    let remove = Action::new(move |r: &Vec<RemoveRequest>| remove_numbers(r.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match remove.value().get() {
        Some(Ok(Saved { saved, change_set })) => {
            state.record_all(saved);
            state.announce_saved(done_message.clone(), change_set);
            close();
        }
        Some(Err(ApiError::Stale { message, current })) => {
            if let Some(current) = current {
                state.record(*current);
            }
            error.set(Some(format!("{message} Nothing was removed.")));
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });

    let explanation = match users.as_slice() {
        [one] => view! {
            <p id="remove-text">
                {format!(
                    "{} will be taken from {} and returned to your unassigned numbers. {} will no longer be able to make or receive calls on it.",
                    number_of(one),
                    one.display_name,
                    one.display_name,
                )}
            </p>
        }
        .into_any(),
        many => view! {
            <div id="remove-text">
                <p>
                    {format!(
                        "These {} numbers will be taken from their users and returned to your unassigned numbers:",
                        many.len()
                    )}
                </p>
                <ul class="plain">
                    {many
                        .iter()
                        .map(|u| view! { <li>{format!("{} — {}", u.display_name, number_of(u))}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any(),
    };

    view! {
        <Modal role="alertdialog" labelledby="remove-title" describedby="remove-text" on_close=move |_| close()>
            <h2 id="remove-title">"Remove selected assigned number?"</h2>
            {explanation}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ConfirmActions
                pending=remove.pending()
                failed=Signal::derive(move || error.with(Option::is_some))
                busy="Removing…"
                on_yes=move |()| {
                    remove.dispatch(requests.clone());
                }
                on_no=move |()| close()
            />
        </Modal>
    }
}
