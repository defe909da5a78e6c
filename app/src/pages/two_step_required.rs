use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{reload_to, TwoStepSetup};

/// What an admin without two-step sign-in sees, whatever page they asked
/// for, once the organisation requires it for admin roles.
#[component]
pub fn TwoStepRequiredPage() -> impl IntoView {
    view! {
        <Title text="Set up two-step sign-in" />
        <section class="card narrow" aria-labelledby="required-title">
            <h1 id="required-title">"Set up two-step sign-in"</h1>
            <p class="warning">
                "Your organization requires two-step sign-in for admin roles. Set it up to continue."
            </p>
            <TwoStepSetup on_done=Callback::new(|()| reload_to("/")) on_cancel=None />
        </section>
    }
}
