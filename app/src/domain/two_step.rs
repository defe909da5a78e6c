//! Two-step sign-in: after the password, a code from an authenticator app
//! (RFC 6238, six digits, a new one every 30 seconds) or one of the
//! account's one-time recovery codes. What a typed code is, and who must
//! set the second step up, is decided here for the browser and the server.

use serde::{Deserialize, Serialize};

use super::Role;

/// Recovery codes issued at once; each works once.
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code, shown as two groups of five.
pub const RECOVERY_CODE_LEN: usize = 10;
/// What recovery codes are made of: no 0/o, 1/l/i to mix up when copied
/// from paper.
pub const RECOVERY_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
/// How long the second step may follow the password.
pub const SECOND_STEP_FOR: i64 = 5 * 60;

pub const CODE_HINT: &str =
    "Enter the 6-digit code from your authenticator app, or one of your recovery codes.";

/// A code as typed at the second step, spaces and dashes ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondStepCode {
    /// Six digits from the authenticator app.
    App(String),
    /// A recovery code, lower case, without its dash.
    Recovery(String),
}

/// Reads a typed code, or says what a code looks like.
pub fn read_code(typed: &str) -> Result<SecondStepCode, &'static str> {
    let bare: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if bare.len() == 6 && bare.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(SecondStepCode::App(bare));
    }
    if bare.len() == RECOVERY_CODE_LEN && bare.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)) {
        return Ok(SecondStepCode::Recovery(bare));
    }
    Err(CODE_HINT)
}

/// "abcde-fghjk": how a recovery code is shown.
pub fn show_recovery_code(bare: &str) -> String {
    let (a, b) = bare.split_at(bare.len().min(RECOVERY_CODE_LEN / 2));
    format!("{a}-{b}")
}

/// The organisation's sign-in rules, set by a Global administrator.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct SignInPolicy {
    /// Every admin role (Global admin, Voice admin, Helpdesk) signs in with
    /// a second step; one without it must set it up before anything else.
    pub two_step_for_admins: bool,
}

impl SignInPolicy {
    /// Whether an account of `role` must have a second step.
    pub fn requires_two_step(self, role: Role) -> bool {
        self.two_step_for_admins && role.is_admin()
    }

    /// Whether an account of `role`, with or without a second step, must
    /// set one up before it may do anything else.
    pub fn must_set_up(self, role: Role, has_two_step: bool) -> bool {
        self.requires_two_step(role) && !has_two_step
    }
}

/// The answer to a correct password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SignInOutcome {
    /// Signed in: the session's cookie is set.
    SignedIn(super::Account),
    /// The account has two-step sign-in: send the code with this
    /// challenge within [`SECOND_STEP_FOR`] seconds.
    CodeNeeded { challenge: String },
}

/// An account's two-step sign-in, as its holder sees it on My profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TwoStepStatus {
    /// Seconds since the epoch when it was turned on; `None` when off.
    pub on_since: Option<i64>,
    /// Recovery codes not used yet.
    pub recovery_codes_left: usize,
    /// The organisation requires it for this account's role.
    pub required: bool,
}

/// What an authenticator app scans to set itself up, and the same as text
/// for one that can't scan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TwoStepEnrolment {
    /// The secret in base32, in groups of four, to type by hand.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub address: String,
    /// The QR code: `size` modules square, the dark ones as an SVG path.
    pub qr_size: u32,
    pub qr_path: String,
}

#[cfg(test)]
mod tests {
    use super::SecondStepCode::{App, Recovery};
    use super::*;

    #[test]
    fn typed_codes_are_read_or_explained() {
        let cases: &[(&str, Result<SecondStepCode, &str>)] = &[
            ("123456", Ok(App("123456".into()))),
            (" 123 456 ", Ok(App("123456".into()))),
            ("123-456", Ok(App("123456".into()))),
            ("abcde-fghjk", Ok(Recovery("abcdefghjk".into()))),
            ("ABCDE FGHJK", Ok(Recovery("abcdefghjk".into()))),
            ("abcdefghjk", Ok(Recovery("abcdefghjk".into()))),
            ("12345", Err(CODE_HINT)),
            ("1234567", Err(CODE_HINT)),
            ("12345a", Err(CODE_HINT)),
            // 0, 1, i, l and o are never in a recovery code.
            ("abcde-fghj0", Err(CODE_HINT)),
            ("abcde-fghji", Err(CODE_HINT)),
            ("abcde-fghj", Err(CODE_HINT)),
            ("", Err(CODE_HINT)),
            ("１２３４５６", Err(CODE_HINT)),
        ];
        for (typed, want) in cases {
            assert_eq!(&read_code(typed), want, "{typed:?}");
        }
    }

    #[test]
    fn recovery_codes_show_in_two_groups() {
        assert_eq!(show_recovery_code("abcdefghjk"), "abcde-fghjk");
        assert_eq!(
            read_code(&show_recovery_code("abcdefghjk")),
            Ok(Recovery("abcdefghjk".into()))
        );
    }

    #[test]
    fn the_policy_binds_admin_roles_only_and_only_when_set() {
        let on = SignInPolicy {
            two_step_for_admins: true,
        };
        let off = SignInPolicy::default();
        let cases = [
            (on, Role::GlobalAdmin, false, true),
            (on, Role::VoiceAdmin, false, true),
            (on, Role::Helpdesk, false, true),
            (on, Role::User, false, false),
            (on, Role::GlobalAdmin, true, false),
            (off, Role::GlobalAdmin, false, false),
            (off, Role::User, false, false),
        ];
        for (policy, role, has, must) in cases {
            assert_eq!(
                policy.must_set_up(role, has),
                must,
                "{policy:?} {role:?} {has}"
            );
            assert_eq!(
                policy.requires_two_step(role),
                policy.two_step_for_admins && role != Role::User
            );
        }
    }

    #[test]
    fn the_outcome_is_tagged_beside_its_fields() {
        let code = SignInOutcome::CodeNeeded {
            challenge: "c".into(),
        };
        let json = serde_json::to_value(&code).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({"outcome": "code_needed", "challenge": "c"})
        );

        let account = super::super::Account {
            id: super::super::AccountId(7),
            username: "megan".into(),
            display_name: "Megan Bowen".into(),
            role: Role::VoiceAdmin,
            must_change_password: false,
            two_step: true,
            version: 3,
        };
        let signed_in = SignInOutcome::SignedIn(account.clone());
        let json = serde_json::to_value(&signed_in).expect("serialises");
        assert_eq!(json["outcome"], "signed_in");
        assert_eq!(
            json["username"], "megan",
            "the account's fields at the top: {json}"
        );
        let back: SignInOutcome = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, SignInOutcome::SignedIn(account));
    }
}
