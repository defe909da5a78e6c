//! Two-step sign-in: an account's authenticator secret (columns of
//! `accounts`), its recovery codes, and the challenges between a correct
//! password and its code.

use sqlx::{AnyConnection, FromRow};

use crate::domain::AccountId;

/// An account's authenticator, as the server checks codes against it.
#[derive(Clone, Debug, FromRow)]
pub struct Authenticator {
    /// Base32; `None` while two-step sign-in is off.
    pub secret: Option<String>,
    pub since: Option<i64>,
    /// The last 30-second step whose code was accepted.
    pub last_step: i64,
    /// A secret shown for setting up, not confirmed yet.
    pub pending: Option<String>,
}

pub async fn authenticator(
    conn: &mut AnyConnection,
    account: AccountId,
) -> Result<Option<Authenticator>, sqlx::Error> {
    sqlx::query_as(
        "SELECT totp_secret AS secret, totp_since AS since, totp_last_step AS last_step, \
         totp_pending_secret AS pending FROM accounts WHERE id = $1",
    )
    .bind(account.0)
    .fetch_optional(&mut *conn)
    .await
}

/// Keeps `secret` as the one being set up, replacing any earlier one.
pub async fn set_pending(
    conn: &mut AnyConnection,
    account: AccountId,
    secret: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET totp_pending_secret = $1 WHERE id = $2")
        .bind(secret)
        .bind(account.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Turns two-step sign-in on with the pending secret `secret`, whose code
/// for `step` was just confirmed; false if another secret is pending now.
pub async fn confirm(
    conn: &mut AnyConnection,
    account: AccountId,
    secret: &str,
    step: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE accounts SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, \
         totp_since = $1, totp_last_step = $2 WHERE id = $3 AND totp_pending_secret = $4",
    )
    .bind(now)
    .bind(step)
    .bind(account.0)
    .bind(secret)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Accepts the code of `step`, unless that step or a later one was
/// accepted already: each code works once, even for two requests at once.
pub async fn accept_step(
    conn: &mut AnyConnection,
    account: AccountId,
    step: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1 \
         AND totp_secret IS NOT NULL",
    )
    .bind(step)
    .bind(account.0)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Turns two-step sign-in off: secret, pending secret and recovery codes
/// go. False if it was off already.
pub async fn turn_off(conn: &mut AnyConnection, account: AccountId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE accounts SET totp_secret = NULL, totp_since = NULL, totp_last_step = 0, \
         totp_pending_secret = NULL WHERE id = $1 AND totp_secret IS NOT NULL",
    )
    .bind(account.0)
    .execute(&mut *conn)
    .await?;
    forget_recovery_codes(conn, account).await?;
    Ok(done.rows_affected() == 1)
}

async fn forget_recovery_codes(
    conn: &mut AnyConnection,
    account: AccountId,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
        .bind(account.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Replaces the account's recovery codes with these hashes.
pub async fn replace_recovery_codes(
    conn: &mut AnyConnection,
    account: AccountId,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    forget_recovery_codes(conn, account).await?;
    for hash in hashes {
        sqlx::query("INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)")
            .bind(account.0)
            .bind(hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Uses the recovery code with this hash; false if it isn't the
/// account's, or was used.
pub async fn use_recovery_code(
    conn: &mut AnyConnection,
    account: AccountId,
    hash: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 \
         WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(account.0)
    .bind(hash)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn recovery_codes_left(
    conn: &mut AnyConnection,
    account: AccountId,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL",
    )
    .bind(account.0)
    .fetch_one(&mut *conn)
    .await
}

/// Starts the second step of a sign-in; the account's earlier challenges
/// and everyone's expired ones go.
pub async fn start_challenge(
    conn: &mut AnyConnection,
    token_hash: &str,
    account: AccountId,
    now: i64,
    expired_before: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_challenges WHERE account_id = $1 OR created_at < $2")
        .bind(account.0)
        .bind(expired_before)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO sign_in_challenges (token_hash, account_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(token_hash)
    .bind(account.0)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The account whose live challenge has this token hash.
pub async fn challenge(
    conn: &mut AnyConnection,
    token_hash: &str,
    expired_before: i64,
) -> Result<Option<AccountId>, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT account_id FROM sign_in_challenges WHERE token_hash = $1 AND created_at >= $2",
    )
    .bind(token_hash)
    .bind(expired_before)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(AccountId))
}

pub async fn end_challenge(conn: &mut AnyConnection, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_challenges WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
