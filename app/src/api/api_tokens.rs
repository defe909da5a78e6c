//! API tokens, made and revoked in the console: one's own on My profile,
//! another account's on Settings > Admins (Global administrators only).

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{AccountId, ApiTokenInfo, CreatedApiToken, NewApiToken};

/// The tokens in force of the caller's account, or of `account`.
#[server(prefix = "/api", endpoint = "auth/tokens/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_api_tokens(
    #[server(default)] account: Option<AccountId>,
) -> Result<Vec<ApiTokenInfo>, ApiError> {
    ssr::list(account).await
}

/// A new token, answered this once; only its hash is kept.
#[server(prefix = "/api", endpoint = "auth/tokens/create", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_api_token(request: NewApiToken) -> Result<CreatedApiToken, ApiError> {
    ssr::create(request).await
}

/// Revokes a token at once: its next request is 401.
#[server(prefix = "/api", endpoint = "auth/tokens/revoke", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn revoke_api_token(id: i64) -> Result<(), ApiError> {
    ssr::revoke(id).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sqlx::AnyConnection;

    use super::*;
    use crate::api::access::{bounded, in_console, permit, settled};
    use crate::api::write::write_as;
    use crate::auth::session::{self, Caller};
    use crate::domain::{
        check_new_token, Account, AuditAction, AuditRecord, Permission, DEFAULT_TOKEN_DAYS,
        MAX_TOKEN_NAME,
    };
    use crate::store;

    const DAY: i64 = 24 * 60 * 60;

    /// The account whose tokens the caller manages: their own, or another's
    /// for a Global administrator (403 otherwise, 404 for no account).
    async fn owner(
        conn: &mut AnyConnection,
        caller: &Caller,
        account: Option<AccountId>,
    ) -> Result<Account, ApiError> {
        settled(caller)?;
        match account {
            None => Ok(caller.account.clone()),
            Some(id) if id == caller.account.id => Ok(caller.account.clone()),
            Some(id) => {
                permit(caller, Permission::ManageAccounts)?;
                store::accounts::find(conn, id).await?.ok_or_else(|| {
                    ApiError::not_found(format!("There is no account with id {id}."))
                })
            }
        }
    }

    pub async fn list(account: Option<AccountId>) -> Result<Vec<ApiTokenInfo>, ApiError> {
        let (state, caller) = in_console().await?;
        let mut conn = state.pool.acquire().await?;
        let owner = owner(&mut conn, &caller, account).await?;
        let now = state.clock.now();
        Ok(store::api_tokens::live(&mut conn, owner.id, now).await?)
    }

    pub async fn create(request: NewApiToken) -> Result<CreatedApiToken, ApiError> {
        bounded("name", &request.name, MAX_TOKEN_NAME * 4)?;
        let (state, caller) = in_console().await?;
        write_as(state, caller, async |w| {
            let owner = owner(&mut w.tx, &w.caller, request.account).await?;
            let name = request.name.trim();
            let days = request.days.unwrap_or(DEFAULT_TOKEN_DAYS);
            let role = request.role.unwrap_or(owner.role);
            check_new_token(name, days, role, owner.role)
                .map_err(|message| ApiError::Invalid { message })?;
            let token = session::new_api_token();
            let now = w.state.clock.now();
            let new = store::api_tokens::NewToken {
                account: owner.id,
                name,
                role,
                token_hash: &session::token_hash(&token),
                expires_at: now + i64::from(days) * DAY,
            };
            let Some(info) = store::api_tokens::insert(&mut w.tx, &new, now).await? else {
                return Err(ApiError::Conflict {
                    message: format!("{} already has a token named '{name}'.", owner.username),
                });
            };
            let record = AuditRecord {
                target: owner.username.clone(),
                after: format!("'{name}', {}, {days} days", role.label()),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::ApiTokenCreated, record).await?;
            Ok(CreatedApiToken { token, info })
        })
        .await
    }

    pub async fn revoke(id: i64) -> Result<(), ApiError> {
        let (state, caller) = in_console().await?;
        write_as(state, caller, async |w| {
            let now = w.state.clock.now();
            let gone = || ApiError::not_found(format!("There is no API token {id} in force."));
            let token = store::api_tokens::find(&mut w.tx, id, now)
                .await?
                .ok_or_else(gone)?;
            // Someone else's token is as good as absent to a caller who may
            // not manage accounts: nothing says it exists.
            let owner = match owner(&mut w.tx, &w.caller, Some(token.account)).await {
                Err(ApiError::Forbidden { .. }) => return Err(gone()),
                other => other?,
            };
            store::api_tokens::revoke(&mut w.tx, id, now).await?;
            let record = AuditRecord {
                target: owner.username.clone(),
                before: format!("'{}', {}", token.name, token.role.label()),
                ..AuditRecord::default()
            };
            w.audit(AuditAction::ApiTokenRevoked, record).await
        })
        .await
    }
}
