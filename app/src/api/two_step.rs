//! My profile > Two-step sign-in: the signed-in person sets up, renews and
//! turns off their own second step.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{TwoStepEnrolment, TwoStepStatus};

/// Whether the caller uses two-step sign-in, how many recovery codes are
/// left, and whether the organisation requires it of them.
#[server(prefix = "/api", endpoint = "auth/two-step/status", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn my_two_step() -> Result<TwoStepStatus, ApiError> {
    ssr::status().await
}

/// A new secret to set an authenticator app up with, kept until a code
/// from the app confirms it. Asking again replaces it.
#[server(prefix = "/api", endpoint = "auth/two-step/start", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn start_two_step() -> Result<TwoStepEnrolment, ApiError> {
    ssr::start().await
}

/// Turns two-step sign-in on with a code the app shows for the new secret.
/// Answers the recovery codes, shown this once.
#[server(prefix = "/api", endpoint = "auth/two-step/confirm", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn confirm_two_step(code: String) -> Result<Vec<String>, ApiError> {
    ssr::confirm(code).await
}

/// New recovery codes for a current code; the old ones stop working.
#[server(prefix = "/api", endpoint = "auth/two-step/recovery-codes", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn renew_recovery_codes(code: String) -> Result<Vec<String>, ApiError> {
    ssr::renew(code).await
}

