//! "Assign numbers" and "Change location" for the selected users, up to
//! ten thousand: a review table a page of rows at a time (the suggested or
//! typed number, the problems the server finds for the whole set), one
//! emergency location per country, and Save, which writes every row or
//! none.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::bulk_locations::{locations_of, Chosen, CountryLocation};
use super::bulk_review::{apply_suggestions, problems_by_user, Problems, Row};
use super::bulk_table::ReviewTable;
use super::modal::Modal;
use super::{count_text, new_key, VoiceUsersState, WorkProgress};
use crate::api::bulk::{check_rows, save_rows, suggest_numbers};
use crate::api::ApiError;
use crate::domain::{
    BulkRow, Country, LocationId, Narrowing, ProgressKey, Saved, SuggestRequest, UserId, VoiceUser,
};

/// From this many rows a check or a save shows a progress bar: it takes
/// long enough to be seen.
const LONG: usize = 200;

/// A progress key for a request of `rows` rows, when it is long.
fn key_for(rows: usize) -> Option<ProgressKey> {
    (rows >= LONG).then(new_key)
}

/// What the dialog checks and saves: every row, as it stands.
fn requests(rows: &[Row], chosen: &BTreeMap<Country, LocationId>) -> Vec<BulkRow> {
    rows.iter().map(|r| r.request(chosen)).collect()
}

#[component]
pub fn BulkDialog(
    users: Vec<VoiceUser>,
    /// Change location: the users keep their numbers.
    moving: bool,
) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let close = move || state.dialog.set(None);
    let countries: Vec<Country> = {
        let mut c: Vec<Country> = users.iter().map(|u| u.usage_location).collect();
        c.sort();
        c.dedup();
        c
    };
    let rows = RwSignal::new(
        users
            .into_iter()
            .map(|u| Row::new(u, moving))
            .collect::<Vec<_>>(),
    );
    let chosen: Chosen = RwSignal::new(BTreeMap::new());
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
            rows.with_untracked(|rows| apply_suggestions(rows, found));
        }
    });

    // The key of the long check or save running now, for its progress bar.
    let (checking, saving) = (RwSignal::new(None), RwSignal::new(None));
    // The server judges the whole set whenever a row or a location
    // changes; its answer names rows by their place in what was sent.
    let checked = LocalResource::new(move || {
        let request = chosen.with(|c| rows.with(|r| requests(r, c)));
        async move {
            if request.is_empty() {
                return Ok(Problems::new());
            }
            let sent: Vec<UserId> = request.iter().map(|r| r.user_id).collect();
            let key = key_for(sent.len());
            checking.set(key.clone());
            let found = check_rows(request, key.clone()).await;
            // A later check may have started meanwhile: its bar stays.
            if checking.get_untracked() == key {
                checking.set(None);
            }
            found.map(|found| problems_by_user(&sent, found))
        }
    });
    let problems = Memo::new(move |_| {
        checked.with(|c| match c {
            Some(Ok(found)) => found.clone(),
            _ => Problems::new(),
        })
    });

    let save = Action::new(move |r: &Vec<BulkRow>| {
        let key = key_for(r.len());
        saving.set(key.clone());
        save_rows(r.clone(), key)
    });
    let following = Signal::derive(move || {
        if save.pending().get() {
            saving.get()
        } else {
            checking.get()
        }
    });
    let starting = Signal::derive(move || {
        let doing = if save.pending().get() {
            "Saving"
        } else {
            "Checking"
        };
        format!(
            "{doing} {} rows…",
            count_text(rows.with(Vec::len) as i64, false)
        )
    });
    let server_says = RwSignal::new(None::<String>);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(Saved { saved, change_set })) => {
            let count = count_text(saved.len() as i64, false);
            state.record_all(saved);
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
        let complete = rows.with(|r| {
            chosen.with(|c| {
                !r.is_empty()
                    && r.iter().all(|row| {
                        row.location_in(c).is_some() && row.number.with(|n| !n.is_empty())
                    })
            })
        });
        let clean = checked.with(|c| matches!(c, Some(Ok(found)) if found.is_empty()));
        complete && clean && !save.pending().get()
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
                {move || format!("{} users. Every row is saved, or none: a row with a problem keeps the others from being saved.", count_text(rows.with(Vec::len) as i64, false))}
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
            <WorkProgress following starting />
            <ReviewTable rows problems locations moving />
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
