//! Who is calling: the session behind the request's cookie, within its
//! idle and absolute timeouts.

use axum::http::{header, HeaderMap};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use super::{cookie, AuthSettings};
use crate::domain::{Account, AccountId, ApiTokenInfo, TOKEN_PREFIX};

/// A new session token: 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    hex(&bytes)
}

/// What the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    digest(token.as_bytes())
}

/// SHA-256, hex.
pub fn digest(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The signed-in account and its session's token hash, or the API token it
/// calls with. A token's caller has the token's role where that is lower
/// than the account's.
#[derive(Clone, Debug)]
pub struct Caller {
    pub account: Account,
    /// The session's token hash; empty for an API token's caller.
    pub token_hash: String,
    /// The API token of a script's request (`Authorization: Bearer`).
    pub api_token: Option<ApiTokenInfo>,
    /// Whether the organisation's licences open Voice, as read with the
    /// session.
    pub voice_open: bool,
    /// The organisation requires two-step sign-in for this admin, who has
    /// none yet: setting it up is all the session may do.
    pub must_set_up_two_step: bool,
}

impl Caller {
    /// Who the audit log and change sets name: the username, and the
    /// token a script used.
    pub fn actor(&self) -> String {
        match &self.api_token {
            Some(token) => format!("{} via token {}", self.account.username, token.name),
            None => self.account.username.clone(),
        }
    }
}

/// The token of an `Authorization: Bearer …` header, if there is one.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Only refresh `last_seen_at` once a minute: not one write per request.
const TOUCH_EVERY: i64 = 60;

/// The caller behind `headers`, or `None` when there is no live session.
/// An expired session is deleted on the way. A request with a bearer token
/// is the token's alone: its cookie, if any, is not looked at.
pub async fn caller(
    conn: &mut AnyConnection,
    headers: &HeaderMap,
    settings: &AuthSettings,
    now: i64,
) -> Result<Option<Caller>, sqlx::Error> {
    find(conn, headers, settings, now, Renew::Yes).await
}

/// [`caller`] without counting as activity: a long-lived stream checking
/// that its session still stands must not keep it from idling out.
pub async fn caller_unrenewed(
    conn: &mut AnyConnection,
    headers: &HeaderMap,
    settings: &AuthSettings,
    now: i64,
) -> Result<Option<Caller>, sqlx::Error> {
    find(conn, headers, settings, now, Renew::No).await
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Renew {
    Yes,
    No,
}

async fn find(
    conn: &mut AnyConnection,
    headers: &HeaderMap,
    settings: &AuthSettings,
    now: i64,
    renew: Renew,
) -> Result<Option<Caller>, sqlx::Error> {
    if let Some(token) = bearer(headers) {
        return token_caller(conn, token, now, renew).await;
    }
    let Some(token) = cookie::token(headers, settings.secure) else {
        return Ok(None);
    };
    if token.len() != 64 {
        return Ok(None);
    }
    let hash = token_hash(&token);
    let Some(found) = crate::store::accounts::by_session(conn, &hash).await? else {
        return Ok(None);
    };
    let (created, last_seen) = (found.created_at, found.last_seen_at);
    if now - last_seen > settings.idle_timeout || now - created > settings.absolute_timeout {
        crate::store::sessions::delete(conn, &hash).await?;
        return Ok(None);
    }
    if renew == Renew::Yes && now - last_seen >= TOUCH_EVERY {
        crate::store::sessions::touch(conn, &hash, now).await?;
    }
    Ok(Some(Caller {
        must_set_up_two_step: found
            .policy
            .must_set_up(found.account.role, found.account.two_step),
        account: found.account,
        token_hash: hash,
        api_token: None,
        voice_open: found.voice_open,
    }))
}

async fn token_caller(
    conn: &mut AnyConnection,
    token: &str,
    now: i64,
    renew: Renew,
) -> Result<Option<Caller>, sqlx::Error> {
    if !token.starts_with(TOKEN_PREFIX) || token.len() != TOKEN_PREFIX.len() + 64 {
        return Ok(None);
    }
    let Some(found) = crate::store::api_tokens::by_hash(conn, &token_hash(token), now).await?
    else {
        return Ok(None);
    };
    if renew == Renew::Yes
        && found
            .token
            .last_used_at
            .is_none_or(|at| now - at >= TOUCH_EVERY)
    {
        crate::store::api_tokens::touch(conn, found.token.id, now).await?;
    }
    let mut account = found.account;
    account.role = found.token.role.at_most(account.role);
    Ok(Some(Caller {
        must_set_up_two_step: found.policy.must_set_up(account.role, account.two_step),
        account,
        token_hash: String::new(),
        api_token: Some(found.token),
        voice_open: found.voice_open,
    }))
}

/// A new API token: the prefix and 32 random bytes, hex.
pub fn new_api_token() -> String {
    format!("{TOKEN_PREFIX}{}", new_token())
}

/// Starts a session for `account`; returns the token for the cookie.
pub async fn start(
    conn: &mut AnyConnection,
    account: AccountId,
    now: i64,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    crate::store::sessions::insert(conn, &token_hash(&token), account, now).await?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(
            token_hash(&a),
            token_hash(&b),
            "each token has its own hash"
        );
        assert_ne!(token_hash(&a), a, "the hash isn't the token");
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
