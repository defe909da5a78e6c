//! Signing in and out, and choosing a new password.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::Account;

pub const WRONG_CREDENTIALS: &str = "The username or password is incorrect.";

/// Signs in and starts a new session (a new cookie, whatever the browser had).
#[server(prefix = "/api", endpoint = "auth/sign-in", input = Json)]
pub async fn sign_in(username: String, password: String) -> Result<Account, ApiError> {
    ssr::sign_in(username, password).await
}

/// Ends this session. Signing out twice is not an error.
#[server(prefix = "/api", endpoint = "auth/sign-out", input = Json)]
pub async fn sign_out() -> Result<(), ApiError> {
    ssr::sign_out().await
}

/// Replaces the caller's password; other sessions of the account end.
#[server(prefix = "/api", endpoint = "auth/change-password", input = Json)]
pub async fn change_password(current: String, new: String) -> Result<Account, ApiError> {
    ssr::change_password(current, new).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::net::SocketAddr;

    use axum::extract::ConnectInfo;
    use axum::http::{header, request::Parts, HeaderValue};
    use leptos::prelude::use_context;
    use leptos_axum::ResponseOptions;
    use sqlx::SqliteConnection;

    use super::*;
    use crate::api::access::{bounded, caller, signed_in, state};
    use crate::api::write::write_as;
    use crate::auth::attempt::{self, Admission, Locked};
    use crate::auth::common_passwords::check_chosen_password;
    use crate::auth::{cookie, session, throttle};
    use crate::domain::{normalise_username, AuditAction, AuditRecord, MAX_PASSWORD};
    use crate::state::AppState;
    use crate::store;

    fn set_cookie(value: String) {
        if let (Some(options), Ok(value)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(&value),
        ) {
            options.append_header(header::SET_COOKIE, value);
        }
    }

    /// The peer's address, or the client's that a trusted proxy forwards.
    fn client_address(state: &AppState) -> String {
        use_context::<Parts>()
            .and_then(|p| {
                let peer = p.extensions.get::<ConnectInfo<SocketAddr>>()?.0.ip();
                Some(state.auth.trusted_proxies.client(peer, &p.headers))
            })
            .map_or_else(|| "unknown".to_owned(), |a| a.to_string())
    }

    fn too_many(what: &str, locked: Locked, now: i64) -> ApiError {
        let wait = throttle::minutes(locked.until - now);
        ApiError::TooManyAttempts {
            message: format!("Too many {what}. Try again in {wait}."),
        }
    }

    /// A sign-in attempt's audit entry. There is no caller yet, so this is
    /// the one entry written outside `write`: its actor is the account, or
    /// the "unknown account" the username names.
    async fn sign_in_entry(
        conn: &mut SqliteConnection,
        now: i64,
        action: AuditAction,
        who: &str,
        from: &str,
        note: &str,
    ) -> Result<(), ApiError> {
        let record = AuditRecord {
            target: who.to_owned(),
            after: format!("from {from}{note}"),
            ..AuditRecord::default()
        };
        store::audit::append(conn, now, who, action, &record).await?;
        Ok(())
    }

    pub async fn sign_in(username: String, password: String) -> Result<Account, ApiError> {
        bounded("username", &username, 256)?;
        bounded("password", &password, MAX_PASSWORD)?;
        let state = state()?;
        let username = normalise_username(&username);
        let from = client_address(&state);
        let now = state.clock.now();

        let mut tx = state.writer.begin().await?;
        let found = store::accounts::with_hash(&mut tx, &username).await?;
        let who = match &found {
            Some((account, _)) => account.username.clone(),
            None => throttle::unknown_account(&username),
        };
        let keys = attempt::Keys {
            account: throttle::account_key(&username),
            label: who.clone(),
            address: Some(throttle::address_key(&from)),
        };
        let admission = attempt::admit(&mut tx, keys, now).await?;
        tx.commit().await?;
        let attempt = match admission {
            Admission::Admitted(attempt) => attempt,
            Admission::Locked(locked) => return Err(too_many("failed sign-ins", locked, now)),
        };
        // Waits holding no connection: a crowd of slowed sign-ins leaves
        // the pool to everyone else.
        tokio::time::sleep(attempt.delay).await;
        let (account, checked) = found.unzip();
        let matches = state
            .auth
            .passwords
            .verify(password, checked.clone())
            .await?;

        let mut tx = state.writer.begin().await?;
        // The password checked must still be the account's: it may have
        // changed, or the account gone, while this attempt waited.
        let still = store::accounts::with_hash(&mut tx, &username).await?;
        let account = account.filter(|_| matches && still.map(|(_, h)| h) == checked);
        let Some(account) = account else {
            let note = if attempt.locked_it() {
                format!("; locked for {}", throttle::minutes(throttle::LOCK_FOR))
            } else {
                String::new()
            };
            attempt.failed(&mut tx, now).await?;
            sign_in_entry(&mut tx, now, AuditAction::SignInFailed, &who, &from, &note).await?;
            tx.commit().await?;
            tracing::info!("sign-in failed");
            return Err(ApiError::SignInFailed {
                message: WRONG_CREDENTIALS.to_owned(),
            });
        };
        if account.must_change_password {
            let issued = store::accounts::one_time_password_issued_at(&mut tx, account.id).await?;
            if state.one_time_passwords.expired(issued, now) {
                let note = " with an expired one-time password";
                sign_in_entry(&mut tx, now, AuditAction::SignInFailed, &who, &from, note).await?;
                tx.commit().await?;
                return Err(ApiError::SignInFailed {
                    message: state.one_time_passwords.refusal(),
                });
            }
        }
        if let Err(locked) = attempt.succeed(&mut tx, now).await? {
            tx.commit().await?;
            return Err(too_many("failed sign-ins", locked, now));
        }
        // A new session every time: a token planted before sign-in is worthless.
        if let Some(old) =
            use_context::<Parts>().and_then(|p| cookie::token(&p.headers, state.auth.secure))
        {
            store::sessions::delete(&mut tx, &session::token_hash(&old)).await?;
        }
        store::sessions::delete_expired(
            &mut tx,
            now - state.auth.idle_timeout,
            now - state.auth.absolute_timeout,
        )
        .await?;
        let token = session::start(&mut tx, account.id, now).await?;
        sign_in_entry(&mut tx, now, AuditAction::SignedIn, &who, &from, "").await?;
        tx.commit().await?;
        set_cookie(cookie::set(&token, state.auth.secure));
        tracing::info!(account = %account.id, "signed in");
        Ok(account)
    }

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
        let (state, caller) = signed_in().await?;
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
