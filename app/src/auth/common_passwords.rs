//! Passwords people choose most often, which attackers try first (ASVS
//! 6.2.4): a new password must not be one of them. The list is Django's
//! 19,640 common passwords (see `common-passwords.LICENSE.txt`), checked on
//! the server only: it stays out of the browser's bundle.

use crate::domain::check_new_password;

/// One common password a line, lower case.
const COMMON: &str = include_str!("common-passwords.txt");

pub const TOO_COMMON: &str = "This password is one of the most common passwords, which \
                              attackers try first. Choose one that is your own.";

/// Whether `password`, in any letter case and without surrounding spaces,
/// is on the list. A scan of the list: a password is chosen rarely, and
/// each choice costs a hash that takes far longer.
pub fn is_common(password: &str) -> bool {
    let wanted = password.trim().to_lowercase();
    COMMON.lines().any(|line| line == wanted)
}

/// The rules for a password someone chooses: the shared ones
/// (`check_new_password`, which the browser runs too), then the list.
pub fn check_chosen_password(password: &str, username: &str) -> Result<(), &'static str> {
    check_new_password(password, username)?;
    if is_common(password) {
        return Err(TOO_COMMON);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_at_least_ten_thousand_lower_case_passwords() {
        let lines: Vec<&str> = COMMON.lines().collect();
        assert!(lines.len() >= 10_000, "{}", lines.len());
        assert!(lines.iter().all(|l| *l == l.to_lowercase()));
    }

    #[test]
    fn common_passwords_are_refused_in_any_case_and_others_pass() {
        let cases = [
            ("password1234", Err(TOO_COMMON)),
            ("QwertyUiop123", Err(TOO_COMMON)),
            ("  1qaz2wsx3edc ", Err(TOO_COMMON)),
            ("correct-horse-staple-1", Ok(())),
            ("e2e-first-boss-pass-1", Ok(())),
            // The shared rules come first.
            (
                "short",
                Err("The password must be at least 12 characters long."),
            ),
        ];
        for (password, want) in cases {
            assert_eq!(
                check_chosen_password(password, "admin"),
                want,
                "{password:?}"
            );
        }
    }
}
