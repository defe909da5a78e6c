//! Settings > Audit log: every change, who made it and when. Read-only: no
//! server function edits or deletes an entry.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{AuditPage, AuditQuery};

/// One page of the audit log, newest first.
#[server(prefix = "/api", endpoint = "audit/list", input = Json)]
pub async fn list_audit(query: AuditQuery) -> Result<AuditPage, ApiError> {
    ssr::list(query).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::domain::{check_length, Permission, AUDIT_PAGE, MAX_SEARCH};

    pub async fn list(query: AuditQuery) -> Result<AuditPage, ApiError> {
        check_length("search", &query.search, MAX_SEARCH)?;
        let (state, _) = authorize(Permission::ViewAudit).await?;
        let mut conn = state.pool.acquire().await?;
        let page = crate::store::audit::page(&mut conn, &query, AUDIT_PAGE).await?;
        Ok(AuditPage {
            entries: page.rows,
            next: page.next,
        })
    }
}
