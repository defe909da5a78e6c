use leptos::prelude::*;

use super::modal::Modal;
use crate::api::phone_numbers::release_numbers;
use crate::domain::E164;

/// "Release selected numbers?": Yes takes them out of the inventory, all or none.
#[component]
pub fn ReleaseDialog(
    numbers: Vec<E164>,
    on_close: Callback<()>,
    /// Called with how many numbers went.
    on_released: Callback<usize>,
) -> impl IntoView {
    let release = Action::new(move |n: &Vec<E164>| release_numbers(n.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match release.value().get() {
        Some(Ok(count)) => on_released.run(count),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let count = numbers.len();
    view! {
        <Modal role="alertdialog" labelledby="release-title" describedby="release-text" on_close=move |_| on_close.run(())>
            <h2 id="release-title">"Release selected numbers?"</h2>
            <div id="release-text">
                <p>
                    {format!(
                        "{} will leave your organization's inventory. Calling Plan numbers go back to the provider and may not be available again.",
                        if count == 1 { "This number".to_owned() } else { format!("These {count} numbers") },
                    )}
                </p>
                <ul class="plain">
                    {numbers.iter().map(|n| view! { <li class="number">{n.to_string()}</li> }).collect_view()}
                </ul>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    data-autofocus
                    disabled=move || release.pending().get() || error.with(Option::is_some)
                    on:click=move |_| {
                        release.dispatch(numbers.clone());
                    }
                >
                    {move || if release.pending().get() { "Releasing…" } else { "Yes" }}
                </button>
                <button type="button" on:click=move |_| on_close.run(())>
                    "No"
                </button>
            </div>
        </Modal>
    }
}
