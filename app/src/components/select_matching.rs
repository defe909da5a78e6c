//! "Select all N users matching this search": ticks every user the search
//! finds, page after page from the server, not only the rows loaded so
//! far; up to as many as one bulk save takes, which the bulk dialogs
//! review a page at a time.

use leptos::prelude::*;

use super::grid_parts::count_text;
use super::VoiceUsersState;
use crate::api::voice_users::list_voice_users;
use crate::api::ApiError;
use crate::domain::{UserQuery, VoiceUser, MAX_BULK_ROWS, MAX_USER_PAGE};

/// Every user `query` finds, up to [`MAX_BULK_ROWS`], telling `found` how
/// many have come so far: at 200 a page, 10,000 users take 50 requests.
async fn all_matching(
    query: UserQuery,
    found: RwSignal<usize>,
) -> Result<Vec<VoiceUser>, ApiError> {
    let mut users = Vec::new();
    let mut after = None;
    loop {
        // The last page asks for no more than the selection has room for.
        let room = u32::try_from(MAX_BULK_ROWS - users.len()).unwrap_or(u32::MAX);
        let page = list_voice_users(UserQuery {
            after,
            limit: room.min(MAX_USER_PAGE),
            ..query.clone()
        })
        .await?;
        users.extend(page.users);
        found.set(users.len());
        match page.next {
            Some(next) if users.len() < MAX_BULK_ROWS => after = Some(next),
            _ => break,
        }
    }
    users.truncate(MAX_BULK_ROWS);
    Ok(users)
}

/// How many users a click selects: all that match, or the first
/// [`MAX_BULK_ROWS`] when more match (or the count stopped short of all).
fn selectable(total: i64, capped: bool) -> (usize, bool) {
    match usize::try_from(total) {
        Ok(n) if !capped && n <= MAX_BULK_ROWS => (n, false),
        _ => (MAX_BULK_ROWS, true),
    }
}

/// The button's text before the click.
fn label(total: i64, capped: bool) -> String {
    match selectable(total, capped) {
        (n, false) => format!("Select all {} users matching", count_text(n as i64, false)),
        (n, true) => format!(
            "Select the first {} users matching",
            count_text(n as i64, false)
        ),
    }
}

/// The button's text while the pages come: "Selecting… 2,400 of 10,000".
fn progress(found: usize, total: i64, capped: bool) -> String {
    let (of, _) = selectable(total, capped);
    format!(
        "Selecting… {} of {}",
        count_text(found as i64, false),
        count_text(of as i64, false)
    )
}

#[component]
pub fn SelectMatching(query: Signal<UserQuery>, total: i64, capped: bool) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let found = RwSignal::new(0);
    let select = Action::new(move |q: &UserQuery| all_matching(q.clone(), found));
    let problem = RwSignal::new(None::<String>);
    Effect::new(move |_| match select.value().get() {
        Some(Ok(users)) => {
            let count = users.len();
            state.select_all(users);
            state.announce(format!(
                "Selected {} users.",
                count_text(count as i64, false)
            ));
        }
        Some(Err(e)) => problem.set(Some(e.to_string())),
        None => {}
    });
    let idle = label(total, capped);
    view! {
        <button
            type="button"
            class="link"
            disabled=move || select.pending().get()
            on:click=move |_| {
                problem.set(None);
                found.set(0);
                select.dispatch(query.get_untracked());
            }
        >
            {move || {
                if select.pending().get() {
                    progress(found.get(), total, capped)
                } else {
                    idle.clone()
                }
            }}
        </button>
        {move || problem.get().map(|p| view! { <span class="error" role="alert">{p}</span> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_button_offers_all_matches_up_to_one_bulk_save() {
        let cases = [
            (2, false, "Select all 2 users matching", "a few"),
            (
                850,
                false,
                "Select all 850 users matching",
                "a page or five",
            ),
            (
                10_000,
                false,
                "Select all 10,000 users matching",
                "exactly the limit",
            ),
            (
                10_001,
                false,
                "Select the first 10,000 users matching",
                "one too many",
            ),
            (
                100_000,
                false,
                "Select the first 10,000 users matching",
                "everyone",
            ),
            (
                1_000,
                true,
                "Select the first 10,000 users matching",
                "count stopped at 1,000",
            ),
        ];
        for (total, capped, text, why) in cases {
            assert_eq!(label(total, capped), text, "{why}");
        }
    }

    #[test]
    fn progress_counts_towards_what_the_click_selects() {
        let cases = [
            (0, 850, false, "Selecting… 0 of 850", "first page asked"),
            (400, 850, false, "Selecting… 400 of 850", "two pages in"),
            (
                2_400,
                100_000,
                false,
                "Selecting… 2,400 of 10,000",
                "capped at the limit",
            ),
            (
                200,
                1_000,
                true,
                "Selecting… 200 of 10,000",
                "count unknown",
            ),
        ];
        for (found, total, capped, text, why) in cases {
            assert_eq!(progress(found, total, capped), text, "{why}");
        }
    }
}
