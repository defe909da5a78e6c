//! API tokens in the console: the account's tokens in force, a new one
//! (shown once), and revoking one. My profile shows the caller's own;
//! Settings > Admins another account's.

use leptos::prelude::*;

use super::api_token_form::NewTokenForm;
use super::{loaded, ConfirmActions, Modal};
use crate::api::api_tokens::{list_api_tokens, revoke_api_token};
use crate::domain::{format_utc, AccountId, ApiTokenInfo, CreatedApiToken, Role};

#[component]
pub fn ApiTokensCard(account: Option<AccountId>, account_role: Role) -> impl IntoView {
    let tokens = Resource::new(|| (), move |()| list_api_tokens(account));
    let created = RwSignal::new(None::<CreatedApiToken>);
    let revoking = RwSignal::new(None::<ApiTokenInfo>);
    let status = RwSignal::new(None::<String>);
    let refresh = move || tokens.refetch();
    view! {
        <section class="card" aria-labelledby="api-tokens-title">
            <h2 id="api-tokens-title">"API tokens"</h2>
            <p class="muted">
                "Scripts and the command line sign in with a token: "
                <code>"Authorization: Bearer …"</code>
                ". A token can do what its role allows, never more than its account."
            </p>
            <p class="status" role="status">{move || status.get()}</p>
            {move || created.get().map(|c| view! { <NewTokenNote created=c on_done=move || created.set(None) /> })}
            {loaded(tokens, "Loading tokens…", move |list: Vec<ApiTokenInfo>| {
                if list.is_empty() {
                    return view! { <p>"No tokens."</p> }.into_any();
                }
                view! {
                    <table class="grid" aria-label="API tokens">
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Role"</th>
                                <th scope="col">"Created"</th>
                                <th scope="col">"Last used"</th>
                                <th scope="col">"Expires"</th>
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|t| {
                                let label = format!("Revoke token {}", t.name);
                                let for_revoke = t.clone();
                                view! {
                                    <tr>
                                        <td>{t.name.clone()}</td>
                                        <td>{t.role.label()}</td>
                                        <td>{format_utc(t.created_at)}</td>
                                        <td>{t.last_used_at.map_or_else(|| "Never".to_owned(), format_utc)}</td>
                                        <td>{format_utc(t.expires_at)}</td>
                                        <td class="row-actions">
                                            <button type="button" aria-label=label
                                                on:click=move |_| revoking.set(Some(for_revoke.clone()))>
                                                "Revoke"
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
            <NewTokenForm account account_role on_created=Callback::new(move |c: CreatedApiToken| {
                status.set(Some(format!("Token '{}' created.", c.info.name)));
                created.set(Some(c));
                refresh();
            }) />
        </section>
        {move || revoking.get().map(|token| view! {
            <RevokeDialog
                token
                on_close=Callback::new(move |()| revoking.set(None))
                on_revoked=Callback::new(move |name: String| {
                    revoking.set(None);
                    status.set(Some(format!("Token '{name}' revoked.")));
                    refresh();
                })
            />
        })}
    }
}

/// The new token, this once.
#[component]
fn NewTokenNote(
    created: CreatedApiToken,
    on_done: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let token = created.token.clone();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        let _ = window().navigator().clipboard().write_text(&token);
        #[cfg(not(feature = "hydrate"))]
        let _ = &token;
        copied.set(true);
    };
    view! {
        <div class="warning" role="note" aria-label="New API token">
            <p>
                {format!("Token '{}': ", created.info.name)}
                <code class="secret">{created.token.clone()}</code>
            </p>
            <p class="muted">"Copy it now and keep it like a password: it isn't shown again."</p>
            <div class="actions">
                <button type="button" on:click=copy>
                    {move || if copied.get() { "Copied" } else { "Copy token" }}
                </button>
                <button type="button" on:click=move |_| on_done()>"Done"</button>
            </div>
        </div>
    }
}

#[component]
fn RevokeDialog(
    token: ApiTokenInfo,
    on_close: Callback<()>,
    on_revoked: Callback<String>,
) -> impl IntoView {
    let name = token.name.clone();
    let revoke = Action::new(move |_: &()| revoke_api_token(token.id));
    let error = RwSignal::new(None::<String>);
    Effect::new({
        let name = name.clone();
        move |_| match revoke.value().get() {
            Some(Ok(())) => on_revoked.run(name.clone()),
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    });
    view! {
        <Modal role="alertdialog" labelledby="revoke-token-title" describedby="revoke-token-text" on_close=move |_| on_close.run(())>
            <h2 id="revoke-token-title">"Revoke API token?"</h2>
            <p id="revoke-token-text">{format!("Scripts using '{name}' stop working at once.")}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ConfirmActions
                pending=revoke.pending()
                failed=Signal::derive(move || error.with(Option::is_some))
                busy="Revoking…"
                on_yes=move |()| { revoke.dispatch(()); }
                on_no=move |()| on_close.run(())
            />
        </Modal>
    }
}
