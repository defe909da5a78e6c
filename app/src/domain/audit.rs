use serde::{Deserialize, Serialize};

/// What an audit entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    NumberAssigned,
    NumberChanged,
    NumberRemoved,
    NumbersAdded,
    NumbersPorted,
    NumbersReleased,
    LocationAdded,
    LocationRenamed,
    LocationDeleted,
    LicenceAssigned,
    LicenceRemoved,
    AccountCreated,
    RoleChanged,
    AccountRemoved,
    PasswordChanged,
    SignedIn,
    SignInFailed,
    SignedOut,
}

impl AuditAction {
    pub const ALL: [AuditAction; 18] = [
        AuditAction::NumberAssigned,
        AuditAction::NumberChanged,
        AuditAction::NumberRemoved,
        AuditAction::NumbersAdded,
        AuditAction::NumbersPorted,
        AuditAction::NumbersReleased,
        AuditAction::LocationAdded,
        AuditAction::LocationRenamed,
        AuditAction::LocationDeleted,
        AuditAction::LicenceAssigned,
        AuditAction::LicenceRemoved,
        AuditAction::AccountCreated,
        AuditAction::RoleChanged,
        AuditAction::AccountRemoved,
        AuditAction::PasswordChanged,
        AuditAction::SignedIn,
        AuditAction::SignInFailed,
        AuditAction::SignedOut,
    ];

    /// As the audit log shows it.
    pub fn name(self) -> &'static str {
        match self {
            AuditAction::NumberAssigned => "Number assigned",
            AuditAction::NumberChanged => "Number or location changed",
            AuditAction::NumberRemoved => "Number removed",
            AuditAction::NumbersAdded => "New user numbers added",
            AuditAction::NumbersPorted => "Numbers ported or uploaded",
            AuditAction::NumbersReleased => "Numbers released",
            AuditAction::LocationAdded => "Emergency location added",
            AuditAction::LocationRenamed => "Emergency location renamed",
            AuditAction::LocationDeleted => "Emergency location deleted",
            AuditAction::LicenceAssigned => "License assigned",
            AuditAction::LicenceRemoved => "License removed",
            AuditAction::AccountCreated => "Account created",
            AuditAction::RoleChanged => "Role changed",
            AuditAction::AccountRemoved => "Account removed",
            AuditAction::PasswordChanged => "Password changed",
            AuditAction::SignedIn => "Signed in",
            AuditAction::SignInFailed => "Sign-in failed",
            AuditAction::SignedOut => "Signed out",
        }
    }

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::NumberAssigned => "NUMBER_ASSIGNED",
            AuditAction::NumberChanged => "NUMBER_CHANGED",
            AuditAction::NumberRemoved => "NUMBER_REMOVED",
            AuditAction::NumbersAdded => "NUMBERS_ADDED",
            AuditAction::NumbersPorted => "NUMBERS_PORTED",
            AuditAction::NumbersReleased => "NUMBERS_RELEASED",
            AuditAction::LocationAdded => "LOCATION_ADDED",
            AuditAction::LocationRenamed => "LOCATION_RENAMED",
            AuditAction::LocationDeleted => "LOCATION_DELETED",
            AuditAction::LicenceAssigned => "LICENCE_ASSIGNED",
            AuditAction::LicenceRemoved => "LICENCE_REMOVED",
            AuditAction::AccountCreated => "ACCOUNT_CREATED",
            AuditAction::RoleChanged => "ROLE_CHANGED",
            AuditAction::AccountRemoved => "ACCOUNT_REMOVED",
            AuditAction::PasswordChanged => "PASSWORD_CHANGED",
            AuditAction::SignedIn => "SIGNED_IN",
            AuditAction::SignInFailed => "SIGN_IN_FAILED",
            AuditAction::SignedOut => "SIGNED_OUT",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// A spreadsheet cell that can't run as a formula: text starting with
/// = + - @ (or a tab or carriage return) gets a leading apostrophe.
pub fn csv_cell(text: &str) -> String {
    let neutral = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_names_differ() {
        let mut names = std::collections::HashSet::new();
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(action.code()), Some(action));
            assert!(names.insert(action.name()), "{action:?}");
        }
    }

    #[test]
    fn csv_cells_neither_run_formulas_nor_break_rows() {
        let cases = [
            ("Adele Vance", "Adele Vance"),
            ("+14255550100", "'+14255550100"),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Redmond, WA", "\"Redmond, WA\""),
            ("two\nlines", "\"two\nlines\""),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(csv_cell(text), expected, "{text:?}");
        }
    }
}
