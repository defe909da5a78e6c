use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::phone_numbers::{
    list_phone_numbers, NumberCursor, NumberQuery, NumberSort, NumberState, PAGE_SIZE,
};
use crate::components::{
    load_more, on_typing_pause, NewNumbersDialog, PortDialog, ReleaseDialog, SortHeader,
};
use crate::domain::{Country, Date, NumberKind, NumberSource, TelephoneNumber, E164};

/// The filters above the grid, as the admin set them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct Filters {
    search: String,
    state: Option<NumberState>,
    kind: Option<NumberKind>,
    source: Option<NumberSource>,
    country: Option<Country>,
    sort: NumberSort,
    descending: bool,
}

impl Filters {
    fn query(&self, after: Option<NumberCursor>) -> NumberQuery {
        NumberQuery {
            search: self.search.clone(),
            state: self.state,
            kind: self.kind,
            source: self.source,
            country: self.country,
            sort: self.sort,
            descending: self.descending,
            after,
            limit: PAGE_SIZE,
        }
    }
}

/// Voice > Phone numbers: the organisation's numbers, who holds each, and
/// releasing the ones it no longer needs.
#[component]
pub fn PhoneNumbersPage() -> impl IntoView {
    let filters = RwSignal::new(Filters::default());
    let more = RwSignal::new(Vec::<TelephoneNumber>::new());
    let more_next = RwSignal::new(None::<Option<NumberCursor>>);
    let selected = RwSignal::new(Vec::<E164>::new());
    let releasing = RwSignal::new(false);
    let menu_open = RwSignal::new(false);
    let adding = RwSignal::new(false);
    let porting = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    // Helpdesk reads the numbers; adding and releasing need a voice admin.
    let manage = crate::components::can(crate::domain::Permission::ManageVoice);

    let first = Resource::new(move || filters.get(), |f| list_phone_numbers(f.query(None)));
    let change = move |apply: &dyn Fn(&mut Filters)| {
        more.set(Vec::new());
        more_next.set(None);
        filters.update(|f| apply(f));
    };
    let load_more_action = Action::new(move |after: &NumberCursor| {
        let asked = filters.get_untracked();
        let query = asked.query(Some(after.clone()));
        async move {
            let page = list_phone_numbers(query).await;
            if let (Ok(page), true) = (&page, filters.get_untracked() == asked) {
                more.update(|m| m.extend(page.numbers.iter().cloned()));
                more_next.set(Some(page.next.clone()));
            }
            page
        }
    });
    // An entry of the Add menu: closes the menu and opens its dialog.
    let menu_item = move |label: &'static str, dialog: RwSignal<bool>| {
        view! {
            <li role="none">
                <button
                    type="button"
                    role="menuitem"
                    on:click=move |_| {
                        menu_open.set(false);
                        dialog.set(true);
                    }
                >
                    {label}
                </button>
            </li>
        }
    };
    // After a change to the inventory: say what happened, close the dialog,
    // and reload the grid from its first page.
    let changed = move |message: String, dialog: RwSignal<bool>| {
        status.set(Some(message));
        dialog.set(false);
        more.set(Vec::new());
        more_next.set(None);
        first.refetch();
    };
    let on_added = Callback::new(move |(count, city): (usize, String)| {
        changed(
            format!(
                "Added {} in {city}.",
                plural(count, "new user number", "new user numbers")
            ),
            adding,
        )
    });
    let on_ported = Callback::new(move |count: usize| {
        changed(
            format!(
                "Added {}.",
                plural(count, "ported number", "ported numbers")
            ),
            porting,
        )
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
            <input
                type="search"
                class="search"
                aria-label="Search phone numbers"
                placeholder="Digits, city or user"
                maxlength="100"
                on:input=on_typing_pause(move |v| change(&|f| f.search = v.clone()))
            />
            <FilterSelect label="State" options=STATES on_pick=move |v: String| change(&|f| f.state = state_of(&v)) />
            <FilterSelect label="Type" options=KINDS on_pick=move |v: String| change(&|f| f.kind = NumberKind::from_code(&v)) />
            <FilterSelect label="Source" options=SOURCES on_pick=move |v: String| change(&|f| f.source = NumberSource::from_code(&v)) />
            <FilterSelect label="Country or region" options=COUNTRIES on_pick=move |v: String| change(&|f| f.country = Country::parse(&v).ok()) />
            <div class="menu-anchor" hidden=!manage>
                <button
                    type="button"
                    aria-haspopup="menu"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|o| *o = !*o)
                >
                    "Add"
                </button>
                {move || menu_open.get().then(|| view! {
                    <ul class="menu" role="menu" aria-label="Add">
                        {menu_item("New user numbers", adding)}
                        {menu_item("Port or upload numbers", porting)}
                    </ul>
                })}
            </div>
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
        <Transition fallback=|| view! { <p class="muted">"Loading phone numbers…"</p> }>
            {move || Suspend::new(async move {
                match first.await {
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    Ok(page) => {
                        let first_rows = page.numbers.clone();
                        let today = page.today.clone();
                        let rows = move || {
                            let mut all = first_rows.clone();
                            all.extend(more.get());
                            all
                        };
                        let shown = {
                            let n = page.numbers.len();
                            move || n + more.with(Vec::len)
                        };
                        let next = {
                            let first_next = page.next.clone();
                            move || more_next.get().unwrap_or_else(|| first_next.clone())
                        };
                        let total = page.total;
                        let current = Signal::derive(move || filters.with(|f| (f.sort, f.descending)));
                        let on_sort = move |column: NumberSort| change(&|f| {
                            f.descending = f.sort == column && !f.descending;
                            f.sort = column;
                        });
                        let header = move |label: &'static str, column: NumberSort| {
                            view! { <SortHeader label column current on_sort /> }
                        };
                        view! {
                            <table class="grid" aria-label="Phone numbers">
                                <thead>
                                    <tr>
                                        <th scope="col" class="check"><span class="visually-hidden">"Selected"</span></th>
                                        {header("Phone number", NumberSort::Number)}
                                        <th scope="col">"Country or region"</th>
                                        {header("City", NumberSort::City)}
                                        <th scope="col">"Type"</th>
                                        <th scope="col">"Source"</th>
                                        <th scope="col">"State"</th>
                                        {header("Assigned to", NumberSort::AssignedTo)}
                                    </tr>
                                </thead>
                                <tbody>
                                    <For
                                        each=rows
                                        key=|n| n.number.e164.clone()
                                        children=move |n| view! { <NumberRow number=n today=today.clone() selected /> }
                                    />
                                </tbody>
                            </table>
                            {(total == 0).then(|| view! { <p class="muted">"No phone numbers match these filters."</p> })}
                            <div class="grid-foot">
                                <span>{move || format!("Showing {} of {} numbers", shown(), total)}</span>
                                {load_more(next, load_more_action)}
                            </div>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
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

#[component]
fn NumberRow(number: TelephoneNumber, today: Date, selected: RwSignal<Vec<E164>>) -> impl IntoView {
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
    let state = match (&number.holder, number.activation, &number.blocked_until) {
        (Some(_), _, _) => "Assigned".to_owned(),
        (None, crate::domain::Activation::Pending, _) => "Pending activation".to_owned(),
        (None, crate::domain::Activation::Failed, _) => "Activation failed".to_owned(),
        (None, _, Some(until)) if *until > today => format!("Blocked until {until}"),
        _ => "Unassigned".to_owned(),
    };
    let holder = number.holder.clone().map(|h| {
        let href = format!("/voice/users?search={}", url_component(&h.display_name));
        view! { <A href=href>{h.display_name}</A> }
    });
    let international = number.number.international.clone();
    let row_checked = checked.clone();
    view! {
        <tr class:selected=row_checked>
            <td class="check">
                <input
                    type="checkbox"
                    aria-label=format!("Select {international}")
                    title=held.then_some("Assigned numbers can't be released")
                    disabled=held
                    prop:checked=checked
                    on:change=toggle
                />
            </td>
            <td class="number">{number.number.international.clone()}</td>
            <td>{number.number.country.name()}</td>
            <td>{number.city.clone()}</td>
            <td>{number.kind.label()}</td>
            <td>{number.source.label()}</td>
            <td>{state}</td>
            <td>{holder}</td>
        </tr>
    }
}

/// A labelled filter drop-down; the first option means "any".
#[component]
fn FilterSelect(
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    #[prop(into)] on_pick: Callback<String>,
) -> impl IntoView {
    let id = format!("filter-{}", label.to_lowercase().replace(' ', "-"));
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options.iter().map(|(value, text)| view! { <option value=*value>{*text}</option> }).collect_view()}
            </select>
        </div>
    }
}

const STATES: &[(&str, &str)] = &[
    ("", "All"),
    ("unassigned", "Unassigned"),
    ("assigned", "Assigned"),
    ("pending", "Pending or failed"),
    ("blocked", "Blocked for re-use"),
];
const KINDS: &[(&str, &str)] = &[
    ("", "All"),
    ("user", "User"),
    ("service", "Service"),
    ("toll_free", "Toll-free"),
];
const SOURCES: &[(&str, &str)] = &[
    ("", "All"),
    ("calling_plan", "Calling Plan"),
    ("direct_routing", "Direct Routing"),
    ("operator_connect", "Operator Connect"),
];
const COUNTRIES: &[(&str, &str)] = &[
    ("", "All"),
    ("AU", "Australia"),
    ("BE", "Belgium"),
    ("CA", "Canada"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("IE", "Ireland"),
    ("NL", "Netherlands"),
    ("ES", "Spain"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
];

fn state_of(value: &str) -> Option<NumberState> {
    match value {
        "unassigned" => Some(NumberState::Unassigned),
        "assigned" => Some(NumberState::Assigned),
        "pending" => Some(NumberState::Pending),
        "blocked" => Some(NumberState::Blocked),
        _ => None,
    }
}

/// "1 number", "3 numbers".
fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// Percent-encodes text for a query string.
fn url_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
