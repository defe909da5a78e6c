//! "Assign numbers" and "Change location" for the selected users: a review
//! table with a row per user (the suggested or typed number, the problems
//! the server finds for the whole set), one emergency location per
//! country, and Save, which writes every row or none.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::bulk_locations::{locations_of, Chosen, CountryLocation, RowLocation};
use super::modal::Modal;
use super::VoiceUsersState;
use crate::api::bulk::{check_rows, save_rows, suggest_numbers};
use crate::api::ApiError;
use crate::domain::{
    BulkRow, Country, LocationId, Narrowing, RowViolations, Saved, SuggestRequest, Suggestion,
    VoiceUser,
};

/// One user's row: the number they are to get, as shown or typed, and a
/// location of their own when not their country's.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    user: VoiceUser,
    number: String,
    note: Option<String>,
    location: Option<LocationId>,
}

impl Row {
    fn location(&self, chosen: &BTreeMap<Country, LocationId>) -> Option<LocationId> {
        self.location
            .or_else(|| chosen.get(&self.user.usage_location).copied())
    }
}

/// What the dialog saves for each row.
fn requests(rows: &[Row], chosen: &BTreeMap<Country, LocationId>) -> Vec<BulkRow> {
    rows.iter()
        .map(|r| BulkRow {
            user_id: r.user.id,
            expected_version: r.user.version,
            number: Some(r.number.clone()),
            location_id: r.location(chosen),
        })
        .collect()
}

