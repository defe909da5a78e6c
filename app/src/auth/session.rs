//! Who is calling: the session behind the request's cookie, within its
//! idle and absolute timeouts.

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use super::{cookie, AuthSettings};
use crate::domain::{Account, AccountId};

/// A new session token: 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    hex(&bytes)
}

/// What the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The signed-in account and its session's token hash.
#[derive(Clone, Debug)]
pub struct Caller {
    pub account: Account,
    pub token_hash: String,
    /// Whether the organisation's licences open Voice, as read with the
    /// session.
    pub voice_open: bool,
    /// The organisation requires two-step sign-in for this admin, who has
    /// none yet: setting it up is all the session may do.
    pub must_set_up_two_step: bool,
}

/// Only refresh `last_seen_at` once a minute: not one write per request.
const TOUCH_EVERY: i64 = 60;

/// The caller behind `headers`, or `None` when there is no live session.
/// An expired session is deleted on the way.
pub async fn caller(
    conn: &mut SqliteConnection,
    headers: &HeaderMap,
    settings: &AuthSettings,
    now: i64,
) -> Result<Option<Caller>, sqlx::Error> {
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
    if now - last_seen >= TOUCH_EVERY {
        crate::store::sessions::touch(conn, &hash, now).await?;
    }
    Ok(Some(Caller {
        must_set_up_two_step: found
            .policy
            .must_set_up(found.account.role, found.account.two_step),
        account: found.account,
        token_hash: hash,
        voice_open: found.voice_open,
    }))
}

/// Starts a session for `account`; returns the token for the cookie.
pub async fn start(
    conn: &mut SqliteConnection,
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
