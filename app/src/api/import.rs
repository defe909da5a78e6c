//! Voice users > Import: a CSV file of lines that assign, change or remove
//! numbers. Check reads and judges every line and writes nothing; Apply
//! writes every line in one transaction, as one change set, or, when any
//! line has a problem, nothing.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{ImportApplied, ImportReport};

/// The file as the browser read it (UTF-8; a BOM is allowed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRequest {
    pub file: String,
}

/// Every line of the file, judged as Apply would judge it now.
#[server(prefix = "/api", endpoint = "import/check", input = Json)]
pub async fn check_import(request: ImportRequest) -> Result<ImportReport, ApiError> {
    ssr::check(request).await
}

/// Writes every line of the file, or, when any line has a problem, nothing
/// (422 with the report).
#[server(prefix = "/api", endpoint = "import/apply", input = Json)]
pub async fn apply_import(request: ImportRequest) -> Result<ImportApplied, ApiError> {
    ssr::apply(request).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::api::apply_set::apply_set;
    use crate::api::import_lines::{judge, reads};
    use crate::api::write::write_reading;
    use crate::domain::{grouped, Permission};
    use crate::import::{self, FileError, ImportFile};
    use crate::store;

    fn read(request: &ImportRequest) -> Result<ImportFile, ApiError> {
        import::read(request.file.as_bytes()).map_err(|e| match e {
            FileError::TooManyLines { .. } => ApiError::TooLarge {
                message: e.to_string(),
            },
            e => ApiError::Invalid {
                message: e.to_string(),
            },
        })
    }

    pub async fn check(request: ImportRequest) -> Result<ImportReport, ApiError> {
        let (state, _) = authorize(Permission::ManageVoice).await?;
        let file = read(&request)?;
        let mut batch = store::Batch::new();
        let reads = reads(&file, &mut batch);
        let mut conn = state.pool.acquire().await?;
        let fetched = batch.fetch(&mut conn).await?;
        Ok(judge(&file, reads, &fetched, &state.clock.today())?.0)
    }

    #[tracing::instrument(skip_all, fields(bytes = request.file.len()))]
    pub async fn apply(request: ImportRequest) -> Result<ImportApplied, ApiError> {
        let file = read(&request)?;
        let mut batch = store::Batch::new();
        let reads = reads(&file, &mut batch);
        let next = store::change_sets::push_next_id(&mut batch);
        write_reading(Permission::ManageVoice, batch, async |w, fetched| {
            let (report, targets) = judge(&file, reads, &fetched, &w.today())?;
            let Some(targets) = targets else {
                return Err(ApiError::ImportRefused { report });
            };
            let id = store::change_sets::read_next_id(fetched.first(next))?;
            let lines = grouped(report.lines.len() as u64);
            let summary = format!("Imported a file of {lines} lines");
            let changed = targets.iter().filter(|t| !t.changes_nothing()).count();
            let saved = apply_set(w, id, summary, None, targets).await?;
            tracing::info!(changed, change_set = ?saved.change_set, "file imported");
            Ok(ImportApplied {
                changed,
                change_set: saved.change_set,
            })
        })
        .await
    }
}
