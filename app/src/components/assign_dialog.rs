use leptos::prelude::*;

use super::location_picker::LocationPicker;
use super::modal::Modal;
use super::number_picker::NumberPicker;
use super::VoiceUsersState;
use crate::api::assignments::{assign_number, AssignRequest};
use crate::api::ApiError;
use crate::domain::{
    check_assignment, number_taken, EmergencyLocation, Licence, LiveChange, NumberLookup,
    NumberSource, Saved, TelephoneNumber, Violation, VoiceUser,
};

/// The **Assign number** page, as a dialog: pick a number and a validated
/// emergency location, see every rule the choice breaks, then **Save**.
/// With `changing`, it starts from the user's current number and location and
/// offers **Change number** and **Change location**.
#[component]
pub fn AssignDialog(user: VoiceUser, changing: bool) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let close = move || state.dialog.set(None);

    let user_now = RwSignal::new(user.clone());
    let number = RwSignal::new(user.assigned_number.clone());
    let location = RwSignal::new(user.emergency_location.clone());
    let picking_number = RwSignal::new(!changing);
    let picking_location = RwSignal::new(!changing);
    // The server's day, from the grid; the number picker refreshes it.
    let today = state.today;
    let server_says = RwSignal::new(None::<String>);

    // The same rules the server runs on Save.
    let violations = Memo::new(move |_| {
        let (Some(n), Some(today)) = (number.get(), today.get()) else {
            return Vec::new();
        };
        user_now
            .with(|u| check_assignment(u, NumberLookup::Found(&n), location.get().as_ref(), &today))
            .into_iter()
            // Not a mistake yet: the admin just hasn't picked one.
            .filter(|v| *v != Violation::LocationRequired)
            .collect::<Vec<_>>()
    });
    // Saving what the user already has would change nothing.
    let unchanged = move || {
        number.with(|n| {
            location.with(|l| match (n, l) {
                (Some(n), Some(l)) => user_now.with(|u| u.holds(&n.number.e164, l.id)),
                _ => false,
            })
        })
    };

    // Others at work meanwhile. A chosen number someone just gave another
    // user goes, and the picker opens afresh on the next free one (even
    // when this admin took it in another tab). A change to this very user
    // is told, not taken in: Save then meets the conflict and the admin
    // decides, rather than overwriting what they haven't seen.
    let live_news = RwSignal::new(None::<String>);
    super::on_live(move |batch| {
        let me = user_now.with_untracked(|u| u.id);
        let chosen = number.with_untracked(|n| n.as_ref().map(|n| n.number.e164.to_string()));
        if let Some(taken) = chosen.and_then(|e164| number_taken(&batch.changes, &e164, me)) {
            let shown =
                number.with_untracked(|n| n.as_ref().map(|n| n.number.international.clone()));
            live_news.set(Some(taken_message(taken, shown.unwrap_or_default())));
            number.set(None);
            picking_number.set(true);
        }
    });
    super::on_others(move |others| {
        let me = user_now.with_untracked(|u| u.id);
        if let Some(change) = others.changes.iter().rev().find(|c| c.user == Some(me)) {
            live_news.set(Some(change.note(0)));
        }
    });

    let save = Action::new(move |r: &AssignRequest| assign_number(r.clone()));
    let can_save = move || {
        number.with(Option::is_some)
            && location.with(Option::is_some)
            && violations.with(Vec::is_empty)
            && !unchanged()
            && !save.pending().get()
    };
    let on_save = move |_| {
        if !can_save() {
            return;
        }
        let (Some(n), Some(l)) = (number.get_untracked(), location.get_untracked()) else {
            return;
        };
        server_says.set(None);
        save.dispatch(AssignRequest {
            user_id: user_now.with_untracked(|u| u.id),
            number: n.number.e164.to_string(),
            location_id: Some(l.id),
            expected_version: user_now.with_untracked(|u| u.version),
        });
    };
    Effect::new(move |_| match save.value().get() {
        Some(Ok(Saved { saved, change_set })) => {
            let number = saved
                .assigned_number
                .as_ref()
                .map(|n| n.number.international.clone())
                .unwrap_or_default();
            state.announce_saved(
                format!("Assigned {number} to {}.", saved.display_name),
                change_set,
            );
            state.record(saved);
            close();
        }
        Some(Err(ApiError::Stale { message, current })) => {
            if let Some(current) = current {
                state.record((*current).clone());
                user_now.set(*current);
            }
            server_says.set(Some(message));
        }
        Some(Err(e)) => server_says.set(Some(e.to_string())),
        None => {}
    });

    let no_phone_system = !Licence::allow(&user.licences, NumberSource::DirectRouting);

    view! {
        <Modal role="dialog" labelledby="assign-title" wide=true on_close=move |_| close()>
            <h2 id="assign-title">"Assign number"</h2>
            <p class="muted">
                {format!("{} · {} · usage location {}", user.display_name, user.username, user.usage_location)}
            </p>
            {no_phone_system.then(|| view! {
                <p class="warning" role="alert">
                    {format!(
                        "User '{}' lacks appropriate licenses to assign a number. Assign Phone System or Enterprise E5 (and a Calling Plan for Calling Plan numbers) first.",
                        user.username
                    )}
                </p>
            })}
            // Without Phone System no number can go to this user: say what to
            // buy instead of offering numbers.
            {(!no_phone_system).then(move || view! {
                <section class="dialog-section">
                    <h3>"Phone number"</h3>
                    {move || {
                        if picking_number.get() {
                            view! { <NumberPicker country=user.usage_location licences=user.licences.clone() chosen=number today focus=changing /> }.into_any()
                        } else {
                            view! {
                                <p class="number">{current_number(number.get())}</p>
                                <button type="button" on:click=move |_| picking_number.set(true)>
                                    "Change number"
                                </button>
                            }
                            .into_any()
                        }
                    }}
                </section>
                <section class="dialog-section">
                    <h3>"Emergency location"</h3>
                    {move || {
                        if picking_location.get() {
                            let label = if changing {
                                "Change emergency address to"
                            } else {
                                "Select validated emergency location"
                            };
                            view! { <LocationPicker label country=user.usage_location chosen=location focus=changing /> }.into_any()
                        } else {
                            view! {
                                <p>{current_location(location.get())}</p>
                                <button type="button" on:click=move |_| picking_location.set(true)>
                                    "Change location"
                                </button>
                            }
                            .into_any()
                        }
                    }}
                </section>
            })}
            {move || {
                let found = violations.get();
                (!found.is_empty()).then(|| view! {
                    <ul class="violations" role="alert" aria-label="Problems with this assignment">
                        {found.into_iter().map(|v| view! { <li>{v.to_string()}</li> }).collect_view()}
                    </ul>
                })
            }}
            {move || live_news.get().map(|m| view! { <p class="warning" role="alert">{m}</p> })}
            {move || server_says.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            <div class="actions">
                <button type="button" class="primary" disabled=move || !can_save() on:click=on_save>
                    {move || if save.pending().get() { "Saving…" } else { "Save" }}
                </button>
                <button type="button" on:click=move |_| close()>
                    "Cancel"
                </button>
            </div>
        </Modal>
    }
}

fn current_number(n: Option<TelephoneNumber>) -> String {
    n.map(|n| format!("{} · {}", n.number.international, n.city))
        .unwrap_or_else(|| "None".to_owned())
}

fn current_location(l: Option<EmergencyLocation>) -> String {
    l.map(|l| l.label()).unwrap_or_else(|| "None".to_owned())
}

/// What the dialog says when the number it chose was just taken.
fn taken_message(taken: &LiveChange, number: String) -> String {
    let to = taken.user_name.as_deref().unwrap_or("another user");
    let by = if taken.actor.is_empty() {
        String::new()
    } else {
        format!(" by {}", taken.actor)
    };
    format!("{number} was just assigned to {to}{by}. The next free number is selected instead.")
}
