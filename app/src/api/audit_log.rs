//! Settings > Audit log: every change, who made it and when. Read-only: no
//! server function edits or deletes an entry.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{AuditPage, AuditQuery};

/// One page of the audit log, newest first.
#[server(prefix = "/api", endpoint = "audit/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_audit(query: AuditQuery) -> Result<AuditPage, ApiError> {
    ssr::list(query).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::domain::{check_length, Permission, AUDIT_PAGE, MAX_SEARCH};

    /// Counting a broad search of a long log stops here.
    const COUNT_AT_MOST: i64 = 10_000;

    pub async fn list(query: AuditQuery) -> Result<AuditPage, ApiError> {
        check_length("search", &query.search, MAX_SEARCH)?;
        let (state, _) = authorize(Permission::ViewAudit).await?;
        let mut conn = state.pool.acquire().await?;
        let page = crate::store::audit::page(&mut conn, &query, AUDIT_PAGE).await?;
        let (total, total_capped) =
            crate::store::audit::count(&mut conn, &query, COUNT_AT_MOST).await?;
        Ok(AuditPage {
            entries: page.rows,
            next: page.next,
            total,
            total_capped,
        })
    }
}
