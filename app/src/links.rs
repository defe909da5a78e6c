//! Addresses inside the console that carry a filter, built in one place so
//! every link encodes its text the same way.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::domain::{AuditQuery, LocationId};

/// What a query string component keeps as is: RFC 3986's unreserved characters.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes text for a query string.
pub fn url_component(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// Voice users, searched for `text` (e.g. a number's holder).
pub fn voice_users_matching(text: &str) -> String {
    format!("/voice/users?search={}", url_component(text))
}

/// Voice users whose emergency location is `location`.
pub fn voice_users_at(location: LocationId) -> String {
    format!("/voice/users?location={location}")
}

pub const AUDIT_EXPORT_PATH: &str = "/api/audit/export.csv";

/// The audit log's CSV export, with the page's filters as the link sends them.
pub fn audit_export(query: &AuditQuery) -> String {
    let mut parts = vec![];
    if !query.search.trim().is_empty() {
        parts.push(format!("search={}", url_component(query.search.trim())));
    }
    if let Some(a) = query.action {
        parts.push(format!("action={}", a.code()));
    }
    if let Some(d) = &query.from {
        parts.push(format!("from={d}"));
    }
    if let Some(d) = &query.to {
        parts.push(format!("to={d}"));
    }
    if parts.is_empty() {
        AUDIT_EXPORT_PATH.to_owned()
    } else {
        format!("{AUDIT_EXPORT_PATH}?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AuditAction, Date};

    #[test]
    fn the_export_link_carries_the_filters() {
        assert_eq!(
            audit_export(&AuditQuery::default()),
            "/api/audit/export.csv"
        );
        let q = AuditQuery {
            search: " Adele V ".into(),
            action: Some(AuditAction::NumberRemoved),
            from: Some(Date::parse("2026-11-01").unwrap()),
            to: None,
            before_id: Some(9),
        };
        assert_eq!(
            audit_export(&q),
            "/api/audit/export.csv?search=Adele%20V&action=NUMBER_REMOVED&from=2026-11-01"
        );
    }

    #[test]
    fn url_components_keep_only_unreserved_characters() {
        let cases = [
            ("Adele Vance", "Adele%20Vance"),
            ("a-b_c.d~e", "a-b_c.d~e"),
            ("50%&x=1", "50%25%26x%3D1"),
            ("Müller", "M%C3%BCller"),
        ];
        for (text, encoded) in cases {
            assert_eq!(url_component(text), encoded, "{text}");
        }
        assert_eq!(
            voice_users_matching("Anne O'Neil"),
            "/voice/users?search=Anne%20O%27Neil"
        );
        assert_eq!(voice_users_at(LocationId(3)), "/voice/users?location=3");
    }
}
