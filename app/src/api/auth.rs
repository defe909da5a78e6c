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
    use std::time::Duration;

    use axum::extract::ConnectInfo;
    use axum::http::{header, request::Parts, HeaderValue};
    use leptos::prelude::use_context;
    use leptos_axum::ResponseOptions;
    use sqlx::SqliteConnection;

    use super::*;
    use crate::api::access::{bounded, caller, signed_in, state};
    use crate::api::write::write_as;
    use crate::auth::{cookie, session, throttle};
    use crate::domain::{
        check_new_password, normalise_username, AuditAction, AuditRecord, MAX_PASSWORD,
    };
    use crate::store;

    fn set_cookie(value: String) {
        if let (Some(options), Ok(value)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(&value),
        ) {
            options.append_header(header::SET_COOKIE, value);
        }
    }

    fn client_address() -> String {
        use_context::<Parts>()
            .and_then(|p| {
                p.extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|c| c.0.ip().to_string())
            })
            .unwrap_or_else(|| "unknown".to_owned())
    }

    fn minutes(secs: i64) -> String {
        match (secs + 59) / 60 {
            1 => "1 minute".to_owned(),
            n => format!("{n} minutes"),
        }
    }

    /// A sign-in attempt's audit entry. There is no caller yet, so this is
    /// the one entry written outside `write`: its actor is the username typed.
    async fn sign_in_entry(
        conn: &mut SqliteConnection,
        now: i64,
        action: AuditAction,
        username: &str,
        note: &str,
    ) -> Result<(), ApiError> {
        let record = AuditRecord {
            target: username.to_owned(),
            after: format!("from {}{note}", client_address()),
            ..AuditRecord::default()
        };
        store::audit::append(conn, now, username, action, &record).await?;
        Ok(())
    }

    pub async fn sign_in(username: String, password: String) -> Result<Account, ApiError> {
        bounded("username", &username, 256)?;
        bounded("password", &password, MAX_PASSWORD)?;
        let state = state()?;
        let username = normalise_username(&username);
        let account_key = throttle::account_key(&username);
        let address_key = throttle::address_key(&client_address());
        let now = state.clock.now();

        let mut conn = state.pool.acquire().await?;
        let (account_failures, account_lock) =
            store::throttle::get(&mut conn, &account_key, now, throttle::WINDOW).await?;
        let (address_failures, address_lock) =
            store::throttle::get(&mut conn, &address_key, now, throttle::WINDOW).await?;
        let locked = account_lock.max(address_lock);
        if locked > now {
            // Still recorded: a lock doesn't hide continued guessing.
            drop(conn);
            let mut tx = state.writer.begin().await?;
            sign_in_entry(
                &mut tx,
                now,
                AuditAction::SignInFailed,
                &username,
                " while locked",
            )
            .await?;
            tx.commit().await?;
            return Err(ApiError::TooManyAttempts {
                message: format!(
                    "Too many failed sign-ins. Try again in {}.",
                    minutes(locked - now)
                ),
            });
        }
        let delay = throttle::delay_ms(account_failures.max(address_failures));
        if delay > 0 {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        let found = store::accounts::with_hash(&mut conn, &username).await?;
        drop(conn);
        let (account, hash) = match found {
            Some((account, hash)) => (Some(account), Some(hash)),
            None => (None, None),
        };
        let matches = state.auth.passwords.verify(password, hash).await;

        let mut tx = state.writer.begin().await?;
        let (Some(account), true) = (account, matches) else {
            // Counted again inside the write lock so parallel attempts all count.
            throttle::count_failure(&mut tx, &account_key, throttle::ACCOUNT_LIMIT, now).await?;
            throttle::count_failure(&mut tx, &address_key, throttle::ADDRESS_LIMIT, now).await?;
            sign_in_entry(&mut tx, now, AuditAction::SignInFailed, &username, "").await?;
            tx.commit().await?;
            tracing::info!("sign-in failed");
            return Err(ApiError::SignInFailed {
                message: WRONG_CREDENTIALS.to_owned(),
            });
        };

        store::throttle::clear(&mut tx, &account_key).await?;
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
        sign_in_entry(&mut tx, now, AuditAction::SignedIn, &account.username, "").await?;
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
        check_new_password(&new, &account.username).map_err(|m| ApiError::Invalid {
            message: m.to_owned(),
        })?;
        if new == current {
            return Err(ApiError::Invalid {
                message: "The new password must differ from the current one.".to_owned(),
            });
        }
        // Guessing the current password counts like failed sign-ins: a
        // stolen session can't be used to try passwords without limit.
        let key = throttle::account_key(&account.username);
        let now = state.clock.now();
        let mut conn = state.pool.acquire().await?;
        let (_, locked) = store::throttle::get(&mut conn, &key, now, throttle::WINDOW).await?;
        if locked > now {
            return Err(ApiError::TooManyAttempts {
                message: format!(
                    "Too many wrong passwords. Try again in {}.",
                    minutes(locked - now)
                ),
            });
        }
        let hash = store::accounts::hash_of(&mut conn, account.id).await?;
        drop(conn);
        if !state.auth.passwords.verify(current, hash).await {
            let mut tx = state.writer.begin().await?;
            throttle::count_failure(&mut tx, &key, throttle::ACCOUNT_LIMIT, now).await?;
            tx.commit().await?;
            return Err(ApiError::Forbidden {
                message: "The current password is incorrect.".to_owned(),
            });
        }
        let new_hash = state.auth.passwords.hash(new).await?;
        write_as(state, caller, async |w| {
            store::accounts::set_password(&mut w.tx, account.id, &new_hash, false).await?;
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
