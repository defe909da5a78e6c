//! Voice users > Import: a CSV file of lines that assign, change or remove
//! numbers. Check reads and judges every line and writes nothing; Apply
//! writes every line in one transaction, as one change set, or, when any
//! line has a problem, nothing.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{ImportApplied, ImportReport, ProgressKey};

/// The file as the browser read it (UTF-8; a BOM is allowed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ImportRequest {
    pub file: String,
    /// The caller's name for this request, to follow it with `api::progress`.
    #[serde(default)]
    pub progress: Option<ProgressKey>,
}

/// Every line of the file, judged as Apply would judge it now.
#[server(prefix = "/api", endpoint = "import/check", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn check_import(request: ImportRequest) -> Result<ImportReport, ApiError> {
    ssr::check(request).await
}

/// Writes every line of the file, or, when any line has a problem, nothing
/// (422 with the report).
#[server(prefix = "/api", endpoint = "import/apply", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn apply_import(request: ImportRequest) -> Result<ImportApplied, ApiError> {
    ssr::apply(request).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::api::apply_set::apply_set;
    use crate::api::import_lines::{judge, reads, Reads};
    use crate::api::off_thread::off_thread;
    use crate::api::write::write_reading_as;
    use crate::domain::{grouped, Permission, Stage};
    use crate::import::{self, FileError, ImportFile};
    use crate::store;
    use crate::tracker::Tracking;

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

    /// The file read and its numbers parsed, off the workers: the lines,
    /// and the reads of what they name.
    async fn prepare(
        request: ImportRequest,
        tracking: Tracking,
    ) -> Result<(ImportFile, Reads, store::Batch), ApiError> {
        off_thread(move || {
            let file = read(&request)?;
            let mut batch = store::Batch::new().observed(tracking.row_ticks());
            let reads = reads(&file, &mut batch, &tracking);
            Ok((file, reads, batch))
        })
        .await?
    }

    pub async fn check(request: ImportRequest) -> Result<ImportReport, ApiError> {
        let (state, caller) = authorize(Permission::ManageVoice).await?;
        let tracking = state
            .progress
            .start(caller.account.id, request.progress.clone(), false);
        let (file, reads, batch) = prepare(request, tracking.clone()).await?;
        let mut conn = state.pool.acquire().await?;
        let fetched = batch.fetch(&mut conn).await?;
        drop(conn);
        let today = state.clock.today();
        off_thread(move || Ok(judge(&file, reads, &fetched, &today, &tracking)?.0)).await?
    }

    #[tracing::instrument(skip_all, fields(bytes = request.file.len()))]
    pub async fn apply(request: ImportRequest) -> Result<ImportApplied, ApiError> {
        let (state, caller) = authorize(Permission::ManageVoice).await?;
        let tracking = state
            .progress
            .start(caller.account.id, request.progress.clone(), true);
        let (file, reads, mut batch) = prepare(request, tracking.clone()).await?;
        let next = store::change_sets::push_next_id(&mut batch);
        write_reading_as(state, caller, batch, async move |w, fetched| {
            let id = store::change_sets::read_next_id(fetched.first(next))?;
            let (today, judging) = (w.today(), tracking.clone());
            let (report, targets) =
                off_thread(move || judge(&file, reads, &fetched, &today, &judging)).await??;
            let Some(targets) = targets else {
                return Err(ApiError::ImportRefused { report });
            };
            tracking.stage(Stage::Writing, targets.len());
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
