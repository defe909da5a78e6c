//! Voice > Recent changes: every Save, import and undo as a change set,
//! newest first. Undo puts all the users of a set back as it found them;
//! it is itself a change set, so an undo can be undone too.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::change_sets::{recent_changes, undo_change_set, UndoRequest};
use crate::components::{can, load_more, loaded, use_paging, Paging};
use crate::domain::{format_utc, grouped, ChangeSet, ChangeSetId, ChangeSetPage, Permission};

#[component]
pub fn RecentChangesPage() -> impl IntoView {
    let paging: Paging<(), ChangeSetPage> = use_paging(|| (), |(), before| recent_changes(before));
    let may_undo = can(Permission::ManageVoice);
    let status = RwSignal::new(None::<String>);
    let undo = Action::new(|id: &ChangeSetId| {
        let id = *id;
        async move { (id, undo_change_set(UndoRequest { change_set: id }).await) }
    });
    Effect::new(move |_| {
        let Some((id, result)) = undo.value().get() else {
            return;
        };
        status.set(Some(match result {
            Ok(_) => format!("Undone: change {id}."),
            Err(e) => format!("Nothing was undone. {e}"),
        }));
        // Refused or not, the list shows the sets as they are now.
        paging.refresh();
    });
    // The link between a set and its undo, and Undo while the set stands.
    let undo_cell = move |set: &ChangeSet| {
        let id = set.id;
        let of = set
            .undoes
            .map(|of| view! { <span>{format!("Undo of change {of}")}</span> });
        let state = match set.undone_by {
            Some(by) => Some(view! { <span>{format!("Undone by change {by}")}</span> }.into_any()),
            None if may_undo => Some(
                view! {
                    <button
                        type="button"
                        disabled=move || undo.pending().get()
                        on:click=move |_| {
                            if !undo.pending().get_untracked() {
                                undo.dispatch(id);
                            }
                        }
                    >
                        "Undo"
                    </button>
                }
                .into_any(),
            ),
            None => None,
        };
        let gap = (of.is_some() && state.is_some()).then_some(" ");
        view! { <td class="row-actions">{of}{gap}{state}</td> }
    };

    view! {
        <Title text="Recent changes" />
        <h1>"Recent changes"</h1>
        <p class="lede">
            "Every Save, import and undo of users' numbers, newest first. Undo puts all the users "
            "of a change back as it found them, unless one of them has changed since."
        </p>
        <p class="status" role="status">{move || status.get()}</p>
        {loaded(paging.first, "Loading recent changes…", move |page: ChangeSetPage| {
            let rows = paging.rows(&page);
            let empty = page.sets.is_empty();
            view! {
                <table class="grid recent-changes" aria-label="Recent changes">
                    <thead>
                        <tr>
                            <th scope="col">"Change"</th>
                            <th scope="col">"When"</th>
                            <th scope="col">"Admin"</th>
                            <th scope="col">"What"</th>
                            <th scope="col">"Users"</th>
                            <th scope="col">"Undo"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=rows
                            key=|s| (s.id, s.undone_by)
                            children=move |s| view! {
                                <tr>
                                    <td class="number">{s.id.to_string()}</td>
                                    <td class="nowrap">{format_utc(s.at)}</td>
                                    <td>{s.actor.clone()}</td>
                                    <td class="what">{s.summary.clone()}</td>
                                    <td class="number">{grouped(s.users.max(0) as u64)}</td>
                                    {undo_cell(&s)}
                                </tr>
                            }
                        />
                    </tbody>
                </table>
                {empty.then(|| view! { <p class="muted">"No changes yet."</p> })}
                <div class="grid-foot">{load_more(paging, &page)}</div>
            }
        })}
    }
}
