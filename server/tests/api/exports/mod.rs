//! The Voice users and Phone numbers CSV exports: every row of the grid's
//! view (search, filters, order; not just the loaded page), the import's
//! columns first, as a file that goes back through the import unchanged.
//! Who may export is the role matrix's (`roles::reads`) and the Voice gate's
//! (`voice_gate`) business.

mod phone_numbers;
mod round_trip;
mod voice_users;

use serde_json::{json, Value};

use crate::helpers::*;

/// What every export starts with, for Excel to read it as UTF-8.
pub const BOM: &str = "\u{feff}";

/// GET of the export of `list` ("voice-users", "phone-numbers") with
/// `client`; `query` is the part after "?".
pub async fn export(
    app: &TestApp,
    client: &reqwest::Client,
    list: &str,
    query: &str,
) -> reqwest::Response {
    let path = match query {
        "" => format!("/api/{list}/export.csv"),
        query => format!("/api/{list}/export.csv?{query}"),
    };
    app.get_with(client, &path).await
}

/// The exported file as the admin gets it; panics unless 200.
pub async fn export_text(app: &TestApp, list: &str, query: &str) -> String {
    let response = export(app, &app.client, list, query).await;
    assert_eq!(response.status(), 200, "{list}?{query}");
    response.text().await.expect("the CSV text")
}

/// The exported rows after the header, which must be `header`.
pub async fn exported(app: &TestApp, list: &str, query: &str, header: &[&str]) -> Vec<Vec<String>> {
    let text = export_text(app, list, query).await;
    let text = text.strip_prefix(BOM).expect("a BOM first");
    let rows = parse_csv(text);
    assert_eq!(rows[0], header, "{list}?{query}");
    rows[1..].to_vec()
}

/// Every row `list/list` answers for `query`, page by page in order: the
/// `field` ("users", "numbers") of each page.
pub async fn listed(app: &TestApp, list: &str, field: &str, mut query: Value) -> Vec<Value> {
    let mut rows = Vec::new();
    query["limit"] = json!(200);
    loop {
        let (status, page) = app
            .call(&format!("/api/{list}/list"), json!({ "query": query }))
            .await;
        assert_eq!(status, 200, "{query}: {page}");
        rows.extend(page[field].as_array().expect("a page of rows").clone());
        if page["next"].is_null() {
            return rows;
        }
        query["after"] = page["next"].clone();
    }
}

/// A cell as an export writes it: a number (or anything starting `+`, `=`,
/// `-`, `@`) behind an apostrophe, so no spreadsheet runs it.
pub fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The request is refused with 400 and `message`.
pub async fn assert_bad(app: &TestApp, list: &str, query: &str, expected: &str) {
    let (status, body) = read(export(app, &app.client, list, query).await).await;
    assert_eq!(
        (status, variant(&body)),
        (400, "BadRequest".to_owned()),
        "{query}: {body}"
    );
    assert_eq!(message(&body), expected, "{query}");
}
