use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::phone_numbers::list_phone_numbers;
use crate::components::{
    can, count_text, load_as_scrolled, load_more, loaded, on_others, use_address_query, use_paging,
    use_viewport, FilterSelect, GridNav, GridRow, NewNumbersDialog, Paging, PortDialog,
    ReleaseDialog, SearchBox, SortHeader, VirtualTable,
};
use crate::domain::{
    Choice, Country, Date, NumberKind, NumberPage, NumberQuery, NumberSort, NumberSource,
    Permission, StateFilter, TelephoneNumber, Touches, E164,
};
use crate::links;

/// Voice > Phone numbers: the organisation's numbers, who holds each, and
/// releasing the ones it no longer needs.
#[component]
pub fn PhoneNumbersPage() -> impl IntoView {
    // Search, filters and order live in the address: a view can be
    // bookmarked, and Back returns to the one before.
    let address = use_address_query(|p| links::number_query(p), links::phone_numbers);
    let filters = address.query;
    let paging: Paging<NumberQuery, NumberPage> = use_paging(
        move || filters.get(),
        |query, after| list_phone_numbers(NumberQuery { after, ..query }),
    );
    on_others(move |batch| {
        if batch.touches(Touches::Inventory) || batch.touches(Touches::Voice) {
            paging.refresh();
        }
    });
    let viewport = use_viewport();
    let nav = GridNav::new();
    Effect::new(move |seen: Option<()>| {
        filters.track();
        if seen.is_some() {
            viewport.scroll_to_top();
            nav.to_first_row();
        }
    });
    let selected = RwSignal::new(Vec::<E164>::new());
    let releasing = RwSignal::new(false);
    let adding = RwSignal::new(false);
    let porting = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    // Helpdesk reads the numbers; adding and releasing need a voice admin.
    let manage = can(Permission::ManageVoice);
    let change = move |apply: &dyn Fn(&mut NumberQuery)| address.change(|f| apply(f));
    let by_state = Callback::new(move |v: Option<StateFilter>| change(&|f| f.state = v));
    let by_kind = Callback::new(move |v: Option<NumberKind>| change(&|f| f.kind = v));
    let by_source = Callback::new(move |v: Option<NumberSource>| change(&|f| f.source = v));
    let by_country = Callback::new(move |v: Option<Country>| change(&|f| f.country = v));

    // After a change to the inventory: say what happened, close the dialog,
    // and reload the grid from its first page.
    let changed = move |message: String, dialog: RwSignal<bool>| {
        status.set(Some(message));
        dialog.set(false);
        paging.refresh();
    };
    let on_added = Callback::new(move |(count, city): (usize, String)| {
        let numbers = plural(count, "new user number", "new user numbers");
        changed(format!("Added {numbers} in {city}."), adding)
    });
    let on_ported = Callback::new(move |count: usize| {
        let numbers = plural(count, "ported number", "ported numbers");
        changed(format!("Added {numbers}."), porting)
    });
    let on_released = Callback::new(move |count: usize| {
        selected.set(Vec::new());
        changed(
            format!("Released {}.", plural(count, "number", "numbers")),
            releasing,
        )
    });

    view! {
        <Title text="Phone numbers" />
        <h1>"Phone numbers"</h1>
        <p class="lede">"Your organization's phone numbers, and the user each assigned number belongs to."</p>
        <p class="status" role="status">{move || status.get()}</p>
        <div class="grid-tools filters">
            <SearchBox
                address
                label="Search phone numbers"
                placeholder="Digits, city or user"
                text=|q: &NumberQuery| q.search.clone()
                set_text=|q: &mut NumberQuery, text| q.search = text
            />
            <FilterSelect label="State" on_pick=by_state current=picked(filters, |f| f.state) />
            <FilterSelect label="Type" on_pick=by_kind current=picked(filters, |f| f.kind) />
            <FilterSelect label="Source" on_pick=by_source current=picked(filters, |f| f.source) />
            <FilterSelect label="Country or region" on_pick=by_country current=picked(filters, |f| f.country) />
            <a class="button" href=move || filters.with(links::phone_numbers_export) download="">
                "Export CSV"
            </a>
            <AddMenu hidden=!manage adding porting />
            <button
                type="button"
                hidden=!manage
                disabled=move || selected.with(Vec::is_empty)
                on:click=move |_| releasing.set(true)
            >
                {move || match selected.with(Vec::len) {
                    0 => "Release".to_owned(),
                    n => format!("Release ({n})"),
                }}
            </button>
        </div>
        {loaded(paging.first, "Loading phone numbers…", move |page: NumberPage| {
            load_as_scrolled(viewport, paging, &page);
            let shown = paging.shown(&page);
            let today = page.today.clone();
            let none = page.total == 0;
            let total = count_text(page.total, page.total_capped);
            let current = Signal::derive(move || filters.with(|f| (f.sort, f.descending)));
            let on_sort = move |column: NumberSort| change(&|f| {
                f.descending = f.sort == column && !f.descending;
                f.sort = column;
            });
            let header = move |column: NumberSort, tabindex| {
                view! { <SortHeader label=column.label() column current on_sort tabindex /> }
            };
            let head = move |cells: GridRow| view! {
                <tr aria-rowindex=cells.index>
                    <th scope="col" class="check" tabindex=cells.tabindex(0)>
                        <span class="visually-hidden">"Selected"</span>
                    </th>
                    {header(NumberSort::Number, cells.tabindex(1))}
                    <th scope="col" tabindex=cells.tabindex(2)>"Country or region"</th>
                    {header(NumberSort::City, cells.tabindex(3))}
                    <th scope="col" tabindex=cells.tabindex(4)>"Type"</th>
                    <th scope="col" tabindex=cells.tabindex(5)>"Source"</th>
                    <th scope="col" tabindex=cells.tabindex(6)>"State"</th>
                    {header(NumberSort::AssignedTo, cells.tabindex(7))}
                </tr>
            };
            let table = VirtualTable {
                viewport,
                nav,
                label: "Phone numbers",
                columns: 8,
                total: (!page.total_capped).then_some(page.total),
            };
            view! {
                {table.view(
                    paging,
                    &page,
                    head,
                    |n: TelephoneNumber| n,
                    |n: &TelephoneNumber| n.number.e164.clone(),
                    move |cells, number| view! { <NumberRow number cells today=today.clone() selected /> },
                )}
                {none.then(|| view! { <p class="muted">"No phone numbers match these filters."</p> })}
                <div class="grid-foot">
                    <span>{move || format!("Showing {} of {total} numbers", count_text(shown() as i64, false))}</span>
                    {load_more(paging, &page)}
                </div>
            }
        })}
        {move || adding.get().then(|| view! {
            <NewNumbersDialog on_close=Callback::new(move |()| adding.set(false)) on_added />
        })}
        {move || porting.get().then(|| view! {
            <PortDialog on_close=Callback::new(move |()| porting.set(false)) on_added=on_ported />
        })}
        {move || releasing.get().then(|| view! {
            <ReleaseDialog
                numbers=selected.get_untracked()
                on_close=Callback::new(move |()| releasing.set(false))
                on_released
            />
        })}
    }
}

