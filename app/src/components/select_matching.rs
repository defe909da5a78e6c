//! "Select all N users matching this search": ticks every user the search
//! finds, page after page from the server, not only the rows loaded so
//! far; up to a thousand, which the bulk dialogs review row by row.

use leptos::prelude::*;

use super::grid_parts::count_text;
use super::VoiceUsersState;
use crate::api::voice_users::list_voice_users;
use crate::api::ApiError;
use crate::domain::{UserQuery, VoiceUser, MAX_USER_PAGE};

/// The most users one selection holds.
pub const MAX_SELECTED: usize = 1_000;

/// Every user `query` finds, up to [`MAX_SELECTED`].
async fn all_matching(query: UserQuery) -> Result<Vec<VoiceUser>, ApiError> {
    let mut found = Vec::new();
    let mut after = None;
    loop {
        let page = list_voice_users(UserQuery {
            after,
            limit: MAX_USER_PAGE,
            ..query.clone()
        })
        .await?;
        found.extend(page.users);
        match page.next {
            Some(next) if found.len() < MAX_SELECTED => after = Some(next),
            _ => break,
        }
    }
    found.truncate(MAX_SELECTED);
    Ok(found)
}

#[component]
pub fn SelectMatching(query: Signal<UserQuery>, total: i64, capped: bool) -> impl IntoView {
    let state = expect_context::<VoiceUsersState>();
    let select = Action::new(move |q: &UserQuery| all_matching(q.clone()));
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
    let label = if capped || total > MAX_SELECTED as i64 {
        format!(
            "Select the first {} users matching",
            count_text(MAX_SELECTED as i64, false)
        )
    } else {
        format!("Select all {} users matching", count_text(total, false))
    };
    view! {
        <button
            type="button"
            class="link"
            disabled=move || select.pending().get()
            on:click=move |_| {
                problem.set(None);
                select.dispatch(query.get_untracked());
            }
        >
            {move || if select.pending().get() { "Selecting…".to_owned() } else { label.clone() }}
        </button>
        {move || problem.get().map(|p| view! { <span class="error" role="alert">{p}</span> })}
    }
}
