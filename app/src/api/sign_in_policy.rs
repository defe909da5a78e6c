//! Settings > Admins > Sign-in: the organisation's two-step rule, and a
//! Global administrator's reset of someone's lost second step.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Account, AccountId, SignInPolicy};

/// The organisation's sign-in rule: whether admins must use two-step sign-in.
#[server(prefix = "/api", endpoint = "settings/sign-in", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_sign_in_policy() -> Result<SignInPolicy, ApiError> {
    ssr::policy().await
}

/// Sets the rule. Requiring two-step sign-in for admin roles takes effect
/// at once: an admin without it can only set it up until they have.
#[server(prefix = "/api", endpoint = "settings/sign-in/set", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_sign_in_policy(policy: SignInPolicy) -> Result<SignInPolicy, ApiError> {
    ssr::set_policy(policy).await
}

/// Turns off another account's two-step sign-in (its phone was lost) and
/// ends its sessions; it signs in with its password and, where the
/// organisation requires it, sets a new second step up.
#[server(prefix = "/api", endpoint = "accounts/reset-two-step", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn reset_two_step(id: AccountId) -> Result<Account, ApiError> {
    ssr::reset(id).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::api::write::write;
    use crate::domain::{AuditAction, AuditRecord, Permission};
    use crate::store;

    pub async fn policy() -> Result<SignInPolicy, ApiError> {
        let (state, _) = authorize(Permission::ManageAccounts).await?;
        let mut conn = state.pool.acquire().await?;
        Ok(store::settings::sign_in_policy(&mut conn).await?)
    }

    fn describe(policy: SignInPolicy) -> &'static str {
        if policy.two_step_for_admins {
            "two-step sign-in required for admin roles"
        } else {
            "two-step sign-in optional"
        }
    }

    pub async fn set_policy(policy: SignInPolicy) -> Result<SignInPolicy, ApiError> {
        write(Permission::ManageAccounts, async |w| {
            // Whoever requires it has it: the rule never locks its author
            // out of the page that sets it.
            if policy.two_step_for_admins && !w.caller.account.two_step {
                return Err(ApiError::Conflict {
                    message: "Turn on two-step sign-in for yourself first (My profile), then require it for admin roles.".to_owned(),
                });
            }
            let before = store::settings::sign_in_policy(&mut w.tx).await?;
            if before == policy {
                return Ok(policy);
            }
            store::settings::set_sign_in_policy(&mut w.tx, policy).await?;
            let record = AuditRecord {
                target: "Sign-in".to_owned(),
                before: describe(before).to_owned(),
                after: describe(policy).to_owned(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::SignInPolicyChanged, record).await?;
            Ok(policy)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(target_account = %id))]
    pub async fn reset(id: AccountId) -> Result<Account, ApiError> {
        write(Permission::ManageAccounts, async |w| {
            if id == w.caller.account.id {
                return Err(ApiError::Conflict {
                    message: "You can't reset your own two-step sign-in: use a recovery code to sign in and turn it off on My profile, or ask another Global administrator.".to_owned(),
                });
            }
            let account = store::accounts::find(&mut w.tx, id)
                .await?
                .ok_or_else(|| ApiError::not_found(format!("There is no account with id {id}.")))?;
            if !store::two_step::turn_off(&mut w.tx, id).await? {
                return Err(ApiError::Conflict {
                    message: format!("{} has no two-step sign-in to reset.", account.username),
                });
            }
            store::sessions::delete_others(&mut w.tx, id, "").await?;
            let record = AuditRecord {
                target: account.username.clone(),
                after: "reset by an admin; their sessions ended".to_owned(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::TwoStepReset, record).await?;
            store::accounts::find(&mut w.tx, id)
                .await?
                .ok_or_else(|| ApiError::internal("the account vanished while being reset"))
        })
        .await
    }
}
