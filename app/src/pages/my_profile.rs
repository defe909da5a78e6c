use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::profile::{my_profile, Profile};
use crate::components::{loaded, ApiTokensCard, CurrentAccount, TwoStepCard};
use crate::domain::Touches;

/// What a signed-in person sees about themselves. The Work Phone is shown
/// greyed out: an admin set it, and it can't be changed here.
#[component]
pub fn MyProfilePage() -> impl IntoView {
    let profile = Resource::new(|| (), |()| my_profile());
    // An admin's change to this person's number shows at once.
    crate::components::on_live(move |batch| {
        if batch.touches(Touches::Voice) || batch.touches(Touches::Licences) {
            profile.refetch();
        }
    });
    view! {
        <Title text="My profile" />
        <h1>"My profile"</h1>
        {loaded(profile, "Loading your profile…", move |p: Profile| {
            let phone = p.work_phone.clone().unwrap_or_default();
            let note = if p.work_phone.is_some() {
                "An admin has set this number for you, so it can't be changed by you."
            } else {
                "No number is assigned to you. An admin assigns it; it can't be set by you."
            };
            view! {
                <section class="card narrow" aria-label="Profile">
                    <dl class="details">
                        <dt>"Display name"</dt>
                        <dd>{p.display_name.clone()}</dd>
                        <dt>"Username"</dt>
                        <dd>{p.username.clone()}</dd>
                        <dt>"Role"</dt>
                        <dd>{p.role.label()}</dd>
                    </dl>
                    <label class="field">
                        <span>"Work Phone"</span>
                        <input
                            type="tel"
                            class="greyed"
                            value=phone
                            placeholder="Not assigned"
                            readonly
                            disabled
                            aria-describedby="work-phone-note"
                        />
                    </label>
                    <p id="work-phone-note" class="muted">{note}</p>
                    <dl class="details">
                        <dt>"Emergency location"</dt>
                        <dd>{p.emergency_location.clone().unwrap_or_else(|| "None".to_owned())}</dd>
                    </dl>
                    <p><a href="/me/password">"Change password"</a></p>
                </section>
            }
            .into_any()
        })}
        <TwoStepCard />
        {use_context::<CurrentAccount>().map(|me| view! {
            <ApiTokensCard account=None account_role=me.0.role />
        })}
    }
}
