//! The API's contract: the OpenAPI document served at `/api/openapi.json`
//! and read on Settings > API, built from the server functions' own types.

mod catalogue;
mod catalogue_voice;
pub mod errors;
mod exports;
mod openapi;
mod operation;
mod reference;

pub use catalogue::operations;
pub use exports::DOCUMENT_PATH;
pub use openapi::document;
pub use operation::{Kind, Operation};
pub use reference::reference;

/// Whether a route answers a secret shown once (`Kind::Secret`): such an
/// answer is never kept for a retry.
pub fn answers_secret(path: &str) -> bool {
    static SECRET: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        operations()
            .iter()
            .filter(|o| o.kind == Kind::Secret)
            .map(|o| o.path)
            .collect()
    });
    SECRET.contains(&path)
}

#[cfg(test)]
mod reference_tests;
#[cfg(test)]
mod tests;
