use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

use crate::domain::{ImportReport, RowViolations, Violation, VoiceUser};

/// What a server function can answer instead of a result. The first variants
/// are things the admin can act on; `Unavailable` and `Internal` mean
/// something broke, and say no more than that to the browser.
#[derive(
    Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error, schemars::JsonSchema,
)]
pub enum ApiError {
    /// The assignment breaks one or more rules (422; 409 when the number was taken).
    #[error("{}", join(violations))]
    Rejected { violations: Vec<Violation> },
    /// Rows of a set break rules, each listed with its place in the set
    /// (422; 409 when one lost a race): nothing of the set was written.
    #[error("{}", rows_text(rows))]
    RowsRejected { rows: Vec<RowViolations> },
    /// Lines of an imported file can't be saved (422), each with its
    /// reasons in `report`: nothing of the file was written.
    #[error("Nothing was imported: {} lines have problems.", report.refused())]
    ImportRefused { report: ImportReport },
    /// Someone changed the record since it was read (409). `current` is what
    /// the record looks like now, so the pane can refresh.
    #[error("{message}")]
    Stale {
        message: String,
        current: Option<Box<VoiceUser>>,
    },
    /// The civic address fails its country's rules (422), field by field.
    #[error("{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))]
    InvalidAddress {
        problems: Vec<crate::domain::AddressProblem>,
    },
    /// Removing this licence would leave the user's number without the
    /// licence it needs; the admin may confirm removing the number too (409).
    #[error("{message}")]
    LicenceNeeded { message: String },
    /// The request clashes with the current state in a way the message
    /// explains, e.g. releasing a number someone holds (409).
    #[error("{message}")]
    Conflict { message: String },
    /// Input the caller can correct, e.g. a password too short (422).
    #[error("{message}")]
    Invalid { message: String },
    /// The username or password is wrong (401).
    #[error("{message}")]
    SignInFailed { message: String },
    /// The request body is over the size limit (413).
    #[error("{message}")]
    TooLarge { message: String },
    /// No live session: sign in (401).
    #[error("{message}")]
    SignedOut { message: String },
    /// Too many failed sign-ins; try again later (429).
    #[error("{message}")]
    TooManyAttempts { message: String },
    /// The organisation or the caller may not do this (403).
    #[error("{message}")]
    Forbidden { message: String },
    /// The id or number names nothing (404).
    #[error("{message}")]
    NotFound { message: String },
    /// The request itself is malformed (400).
    #[error("{message}")]
    BadRequest { message: String },
    /// Too many passwords are being checked at once; trying again in a
    /// moment should work (503).
    #[error("{message}")]
    Busy { message: String },
    /// A transient failure; trying again should work (503).
    #[error("Service is unavailable. Please try again.")]
    Unavailable,
    /// A bug or an outage; the details are in the server log (500).
    #[error("Something went wrong. Please try again; if it keeps happening, contact support.")]
    Internal,
    /// The browser could not reach the server or read its answer: the
    /// browser's own, never sent by the server.
    #[schemars(skip)]
    #[error("Could not reach Switchboard: {message}")]
    Transport { message: String },
}

