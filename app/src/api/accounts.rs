//! Settings > Admins: sign-in accounts and their roles. Global
//! administrators only.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Account, AccountId, Role};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NewAccountRequest {
    pub username: String,
    /// Empty for a User: the voice user's display name is taken.
    pub display_name: String,
    pub role: Role,
}

/// The new account and its one-time password, shown once to the admin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreatedAccount {
    pub account: Account,
    pub password: String,
}

/// Every sign-in account of the organisation, with its role and whether
/// it uses two-step sign-in.
#[server(prefix = "/api", endpoint = "accounts/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_accounts() -> Result<Vec<Account>, ApiError> {
    ssr::list().await
}

/// Creates an account with a generated one-time password, to be replaced at
/// first sign-in. A User's username must be a voice user's.
#[server(prefix = "/api", endpoint = "accounts/create", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_account(request: NewAccountRequest) -> Result<CreatedAccount, ApiError> {
    ssr::create(request).await
}

/// Changes an account's role; its sessions and tokens act with the new one
/// at once. Refused when it would leave no Global administrator.
#[server(prefix = "/api", endpoint = "accounts/set-role", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_role(
    id: AccountId,
    role: Role,
    expected_version: i64,
) -> Result<Account, ApiError> {
    ssr::set_role(id, role, expected_version).await
}

/// A new one-time password; the account's sessions end.
#[server(prefix = "/api", endpoint = "accounts/reset-password", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn reset_password(id: AccountId) -> Result<CreatedAccount, ApiError> {
    ssr::reset_password(id).await
}

