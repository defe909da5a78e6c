use leptos::prelude::*;

use super::licence_editor::LicenceEditor;
use super::ProvisioningCard;
use super::{can, count_text};
use super::{Dialog, VoiceUsersState};
use crate::domain::{Permission, VoiceUser};

/// The pane's element id: a user chosen from the keyboard sends the focus
/// there (`focus_pane`).
pub const PANE_ID: &str = "action-pane";

/// Moves the focus to the Action pane once it shows what was just chosen,
/// so Tab goes on to its buttons, not through the rest of the grid.
pub fn focus_pane() {
    #[cfg(feature = "hydrate")]
    request_animation_frame(|| {
        if let Some(pane) = document().get_element_by_id(PANE_ID) {
            if let Ok(pane) =
                leptos::wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::HtmlElement>(pane)
            {
                let _ = pane.focus();
            }
        }
    });
}

/// The keys that send the focus to the pane from anywhere on the page.
const SHORTCUT: &str = "Alt+Shift+A";

/// "Skip to action pane", before the grid: a link seen once it has the
/// focus, and its shortcut, Alt+Shift+A, from anywhere on the page but a
/// dialog, which keeps the focus.
#[component]
pub fn SkipToPane() -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        // By the key's place: with Alt, a Mac types "Å" for A.
        let only_alt_shift = ev.alt_key() && ev.shift_key() && !ev.ctrl_key() && !ev.meta_key();
        if only_alt_shift && ev.code() == "KeyA" && state.dialog.get_untracked().is_none() {
            ev.prevent_default();
            focus_pane();
        }
    });
    on_cleanup(move || keys.remove());
    // The click is handled before the router's, which then leaves the
    // address alone.
    view! {
        <a
            class="skip-link"
            href=format!("#{PANE_ID}")
            aria-keyshortcuts=SHORTCUT
            on:click=move |ev| {
                ev.prevent_default();
                focus_pane();
            }
        >
            "Skip to action pane "
            <kbd>{SHORTCUT}</kbd>
        </a>
    }
}

/// The Action pane: the selected user's details and what can be done.
#[component]
pub fn ActionPane() -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    view! {
        <aside id=PANE_ID class="action-pane" aria-label="Action pane" tabindex="-1">
            {move || {
                let count = state.selected.with(Vec::len);
                match state.focused() {
                    Some(user) => view! { <UserDetails user /> }.into_any(),
                    None if count == 0 => view! {
                        <p class="muted">"Select a user to see their details and phone number."</p>
                    }
                    .into_any(),
                    None => view! { <SeveralSelected /> }.into_any(),
                }
            }}
        </aside>
    }
}

#[component]
fn UserDetails(user: VoiceUser) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let id = user.id;
    // Helpdesk reads; only roles that manage voice see the buttons.
    let manage = can(Permission::ManageVoice);
    let number = match &user.assigned_number {
        Some(n) => view! {
            <p class="number">{n.number.international.clone()}</p>
            <p class="muted">{format!("{} · {} · {}", n.city, n.number.country.name(), n.source.label())}</p>
            // Named for the number they act on: the licences' have a Remove too.
            <div class="actions" hidden=!manage>
                <button
                    type="button"
                    aria-label=format!("Change assigned number {}", n.number.international)
                    on:click=move |_| state.dialog.set(Some(Dialog::Change(id)))
                >
                    "Change"
                </button>
                <button
                    type="button"
                    aria-label=format!("Remove assigned number {}", n.number.international)
                    on:click=move |_| state.dialog.set(Some(Dialog::RemoveSelected))
                >
                    "Remove"
                </button>
            </div>
        }
        .into_any(),
        None => view! {
            <p class="muted">"No number assigned."</p>
            <div class="actions" hidden=!manage>
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| state.dialog.set(Some(Dialog::Assign(id)))
                >
                    "Assign number"
                </button>
            </div>
        }
        .into_any(),
    };
    let location = match &user.emergency_location {
        Some(l) => view! {
            <p>{l.description.clone()}</p>
            <p class="muted">
                {format!("{}, {}, {} {}", l.street, l.city, l.postal_code, l.country)}
            </p>
        }
        .into_any(),
        None => view! { <p class="muted">"None"</p> }.into_any(),
    };
    view! {
        <h2>{user.display_name.clone()}</h2>
        <dl class="facts">
            <dt>"Username"</dt>
            <dd>{user.username.clone()}</dd>
            <dt>"Usage location"</dt>
            <dd>{format!("{} ({})", user.usage_location.name(), user.usage_location)}</dd>
        </dl>
        <section>
            <h3>"Assigned license"</h3>
            <LicenceEditor user=user.clone() />
        </section>
        <section>
            <h3>"Assigned number"</h3>
            {number}
        </section>
        <section>
            <h3>"Emergency location"</h3>
            {location}
        </section>
        <ProvisioningCard user=user.clone() />
    }
}

/// The selected users the pane names: a selection of ten thousand is
/// counted, not listed.
const LISTED: usize = 50;

#[component]
fn SeveralSelected() -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    view! {
        <h2>{move || format!("{} users selected", count_text(state.selected.with(Vec::len) as i64, false))}</h2>
        <p class="muted">
            "Assign numbers gives each selected user without a number one of their own; Change location moves the selected users who have one; Remove takes their numbers back."
        </p>
        <ul class="plain">
            {move || {
                state.selected.with(|s| {
                    s.iter()
                        .take(LISTED)
                        .map(|u| {
                            let u = state.latest(u);
                            let number = u
                                .assigned_number
                                .map(|n| n.number.international)
                                .unwrap_or_else(|| "no number".to_owned());
                            view! { <li>{format!("{} ({number})", u.display_name)}</li> }
                        })
                        .collect_view()
                })
            }}
        </ul>
        {move || {
            let more = state.selected.with(Vec::len).saturating_sub(LISTED);
            (more > 0).then(|| view! {
                <p class="muted">{format!("and {} more.", count_text(more as i64, false))}</p>
            })
        }}
        <section>
            <h3>"Assigned number"</h3>
            {move || {
                let with_numbers = state.selected_with_numbers().len();
                let selected = state.selected.with(Vec::len);
                view! {
                    <p class="muted">{format!("{with_numbers} of the {selected} selected users have a number.")}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class="primary"
                            hidden=!can(Permission::ManageVoice)
                            disabled=with_numbers == selected
                            on:click=move |_| state.dialog.set(Some(Dialog::AssignSelected))
                        >
                            "Assign numbers"
                        </button>
                        <button
                            type="button"
                            hidden=!can(Permission::ManageVoice)
                            disabled=with_numbers == 0
                            aria-label="Change location of the selected users"
                            on:click=move |_| state.dialog.set(Some(Dialog::MoveSelected))
                        >
                            "Change location"
                        </button>
                        <button
                            type="button"
                            hidden=!can(Permission::ManageVoice)
                            disabled=with_numbers == 0
                            aria-label="Remove the assigned numbers of the selected users"
                            on:click=move |_| state.dialog.set(Some(Dialog::RemoveSelected))
                        >
                            "Remove"
                        </button>
                        <button type="button" on:click=move |_| state.selected.set(Vec::new())>
                            "Clear selection"
                        </button>
                    </div>
                }
            }}
        </section>
    }
}
