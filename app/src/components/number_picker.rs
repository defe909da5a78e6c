use leptos::prelude::*;
use leptos_router::components::A;

use super::debounce::on_typing_pause;
use super::grid_parts::count_text;
use super::loaded;
use crate::api::phone_numbers::list_assignable_numbers;
use crate::domain::{AssignableNumbers, Country, Date, NumberFilter, TelephoneNumber};

/// **Select number to assign**: the organisation's unassigned user numbers,
/// filtered by typed digits or city; the user's country first.
#[component]
pub fn NumberPicker(
    country: Country,
    chosen: RwSignal<Option<TelephoneNumber>>,
    /// The server's date, once known, for the re-use block rule.
    today: RwSignal<Option<Date>>,
) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let numbers = LocalResource::new(move || {
        let text = filter.get();
        async move {
            list_assignable_numbers(NumberFilter {
                text,
                country: Some(country),
                limit: 100,
            })
            .await
        }
    });
    let on_filter = on_typing_pause(move |value| filter.set(value));
    Effect::new(move |_| {
        if let Some(Ok(found)) = numbers.get() {
            today.set(Some(found.today));
        }
    });

    view! {
        <label class="field">
            <span>"Filter numbers"</span>
            <input
                type="search"
                placeholder="Digits or city"
                maxlength="100"
                on:input=on_filter
            />
        </label>
        {loaded(numbers, "Loading numbers…", move |found: AssignableNumbers| {
            if found.available == 0 {
                return view! { <NoNumbersTip /> }.into_any();
            }
            let list = found.numbers.clone();
            let empty = list.is_empty();
            let on_change = {
                let list = list.clone();
                move |ev| {
                    let e164 = event_target_value(&ev);
                    chosen.set(list.iter().find(|n| n.number.e164.as_str() == e164).cloned());
                }
            };
            view! {
                <label class="field">
                    <span>"Select number to assign"</span>
                    <select size="8" on:change=on_change>
                        {list
                            .into_iter()
                            .map(|n| {
                                let e164 = n.number.e164.to_string();
                                let is_chosen = {
                                    let e164 = e164.clone();
                                    move || chosen.with(|c| c.as_ref().is_some_and(|c| c.number.e164.as_str() == e164))
                                };
                                view! {
                                    <option value=e164 prop:selected=is_chosen>
                                        {format!("{} · {} · {}", n.number.international, n.city, n.source.label())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                {empty.then(|| view! { <p class="muted">"No unassigned numbers match. Clear the filter to see them all."</p> })}
                <p class="muted">
                    {format!(
                        "{} unassigned numbers in your organization.",
                        count_text(found.available, found.available_capped)
                    )}
                </p>
            }
            .into_any()
        })}
    }
}

/// The seed's tip, shown instead of an empty list.
#[component]
fn NoNumbersTip() -> impl IntoView {
    view! {
        <div class="tip" role="note">
            <p>
                <strong>"Tip: "</strong>
                "If you don't see any phone numbers listed, you need to get phone numbers for your users first. "
                "Or, on the " <A href="/voice/phone-numbers">"Voice > Phone numbers"</A>
                " page, click " <strong>"Add"</strong> ", and then click "
                <strong>"New user numbers"</strong> "."
            </p>
        </div>
    }
}
