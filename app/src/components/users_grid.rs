use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::debounce::on_typing_pause;
use super::grid_parts::{count_text, load_more, SortHeader};
use super::{loaded, use_paging, Paging, VoiceUsersState};
use crate::api::voice_users::list_voice_users;
use crate::domain::{Licence, LocationId, UserPage, UserQuery, UserSort, VoiceUser, USER_PAGE};

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
    let paging: Paging<UserQuery, UserPage> = use_paging(
        move || {
            let (sort, descending) = sort.get();
            UserQuery {
                search: search.get(),
                location: location.get(),
                sort,
                descending,
                after: None,
                limit: USER_PAGE,
            }
        },
        |query, after| list_voice_users(UserQuery { after, ..query }),
    );

    // The dialogs' rule check judges re-use blocks by the server's day.
    Effect::new(move |_| {
        let today = paging.first.with(|page| {
            page.as_ref()
                .and_then(|p| p.as_ref().ok())
                .map(|p| p.today.clone())
        });
        if today.is_some() {
            state.today.set(today);
        }
    });
    let on_search = on_typing_pause(move |value| search.set(value));
    let on_sort = move |column: UserSort| {
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
            {move || location.get().map(|_| view! { <LocationFilter rows=paging.first /> })}
        </div>
        {loaded(paging.first, "Loading voice users…", move |page: UserPage| {
            let rows = paging.rows(&page);
            let rows = move || rows().into_iter().map(|u| state.latest(&u)).collect::<Vec<_>>();
            let rows_for_tick = rows.clone();
            let rows_for_toggle = rows.clone();
            let all_ticked = move || {
                let shown = rows_for_tick();
                !shown.is_empty() && shown.iter().all(|u| state.is_selected(u.id))
            };
            let shown = paging.shown(&page);
            let none = page.total == 0;
            let total = count_text(page.total, page.total_capped);
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
                {none.then(|| view! { <p class="muted">"No voice users match your search."</p> })}
                <div class="grid-foot">
                    <span>{move || format!("Showing {} of {total} users", count_text(shown() as i64, false))}</span>
                    {load_more(paging, &page)}
                </div>
            }
        })}
    }
}

/// The chip naming the emergency location the grid is filtered to, with the
/// way back to every user. Every row shares the location, so the first one
/// names it; the chip waits for the rows, so the server and the browser
/// render the same name.
#[component]
fn LocationFilter(rows: Resource<Result<UserPage, crate::api::ApiError>>) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let name = rows
                    .await
                    .ok()
                    .and_then(|page| page.users.into_iter().next())
                    .and_then(|u| u.emergency_location)
                    .map(|l| l.description)
                    .unwrap_or_else(|| "this location".to_owned());
                view! {
                    <p class="filter-chip" role="status">
                        {format!("Emergency location: {name}")}
                        " "
                        <A href="/voice/users">"Show all users"</A>
                    </p>
                }
            })}
        </Transition>
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
