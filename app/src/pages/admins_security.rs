//! Settings > Admins: the organisation's sign-in rule, resetting an
//! account's lost second step, and an account's API tokens.

use leptos::prelude::*;

use crate::api::sign_in_policy::{get_sign_in_policy, reset_two_step, set_sign_in_policy};
use crate::components::{loaded, ApiTokensCard, ConfirmActions, Modal};
use crate::domain::{Account, SignInPolicy};

/// "Require two-step sign-in for admin roles", saved at once.
#[component]
pub fn SignInPolicyForm(on_status: Callback<String>) -> impl IntoView {
    let policy = Resource::new(|| (), |()| get_sign_in_policy());
    let save = Action::new(|p: &SignInPolicy| set_sign_in_policy(*p));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(p)) => {
            on_status.run(if p.two_step_for_admins {
                "Two-step sign-in is now required for admin roles.".to_owned()
            } else {
                "Two-step sign-in is now optional for admin roles.".to_owned()
            });
            policy.refetch();
        }
        Some(Err(e)) => {
            error.set(Some(e.to_string()));
            policy.refetch();
        }
        None => {}
    });
    view! {
        <section class="card inline-form" aria-labelledby="sign-in-policy-title">
            <h2 id="sign-in-policy-title">"Sign-in"</h2>
            {loaded(policy, "Loading…", move |p: SignInPolicy| view! {
                <label class="check">
                    <input
                        type="checkbox"
                        checked=p.two_step_for_admins
                        disabled=move || save.pending().get()
                        aria-describedby="sign-in-policy-note"
                        on:change=move |ev| {
                            error.set(None);
                            save.dispatch(SignInPolicy { two_step_for_admins: event_target_checked(&ev) });
                        }
                    />
                    "Require two-step sign-in for admin roles"
                </label>
            })}
            <p id="sign-in-policy-note" class="muted">
                "Global administrators, Voice administrators and Helpdesk then sign in with a code "
                "from an authenticator app; one who hasn't set it up must do so before anything else."
            </p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
pub fn ResetTwoStepDialog(
    account: Account,
    on_close: Callback<()>,
    on_reset: Callback<String>,
) -> impl IntoView {
    let name = account.username.clone();
    let reset = Action::new(move |_: &()| reset_two_step(account.id));
    let error = RwSignal::new(None::<String>);
    Effect::new({
        let name = name.clone();
        move |_| match reset.value().get() {
            Some(Ok(_)) => on_reset.run(name.clone()),
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    });
    view! {
        <Modal role="alertdialog" labelledby="reset-two-step-title" describedby="reset-two-step-text" on_close=move |_| on_close.run(())>
            <h2 id="reset-two-step-title">"Reset two-step sign-in?"</h2>
            <p id="reset-two-step-text">
                {format!(
                    "'{name}' signs in with their password alone until they set two-step sign-in up again; their authenticator and recovery codes stop working and their sessions end now."
                )}
            </p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ConfirmActions
                pending=reset.pending()
                failed=Signal::derive(move || error.with(Option::is_some))
                busy="Resetting…"
                on_yes=move |()| { reset.dispatch(()); }
                on_no=move |()| on_close.run(())
            />
        </Modal>
    }
}

/// Another account's API tokens: made for a script that runs as them, or
/// revoked when it leaks or they leave.
#[component]
pub fn AccountTokensDialog(account: Account, on_close: Callback<()>) -> impl IntoView {
    view! {
        <Modal role="dialog" labelledby="account-tokens-title" wide=true on_close=move |_| on_close.run(())>
            <h2 id="account-tokens-title">{format!("API tokens of {}", account.username)}</h2>
            <ApiTokensCard account=Some(account.id) account_role=account.role />
            <div class="actions">
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </Modal>
    }
}
