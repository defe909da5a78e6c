//! Sign-in accounts.

use super::Flag;
use std::sync::LazyLock;

use sqlx::{AnyConnection, FromRow};

use super::rows;
use super::settings::TWO_STEP_FOR_ADMINS_SQL;
use crate::domain::{Account, AccountId, Role, SignInPolicy};

const COLUMNS: &str = "id, username, display_name, role, \
     CAST(must_change_password AS INTEGER) AS must_change_password, \
     totp_secret IS NOT NULL AS two_step, version";

#[derive(FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    #[sqlx(try_from = "Flag")]
    must_change_password: bool,
    #[sqlx(try_from = "Flag")]
    two_step: bool,
    version: i64,
}

impl TryFrom<AccountRow> for Account {
    type Error = sqlx::Error;
    fn try_from(row: AccountRow) -> Result<Self, sqlx::Error> {
        Ok(Account {
            id: AccountId(row.id),
            username: row.username,
            display_name: row.display_name,
            role: rows::code("role", &row.role, Role::from_code)?,
            must_change_password: row.must_change_password,
            two_step: row.two_step,
            version: row.version,
        })
    }
}

/// The account and its password hash, as one row.
#[derive(FromRow)]
struct AccountWithHash {
    #[sqlx(flatten)]
    account: AccountRow,
    password_hash: String,
}

/// The columns every request's caller is read with, from `accounts a`:
/// the account, the organisation's Voice licences and its sign-in rule.
pub(super) fn caller_columns() -> String {
    format!(
        "a.id, a.username, a.display_name, a.role, \
         CAST(a.must_change_password AS INTEGER) AS must_change_password, \
         a.totp_secret IS NOT NULL AS two_step, a.version, \
         (SELECT string_agg(code, ',') FROM licences WHERE purchased > 0) AS purchased, \
         {TWO_STEP_FOR_ADMINS_SQL} AS two_step_for_admins"
    )
}

/// What [`caller_columns`] reads, as one row.
#[derive(FromRow)]
pub(super) struct CallerRow {
    #[sqlx(flatten)]
    account: AccountRow,
    purchased: Option<String>,
    two_step_for_admins: Option<Flag>,
}

impl CallerRow {
    pub(super) fn account(self) -> Result<(Account, bool, SignInPolicy), sqlx::Error> {
        let voice_open =
            super::licences::open_voice(self.purchased.iter().flat_map(|c| c.split(',')));
        let policy = SignInPolicy {
            two_step_for_admins: self.two_step_for_admins == Some(Flag(true)),
        };
        Ok((Account::try_from(self.account)?, voice_open, policy))
    }
}

/// The account behind a session, with the session's times, as one row.
#[derive(FromRow)]
struct AccountOfSession {
    #[sqlx(flatten)]
    caller: CallerRow,
    created_at: i64,
    last_seen_at: i64,
}

/// What every request asks first: the account of a session, when the
/// session started and was last seen, and whether the organisation's
/// licences open Voice.
#[derive(Clone, Debug)]
pub struct OfSession {
    pub account: Account,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub voice_open: bool,
    pub policy: SignInPolicy,
}

/// Written once: every request runs it.
static BY_SESSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {}, s.created_at, s.last_seen_at \
         FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
        caller_columns()
    )
});

/// The account of the session whose token hashes to `token_hash`, and
/// the rest of [`OfSession`], in one statement.
pub async fn by_session(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<OfSession>, sqlx::Error> {
    let row: Option<AccountOfSession> = sqlx::query_as(BY_SESSION.as_str())
        .bind(token_hash)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| {
        let (account, voice_open, policy) = r.caller.account()?;
        Ok(OfSession {
            account,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            voice_open,
            policy,
        })
    })
    .transpose()
}

pub async fn count(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&mut *conn)
        .await
}

pub async fn count_with_role(conn: &mut AnyConnection, role: Role) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = $1")
        .bind(role.code())
        .fetch_one(&mut *conn)
        .await
}

pub async fn find(conn: &mut AnyConnection, id: AccountId) -> Result<Option<Account>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM accounts WHERE id = $1");
    let row: Option<AccountRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(Account::try_from).transpose()
}

/// The account and its password hash, for signing in.
pub async fn with_hash(
    conn: &mut AnyConnection,
    username: &str,
) -> Result<Option<(Account, String)>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS}, password_hash FROM accounts WHERE username = $1");
    let row: Option<AccountWithHash> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(username)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| Ok((Account::try_from(r.account)?, r.password_hash)))
        .transpose()
}

pub async fn hash_of(
    conn: &mut AnyConnection,
    id: AccountId,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await
}

/// When the account's one-time password was issued; `None` for a password
/// its holder chose.
pub async fn one_time_password_issued_at(
    conn: &mut AnyConnection,
    id: AccountId,
) -> Result<Option<i64>, sqlx::Error> {
    let issued: Option<Option<i64>> =
        sqlx::query_scalar("SELECT one_time_password_issued_at FROM accounts WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(issued.flatten())
}

/// Every account, admins first, then by username.
pub async fn all(conn: &mut AnyConnection) -> Result<Vec<Account>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM accounts ORDER BY CASE role WHEN 'GLOBAL_ADMIN' THEN 0 \
         WHEN 'VOICE_ADMIN' THEN 1 WHEN 'HELPDESK' THEN 2 ELSE 3 END, username"
    );
    let found: Vec<AccountRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?;
    found.into_iter().map(Account::try_from).collect()
}

pub struct NewAccount<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    /// A one-time password, issued now, to be replaced at first sign-in.
    pub must_change_password: bool,
}

/// Adds the account; `None` when the username is taken.
pub async fn insert(
    conn: &mut AnyConnection,
    new: &NewAccount<'_>,
    now: i64,
) -> Result<Option<AccountId>, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, role, password_hash, must_change_password, \
         one_time_password_issued_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id",
    )
    .bind(new.username)
    .bind(new.display_name)
    .bind(new.role.code())
    .bind(new.password_hash)
    .bind(new.must_change_password)
    .bind(new.must_change_password.then_some(now))
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(AccountId))
}

/// Changes the role if the account is still at `expected`; false otherwise.
pub async fn set_role(
    conn: &mut AnyConnection,
    id: AccountId,
    role: Role,
    expected: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE accounts SET role = $1, version = version + 1 WHERE id = $2 AND version = $3",
    )
    .bind(role.code())
    .bind(id.0)
    .bind(expected)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the password: a one-time password when `one_time_issued_at` says
/// when it was issued (to be replaced at the next sign-in), else one the
/// account holder chose.
pub async fn set_password(
    conn: &mut AnyConnection,
    id: AccountId,
    password_hash: &str,
    one_time_issued_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, must_change_password = $2, \
         one_time_password_issued_at = $3, version = version + 1 WHERE id = $4",
    )
    .bind(password_hash)
    .bind(one_time_issued_at.is_some())
    .bind(one_time_issued_at)
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Removes the account if still at `expected` (its sessions go with it).
pub async fn delete(
    conn: &mut AnyConnection,
    id: AccountId,
    expected: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM accounts WHERE id = $1 AND version = $2")
        .bind(id.0)
        .bind(expected)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
