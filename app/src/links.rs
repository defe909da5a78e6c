//! Addresses inside the console that carry a filter, built in one place so
//! every link encodes its text the same way.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

mod grid_params;
mod grid_views;

pub use grid_views::{
    checked_number_query, checked_user_query, number_query, phone_numbers, phone_numbers_export,
    user_query, voice_users, voice_users_at, voice_users_export, voice_users_matching, EVENTS_PATH,
    PHONE_NUMBERS_EXPORT_PATH, PHONE_NUMBERS_PATH, VOICE_USERS_EXPORT_PATH, VOICE_USERS_PATH,
};
#[cfg(feature = "ssr")]
pub use grid_views::{NUMBER_KEYS, USER_KEYS};

use crate::domain::AuditQuery;

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

/// `path`, with the query string `parts` make (those present).
pub(crate) fn with_query(path: &str, parts: &[(&str, Option<String>)]) -> String {
    let query: Vec<String> = parts
        .iter()
        .filter_map(|(key, value)| {
            value
                .as_ref()
                .map(|v| format!("{key}={}", url_component(v)))
        })
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

pub const AUDIT_EXPORT_PATH: &str = "/api/audit/export.csv";

/// The audit log's CSV export, with the page's filters as the link sends them.
pub fn audit_export(query: &AuditQuery) -> String {
    let search = query.search.trim();
    with_query(
        AUDIT_EXPORT_PATH,
        &[
            ("search", (!search.is_empty()).then(|| search.to_owned())),
            ("action", query.action.map(|a| a.code().to_owned())),
            ("from", query.from.as_ref().map(ToString::to_string)),
            ("to", query.to.as_ref().map(ToString::to_string)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AuditAction, Date, LocationId};

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
