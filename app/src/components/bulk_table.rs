//! The review table of a bulk dialog: a page of at most a hundred rows with
//! Previous and Next, and "Only rows with problems", so an admin can find
//! the three rows of ten thousand that keep the set from being saved.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::bulk_locations::{Locations, RowLocation};
use super::bulk_review::{flagged, needing_text, Problems, Row, Window};
use crate::domain::Country;

#[component]
pub fn ReviewTable(
    rows: RwSignal<Vec<Row>>,
    /// What the last check found wrong, by user.
    problems: Memo<Problems>,
    locations: StoredValue<BTreeMap<Country, Locations>>,
    /// Change location: the users keep their numbers.
    moving: bool,
) -> impl IntoView {
    let only_problems = RwSignal::new(false);
    let page = RwSignal::new(0_usize);
    let needing = Memo::new(move |_| {
        problems.with(|p| {
            rows.with(|r| {
                let notes = r
                    .iter()
                    .map(|row| (row.user.id, row.note.with(Option::is_some)));
                flagged(notes, p)
            })
        })
    });
    // The places in `rows` of the rows listed, page after page.
    let listed = Memo::new(move |_| {
        if only_problems.get() {
            needing.get()
        } else {
            (0..rows.with(Vec::len)).collect::<Vec<usize>>()
        }
    });
    let window = Memo::new(move |_| Window::of(listed.with(Vec::len), page.get()));
    let on_page = move || {
        let range = window.with(|w| w.rows.clone());
        listed.with(|l| {
            rows.with(|r| {
                l.get(range)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|&at| r.get(at).cloned())
                    .collect::<Vec<Row>>()
            })
        })
    };
    let turn = move |by: isize| {
        let now = window.with_untracked(|w| w.page);
        page.set(now.saturating_add_signed(by));
    };

    view! {
        <div class="bulk-filter">
            <label>
                <input
                    type="checkbox"
                    prop:checked=only_problems
                    on:change=move |ev| {
                        only_problems.set(event_target_checked(&ev));
                        page.set(0);
                    }
                />
                "Only rows with problems"
            </label>
            <span class="muted">{move || needing.with(|n| needing_text(n.len()))}</span>
        </div>
        <table class="grid bulk-rows">
            <thead>
                <tr>
                    <th scope="col">"Display name"</th>
                    <th scope="col">"Usage location"</th>
                    <th scope="col">"Phone number"</th>
                    <th scope="col">"Emergency location"</th>
                    <th scope="col">"Problems"</th>
                    <th scope="col"><span class="visually-hidden">"Drop"</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=on_page key=|row: &Row| row.user.id let:row>
                    {
                        let row_locations = locations.with_value(|l| l[&row.user.usage_location]);
                        view! { <ReviewRow row rows problems locations=row_locations moving /> }
                    }
                </For>
            </tbody>
        </table>
        <div class="bulk-pager">
            <button type="button" disabled=move || !window.with(Window::has_previous) on:click=move |_| turn(-1)>
                "Previous"
            </button>
            <span>{move || window.with(|w| w.text(only_problems.get()))}</span>
            <button type="button" disabled=move || !window.with(Window::has_next) on:click=move |_| turn(1)>
                "Next"
            </button>
        </div>
    }
}

/// One user's row. Its cells read the row's own signals, so typing a
/// number redraws this row alone.
#[component]
fn ReviewRow(
    row: Row,
    rows: RwSignal<Vec<Row>>,
    problems: Memo<Problems>,
    locations: Locations,
    moving: bool,
) -> impl IntoView {
    let Row {
        user,
        number,
        note,
        location,
    } = row;
    let (id, name) = (user.id, user.display_name);
    let number_cell = if moving {
        view! { <span>{move || number.get()}</span> }.into_any()
    } else {
        view! {
            <input
                type="text"
                aria-label=format!("Phone number for {name}")
                prop:value=move || number.get()
                on:change=move |ev| {
                    number.set(event_target_value(&ev));
                    note.set(None);
                }
            />
        }
        .into_any()
    };
    let on_pick = Callback::new(move |picked| location.set(picked));
    let found = move || problems.with(|p| p.get(&id).cloned().unwrap_or_default());
    view! {
        <tr>
            <td>{name.clone()}</td>
            <td>{user.usage_location.name()}</td>
            <td>{number_cell}</td>
            <td><RowLocation name=name.clone() locations own=location.into() on_pick /></td>
            <td class="problems">
                {move || note.get().map(|n| view! { <p class="muted">{n}</p> })}
                {move || found().into_iter().map(|p| view! { <p class="error">{p}</p> }).collect_view()}
            </td>
            <td>
                <button
                    type="button"
                    aria-label=format!("Drop {name}")
                    on:click=move |_| rows.update(|r| r.retain(|other| other.user.id != id))
                >
                    "Drop"
                </button>
            </td>
        </tr>
    }
}
