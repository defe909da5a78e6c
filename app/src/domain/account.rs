use serde::{Deserialize, Serialize};

use super::Role;

/// Someone who can sign in to the console.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Account {
    pub id: super::AccountId,
    /// Lower case. A user's account shares the voice user's username.
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Signed in with a generated or admin-set password: choose a new one first.
    pub must_change_password: bool,
    /// Signs in with a code from an authenticator app after the password.
    pub two_step: bool,
    pub version: i64,
}

pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 256;

/// Why a new password isn't accepted, in words for the person choosing it.
pub fn check_new_password(password: &str, username: &str) -> Result<(), &'static str> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err("The password must be at least 12 characters long.");
    }
    if length > MAX_PASSWORD {
        return Err("The password must be at most 256 characters long.");
    }
    if password.trim().is_empty()
        || password
            .chars()
            .all(|c| c == password.chars().next().unwrap_or(' '))
    {
        return Err("The password can't be one character repeated.");
    }
    if password.to_lowercase().contains(&username.to_lowercase()) && !username.is_empty() {
        return Err("The password can't contain the username.");
    }
    Ok(())
}

/// Usernames are compared and stored in lower case, trimmed.
pub fn normalise_username(username: &str) -> String {
    username.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_passwords_are_judged_by_length_variety_and_username() {
        let cases = [
            ("correct horse battery", "adele", Ok(())),
            ("short", "adele", Err("at least 12")),
            ("aaaaaaaaaaaaaaaa", "adele", Err("repeated")),
            ("            ", "adele", Err("repeated")),
            ("my-name-is-ADELE-ok", "adele", Err("username")),
            (&"x1".repeat(129), "adele", Err("at most 256")),
            (&"x1".repeat(128), "adele", Ok(())),
        ];
        for (password, username, expected) in cases {
            let got = check_new_password(password, username);
            match (got, expected) {
                (Ok(()), Ok(())) => {}
                (Err(message), Err(part)) => {
                    assert!(message.contains(part), "{password:?}: {message}")
                }
                (got, expected) => panic!("{password:?}: got {got:?}, expected {expected:?}"),
            }
        }
    }

    #[test]
    fn usernames_are_trimmed_and_lower_cased() {
        assert_eq!(
            normalise_username("  AdeleV@Contoso.com "),
            "adelev@contoso.com"
        );
    }
}
