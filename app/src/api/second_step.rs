//! Checking a second-step code: at sign-in after the password, and before
//! turning two-step sign-in off or renewing recovery codes. Codes are
//! counted per username apart from passwords (the right password clears
//! those): five wrong ones lock the codes like five wrong passwords.

use sqlx::AnyConnection;

use super::ApiError;
use crate::auth::attempt::{self, Admission, Attempt};
use crate::auth::{recovery_codes, throttle, totp};
use crate::domain::{read_code, Account, SecondStepCode};
use crate::state::AppState;
use crate::store;

pub const WRONG_CODE: &str =
    "That code isn't right. Check that your phone's clock is set automatically, or use a recovery code.";

/// A code read and counted, to be checked after its delay.
pub struct CodeAttempt {
    attempt: Attempt,
    code: SecondStepCode,
}

/// How the code was right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepted {
    App,
    /// A recovery code, now used; this many are left.
    Recovery {
        left: i64,
    },
}

/// "Too many wrong codes. Try again in 15 minutes."
pub fn too_many(what: &str, locked: attempt::Locked, now: i64) -> ApiError {
    let wait = throttle::minutes(locked.until - now);
    ApiError::TooManyAttempts {
        message: format!("Too many {what}. Try again in {wait}."),
    }
}

/// Reads `typed` (400 with what a code looks like), counts it against
/// `account`'s codes (and slows `address`, at sign-in), and waits out the
/// delay holding no connection. 429 while the codes are locked.
pub async fn admit(
    state: &AppState,
    account: &Account,
    typed: &str,
    address: Option<String>,
) -> Result<CodeAttempt, ApiError> {
    let code = read_code(typed).map_err(|hint| ApiError::Invalid {
        message: hint.to_owned(),
    })?;
    let now = state.clock.now();
    let keys = attempt::Keys {
        account: throttle::code_key(&account.username),
        label: account.username.clone(),
        address,
    };
    let mut tx = state.writer.begin().await?;
    let admission = attempt::admit(&mut tx, keys, now).await?;
    tx.commit().await?;
    let attempt = match admission {
        Admission::Admitted(attempt) => attempt,
        Admission::Locked(locked) => return Err(too_many("wrong codes", locked, now)),
    };
    tokio::time::sleep(attempt.delay).await;
    Ok(CodeAttempt { attempt, code })
}

impl CodeAttempt {
    /// Checks the code in the caller's transaction and uses it up. A wrong
    /// code is `Ok(None)`, its failure counted in `conn`: commit before
    /// answering. A lock that other attempts set meanwhile refuses a right
    /// code too.
    pub async fn check(
        self,
        conn: &mut AnyConnection,
        account: &Account,
        now: i64,
    ) -> Result<Option<Accepted>, ApiError> {
        let accepted = match &self.code {
            SecondStepCode::App(code) => {
                let found = store::two_step::authenticator(conn, account.id).await?;
                let step = found.and_then(|a| {
                    totp::check(
                        a.secret.as_deref()?,
                        &account.username,
                        code,
                        now,
                        a.last_step,
                    )
                });
                match step {
                    Some(step) => store::two_step::accept_step(conn, account.id, step)
                        .await?
                        .then_some(Accepted::App),
                    None => None,
                }
            }
            SecondStepCode::Recovery(bare) => {
                let hash = recovery_codes::hash(bare);
                if store::two_step::use_recovery_code(conn, account.id, &hash, now).await? {
                    let left = store::two_step::recovery_codes_left(conn, account.id).await?;
                    Some(Accepted::Recovery { left })
                } else {
                    None
                }
            }
        };
        let Some(accepted) = accepted else {
            self.attempt.failed(conn, now).await?;
            return Ok(None);
        };
        if let Err(locked) = self.attempt.succeed(conn, now).await? {
            return Err(too_many("wrong codes", locked, now));
        }
        Ok(Some(accepted))
    }

    /// Whether this attempt, failing, locks the codes.
    pub fn locks(&self) -> bool {
        self.attempt.locked_it()
    }
}
