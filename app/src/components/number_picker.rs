use leptos::prelude::*;
use leptos_router::components::A;

use super::debounce::on_typing_pause;
use super::grid_parts::count_text;
use super::loaded;
use crate::api::phone_numbers::list_assignable_numbers;
use crate::domain::{
    AssignableNumbers, Country, Date, Licence, NumberFilter, NumberSource, TelephoneNumber, Touches,
};

/// **Select number to assign**: the organisation's unassigned user numbers,
/// filtered by typed digits or city; the user's country first, and of
/// those first the numbers the user's licences allow, the first of them
/// preselected. The others say which license they need.
#[component]
pub fn NumberPicker(
    country: Country,
    /// The user's licences: which numbers they may take.
    licences: Vec<Licence>,
    chosen: RwSignal<Option<TelephoneNumber>>,
    /// The server's date, once known, for the re-use block rule.
    today: RwSignal<Option<Date>>,
    /// Opened by Change number: the filter takes the focus the button had.
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let input = super::focus_on_open(focus);
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
    // Numbers others take or add while the list is open.
    super::on_live(move |batch| {
        if batch.touches(Touches::Voice) || batch.touches(Touches::Inventory) {
            numbers.refetch();
        }
    });
    let on_filter = on_typing_pause(move |value| filter.set(value));
    let allowed = move |n: &TelephoneNumber| Licence::allow(&licences, n.source);
    let allowed_too = allowed.clone();
    Effect::new(move |_| {
        if let Some(Ok(found)) = numbers.get() {
            today.set(Some(found.today));
            // The suggestion: the first number this user may take.
            if chosen.with_untracked(Option::is_none) {
                let first = found
                    .numbers
                    .iter()
                    .find(|n| n.number.country == country && allowed(n))
                    .cloned();
                chosen.set(first);
            }
        }
    });

    view! {
        <label class="field">
            <span>"Filter numbers"</span>
            <input
                type="search"
                node_ref=input
                placeholder="Digits or city"
                maxlength="100"
                on:input=on_filter
            />
        </label>
        {loaded(numbers, "Loading numbers…", move |found: AssignableNumbers| {
            if found.available == 0 {
                return view! { <NoNumbersTip /> }.into_any();
            }
            // Stable: the server's order (own country first) within each part.
            let (mut list, others): (Vec<_>, Vec<_>) =
                found.numbers.iter().cloned().partition(|n| allowed_too(n));
            let first_other = list.len();
            list.extend(others);
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
                            .enumerate()
                            .map(|(i, n)| {
                                let needs = (i >= first_other).then_some(match n.source {
                                    NumberSource::CallingPlan => " — needs a Calling Plan license",
                                    _ => " — needs Phone System or Enterprise E5",
                                });
                                let e164 = n.number.e164.to_string();
                                let is_chosen = {
                                    let e164 = e164.clone();
                                    move || chosen.with(|c| c.as_ref().is_some_and(|c| c.number.e164.as_str() == e164))
                                };
                                view! {
                                    <option value=e164 prop:selected=is_chosen>
                                        {format!(
                                            "{} · {} · {}{}",
                                            n.number.international,
                                            n.city,
                                            n.source.label(),
                                            needs.unwrap_or_default()
                                        )}
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