fn join(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn rows_text(rows: &[RowViolations]) -> String {
    let problems: usize = rows.iter().map(|r| r.violations.len()).sum();
    format!(
        "Nothing was saved: {} of the rows break {problems} rules.",
        rows.len()
    )
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::BadRequest {
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::NotFound {
            message: message.into(),
        }
    }

    /// The HTTP status this error travels with.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::Rejected { violations } if violations.iter().any(Violation::is_conflict) => {
                409
            }
            ApiError::RowsRejected { rows }
                if rows
                    .iter()
                    .flat_map(|r| &r.violations)
                    .any(Violation::is_conflict) =>
            {
                409
            }
            ApiError::Rejected { .. }
            | ApiError::RowsRejected { .. }
            | ApiError::ImportRefused { .. }
            | ApiError::InvalidAddress { .. } => 422,
            ApiError::Stale { .. } | ApiError::Conflict { .. } | ApiError::LicenceNeeded { .. } => {
                409
            }
            ApiError::Invalid { .. } => 422,
            ApiError::TooLarge { .. } => 413,
            ApiError::SignedOut { .. } | ApiError::SignInFailed { .. } => 401,
            ApiError::TooManyAttempts { .. } => 429,
            ApiError::Forbidden { .. } => 403,
            ApiError::NotFound { .. } => 404,
            ApiError::BadRequest { .. } => 400,
            ApiError::Busy { .. } | ApiError::Unavailable => 503,
            ApiError::Internal => 500,
            ApiError::Transport { .. } => 502,
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A body streamed without a length meets the size limit while
            // being read, and arrives here rather than as the layer's 413.
            ServerFnErrorErr::Args(detail) | ServerFnErrorErr::Deserialization(detail)
                if cfg!(feature = "ssr") && detail.contains("length limit exceeded") =>
            {
                ApiError::TooLarge {
                    message: "The request is too large.".to_owned(),
                }
            }
            // The request could not be read: the caller's mistake.
            ServerFnErrorErr::Args(detail) | ServerFnErrorErr::Deserialization(detail)
                if cfg!(feature = "ssr") =>
            {
                ApiError::bad_request(format!("The request could not be read: {detail}"))
            }
            ServerFnErrorErr::MissingArg(arg) if cfg!(feature = "ssr") => {
                ApiError::bad_request(format!("The request is missing '{arg}'."))
            }
            ServerFnErrorErr::Request(message) | ServerFnErrorErr::Deserialization(message) => {
                ApiError::Transport { message }
            }
            other => ApiError::internal(format!("server function machinery: {other}")),
        }
    }

    /// Every error a server function answers is encoded here, inside the
    /// request's context: its HTTP status is set on the way, so no server
    /// function has to remember to.
    fn ser(&self) -> server_fn::Bytes {
        set_status(self);
        <Self::Encoder as server_fn::Encodes<Self>>::encode(self)
            .unwrap_or_else(|_| server_fn::Bytes::from_static(br#""Internal""#))
    }
}

/// Sets the response status for `err` on the server: the server function's
/// answer, or the page being rendered when a page shows the error. Nothing
/// in the browser.
pub fn set_status(err: &ApiError) {
    #[cfg(feature = "ssr")]
    if let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        let status = axum::http::StatusCode::from_u16(err.status())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = err;
}

impl ApiError {
    /// Something broke: `what` goes to the log (inside the request's span,
    /// which names the call and the caller), the browser hears no more than
    /// "Something went wrong".
    pub fn internal(what: impl std::fmt::Display) -> Self {
        #[cfg(feature = "ssr")]
        tracing::error!("{what}");
        #[cfg(not(feature = "ssr"))]
        let _ = what;
        ApiError::Internal
    }
}

impl From<crate::domain::QueryError> for ApiError {
    fn from(e: crate::domain::QueryError) -> Self {
        ApiError::bad_request(e.0)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        let busy = e
            .as_database_error()
            .and_then(|d| d.code())
            .is_some_and(|c| c == "5" || c == "6" || c == "517");
        if busy || matches!(e, sqlx::Error::PoolTimedOut) {
            tracing::warn!(error = %e, "database busy");
            ApiError::Unavailable
        } else {
            ApiError::internal(format_args!("database failure: {e:?}"))
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::auth::password::PasswordError> for ApiError {
    fn from(e: crate::auth::password::PasswordError) -> Self {
        use crate::auth::password::PasswordError;
        match e {
            PasswordError::Busy(_) => {
                tracing::warn!(error = %e, "password hashing busy");
                ApiError::Busy {
                    message: "Many sign-ins are being checked right now. Try again in a moment."
                        .to_owned(),
                }
            }
            e => ApiError::internal(e),
        }
    }
}
