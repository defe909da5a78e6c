use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::debounce::on_typing_pause;
use super::grid_parts::{load_more, SortHeader};
use super::VoiceUsersState;
use crate::api::voice_users::{list_voice_users, PAGE_SIZE};
use crate::api::{UserCursor, UserQuery, UserSort};
use crate::domain::{Licence, LocationId, VoiceUser};

/// The voice users grid: search, sortable columns, selection, and keyset
/// paging through "Load more" so the browser never holds every user.
#[component]
pub fn UsersGrid() -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    // "?search=Adele Vance" arrives from links elsewhere, e.g. Phone numbers' "Assigned to".
    let query = use_query_map();
    let initial = query
        .with_untracked(|q| q.get("search"))
        .unwrap_or_default();
    let search = RwSignal::new(initial.clone());
    // "?location=3" arrives from Emergency locations: the users that location serves.
    let location = Memo::new(move |_| {
        query.with(|q| {
            q.get("location")
                .and_then(|l| l.parse().ok().map(LocationId))
        })
    });
    let sort = RwSignal::new((UserSort::DisplayName, false));
    // Rows fetched by "Load more", after the first page, and where to go on.
    let more = RwSignal::new(Vec::<VoiceUser>::new());
    let more_next = RwSignal::new(None::<Option<UserCursor>>);

    let first = Resource::new(
        move || (search.get(), location.get(), sort.get()),
        |(search, location, (sort, descending))| {
            list_voice_users(UserQuery {
                search,
                location,
                sort,
                descending,
                after: None,
                limit: PAGE_SIZE,
            })
        },
    );
    let reset_more = move || {
        more.set(Vec::new());
        more_next.set(None);
    };

    let load_more_action = Action::new(move |after: &UserCursor| {
        let (sort_by, descending) = sort.get_untracked();
        let query = UserQuery {
            search: search.get_untracked(),
            location: location.get_untracked(),
            sort: sort_by,
            descending,
            after: Some(after.clone()),
            limit: PAGE_SIZE,
        };
        async move {
            let asked = (
                query.search.clone(),
                query.location,
                (query.sort, query.descending),
            );
            let page = list_voice_users(query).await;
            // A search, filter or sort that changed meanwhile makes this page stale.
            let still_wanted = (
                search.get_untracked(),
                location.get_untracked(),
                sort.get_untracked(),
            ) == asked;
            if let (Ok(page), true) = (&page, still_wanted) {
                more.update(|m| m.extend(page.users.iter().cloned()));
                more_next.set(Some(page.next.clone()));
            }
            page
        }
    });

    Effect::new(move |previous: Option<Option<LocationId>>| {
        let now = location.get();
        if previous.is_some_and(|p| p != now) {
            reset_more();
        }
        now
    });

    let on_search = on_typing_pause(move |value| {
        reset_more();
        search.set(value);
    });

    let on_sort = move |column: UserSort| {
        reset_more();
        sort.update(|(c, desc)| {
            *desc = *c == column && !*desc;
            *c = column;
        });
    };
    let header = move |label: &'static str, column: UserSort| {
        view! { <SortHeader label column current=sort on_sort /> }
    };

    view! {
        <div class="grid-tools">
            <input
                type="search"
                class="search"
                aria-label="Search voice users"
                placeholder="Search by name, username or number"
                value=initial
                maxlength="100"
                on:input=on_search
            />
            {move || location.get().map(|_| view! { <LocationFilter rows=first /> })}
        </div>
        <Transition fallback=|| view! { <p class="muted">"Loading voice users…"</p> }>
            {move || Suspend::new(async move {
                match first.await {
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    Ok(page) => {
                        let first_rows = page.users.clone();
                        let rows = move || {
                            let mut all = first_rows.clone();
                            all.extend(more.get());
                            all.into_iter().map(|u| state.latest(&u)).collect::<Vec<_>>()
                        };
                        let rows_for_tick = rows.clone();
                        let rows_for_toggle = rows.clone();
                        let all_ticked = move || {
                            let shown = rows_for_tick();
                            !shown.is_empty() && shown.iter().all(|u| state.is_selected(u.id))
                        };
                        let shown = {
                            let first_len = page.users.len();
                            move || first_len + more.with(Vec::len)
                        };
                        let next = {
                            let first_next = page.next.clone();
                            move || more_next.get().unwrap_or_else(|| first_next.clone())
                        };
                        let total = page.total;
                        view! {
                            <table class="grid" aria-label="Voice users">
                                <thead>
                                    <tr>
                                        <th scope="col" class="check">
                                            <input
                                                type="checkbox"
                                                aria-label="Select all shown users"
                                                prop:checked=all_ticked
                                                on:change=move |_| state.toggle_all(&rows_for_toggle())
                                            />
                                        </th>
                                        {header("Display name", UserSort::DisplayName)}
                                        {header("Username", UserSort::Username)}
                                        {header("Assigned number", UserSort::AssignedNumber)}
                                        {header("Emergency location", UserSort::EmergencyLocation)}
                                        <th scope="col">"Assigned license"</th>
                                        <th scope="col">"Status"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    <For
                                        each=rows
                                        key=|u| (u.id, u.version)
                                        children=move |user| view! { <UserRow user /> }
                                    />
                                </tbody>
                            </table>
                            {(total == 0).then(|| view! { <p class="muted">"No voice users match your search."</p> })}
                            <div class="grid-foot">
                                <span>{move || format!("Showing {} of {} users", shown(), total)}</span>
                                {load_more(next, load_more_action)}
                            </div>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The chip naming the emergency location the grid is filtered to, with the
/// way back to every user.
#[component]
fn LocationFilter(
    rows: Resource<Result<crate::api::UserPage, crate::api::ApiError>>,
) -> impl IntoView {
    // Every row shares the location, so the first one names it.
    let name = move || {
        rows.with(|page| {
            page.as_ref()
                .and_then(|p| p.as_ref().ok())
                .and_then(|p| p.users.first())
                .and_then(|u| u.emergency_location.as_ref())
                .map(|l| l.description.clone())
        })
        .unwrap_or_else(|| "this location".to_owned())
    };
    view! {
        <p class="filter-chip" role="status">
            {move || format!("Emergency location: {}", name())}
            " "
            <A href="/voice/users">"Show all users"</A>
        </p>
    }
}

#[component]
fn UserRow(user: VoiceUser) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let id = user.id;
    let checked = move || state.is_selected(id);
    let for_toggle = user.clone();
    let for_select = user.clone();
    let number = user
        .assigned_number
        .as_ref()
        .map(|n| n.number.international.clone())
        .unwrap_or_default();
    let location = user
        .emergency_location
        .as_ref()
        .map(|l| l.description.clone())
        .unwrap_or_default();
    view! {
        <tr class:selected=checked>
            <td class="check">
                <input
                    type="checkbox"
                    aria-label=format!("Select {}", user.display_name)
                    prop:checked=checked
                    on:change=move |_| state.toggle(&for_toggle)
                />
            </td>
            <td>
                <button type="button" class="link" on:click=move |_| state.select_only(&for_select)>
                    {user.display_name.clone()}
                </button>
            </td>
            <td>{user.username.clone()}</td>
            <td class="number">{number}</td>
            <td>{location}</td>
            <td>{Licence::summary(&user.licences)}</td>
            <td>{user.status()}</td>
        </tr>
    }
}
