use leptos::prelude::*;
use leptos_meta::Title;

use super::admins_security::{AccountTokensDialog, ResetTwoStepDialog, SignInPolicyForm};
use crate::api::accounts::{
    create_account, list_accounts, remove_account, reset_password, set_role, CreatedAccount,
    NewAccountRequest,
};
use crate::components::{loaded, ConfirmActions, CurrentAccount, Modal};
use crate::domain::{Account, Role};

/// Settings > Admins: who can sign in, and with which role.
#[component]
pub fn AdminsPage() -> impl IntoView {
    let me = use_context::<CurrentAccount>().map(|c| c.0.id);
    let accounts = Resource::new(|| (), |()| list_accounts());
    let status = RwSignal::new(None::<String>);
    // A new one-time password, shown once.
    let secret = RwSignal::new(None::<CreatedAccount>);
    let removing = RwSignal::new(None::<Account>);
    let resetting = RwSignal::new(None::<Account>);
    let tokens_of = RwSignal::new(None::<Account>);
    let refresh = move || accounts.refetch();

    view! {
        <Title text="Admins" />
        <h1>"Admins"</h1>
        <p class="lede">
            "Global administrators manage everything, including this page; Voice administrators "
            "manage numbers, locations and assignments; Helpdesk reads voice users and numbers; "
            "Users see their own profile."
        </p>
        <p class="status" role="status">{move || status.get()}</p>
        {move || secret.get().map(|c| view! {
            <div class="warning" role="note" aria-label="One-time password">
                <p>
                    {format!("One-time password for {}: ", c.account.username)}
                    <code class="secret">{c.password.clone()}</code>
                </p>
                <p class="muted">"Give it to them privately; they choose their own password when they first sign in. It isn't shown again."</p>
                <button type="button" on:click=move |_| secret.set(None)>"Done"</button>
            </div>
        })}
        <NewAccountForm on_created=Callback::new(move |c: CreatedAccount| {
            status.set(Some(format!("Account '{}' created as {}.", c.account.username, c.account.role.label())));
            secret.set(Some(c));
            refresh();
        }) />
        <SignInPolicyForm on_status=Callback::new(move |s| status.set(Some(s))) />
        {loaded(accounts, "Loading accounts…", move |list: Vec<Account>| view! {
            <table class="grid" aria-label="Accounts">
                <thead>
                    <tr>
                        <th scope="col">"Username"</th>
                        <th scope="col">"Display name"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Two-step"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|account| {
                        let mine = Some(account.id) == me;
                        view! {
                            <AccountRow
                                account
                                mine
                                on_status=Callback::new(move |s: String| { status.set(Some(s)); refresh(); })
                                on_secret=Callback::new(move |c| secret.set(Some(c)))
                                on_remove=Callback::new(move |a| removing.set(Some(a)))
                                on_reset_two_step=Callback::new(move |a| resetting.set(Some(a)))
                                on_tokens=Callback::new(move |a| tokens_of.set(Some(a)))
                            />
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {move || tokens_of.get().map(|account| view! {
            <AccountTokensDialog account on_close=Callback::new(move |()| tokens_of.set(None)) />
        })}
        {move || resetting.get().map(|account| view! {
            <ResetTwoStepDialog
                account
                on_close=Callback::new(move |()| resetting.set(None))
                on_reset=Callback::new(move |name: String| {
                    resetting.set(None);
                    status.set(Some(format!("Two-step sign-in of '{name}' was reset.")));
                    refresh();
                })
            />
        })}
        {move || removing.get().map(|account| view! {
            <RemoveAccountDialog
                account
                on_close=Callback::new(move |()| removing.set(None))
                on_removed=Callback::new(move |name: String| {
                    removing.set(None);
                    status.set(Some(format!("Account '{name}' removed.")));
                    refresh();
                })
            />
        })}
    }
}

fn role_options(selected: Role) -> impl IntoView {
    Role::ALL
        .iter()
        .copied()
        .map(|r| view! { <option value=r.code() selected=r == selected>{r.label()}</option> })
        .collect_view()
}

#[component]
fn NewAccountForm(on_created: Callback<CreatedAccount>) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::VoiceAdmin);
    let create = Action::new(move |r: &NewAccountRequest| create_account(r.clone()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match create.value().get() {
        Some(Ok(c)) => {
            username.set(String::new());
            display_name.set(String::new());
            on_created.run(c);
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        create.dispatch(NewAccountRequest {
            username: username.get_untracked(),
            display_name: display_name.get_untracked(),
            role: role.get_untracked(),
        });
    };
    view! {
        <form class="card inline-form" on:submit=submit aria-labelledby="new-account-title">
            <h2 id="new-account-title">"Add account"</h2>
            <label class="field">
                <span>"Username"</span>
                <input type="text" required maxlength="256" placeholder="name@contoso.com"
                    prop:value=move || username.get()
                    on:input=move |ev| username.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>"Display name"</span>
                <input type="text" maxlength="256" placeholder="Taken from the voice user if empty"
                    prop:value=move || display_name.get()
                    on:input=move |ev| display_name.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>"Role"</span>
                <select on:change=move |ev| {
                    if let Some(r) = Role::from_code(&event_target_value(&ev)) { role.set(r) }
                }>
                    {role_options(Role::VoiceAdmin)}
                </select>
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || create.pending().get()>"Add account"</button>
            </div>
        </form>
    }
}

#[component]
fn AccountRow(
    account: Account,
    mine: bool,
    on_status: Callback<String>,
    on_secret: Callback<CreatedAccount>,
    on_remove: Callback<Account>,
    on_reset_two_step: Callback<Account>,
    on_tokens: Callback<Account>,
) -> impl IntoView {
    let id = account.id;
    let version = account.version;
    let name = account.username.clone();
    let role = RwSignal::new(account.role);
    let error = RwSignal::new(None::<String>);
    let save = Action::new(move |r: &Role| set_role(id, *r, version));
    let reset = Action::new(move |_: &()| reset_password(id));
    Effect::new({
        let name = name.clone();
        move |_| match save.value().get() {
            Some(Ok(a)) => on_status.run(format!("{} is now {}.", name, a.role.label())),
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    });
    Effect::new(move |_| match reset.value().get() {
        Some(Ok(c)) => on_secret.run(c),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let select_id = format!("role-{id}");
    let for_remove = account.clone();
    let for_reset = account.clone();
    let for_tokens = account.clone();
    let two_step = account.two_step;
    view! {
        <tr>
            <td>{account.username.clone()}{mine.then_some(" (you)")}</td>
            <td>{account.display_name.clone()}</td>
            <td>
                <label class="visually-hidden" for=select_id.clone()>{format!("Role of {name}")}</label>
                <select id=select_id disabled=mine on:change=move |ev| {
                    if let Some(r) = Role::from_code(&event_target_value(&ev)) { role.set(r) }
                }>
                    {role_options(account.role)}
                </select>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </td>
            <td>{if two_step { "On" } else { "Off" }}</td>
            <td class="row-actions">
                {(!mine).then(|| {
                    let name = name.clone();
                    view! {
                        <button type="button" aria-label=format!("Save role of {name}")
                            disabled=move || save.pending().get() || role.get() == account.role
                            on:click=move |_| { error.set(None); save.dispatch(role.get_untracked()); }>
                            "Save role"
                        </button>
                        <button type="button" aria-label=format!("Reset password of {name}")
                            disabled=move || reset.pending().get()
                            on:click=move |_| { error.set(None); reset.dispatch(()); }>
                            "Reset password"
                        </button>
                        <button type="button" aria-label=format!("API tokens of {name}")
                            on:click=move |_| on_tokens.run(for_tokens.clone())>
                            "API tokens"
                        </button>
                        {two_step.then(|| view! {
                            <button type="button" aria-label=format!("Reset two-step sign-in of {name}")
                                on:click=move |_| on_reset_two_step.run(for_reset.clone())>
                                "Reset two-step"
                            </button>
                        })}
                        <button type="button" aria-label=format!("Remove {name}")
                            on:click=move |_| on_remove.run(for_remove.clone())>
                            "Remove"
                        </button>
                    }
                })}
            </td>
        </tr>
    }
}

#[component]
fn RemoveAccountDialog(
    account: Account,
    on_close: Callback<()>,
    on_removed: Callback<String>,
) -> impl IntoView {
    let name = account.username.clone();
    let remove = Action::new(move |_: &()| remove_account(account.id, account.version));
    let error = RwSignal::new(None::<String>);
    Effect::new({
        let name = name.clone();
        move |_| match remove.value().get() {
            Some(Ok(())) => on_removed.run(name.clone()),
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    });
    view! {
        <Modal role="alertdialog" labelledby="remove-account-title" describedby="remove-account-text" on_close=move |_| on_close.run(())>
            <h2 id="remove-account-title">"Remove account?"</h2>
            <p id="remove-account-text">{format!("'{name}' will no longer be able to sign in; their sessions end now.")}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ConfirmActions
                pending=remove.pending()
                failed=Signal::derive(move || error.with(Option::is_some))
                busy="Removing…"
                on_yes=move |()| { remove.dispatch(()); }
                on_no=move |()| on_close.run(())
            />
        </Modal>
    }
}
