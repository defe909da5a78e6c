//! The error codes a script can rely on: the variant names of [`ApiError`]
//! and of the rule [`Violation`](crate::domain::Violation)s inside it, and
//! the HTTP statuses each travels with.

/// Each code of `ApiError` with the statuses [`ApiError::status`] gives it
/// (`crate::api::ApiError::status`); the tests hold the two together.
pub const STATUSES: &[(&str, &[u16])] = &[
    ("BadRequest", &[400]),
    ("SignedOut", &[401]),
    ("SignInFailed", &[401]),
    ("Forbidden", &[403]),
    ("NotFound", &[404]),
    ("Stale", &[409]),
    ("Conflict", &[409]),
    ("LicenceNeeded", &[409]),
    ("Rejected", &[422, 409]),
    ("RowsRejected", &[422, 409]),
    ("ImportRefused", &[422]),
    ("InvalidAddress", &[422]),
    ("Invalid", &[422]),
    ("TooLarge", &[413]),
    ("TooManyAttempts", &[429]),
    ("Internal", &[500]),
    ("Busy", &[503]),
    ("Unavailable", &[503]),
];

/// The codes that may come with `status`, in the table's order.
pub fn codes_with(status: u16) -> Vec<&'static str> {
    STATUSES
        .iter()
        .filter(|(_, statuses)| statuses.contains(&status))
        .map(|(code, _)| *code)
        .collect()
}

/// Every status some code travels with, in ascending order.
pub fn statuses() -> Vec<u16> {
    let mut all: Vec<u16> = STATUSES
        .iter()
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The error code of an answer body: the variant's name.
pub fn code_of(body: &serde_json::Value) -> Option<&str> {
    match body {
        serde_json::Value::String(code) => Some(code),
        serde_json::Value::Object(fields) if fields.len() == 1 => {
            fields.keys().next().map(|k| k.as_str())
        }
        _ => None,
    }
}
