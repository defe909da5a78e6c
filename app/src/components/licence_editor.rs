use leptos::prelude::*;

use super::VoiceUsersState;
use crate::api::licences::{change_licence, LicenceChange};
use crate::api::ApiError;
use crate::domain::{Licence, VoiceUser};

/// The pane's **Assigned license** section: the user's licences, each with
/// Remove, and a way to add one. Removing a licence the user's number needs
/// asks before taking the number too.
#[component]
pub fn LicenceEditor(user: VoiceUser) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let manage = super::can(crate::domain::Permission::ManageLicences);
    let save = Action::new(move |c: &LicenceChange| change_licence(c.clone()));
    let problem = RwSignal::new(None::<String>);
    // The removal waiting for "Remove license and number".
    let pending_removal = RwSignal::new(None::<LicenceChange>);
    let needs_confirm = RwSignal::new(false);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            state.announce(format!("Updated the licenses of {}.", saved.display_name));
            state.record(saved);
        }
        Some(Err(ApiError::LicenceNeeded { message })) => {
            needs_confirm.set(true);
            problem.set(Some(message));
        }
        Some(Err(ApiError::Stale { message, current })) => {
            if let Some(current) = current {
                state.record(*current);
            }
            needs_confirm.set(false);
            problem.set(Some(message));
        }
        Some(Err(e)) => {
            needs_confirm.set(false);
            problem.set(Some(e.to_string()));
        }
        None => {}
    });
    let (id, version) = (user.id, user.version);
    let request = move |licence: Licence, assign: bool, also_remove_number: bool| LicenceChange {
        user_id: id,
        licence,
        assign,
        expected_version: version,
        also_remove_number,
    };
    let missing: Vec<Licence> = Licence::ALL
        .iter()
        .copied()
        .filter(|l| !user.licences.contains(l))
        .collect();
    let to_add = RwSignal::new(missing.first().copied());

    view! {
        {if user.licences.is_empty() {
            view! { <p class="muted">"None"</p> }.into_any()
        } else {
            view! {
                <ul class="plain licences">
                    {user.licences.iter().map(|l| {
                        let l = *l;
                        view! {
                            <li>
                                {l.label()}
                                " "
                                <button
                                    type="button"
                                    class="link"
                                    hidden=!manage
                                    aria-label=format!("Remove {} license", l.label())
                                    disabled=move || save.pending().get()
                                    on:click=move |_| {
                                        problem.set(None);
                                        pending_removal.set(Some(request(l, false, true)));
                                        save.dispatch(request(l, false, false));
                                    }
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(manage && !missing.is_empty()).then(|| view! {
            <div class="search-row">
                <select aria-label="License to add" on:change=move |ev| to_add.set(Licence::from_code(&event_target_value(&ev)))>
                    {missing.iter().map(|l| view! { <option value=l.code()>{l.label()}</option> }).collect_view()}
                </select>
                <button
                    type="button"
                    disabled=move || save.pending().get()
                    on:click=move |_| {
                        if let Some(l) = to_add.get_untracked() {
                            problem.set(None);
                            save.dispatch(request(l, true, false));
                        }
                    }
                >
                    "Add license"
                </button>
            </div>
        })}
        {move || problem.get().map(|message| view! {
            <div class="warning" role="alert">
                <p>{message}</p>
                {pending_removal.get().filter(|_| needs_confirm.get()).map(|confirmed| view! {
                    <button type="button" on:click=move |_| {
                        problem.set(None);
                        save.dispatch(confirmed.clone());
                    }>
                        "Remove license and number"
                    </button>
                })}
            </div>
        })}
    }
}
