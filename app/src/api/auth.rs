//! Signing in and out, and choosing a new password.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Account, SignInOutcome};

pub const WRONG_CREDENTIALS: &str = "The username or password is incorrect.";

/// Signs in and starts a new session (a new cookie, whatever the browser
/// had); for an account with two-step sign-in, a correct password asks for
/// the code instead, to send to [`sign_in_code`].
#[server(prefix = "/api", endpoint = "auth/sign-in", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn sign_in(username: String, password: String) -> Result<SignInOutcome, ApiError> {
    super::sign_in::sign_in(username, password).await
}

/// The second step: the code from the authenticator app, or a recovery
/// code, within five minutes of the password. Starts the session.
#[server(prefix = "/api", endpoint = "auth/sign-in/code", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn sign_in_code(challenge: String, code: String) -> Result<Account, ApiError> {
    super::sign_in::sign_in_code(challenge, code).await
}

/// Ends this session. Signing out twice is not an error.
#[server(prefix = "/api", endpoint = "auth/sign-out", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn sign_out() -> Result<(), ApiError> {
    ssr::sign_out().await
}

/// Replaces the caller's password; other sessions of the account end.
#[server(prefix = "/api", endpoint = "auth/change-password", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn change_password(current: String, new: String) -> Result<Account, ApiError> {
    ssr::change_password(current, new).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::{bounded, caller, in_console, state};
    use crate::api::second_step::too_many;
    use crate::api::sign_in::set_cookie;
    use crate::api::write::write_as;
    use crate::auth::attempt::{self, Admission};
    use crate::auth::common_passwords::check_chosen_password;
    use crate::auth::{cookie, throttle};
    use crate::domain::{AuditAction, AuditRecord, MAX_PASSWORD};
    use crate::store;

    pub async fn sign_out() -> Result<(), ApiError> {
        let state = state()?;
        let secure = state.auth.secure;
        if let Some(caller) = caller(&state).await? {
            write_as(state, caller, async |w| {
                store::sessions::delete(&mut w.tx, &w.caller.token_hash).await?;
                let record = AuditRecord {
                    target: w.caller.account.username.clone(),
                    ..AuditRecord::default()
                };
                w.audit(AuditAction::SignedOut, record).await
            })
            .await?;
        }
        set_cookie(cookie::clear(secure));
        Ok(())
    }

    pub async fn change_password(current: String, new: String) -> Result<Account, ApiError> {
        bounded("current", &current, MAX_PASSWORD)?;
        bounded("new", &new, MAX_PASSWORD)?;
        let (state, caller) = in_console().await?;
        let account = caller.account.clone();
        check_chosen_password(&new, &account.username).map_err(|m| ApiError::Invalid {
            message: m.to_owned(),
        })?;
        if new == current {
            return Err(ApiError::Invalid {
                message: "The new password must differ from the current one.".to_owned(),
            });
        }
        // Guessing the current password counts like failed sign-ins: a
        // stolen session can't be used to try passwords without limit.
        let now = state.clock.now();
        let keys = attempt::Keys {
            account: throttle::account_key(&account.username),
            label: account.username.clone(),
            address: None,
        };
        let mut tx = state.writer.begin().await?;
        let admission = attempt::admit(&mut tx, keys, now).await?;
        let checked = store::accounts::hash_of(&mut tx, account.id).await?;
        tx.commit().await?;
        let attempt = match admission {
            Admission::Admitted(attempt) => attempt,
            Admission::Locked(locked) => return Err(too_many("wrong passwords", locked, now)),
        };
        tokio::time::sleep(attempt.delay).await;
        let wrong = || ApiError::Forbidden {
            message: "The current password is incorrect.".to_owned(),
        };
        if !state
            .auth
            .passwords
            .verify(current, checked.clone())
            .await?
        {
            return Err(wrong());
        }
        let new_hash = state.auth.passwords.hash(new).await?;
        write_as(state, caller, async |w| {
            if store::accounts::hash_of(&mut w.tx, account.id).await? != checked {
                return Err(wrong());
            }
            if let Err(locked) = attempt.succeed(&mut w.tx, now).await? {
                return Err(too_many("wrong passwords", locked, now));
            }
            store::accounts::set_password(&mut w.tx, account.id, &new_hash, None).await?;
            store::sessions::delete_others(&mut w.tx, account.id, &w.caller.token_hash).await?;
            let record = AuditRecord {
                target: account.username.clone(),
                after: "by the account holder".to_owned(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::PasswordChanged, record).await?;
            store::accounts::find(&mut w.tx, account.id)
                .await?
                .ok_or_else(|| {
                    ApiError::internal("the account vanished while its password changed")
                })
        })
        .await
    }
}
