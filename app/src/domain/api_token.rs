//! API tokens: how scripts and the command line sign in. A token acts for
//! its account with a role no higher than the account's, until it expires
//! or is revoked. What a new token may be is decided here, for the form
//! and for the server.

use serde::{Deserialize, Serialize};

use super::{AccountId, Role};

pub const DEFAULT_TOKEN_DAYS: u32 = 90;
pub const MAX_TOKEN_DAYS: u32 = 365;
pub const MAX_TOKEN_NAME: usize = 100;
/// What every token starts with, so a leaked one is recognised (and secret
/// scanners can look for it).
pub const TOKEN_PREFIX: &str = "sbt_";

/// A token as its list shows it: never the token itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiTokenInfo {
    pub id: i64,
    pub account: AccountId,
    pub name: String,
    pub role: Role,
    /// Seconds since the epoch.
    pub created_at: i64,
    pub expires_at: i64,
    pub last_used_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NewApiToken {
    /// Another account's (Global administrators only); the caller's own
    /// when `None`.
    #[serde(default)]
    pub account: Option<AccountId>,
    pub name: String,
    /// Days until it expires; [`DEFAULT_TOKEN_DAYS`] when `None`.
    #[serde(default)]
    pub days: Option<u32>,
    /// The account's own role when `None`.
    #[serde(default)]
    pub role: Option<Role>,
}

/// The new token, shown this once, and how it is listed from now on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreatedApiToken {
    pub token: String,
    pub info: ApiTokenInfo,
}

/// Why a token of `days` and `role`, named `name`, can't be made for an
/// account of role `account_role`, in words for the form.
pub fn check_new_token(
    name: &str,
    days: u32,
    role: Role,
    account_role: Role,
) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Give the token a name that says where it is used.".to_owned());
    }
    if name.chars().count() > MAX_TOKEN_NAME {
        return Err(format!(
            "The name can have at most {MAX_TOKEN_NAME} characters."
        ));
    }
    if !(1..=MAX_TOKEN_DAYS).contains(&days) {
        return Err(format!(
            "A token lasts from 1 to {MAX_TOKEN_DAYS} days, {DEFAULT_TOKEN_DAYS} by default."
        ));
    }
    if role.at_most(account_role) != role {
        return Err(format!(
            "A token can't have a higher role than its account: {} at most.",
            account_role.label()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::{GlobalAdmin, Helpdesk, User, VoiceAdmin};

    #[test]
    fn a_token_role_is_capped_by_its_account() {
        let cases = [
            (GlobalAdmin, GlobalAdmin, GlobalAdmin),
            (GlobalAdmin, VoiceAdmin, VoiceAdmin),
            (VoiceAdmin, GlobalAdmin, VoiceAdmin),
            (Helpdesk, VoiceAdmin, Helpdesk),
            (VoiceAdmin, Helpdesk, Helpdesk),
            (GlobalAdmin, User, User),
            (User, GlobalAdmin, User),
        ];
        for (token, account, want) in cases {
            assert_eq!(token.at_most(account), want, "{token:?} for {account:?}");
        }
    }

    #[test]
    fn a_new_token_is_named_bounded_in_time_and_no_stronger_than_its_account() {
        let long = "x".repeat(MAX_TOKEN_NAME + 1);
        let cases: &[(&str, u32, Role, Role, Option<&str>)] = &[
            ("deploy script", 90, VoiceAdmin, VoiceAdmin, None),
            ("nightly export", 365, Helpdesk, GlobalAdmin, None),
            ("one day", 1, User, User, None),
            (
                "",
                90,
                VoiceAdmin,
                VoiceAdmin,
                Some("Give the token a name"),
            ),
            (
                "   ",
                90,
                VoiceAdmin,
                VoiceAdmin,
                Some("Give the token a name"),
            ),
            (
                &long,
                90,
                VoiceAdmin,
                VoiceAdmin,
                Some("at most 100 characters"),
            ),
            ("x", 0, VoiceAdmin, VoiceAdmin, Some("from 1 to 365 days")),
            ("x", 366, VoiceAdmin, VoiceAdmin, Some("from 1 to 365 days")),
            (
                "x",
                90,
                GlobalAdmin,
                VoiceAdmin,
                Some("Voice administrator at most"),
            ),
            ("x", 90, Helpdesk, User, Some("User at most")),
        ];
        for (name, days, role, account, want) in cases {
            let got = check_new_token(name, *days, *role, *account);
            match want {
                None => assert_eq!(got, Ok(()), "{name} {days} {role:?} {account:?}"),
                Some(part) => assert!(
                    got.as_ref().is_err_and(|e| e.contains(part)),
                    "{name} {days} {role:?} {account:?}: {got:?}"
                ),
            }
        }
    }
}
