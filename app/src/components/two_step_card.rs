//! My profile > Two-step sign-in: whether it is on, and what its holder
//! can do with it.

use leptos::prelude::*;

use super::two_step_setup::{code_field, RecoveryCodes, TwoStepSetup};
use crate::api::two_step::{my_two_step, renew_recovery_codes, turn_off_two_step};
use crate::components::loaded;
use crate::domain::{format_utc, TwoStepStatus};

#[component]
pub fn TwoStepCard() -> impl IntoView {
    let status = Resource::new(|| (), |()| my_two_step());
    let refresh = Callback::new(move |()| status.refetch());
    view! {
        <section class="card narrow" aria-labelledby="two-step-title">
            <h2 id="two-step-title">"Two-step sign-in"</h2>
            {loaded(status, "Loading…", move |s: TwoStepStatus| match s.on_since {
                Some(since) => view! { <TwoStepOn status=s.clone() since on_change=refresh /> }.into_any(),
                None => view! {
                    <p>"Off. "{s.required.then_some("Your organization requires it for your role.")}</p>
                    <TwoStepSetup on_done=refresh on_cancel=Some(refresh) />
                }.into_any(),
            })}
        </section>
    }
}

/// On: new recovery codes, or off, each for a current code.
#[component]
fn TwoStepOn(status: TwoStepStatus, since: i64, on_change: Callback<()>) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let renew = Action::new(|c: &String| renew_recovery_codes(c.clone()));
    let turn_off = Action::new(|c: &String| turn_off_two_step(c.clone()));
    let error = RwSignal::new(None::<String>);
    let new_codes = RwSignal::new(None::<Vec<String>>);
    Effect::new(move |_| match renew.value().get() {
        Some(Ok(codes)) => new_codes.set(Some(codes)),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    Effect::new(move |_| match turn_off.value().get() {
        Some(Ok(())) => on_change.run(()),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let busy = move || renew.pending().get() || turn_off.pending().get();
    // A code is used once, right or wrong: the field empties for the next.
    let take_code = move || {
        error.set(None);
        let typed = code.get_untracked();
        code.set(String::new());
        typed
    };
    let left = match status.recovery_codes_left {
        1 => "1 recovery code left: get new ones.".to_owned(),
        n @ 0..=2 => format!("{n} recovery codes left: get new ones."),
        n => format!("{n} recovery codes left."),
    };
    view! {
        {move || match new_codes.get() {
            Some(codes) => view! { <RecoveryCodes codes on_saved=on_change /> }.into_any(),
            None => view! {
                <p role="status">{format!("On since {}. {left}", format_utc(since))}</p>
                <p class="muted">
                    "To get new recovery codes or turn two-step sign-in off, enter a current code from your app or a recovery code."
                </p>
                {code_field("Code", code)}
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button
                        type="button"
                        disabled=move || busy() || code.with(String::is_empty)
                        on:click=move |_| { renew.dispatch(take_code()); }
                    >
                        "New recovery codes"
                    </button>
                    {(!status.required).then(|| view! {
                        <button
                            type="button"
                            disabled=move || busy() || code.with(String::is_empty)
                            on:click=move |_| { turn_off.dispatch(take_code()); }
                        >
                            "Turn off two-step sign-in"
                        </button>
                    })}
                </div>
                {status.required.then(|| view! {
                    <p class="muted">"Your organization requires two-step sign-in for your role, so it stays on."</p>
                })}
            }.into_any(),
        }}
    }
}
