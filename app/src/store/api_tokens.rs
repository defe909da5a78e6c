//! API tokens: kept as their SHA-256, with the account they act for.

use super::Flag;
use std::sync::LazyLock;

use sqlx::{AnyConnection, FromRow};

use super::accounts::{caller_columns, CallerRow};
use super::rows;
use crate::domain::{Account, AccountId, ApiTokenInfo, Role, SignInPolicy};

#[derive(FromRow)]
struct InfoRow {
    id: i64,
    account_id: i64,
    name: String,
    role: String,
    created_at: i64,
    expires_at: i64,
    last_used_at: Option<i64>,
}

impl TryFrom<InfoRow> for ApiTokenInfo {
    type Error = sqlx::Error;
    fn try_from(r: InfoRow) -> Result<Self, sqlx::Error> {
        Ok(ApiTokenInfo {
            id: r.id,
            account: AccountId(r.account_id),
            name: r.name,
            role: rows::code("role", &r.role, Role::from_code)?,
            created_at: r.created_at,
            expires_at: r.expires_at,
            last_used_at: r.last_used_at,
        })
    }
}

const INFO: &str = "id, account_id, name, role, created_at, expires_at, last_used_at";

pub struct NewToken<'a> {
    pub account: AccountId,
    pub name: &'a str,
    pub role: Role,
    pub token_hash: &'a str,
    pub expires_at: i64,
}

/// Adds the token; `None` when the account has a live token of that name.
pub async fn insert(
    conn: &mut AnyConnection,
    new: &NewToken<'_>,
    now: i64,
) -> Result<Option<ApiTokenInfo>, sqlx::Error> {
    let Flag(taken) = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM api_tokens WHERE account_id = $1 AND name = $2 \
         AND revoked_at IS NULL AND expires_at > $3)",
    )
    .bind(new.account.0)
    .bind(new.name)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    if taken {
        return Ok(None);
    }
    let sql = format!(
        "INSERT INTO api_tokens (account_id, name, role, token_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {INFO}"
    );
    let row: InfoRow = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(new.account.0)
        .bind(new.name)
        .bind(new.role.code())
        .bind(new.token_hash)
        .bind(now)
        .bind(new.expires_at)
        .fetch_one(&mut *conn)
        .await?;
    row.try_into().map(Some)
}

/// The account's tokens still in force, newest first.
pub async fn live(
    conn: &mut AnyConnection,
    account: AccountId,
    now: i64,
) -> Result<Vec<ApiTokenInfo>, sqlx::Error> {
    let sql = format!(
        "SELECT {INFO} FROM api_tokens WHERE account_id = $1 AND revoked_at IS NULL \
         AND expires_at > $2 ORDER BY id DESC"
    );
    let rows: Vec<InfoRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account.0)
        .bind(now)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(ApiTokenInfo::try_from).collect()
}

/// A token still in force, by id.
pub async fn find(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
) -> Result<Option<ApiTokenInfo>, sqlx::Error> {
    let sql = format!(
        "SELECT {INFO} FROM api_tokens WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2"
    );
    let row: Option<InfoRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(ApiTokenInfo::try_from).transpose()
}

pub async fn revoke(conn: &mut AnyConnection, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// A request's caller by token, as [`super::accounts::by_session`] reads
/// one by session.
#[derive(Clone, Debug)]
pub struct OfToken {
    pub account: Account,
    pub voice_open: bool,
    pub policy: SignInPolicy,
    pub token: ApiTokenInfo,
}

#[derive(FromRow)]
struct TokenCallerRow {
    #[sqlx(flatten)]
    caller: CallerRow,
    #[sqlx(flatten)]
    token: TokenColumns,
}

#[derive(FromRow)]
struct TokenColumns {
    token_id: i64,
    token_name: String,
    token_role: String,
    token_created_at: i64,
    expires_at: i64,
    last_used_at: Option<i64>,
}

/// Written once: every script's request runs it.
static BY_HASH: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {}, t.id AS token_id, t.name AS token_name, t.role AS token_role, \
         t.created_at AS token_created_at, t.expires_at, t.last_used_at \
         FROM api_tokens t JOIN accounts a ON a.id = t.account_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2",
        caller_columns()
    )
});

/// The account of the live token whose hash is `token_hash`, in one
/// statement: revoked and expired tokens name nobody.
pub async fn by_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<OfToken>, sqlx::Error> {
    let row: Option<TokenCallerRow> = sqlx::query_as(BY_HASH.as_str())
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| {
        let (account, voice_open, policy) = r.caller.account()?;
        let t = r.token;
        Ok(OfToken {
            token: ApiTokenInfo {
                id: t.token_id,
                account: account.id,
                name: t.token_name,
                role: rows::code("role", &t.token_role, Role::from_code)?,
                created_at: t.token_created_at,
                expires_at: t.expires_at,
                last_used_at: t.last_used_at,
            },
            account,
            voice_open,
            policy,
        })
    })
    .transpose()
}

pub async fn touch(conn: &mut AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
