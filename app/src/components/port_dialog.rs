use leptos::prelude::*;

use super::modal::Modal;
use crate::api::port_numbers::{
    add_ported_numbers, check_ported_numbers, PortReport, PortRequest, PortSource,
};

/// Add > Port or upload numbers: a range or a pasted list of direct-routing
/// numbers. **Check numbers** reports every line; **Add** adds the good ones;
/// Cancel leaves the inventory as it was.
#[component]
pub fn PortDialog(
    on_close: Callback<()>,
    /// Called with how many numbers were added.
    on_added: Callback<usize>,
) -> impl IntoView {
    let as_range = RwSignal::new(true);
    let first = RwSignal::new(String::new());
    let count = RwSignal::new(String::from("10"));
    let list = RwSignal::new(String::new());
    let city = RwSignal::new(String::new());
    let report = RwSignal::new(None::<PortReport>);
    let error = RwSignal::new(None::<String>);

    let request = move || PortRequest {
        source: if as_range.get_untracked() {
            PortSource::Range {
                first: first.get_untracked(),
                count: count.get_untracked().trim().parse().unwrap_or(0),
            }
        } else {
            PortSource::List {
                text: list.get_untracked(),
            }
        },
        city: city.get_untracked(),
    };
    let check = Action::new(move |r: &PortRequest| check_ported_numbers(r.clone()));
    let add = Action::new(move |r: &PortRequest| add_ported_numbers(r.clone()));
    Effect::new(move |_| match check.value().get() {
        Some(Ok(found)) => report.set(Some(found)),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    Effect::new(move |_| match add.value().get() {
        Some(Ok(done)) => on_added.run(done.accepted.len()),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    // Any edit makes the last report stale.
    let edited = move || {
        report.set(None);
        error.set(None);
    };
    let busy = move || check.pending().get() || add.pending().get();

    view! {
        <Modal role="dialog" labelledby="port-title" wide=true on_close=move |_| on_close.run(())>
            <h2 id="port-title">"Port or upload numbers"</h2>
            <p class="muted">"Direct Routing numbers your organization already owns. Nothing is added until you click Add."</p>
            <fieldset class="choice">
                <legend>"Numbers to add"</legend>
                <label>
                    <input type="radio" name="port-kind" prop:checked=move || as_range.get() on:change=move |_| { as_range.set(true); edited(); } />
                    "A range"
                </label>
                <label>
                    <input type="radio" name="port-kind" prop:checked=move || !as_range.get() on:change=move |_| { as_range.set(false); edited(); } />
                    "A list"
                </label>
            </fieldset>
            {move || if as_range.get() {
                view! {
                    <label class="field">
                        <span>"First number"</span>
                        <input type="text" placeholder="+1 425 555 0200" maxlength="40" prop:value=move || first.get()
                            on:input=move |ev| { first.set(event_target_value(&ev)); edited(); } />
                    </label>
                    <label class="field">
                        <span>"How many"</span>
                        <input type="number" min="1" max="1000" prop:value=move || count.get()
                            on:input=move |ev| { count.set(event_target_value(&ev)); edited(); } />
                    </label>
                }.into_any()
            } else {
                view! {
                    <label class="field">
                        <span>"Numbers, one per line"</span>
                        <textarea rows="8" prop:value=move || list.get()
                            on:input=move |ev| { list.set(event_target_value(&ev)); edited(); }></textarea>
                    </label>
                }.into_any()
            }}
            <label class="field">
                <span>"City"</span>
                <input type="text" maxlength="100" prop:value=move || city.get()
                    on:input=move |ev| { city.set(event_target_value(&ev)); edited(); } />
            </label>
            {move || report.get().map(|r| {
                let ok = r.accepted.len();
                view! {
                    <p class="report" role="status">
                        {format!("{ok} {} can be added.", if ok == 1 { "number" } else { "numbers" })}
                    </p>
                    {(!r.problems.is_empty()).then(|| view! {
                        <section aria-label="Lines that can't be added">
                            <h3>{format!("{} lines can't be added", r.problems.len())}</h3>
                            <ul class="violations">
                                {r.problems.into_iter().map(|p| view! {
                                    <li>{format!("Line {}: {} — {}", p.line, p.text, p.reason)}</li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                }
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                {move || match report.get() {
                    Some(r) if !r.accepted.is_empty() => {
                        let n = r.accepted.len();
                        view! {
                            <button type="button" class="primary" disabled=busy
                                on:click=move |_| { add.dispatch(request()); }>
                                {format!("Add {n} {}", if n == 1 { "number" } else { "numbers" })}
                            </button>
                        }.into_any()
                    }
                    _ => view! {
                        <button type="button" class="primary" disabled=busy
                            on:click=move |_| { error.set(None); check.dispatch(request()); }>
                            "Check numbers"
                        </button>
                    }.into_any(),
                }}
                <button type="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </Modal>
    }
}
