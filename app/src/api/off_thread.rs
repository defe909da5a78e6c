//! Work that keeps a processor busy (reading thousands of numbers, judging
//! thousands of lines) runs on tokio's blocking threads: the runtime's
//! workers, one a core, go on answering every other request meanwhile,
//! the progress of that very work included.

use super::ApiError;

pub async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(format!("work on a blocking thread failed: {e}")))
}