/// Removes an account, its sessions and its tokens. Refused for the last
/// Global administrator and for the caller's own account.
#[server(prefix = "/api", endpoint = "accounts/remove", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn remove_account(id: AccountId, expected_version: i64) -> Result<(), ApiError> {
    ssr::remove(id, expected_version).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sqlx::AnyConnection;

    use super::*;
    use crate::api::access::{authorize, bounded};
    use crate::api::write::{write, write_as};
    use crate::auth::password;
    use crate::domain::{normalise_username, AuditAction, AuditRecord, Permission};
    use crate::store;

    pub async fn list() -> Result<Vec<Account>, ApiError> {
        let (state, _) = authorize(Permission::ManageAccounts).await?;
        let mut conn = state.pool.acquire().await?;
        Ok(store::accounts::all(&mut conn).await?)
    }

    pub async fn create(request: NewAccountRequest) -> Result<CreatedAccount, ApiError> {
        let (state, caller) = authorize(Permission::ManageAccounts).await?;
        let username = normalise_username(bounded("username", &request.username, 256)?);
        let display_name = bounded("display_name", request.display_name.trim(), 256)?.to_owned();
        if username.chars().count() < 3 || username.chars().any(char::is_whitespace) {
            return Err(ApiError::Invalid {
                message:
                    "A username has at least 3 characters and no spaces, e.g. adelev@contoso.com."
                        .to_owned(),
            });
        }
        // Hashed before taking the write lock: argon2 is slow on purpose.
        let secret = password::generate();
        let hash = state.auth.passwords.hash(secret.clone()).await?;
        write_as(state, caller, async |w| {
            let voice_user = store::users::by_username(&mut w.tx, &username).await?;
            let display_name = match (&voice_user, display_name.is_empty()) {
                (Some(u), true) => u.display_name.clone(),
                (_, false) => display_name,
                (None, true) => {
                    return Err(ApiError::Invalid {
                        message: "Enter a display name.".to_owned(),
                    })
                }
            };
            if request.role == Role::User && voice_user.is_none() {
                return Err(ApiError::Invalid {
                    message: format!(
                        "There is no voice user with the username '{username}'. A User's account shares the username of their voice user."
                    ),
                });
            }
            let new = store::accounts::NewAccount {
                username: &username,
                display_name: &display_name,
                role: request.role,
                password_hash: &hash,
                must_change_password: true,
            };
            let now = w.state.clock.now();
            let Some(id) = store::accounts::insert(&mut w.tx, &new, now).await? else {
                return Err(ApiError::Conflict {
                    message: format!("There is already an account with the username '{username}'."),
                });
            };
            let record = AuditRecord {
                target: username.clone(),
                user_name: voice_user.map(|u| u.display_name),
                after: request.role.label().to_owned(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::AccountCreated, record).await?;
            let account = saved(&mut w.tx, id).await?;
            tracing::info!(account = %id, role = request.role.code(), "account created");
            Ok(CreatedAccount {
                account,
                password: secret,
            })
        })
        .await
    }

    /// The account another admin manages: never the caller's own.
    async fn other_account(
        conn: &mut AnyConnection,
        caller: &Account,
        id: AccountId,
    ) -> Result<Account, ApiError> {
        if id == caller.id {
            return Err(ApiError::Conflict {
                message: "You can't change your own role or remove your own account; ask another Global administrator.".to_owned(),
            });
        }
        store::accounts::find(conn, id)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("There is no account with id {id}.")))
    }

    /// The account as this transaction wrote it.
    async fn saved(conn: &mut AnyConnection, id: AccountId) -> Result<Account, ApiError> {
        store::accounts::find(conn, id)
            .await?
            .ok_or_else(|| ApiError::internal(format!("account {id} vanished while being written")))
    }

    /// Refuses to take `account` out of the Global administrators when it is
    /// the last one. Read in the change's own transaction, under the write
    /// lock: of two Global admins removing or demoting each other at once,
    /// the second finds the first's change and is refused. The database's
    /// trigger (migration 0008) has the last word.
    async fn keep_a_global_admin(
        conn: &mut AnyConnection,
        account: &Account,
        what: &str,
    ) -> Result<(), ApiError> {
        if account.role != Role::GlobalAdmin
            || store::accounts::count_with_role(conn, Role::GlobalAdmin).await? > 1
        {
            return Ok(());
        }
        Err(ApiError::Conflict {
            message: format!(
                "{} is the last Global administrator, so {what}. Another admin's change came first: reload to see the accounts as they are now.",
                account.username
            ),
        })
    }

    fn stale(account: &Account) -> ApiError {
        ApiError::Conflict {
            message: format!(
                "{} was changed by another admin since you opened this page. Reload and try again.",
                account.username
            ),
        }
    }

    #[tracing::instrument(skip_all, fields(target_account = %id))]
    pub async fn set_role(
        id: AccountId,
        role: Role,
        expected_version: i64,
    ) -> Result<Account, ApiError> {
        write(Permission::ManageAccounts, async |w| {
            let account = other_account(&mut w.tx, &w.caller.account, id).await?;
            if role == Role::User
                && store::users::by_username(&mut w.tx, &account.username)
                    .await?
                    .is_none()
            {
                return Err(ApiError::Invalid {
                    message: format!(
                        "'{}' isn't a voice user, so it can't have the User role.",
                        account.username
                    ),
                });
            }
            if role != Role::GlobalAdmin {
                keep_a_global_admin(&mut w.tx, &account, "their role can't change").await?;
            }
            if account.version != expected_version
                || !store::accounts::set_role(&mut w.tx, id, role, expected_version).await?
            {
                return Err(stale(&account));
            }
            let record = AuditRecord {
                target: account.username.clone(),
                before: account.role.label().to_owned(),
                after: role.label().to_owned(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::RoleChanged, record).await?;
            saved(&mut w.tx, id).await
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(target_account = %id))]
    pub async fn reset_password(id: AccountId) -> Result<CreatedAccount, ApiError> {
        let (state, caller) = authorize(Permission::ManageAccounts).await?;
        let secret = password::generate();
        let hash = state.auth.passwords.hash(secret.clone()).await?;
        write_as(state, caller, async |w| {
            let account = other_account(&mut w.tx, &w.caller.account, id).await?;
            let now = w.state.clock.now();
            store::accounts::set_password(&mut w.tx, id, &hash, Some(now)).await?;
            store::sessions::delete_others(&mut w.tx, id, "").await?;
            let record = AuditRecord {
                target: account.username.clone(),
                after: "reset by an admin".to_owned(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::PasswordChanged, record).await?;
            Ok(CreatedAccount {
                account: saved(&mut w.tx, id).await?,
                password: secret,
            })
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(target_account = %id))]
    pub async fn remove(id: AccountId, expected_version: i64) -> Result<(), ApiError> {
        write(Permission::ManageAccounts, async |w| {
            let account = other_account(&mut w.tx, &w.caller.account, id).await?;
            keep_a_global_admin(&mut w.tx, &account, "their account can't be removed").await?;
            if !store::accounts::delete(&mut w.tx, id, expected_version).await? {
                return Err(stale(&account));
            }
            let record = AuditRecord {
                target: account.username.clone(),
                before: account.role.label().to_owned(),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::AccountRemoved, record).await?;
            Ok(())
        })
        .await
    }
}
