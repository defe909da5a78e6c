//! Signing in, on the server: the password, then for an account with
//! two-step sign-in the code, each counted by the sign-in throttle before
//! it is checked.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::{header, request::Parts, HeaderValue};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sqlx::AnyConnection;

use super::access::bounded;
use super::auth::WRONG_CREDENTIALS;
use super::second_step::{self, too_many, Accepted, WRONG_CODE};
use super::ApiError;
use crate::auth::attempt::{self, Admission};
use crate::auth::{cookie, session, throttle};
use crate::domain::{
    normalise_username, Account, AuditAction, AuditRecord, SignInOutcome, MAX_PASSWORD,
    SECOND_STEP_FOR,
};
use crate::state::AppState;
use crate::store;

pub fn set_cookie(value: String) {
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

/// A sign-in attempt's audit entry. There is no caller yet, so this is
/// the one entry written outside `write`: its actor is the account, or
/// the "unknown account" the username names.
async fn sign_in_entry(
    conn: &mut AnyConnection,
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

fn failed(message: &str) -> ApiError {
    ApiError::SignInFailed {
        message: message.to_owned(),
    }
}

pub async fn sign_in(username: String, password: String) -> Result<SignInOutcome, ApiError> {
    bounded("username", &username, 256)?;
    bounded("password", &password, MAX_PASSWORD)?;
    let state = super::access::state()?;
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
        return Err(failed(WRONG_CREDENTIALS));
    };
    if account.must_change_password {
        let issued = store::accounts::one_time_password_issued_at(&mut tx, account.id).await?;
        if state.one_time_passwords.expired(issued, now) {
            let note = " with an expired one-time password";
            sign_in_entry(&mut tx, now, AuditAction::SignInFailed, &who, &from, note).await?;
            tx.commit().await?;
            return Err(failed(&state.one_time_passwords.refusal()));
        }
    }
    if let Err(locked) = attempt.succeed(&mut tx, now).await? {
        tx.commit().await?;
        return Err(too_many("failed sign-ins", locked, now));
    }
    if account.two_step {
        let challenge = session::new_token();
        let hash = session::token_hash(&challenge);
        store::two_step::start_challenge(&mut tx, &hash, account.id, now, now - SECOND_STEP_FOR)
            .await?;
        tx.commit().await?;
        tracing::info!(account = %account.id, "password accepted, code asked");
        return Ok(SignInOutcome::CodeNeeded { challenge });
    }
    start_session(&mut tx, &state, &account, now).await?;
    sign_in_entry(&mut tx, now, AuditAction::SignedIn, &who, &from, "").await?;
    tx.commit().await?;
    Ok(SignInOutcome::SignedIn(account))
}

pub async fn sign_in_code(challenge: String, code: String) -> Result<Account, ApiError> {
    bounded("challenge", &challenge, 64)?;
    bounded("code", &code, 64)?;
    let state = super::access::state()?;
    let from = client_address(&state);
    let now = state.clock.now();
    let hash = session::token_hash(&challenge);
    let expired = || ApiError::SignedOut {
        message: "Your sign-in has expired. Enter your username and password again.".to_owned(),
    };

    let mut conn = state.pool.acquire().await?;
    let found = store::two_step::challenge(&mut conn, &hash, now - SECOND_STEP_FOR).await?;
    let account = match found {
        Some(id) => store::accounts::find(&mut conn, id).await?,
        None => None,
    };
    drop(conn);
    let account = account.ok_or_else(expired)?;
    let address = Some(throttle::address_key(&from));
    let code_attempt = second_step::admit(&state, &account, &code, address).await?;
    let locks = code_attempt.locks();

    let mut tx = state.writer.begin().await?;
    if store::two_step::challenge(&mut tx, &hash, now - SECOND_STEP_FOR)
        .await?
        .is_none()
    {
        return Err(expired());
    }
    let who = account.username.clone();
    let Some(accepted) = code_attempt.check(&mut tx, &account, now).await? else {
        let note = if locks {
            format!(
                "; wrong two-step code; codes locked for {}",
                throttle::minutes(throttle::LOCK_FOR)
            )
        } else {
            "; wrong two-step code".to_owned()
        };
        sign_in_entry(&mut tx, now, AuditAction::SignInFailed, &who, &from, &note).await?;
        tx.commit().await?;
        return Err(failed(WRONG_CODE));
    };
    store::two_step::end_challenge(&mut tx, &hash).await?;
    start_session(&mut tx, &state, &account, now).await?;
    let note = match accepted {
        Accepted::App => " with an authenticator code".to_owned(),
        Accepted::Recovery { left: 1 } => " with a recovery code; 1 left".to_owned(),
        Accepted::Recovery { left } => format!(" with a recovery code; {left} left"),
    };
    sign_in_entry(&mut tx, now, AuditAction::SignedIn, &who, &from, &note).await?;
    tx.commit().await?;
    Ok(account)
}

/// A new session for `account`, its cookie set on the answer. Always a new
/// one: a token planted before sign-in is worthless.
async fn start_session(
    tx: &mut AnyConnection,
    state: &AppState,
    account: &Account,
    now: i64,
) -> Result<(), ApiError> {
    if let Some(old) =
        use_context::<Parts>().and_then(|p| cookie::token(&p.headers, state.auth.secure))
    {
        store::sessions::delete(tx, &session::token_hash(&old)).await?;
    }
    store::sessions::delete_expired(
        tx,
        now - state.auth.idle_timeout,
        now - state.auth.absolute_timeout,
    )
    .await?;
    let token = session::start(tx, account.id, now).await?;
    set_cookie(cookie::set(&token, state.auth.secure));
    tracing::info!(account = %account.id, "signed in");
    Ok(())
}
