use leptos::prelude::*;
use leptos_router::components::A;

use super::action_pane::{focus_pane, SkipToPane};
use super::address::use_address_query;
use super::filter_select::FilterSelect;
use super::grid_parts::{count_text, load_more, SortHeader};
use super::search_box::SearchBox;
use super::select_matching::SelectMatching;
use super::virtual_rows::{load_as_scrolled, use_viewport};
use super::virtual_table::VirtualTable;
use super::{loaded, provisioning_badge, use_paging, GridNav, GridRow, Paging, VoiceUsersState};
use crate::api::voice_users::list_voice_users;
use crate::domain::{Licence, NumberHeld, UserPage, UserQuery, UserSort, VoiceUser};
use crate::links;

/// The voice users grid: search, sortable columns and selection, all kept in
/// the page's address; rows load from the server as the admin scrolls, and
/// only those in view are rendered, so the browser copes with 100,000.
#[component]
pub fn UsersGrid() -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    // "?search=Adele Vance" arrives from links elsewhere, e.g. Phone numbers'
    // "Assigned to"; "?location=3" from Emergency locations.
    let address = use_address_query(|p| links::user_query(p), links::voice_users);
    let query = address.query;
    let paging: Paging<UserQuery, UserPage> = use_paging(
        move || query.get(),
        |query, after| list_voice_users(UserQuery { after, ..query }),
    );
    let viewport = use_viewport();
    let nav = GridNav::new();
    // A new search or order starts at its first row.
    Effect::new(move |seen: Option<()>| {
        query.track();
        if seen.is_some() {
            viewport.scroll_to_top();
            nav.to_first_row();
        }
    });

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
    let sort = Signal::derive(move || query.with(|q| (q.sort, q.descending)));
    let on_sort = move |column: UserSort| {
        address.change(|q| {
            q.descending = q.sort == column && !q.descending;
            q.sort = column;
        })
    };
    let header = move |column: UserSort, tabindex| {
        view! { <SortHeader label=column.label() column current=sort on_sort tabindex /> }
    };
    let location = Memo::new(move |_| query.with(|q| q.location));
    let held = Signal::derive(move || query.with(|q| NumberHeld::of(q.assigned)));
    let by_held = Callback::new(move |held: Option<NumberHeld>| {
        address.change(|q| q.assigned = held.map(NumberHeld::assigned))
    });

    view! {
        <div class="grid-tools filters">
            <SearchBox
                address
                label="Search voice users"
                placeholder="Search by name, username or number"
                text=|q: &UserQuery| q.search.clone()
                set_text=|q: &mut UserQuery, text| q.search = text
            />
            <FilterSelect label="Assigned number" any="All users" on_pick=by_held current=held />
            {move || location.get().map(|_| view! {
                <LocationFilter rows=paging.first all=move || links::voice_users(&UserQuery {
                    location: None,
                    ..query.get()
                }) />
            })}
            <a class="button" href=move || query.with(links::voice_users_export) download="">
                "Export CSV"
            </a>
        </div>
        <SkipToPane />
        {loaded(paging.first, "Loading voice users…", move |page: UserPage| {
            load_as_scrolled(viewport, paging, &page);
            let rows = paging.rows(&page);
            let all_ticked = {
                let rows = rows.clone();
                move || {
                    let shown = rows();
                    !shown.is_empty() && shown.iter().all(|u| state.is_selected(u.id))
                }
            };
            let shown = paging.shown(&page);
            let none = page.total == 0;
            let total = count_text(page.total, page.total_capped);
            let head = move |cells: GridRow| view! {
                <tr aria-rowindex=cells.index>
                    <th scope="col" class="check">
                        <input
                            type="checkbox"
                            aria-label="Select all shown users"
                            tabindex=cells.tabindex(0)
                            prop:checked=all_ticked
                            on:change=move |_| state.toggle_all(&rows())
                        />
                    </th>
                    {header(UserSort::DisplayName, cells.tabindex(1))}
                    {header(UserSort::Username, cells.tabindex(2))}
                    {header(UserSort::AssignedNumber, cells.tabindex(3))}
                    {header(UserSort::EmergencyLocation, cells.tabindex(4))}
                    <th scope="col" tabindex=cells.tabindex(5)>"Assigned license"</th>
                    <th scope="col" tabindex=cells.tabindex(6)>"Status"</th>
                    <th scope="col" tabindex=cells.tabindex(7)>"Provisioning"</th>
                </tr>
            };
            let table = VirtualTable {
                viewport,
                nav,
                label: "Voice users",
                columns: 8,
                total: (!page.total_capped).then_some(page.total),
            };
            view! {
                {table.view(
                    paging,
                    &page,
                    head,
                    move |user: VoiceUser| state.latest(&user),
                    // The phone system's confirmation changes no version.
                    |u: &VoiceUser| (u.id, u.version, u.provisioning),
                    |cells, user: VoiceUser| view! { <UserRow user cells /> },
                )}
                {none.then(|| view! { <p class="muted">"No voice users match your search and filters."</p> })}
                <div class="grid-foot">
                    <span>{move || format!("Showing {} of {total} users", count_text(shown() as i64, false))}</span>
                    {(page.total > 1).then(|| view! {
                        <SelectMatching query=query.into() total=page.total capped=page.total_capped />
                    })}
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
fn LocationFilter(
    rows: Resource<Result<UserPage, crate::api::ApiError>>,
    /// The same view without the location filter.
    #[prop(into)]
    all: Signal<String>,
) -> impl IntoView {
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
                        <A href=move || all.get()>"Show all users"</A>
                    </p>
                }
            })}
        </Transition>
    }
}

/// A row of the grid: a cell a column, the checkbox and the name button
/// taking the focus for theirs.
#[component]
fn UserRow(user: VoiceUser, cells: GridRow) -> impl IntoView {
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
    let licences = Licence::summary(&user.licences);
    view! {
        <tr class:selected=checked aria-selected=move || checked().to_string() aria-rowindex=cells.index>
            <td class="check">
                <input
                    type="checkbox"
                    aria-label=format!("Select {}", user.display_name)
                    tabindex=cells.tabindex(0)
                    prop:checked=checked
                    on:change=move |_| state.toggle(&for_toggle)
                />
            </td>
            <td title=user.display_name.clone()>
                <button
                    type="button"
                    class="link"
                    tabindex=cells.tabindex(1)
                    on:click=move |ev| {
                        state.select_only(&for_select);
                        // A click from Enter or Space (no pointer) carries on in the pane.
                        if ev.detail() == 0 {
                            focus_pane();
                        }
                    }
                >
                    {user.display_name.clone()}
                </button>
            </td>
            <td title=user.username.clone() tabindex=cells.tabindex(2)>{user.username.clone()}</td>
            <td class="number" tabindex=cells.tabindex(3)>{number}</td>
            <td title=location.clone() tabindex=cells.tabindex(4)>{location.clone()}</td>
            <td title=licences.clone() tabindex=cells.tabindex(5)>{licences.clone()}</td>
            <td tabindex=cells.tabindex(6)>{user.status()}</td>
            <td tabindex=cells.tabindex(7)>{provisioning_badge(user.provisioning)}</td>
        </tr>
    }
}