/// Turns two-step sign-in off, for a current code; refused where the
/// organisation requires it for the account's role.
#[server(prefix = "/api", endpoint = "auth/two-step/turn-off", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn turn_off_two_step(code: String) -> Result<(), ApiError> {
    ssr::turn_off(code).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sqlx::AnyConnection;

    use super::*;
    use crate::api::access::{bounded, in_console, password_chosen, signed_in};
    use crate::api::second_step::{self, WRONG_CODE};
    use crate::api::write::{write_as, Write};
    use crate::auth::session::Caller;
    use crate::auth::{recovery_codes, totp};
    use crate::domain::{read_code, AuditAction, AuditRecord, SecondStepCode};
    use crate::state::AppState;
    use crate::store;

    /// The caller, once any one-time password is replaced.
    async fn holder() -> Result<(AppState, Caller), ApiError> {
        let (state, caller) = in_console().await?;
        password_chosen(&caller)?;
        Ok((state, caller))
    }

    fn record(w: &Write, after: &str) -> AuditRecord {
        AuditRecord {
            target: w.caller.account.username.clone(),
            after: after.to_owned(),
            ..AuditRecord::default()
        }
    }

    async fn new_recovery_codes(w: &mut Write) -> Result<Vec<String>, ApiError> {
        let (shown, hashes) = recovery_codes::generate();
        store::two_step::replace_recovery_codes(&mut w.tx, w.caller.account.id, &hashes).await?;
        Ok(shown)
    }

    pub async fn status() -> Result<TwoStepStatus, ApiError> {
        let (state, caller) = signed_in().await?;
        let mut conn = state.pool.acquire().await?;
        let id = caller.account.id;
        let found = store::two_step::authenticator(&mut conn, id).await?;
        let left = store::two_step::recovery_codes_left(&mut conn, id).await?;
        let policy = store::settings::sign_in_policy(&mut conn).await?;
        Ok(TwoStepStatus {
            on_since: found.and_then(|a| a.since),
            recovery_codes_left: usize::try_from(left).unwrap_or(0),
            required: policy.requires_two_step(caller.account.role),
        })
    }

    pub async fn start() -> Result<TwoStepEnrolment, ApiError> {
        let (state, caller) = holder().await?;
        write_as(state, caller, async |w| {
            if w.caller.account.two_step {
                return Err(ApiError::Conflict {
                    message: "Two-step sign-in is already on.".to_owned(),
                });
            }
            let secret = totp::new_secret();
            store::two_step::set_pending(&mut w.tx, w.caller.account.id, &secret).await?;
            totp::enrolment(&secret, &w.caller.account.username)
                .ok_or_else(|| ApiError::internal("a new two-step secret made no enrolment"))
        })
        .await
    }

    pub async fn confirm(code: String) -> Result<Vec<String>, ApiError> {
        bounded("code", &code, 64)?;
        let Ok(SecondStepCode::App(code)) = read_code(&code) else {
            return Err(ApiError::Invalid {
                message: "Enter the 6-digit code your authenticator app shows for Switchboard."
                    .to_owned(),
            });
        };
        let (state, caller) = holder().await?;
        write_as(state, caller, async |w| {
            let account = w.caller.account.clone();
            let found = store::two_step::authenticator(&mut w.tx, account.id).await?;
            let Some(pending) = found.as_ref().and_then(|a| a.pending.clone()) else {
                let message = if found.is_some_and(|a| a.secret.is_some()) {
                    "Two-step sign-in is already on."
                } else {
                    "Start setting up two-step sign-in first: the code must come from the app set up with the new QR code."
                };
                return Err(ApiError::Conflict {
                    message: message.to_owned(),
                });
            };
            let now = w.state.clock.now();
            let step = totp::check(&pending, &account.username, &code, now, 0).ok_or_else(|| {
                ApiError::Invalid {
                    message: WRONG_CODE.to_owned(),
                }
            })?;
            if !store::two_step::confirm(&mut w.tx, account.id, &pending, step, now).await? {
                return Err(ApiError::internal("the pending secret changed under the write lock"));
            }
            let codes = new_recovery_codes(w).await?;
            let note = format!("{} recovery codes issued", codes.len());
            w.audit(AuditAction::TwoStepOn, record(w, &note)).await?;
            Ok(codes)
        })
        .await
    }

    /// Checks a current code of the caller's (counted like sign-in codes),
    /// then runs `change` in the same transaction.
    async fn with_code<T>(
        code: String,
        change: impl AsyncFnOnce(&mut Write) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        bounded("code", &code, 64)?;
        let (state, caller) = holder().await?;
        if !caller.account.two_step {
            return Err(ApiError::Conflict {
                message: "Two-step sign-in is off.".to_owned(),
            });
        }
        let attempt = second_step::admit(&state, &caller.account, &code, None).await?;
        write_as(state, caller, async |w| {
            let now = w.state.clock.now();
            let account = w.caller.account.clone();
            if attempt.check(&mut w.tx, &account, now).await?.is_none() {
                return Err(ApiError::Forbidden {
                    message: WRONG_CODE.to_owned(),
                });
            }
            change(w).await
        })
        .await
    }

    pub async fn renew(code: String) -> Result<Vec<String>, ApiError> {
        with_code(code, async |w| {
            let codes = new_recovery_codes(w).await?;
            let note = format!(
                "{} new recovery codes; the old ones no longer work",
                codes.len()
            );
            w.audit(AuditAction::RecoveryCodesRenewed, record(w, &note))
                .await?;
            Ok(codes)
        })
        .await
    }

    /// Refuses to turn off a second step the organisation requires.
    async fn not_required(conn: &mut AnyConnection, caller: &Caller) -> Result<(), ApiError> {
        let policy = store::settings::sign_in_policy(conn).await?;
        if policy.requires_two_step(caller.account.role) {
            return Err(ApiError::Forbidden {
                message: "Your organization requires two-step sign-in for admin roles, so it can't be turned off.".to_owned(),
            });
        }
        Ok(())
    }

    pub async fn turn_off(code: String) -> Result<(), ApiError> {
        // Before the code is spent: a refusal then costs no code.
        let (state, caller) = holder().await?;
        not_required(&mut *state.pool.acquire().await?, &caller).await?;
        with_code(code, async |w| {
            not_required(&mut w.tx, &w.caller).await?;
            store::two_step::turn_off(&mut w.tx, w.caller.account.id).await?;
            w.audit(AuditAction::TwoStepOff, record(w, "by the account holder"))
                .await
        })
        .await
    }
}
