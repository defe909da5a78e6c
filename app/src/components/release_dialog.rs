use leptos::prelude::*;

use super::grid_parts::ConfirmActions;
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
            <ConfirmActions
                pending=release.pending()
                failed=Signal::derive(move || error.with(Option::is_some))
                busy="Releasing…"
                on_yes=move |()| {
                    release.dispatch(numbers.clone());
                }
                on_no=move |()| on_close.run(())
            />
        </Modal>
    }
}
