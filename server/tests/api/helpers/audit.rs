//! The audit log and the accounts, read through the API as the admin.

use serde_json::{json, Value};

use super::contoso::NOW;
use super::harness::TestApp;

/// An audit/list query: no filters, except those `extra` sets.
pub fn audit_query(extra: Value) -> Value {
    let mut q =
        json!({ "search": "", "action": null, "from": null, "to": null, "before_id": null });
    for (k, v) in extra.as_object().expect("an object") {
        q[k] = v.clone();
    }
    q
}

/// Asserts every field `expected` names; `at` is NOW unless named.
pub fn assert_entry(entry: &Value, expected: Value) {
    let mut expected = expected;
    if expected.get("at").is_none() {
        expected["at"] = json!(NOW);
    }
    for (field, value) in expected.as_object().unwrap() {
        assert_eq!(&entry[field], value, "{field} of {entry}");
    }
}

/// The actions of audit entries, in order.
pub fn actions(entries: &[Value]) -> Vec<&str> {
    entries
        .iter()
        .map(|e| e["action"].as_str().expect("an action"))
        .collect()
}

/// Rows of cells of a CSV text, the header first.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
        .collect()
}

impl TestApp {
    /// How many entries the audit log holds, read from the database.
    pub async fn audit_count(&self) -> i64 {
        self.count("SELECT COUNT(*) FROM audit_log").await
    }

    /// The newest audit entry's id, 0 with none.
    pub async fn last_audit_id(&self) -> i64 {
        self.count("SELECT COALESCE(MAX(id), 0) FROM audit_log")
            .await
    }

    /// One page of audit/list as admin; panics unless 200.
    pub async fn audit_page(&self, extra: Value) -> Value {
        let (status, page) = self
            .call("/api/audit/list", json!({ "query": audit_query(extra) }))
            .await;
        assert_eq!(status, 200, "listing the audit log: {page}");
        page
    }

    /// The entries of the first audit/list page matching `extra`.
    pub async fn audit_entries(&self, extra: Value) -> Vec<Value> {
        self.audit_page(extra).await["entries"]
            .as_array()
            .expect("a list of entries")
            .clone()
    }

    /// The entries written after entry `since`, oldest first, read through
    /// audit/list page by page.
    pub async fn audit_since(&self, since: i64) -> Vec<Value> {
        let mut found = Vec::new();
        let mut before_id = Value::Null;
        loop {
            let page = self.audit_page(json!({ "before_id": before_id })).await;
            let entries = page["entries"].as_array().expect("a list of entries");
            for e in entries {
                if e["id"].as_i64().expect("an id") > since {
                    found.push(e.clone());
                }
            }
            let done = entries
                .last()
                .is_none_or(|e| e["id"].as_i64().unwrap() <= since);
            if done || page["next"].is_null() {
                break;
            }
            before_id = page["next"].clone();
        }
        found.reverse();
        found
    }

    /// The entries written since `since`, asserting there are `count`.
    pub async fn new_entries(&self, since: i64, count: usize) -> Vec<Value> {
        let entries = self.audit_since(since).await;
        assert_eq!(entries.len(), count, "new audit entries: {entries:#?}");
        entries
    }

    /// GET of the CSV export with `client`; `query` is the part after "?".
    pub async fn export_csv(&self, client: &reqwest::Client, query: &str) -> reqwest::Response {
        let path = if query.is_empty() {
            "/api/audit/export.csv".to_owned()
        } else {
            format!("/api/audit/export.csv?{query}")
        };
        self.get_with(client, &path).await
    }

    /// accounts/list as admin; panics unless 200.
    pub async fn accounts(&self) -> Vec<Value> {
        let (status, body) = self.call("/api/accounts/list", json!({})).await;
        assert_eq!(status, 200, "listing accounts: {body}");
        body.as_array().expect("a list of accounts").clone()
    }

    /// The account named `username`, as accounts/list shows it.
    pub async fn account(&self, username: &str) -> Option<Value> {
        self.accounts()
            .await
            .into_iter()
            .find(|a| a["username"] == username)
    }
}