#[component]
pub fn BulkDialog(
    users: Vec<VoiceUser>,
    /// Change location: the users keep their numbers.
    moving: bool,
) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let close = move || state.dialog.set(None);
    let start: Vec<Row> = users
        .iter()
        .map(|u| Row {
            user: u.clone(),
            number: u
                .assigned_number
                .as_ref()
                .filter(|_| moving)
                .map(|n| n.number.international.clone())
                .unwrap_or_default(),
            note: None,
            location: None,
        })
        .collect();
    let rows = RwSignal::new(start);
    let chosen: Chosen = RwSignal::new(BTreeMap::new());
    let countries: Vec<Country> = {
        let mut c: Vec<Country> = users.iter().map(|u| u.usage_location).collect();
        c.sort();
        c.dedup();
        c
    };
    let locations = StoredValue::new(locations_of(&countries));
    let (city, range) = (RwSignal::new(String::new()), RwSignal::new(String::new()));

    let suggest = Action::new(move |r: &SuggestRequest| suggest_numbers(r.clone()));
    let ask = move || {
        let users = rows.with_untracked(|r| r.iter().map(|r| r.user.id).collect());
        let narrow = Narrowing {
            city: city.get_untracked(),
            range: range.get_untracked(),
        };
        suggest.dispatch(SuggestRequest { users, narrow });
    };
    if !moving {
        ask();
    }
    Effect::new(move |_| {
        if let Some(Ok(found)) = suggest.value().get() {
            rows.update(|rows| apply_suggestions(rows, &found));
        }
    });

    // The server judges the whole set whenever a row or a location changes.
    let checked = LocalResource::new(move || {
        let request = chosen.with(|c| rows.with(|r| requests(r, c)));
        async move {
            if request.is_empty() {
                return Ok(Vec::new());
            }
            check_rows(request).await
        }
    });
    let problems_of = move |i: usize| -> Vec<String> {
        checked
            .get()
            .and_then(Result::ok)
            .and_then(|all: Vec<RowViolations>| all.into_iter().find(|r| r.row == i))
            .map(|r| r.violations.iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    };

    let save = Action::new(move |r: &Vec<BulkRow>| save_rows(r.clone()));
    let server_says = RwSignal::new(None::<String>);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(Saved { saved, change_set })) => {
            let count = saved.len();
            for user in saved {
                state.record(user);
            }
            let message = if moving {
                format!("Changed the emergency location of {count} users.")
            } else {
                format!("Assigned numbers to {count} users.")
            };
            state.announce_saved(message, change_set);
            close();
        }
        Some(Err(ApiError::RowsRejected { .. })) => {
            checked.refetch();
            server_says.set(Some(
                "Nothing was saved: the rows below show why.".to_owned(),
            ));
        }
        Some(Err(e)) => server_says.set(Some(e.to_string())),
        None => {}
    });
    let ready = move || {
        let all_located =
            rows.with(|r| chosen.with(|c| r.iter().all(|row| row.location(c).is_some())));
        let numbered = rows.with(|r| !r.is_empty() && r.iter().all(|row| !row.number.is_empty()));
        let clean = checked
            .get()
            .and_then(Result::ok)
            .is_some_and(|p: Vec<RowViolations>| p.is_empty());
        all_located && numbered && clean && !save.pending().get()
    };
    let on_save = move |_| {
        if ready() {
            server_says.set(None);
            save.dispatch(chosen.with_untracked(|c| rows.with_untracked(|r| requests(r, c))));
        }
    };
    let title = if moving {
        "Change location"
    } else {
        "Assign numbers"
    };

    view! {
        <Modal role="dialog" labelledby="bulk-title" wide=true on_close=move |_| close()>
            <h2 id="bulk-title">{title}</h2>
            <p class="muted">
                {move || format!("{} users. Every row is saved, or none: a row with a problem keeps the others from being saved.", rows.with(Vec::len))}
            </p>
            {(!moving).then(|| view! {
                <div class="search-row">
                    <label class="field">
                        <span>"City"</span>
                        <input type="text" maxlength="100" on:change=move |ev| city.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>"Number range"</span>
                        <input type="text" maxlength="40" placeholder="+1 425 555 01xx" on:change=move |ev| range.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" on:click=move |_| ask() disabled=move || suggest.pending().get()>
                        "Suggest numbers"
                    </button>
                </div>
            })}
            {countries.iter().map(|&country| {
                let locations = locations.with_value(|l| l[&country]);
                view! { <CountryLocation country locations chosen /> }
            }).collect_view()}
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
                    {move || rows.get().into_iter().enumerate().map(|(i, row)| {
                        let name = row.user.display_name.clone();
                        let number_cell = if moving {
                            view! { <span>{row.number.clone()}</span> }.into_any()
                        } else {
                            view! {
                                <input
                                    type="text"
                                    aria-label=format!("Phone number for {name}")
                                    prop:value=row.number.clone()
                                    on:change=move |ev| {
                                        let typed = event_target_value(&ev);
                                        rows.update(|r| if let Some(r) = r.get_mut(i) { r.number = typed; r.note = None; });
                                    }
                                />
                            }
                            .into_any()
                        };
                        let own = Signal::derive(move || rows.with(|r| r.get(i).and_then(|r| r.location)));
                        let on_pick = Callback::new(move |picked: Option<LocationId>| {
                            rows.update(|r| if let Some(r) = r.get_mut(i) { r.location = picked; });
                        });
                        let row_locations = locations.with_value(|l| l[&row.user.usage_location]);
                        view! {
                            <tr>
                                <td>{name.clone()}</td>
                                <td>{row.user.usage_location.name()}</td>
                                <td>{number_cell}</td>
                                <td><RowLocation name=name.clone() locations=row_locations own on_pick /></td>
                                <td class="problems">
                                    {row.note.clone().map(|n| view! { <p class="muted">{n}</p> })}
                                    {move || problems_of(i).into_iter().map(|p| view! { <p class="error">{p}</p> }).collect_view()}
                                </td>
                                <td>
                                    <button type="button" aria-label=format!("Drop {name}") on:click=move |_| rows.update(|r| { r.remove(i); })>
                                        "Drop"
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {move || server_says.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="button" class="primary" on:click=on_save disabled=move || !ready()>
                    {move || if save.pending().get() { "Saving…" } else { "Save" }}
                </button>
                <button type="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </Modal>
    }
}

/// Puts the suggested numbers (or why there is none) into the rows.
fn apply_suggestions(rows: &mut [Row], found: &[Suggestion]) {
    for row in rows.iter_mut() {
        if let Some(s) = found.iter().find(|s| s.user_id == row.user.id) {
            row.number = s
                .number
                .as_ref()
                .map(|n| n.number.international.clone())
                .unwrap_or_default();
            row.note = s.note.clone();
        }
    }
}