/// The Add menu: New user numbers, Port or upload numbers.
#[component]
fn AddMenu(hidden: bool, adding: RwSignal<bool>, porting: RwSignal<bool>) -> impl IntoView {
    let open = RwSignal::new(false);
    // An entry of the menu: closes the menu and opens its dialog.
    let item = move |label: &'static str, dialog: RwSignal<bool>| {
        view! {
            <li role="none">
                <button
                    type="button"
                    role="menuitem"
                    on:click=move |_| {
                        open.set(false);
                        dialog.set(true);
                    }
                >
                    {label}
                </button>
            </li>
        }
    };
    view! {
        <div class="menu-anchor" hidden=hidden>
            <button
                type="button"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Add"
            </button>
            {move || open.get().then(|| view! {
                <ul class="menu" role="menu" aria-label="Add">
                    {item("New user numbers", adding)}
                    {item("Port or upload numbers", porting)}
                </ul>
            })}
        </div>
    }
}

#[component]
fn NumberRow(
    number: TelephoneNumber,
    /// Its place in the grid, for its cells' tab order.
    cells: GridRow,
    today: Date,
    selected: RwSignal<Vec<E164>>,
) -> impl IntoView {
    let e164 = number.number.e164.clone();
    let held = number.holder.is_some();
    let checked = {
        let e164 = e164.clone();
        move || selected.with(|s| s.contains(&e164))
    };
    let toggle = move |_| {
        selected.update(|s| match s.iter().position(|x| *x == e164) {
            Some(at) => {
                s.remove(at);
            }
            None => s.push(e164.clone()),
        })
    };
    let state = number.state(&today).label();
    let holder_name = number.holder.as_ref().map(|h| h.display_name.clone());
    // A plain link (the router still handles it) takes the grid's tabindex.
    let holder = number.holder.clone().map(|h| {
        view! {
            <a href=links::voice_users_matching(&h.display_name) tabindex=cells.tabindex(7)>
                {h.display_name.clone()}
            </a>
        }
    });
    let international = number.number.international.clone();
    let row_checked = checked.clone();
    // A held number's checkbox is disabled and can't take the focus: its
    // cell does; an unheld number's Assigned to is an empty cell.
    view! {
        <tr class:selected=row_checked.clone() aria-selected=move || row_checked().to_string() aria-rowindex=cells.index>
            <td class="check" tabindex=held.then_some(cells.tabindex(0))>
                <input
                    type="checkbox"
                    aria-label=format!("Select {international}")
                    title=held.then_some("Assigned numbers can't be released")
                    tabindex=(!held).then_some(cells.tabindex(0))
                    disabled=held
                    prop:checked=checked
                    on:change=toggle
                />
            </td>
            <td class="number" tabindex=cells.tabindex(1)>{number.number.international.clone()}</td>
            <td tabindex=cells.tabindex(2)>{number.number.country.name()}</td>
            <td title=number.city.clone() tabindex=cells.tabindex(3)>{number.city.clone()}</td>
            <td tabindex=cells.tabindex(4)>{number.kind.label()}</td>
            <td tabindex=cells.tabindex(5)>{number.source.label()}</td>
            <td tabindex=cells.tabindex(6)>{state}</td>
            <td title=holder_name tabindex=(!held).then_some(cells.tabindex(7))>{holder}</td>
        </tr>
    }
}

/// The value of one filter, as the address has it.
fn picked<C: Choice>(
    filters: Memo<NumberQuery>,
    pick: fn(&NumberQuery) -> Option<C>,
) -> Signal<Option<C>> {
    Signal::derive(move || filters.with(pick))
}

/// "1 number", "3 numbers".
fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}
