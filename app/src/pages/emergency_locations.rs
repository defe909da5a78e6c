use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::emergency_locations::{
    delete_location, list_locations, rename_location, LocationInUse,
};
use crate::api::ApiError;
use crate::components::{loaded, on_typing_pause, AddLocationDialog, ConfirmActions, Modal};
use crate::links;

/// Voice > Emergency locations: every civic address, whether it is validated
/// and how many users it serves; add validated ones, delete unused ones.
#[component]
pub fn EmergencyLocationsPage() -> impl IntoView {
    let city = RwSignal::new(String::new());
    let locations = Resource::new(move || city.get(), list_locations);
    crate::components::on_others(move |batch| {
        if batch.touches(crate::domain::Touches::Locations) {
            locations.refetch();
        }
    });
    let status = RwSignal::new(None::<String>);
    let manage = crate::components::can(crate::domain::Permission::ManageVoice);
    let adding = RwSignal::new(false);
    let deleting = RwSignal::new(None::<LocationInUse>);
    let renaming = RwSignal::new(None::<LocationInUse>);
    let on_renamed = Callback::new(move |description: String| {
        status.set(Some(format!("Renamed to '{description}'.")));
        renaming.set(None);
        locations.refetch();
    });
    let on_added = Callback::new(move |description: String| {
        status.set(Some(format!("Added and validated '{description}'.")));
        adding.set(false);
        locations.refetch();
    });
    let on_deleted = Callback::new(move |description: String| {
        status.set(Some(format!("Deleted '{description}'.")));
        deleting.set(None);
        locations.refetch();
    });

    view! {
        <Title text="Emergency locations" />
        <h1>"Emergency locations"</h1>
        <p class="lede">"The addresses sent to emergency services when your users call them."</p>
        <p class="status" role="status">{move || status.get()}</p>
        <div class="grid-tools filters">
            <input
                type="search"
                class="search"
                aria-label="Search by city"
                placeholder="City"
                maxlength="100"
                on:input=on_typing_pause(move |v| city.set(v))
            />
            <button type="button" class="primary" hidden=!manage on:click=move |_| adding.set(true)>
                "Add location"
            </button>
        </div>
        {loaded(locations, "Loading emergency locations…", move |list: Vec<LocationInUse>| {
            if list.is_empty() {
                return view! { <p class="muted">"No emergency location in that city."</p> }.into_any();
            }
            view! {
                <table class="grid" aria-label="Emergency locations">
                    <thead>
                        <tr>
                            <th scope="col">"Description"</th>
                            <th scope="col">"Address"</th>
                            <th scope="col">"City"</th>
                            <th scope="col">"Country or region"</th>
                            <th scope="col">"Validated"</th>
                            <th scope="col">"Used by"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {list.into_iter().map(|entry| {
                            let l = entry.location.clone();
                            let users = entry.users;
                            view! {
                                <tr>
                                    <td>{l.description.clone()}</td>
                                    <td>{format!("{}, {}{}", l.street, l.state.clone().map(|s| format!("{s} ")).unwrap_or_default(), l.postal_code)}</td>
                                    <td>{l.city.clone()}</td>
                                    <td>{l.country.name()}</td>
                                    <td>{if l.validated { "Yes" } else { "No" }}</td>
                                    <td>{users_link(l.id, users)}</td>
                                    <td class="row-actions" hidden=!manage>
                                        <button
                                            type="button"
                                            aria-label=format!("Rename {}", l.description)
                                            on:click={
                                                let entry = entry.clone();
                                                move |_| renaming.set(Some(entry.clone()))
                                            }
                                        >
                                            "Rename"
                                        </button>
                                        <button
                                            type="button"
                                            aria-label=format!("Delete {}", l.description)
                                            on:click=move |_| deleting.set(Some(entry.clone()))
                                        >
                                            "Delete"
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        })}
        {move || adding.get().then(|| view! {
            <AddLocationDialog on_close=Callback::new(move |()| adding.set(false)) on_added />
        })}
        {move || renaming.get().map(|entry| view! {
            <RenameLocationDialog entry on_close=Callback::new(move |()| renaming.set(None)) on_renamed />
        })}
        {move || deleting.get().map(|entry| view! {
            <DeleteLocationDialog entry on_close=Callback::new(move |()| deleting.set(None)) on_deleted />
        })}
    }
}

fn users_text(users: i64) -> String {
    match users {
        1 => "1 user".to_owned(),
        n => format!("{n} users"),
    }
}

/// "3 users", linking to those users in Voice users.
fn users_link(id: crate::domain::LocationId, users: i64) -> AnyView {
    if users == 0 {
        return view! { "0 users" }.into_any();
    }
    view! { <A href=links::voice_users_at(id)>{users_text(users)}</A> }.into_any()
}

#[component]
fn DeleteLocationDialog(
    entry: LocationInUse,
    on_close: Callback<()>,
    on_deleted: Callback<String>,
) -> impl IntoView {
    let description = entry.location.description.clone();
    let id = entry.location.id;
    let delete = Action::new(move |_: &()| delete_location(id));
    let error = RwSignal::new(None::<String>);
    // Refused because users still have it: offer the list of those users.
    let in_use = RwSignal::new(false);
    Effect::new({
        let description = description.clone();
        move |_| match delete.value().get() {
            Some(Ok(())) => on_deleted.run(description.clone()),
            Some(Err(e)) => {
                in_use.set(matches!(e, ApiError::Conflict { .. }));
                error.set(Some(e.to_string()));
            }
            None => {}
        }
    });
    view! {
        <Modal role="alertdialog" labelledby="delete-title" describedby="delete-text" on_close=move |_| on_close.run(())>
            <h2 id="delete-title">"Delete emergency location?"</h2>
            <p id="delete-text">
                {format!("'{description}' will be deleted. A validated address can't be brought back: you would add it again and validate it anew.")}
            </p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || in_use.get().then(|| view! {
                <p>
                    <A href=links::voice_users_at(id)>"Show the users at this location"</A>
                </p>
            })}
            <ConfirmActions
                pending=delete.pending()
                failed=Signal::derive(move || error.with(Option::is_some))
                busy="Deleting…"
                on_yes=move |()| {
                    delete.dispatch(());
                }
                on_no=move |()| on_close.run(())
            />
        </Modal>
    }
}

/// Renaming: the description is the one thing a validated address lets change.
#[component]
fn RenameLocationDialog(
    entry: LocationInUse,
    on_close: Callback<()>,
    on_renamed: Callback<String>,
) -> impl IntoView {
    let id = entry.location.id;
    let description = RwSignal::new(entry.location.description.clone());
    let rename = Action::new(move |d: &String| rename_location(id, d.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match rename.value().get() {
        Some(Ok(saved)) => on_renamed.run(saved.description),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    view! {
        <Modal role="dialog" labelledby="rename-title" on_close=move |_| on_close.run(())>
            <h2 id="rename-title">"Rename emergency location"</h2>
            <p class="muted">
                "A validated address can't be edited; to move, add the new address and delete this one."
            </p>
            <label class="field">
                <span>"Description"</span>
                <input
                    type="text"
                    maxlength="256"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))
                />
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    disabled=move || rename.pending().get() || description.with(|d| d.trim().is_empty())
                    on:click=move |_| {
                        error.set(None);
                        rename.dispatch(description.get_untracked());
                    }
                >
                    "Save"
                </button>
                <button type="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </Modal>
    }
}
