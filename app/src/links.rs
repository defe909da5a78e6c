//! Addresses inside the console that carry a filter, built in one place so
//! every link encodes its text the same way.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::domain::{
    AuditQuery, Choice, LocationId, NumberQuery, NumberSort, UserQuery, UserSort, NUMBER_PAGE,
    USER_PAGE,
};

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
    voice_users(&UserQuery {
        search: text.to_owned(),
        ..UserQuery::default()
    })
}

/// Voice users whose emergency location is `location`.
pub fn voice_users_at(location: LocationId) -> String {
    voice_users(&UserQuery {
        location: Some(location),
        ..UserQuery::default()
    })
}

pub const VOICE_USERS_PATH: &str = "/voice/users";
pub const PHONE_NUMBERS_PATH: &str = "/voice/phone-numbers";

/// `path`, with the query string `parts` make (those present).
fn with_query(path: &str, parts: &[(&str, Option<String>)]) -> String {
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

/// The sort's part of an address: nothing for the grid's default order.
fn sort_parts<S: Choice + Default>(
    sort: S,
    descending: bool,
) -> [(&'static str, Option<String>); 2] {
    [
        (
            "sort",
            (sort != S::default()).then(|| sort.code().to_owned()),
        ),
        ("order", descending.then(|| "desc".to_owned())),
    ]
}

/// The search's part of an address: nothing when the box is empty.
fn search_part(search: &str) -> (&'static str, Option<String>) {
    (
        "search",
        (!search.trim().is_empty()).then(|| search.to_owned()),
    )
}

/// The Voice users page showing the grid as `query` asks (search, location,
/// sort; not the page), so a view can be bookmarked and Back returns to it.
pub fn voice_users(query: &UserQuery) -> String {
    let [sort, order] = sort_parts(query.sort, query.descending);
    with_query(
        VOICE_USERS_PATH,
        &[
            search_part(&query.search),
            ("location", query.location.map(|l| l.to_string())),
            sort,
            order,
        ],
    )
}

/// The grid's query an address of [`voice_users`] describes; what it can't
/// read falls back to the default, as a hand-edited bookmark might need.
pub fn user_query(param: impl Fn(&str) -> Option<String>) -> UserQuery {
    UserQuery {
        search: param("search").unwrap_or_default(),
        location: param("location").and_then(|l| l.parse().ok().map(LocationId)),
        sort: param("sort")
            .and_then(|s| UserSort::from_code(&s))
            .unwrap_or_default(),
        descending: param("order").as_deref() == Some("desc"),
        after: None,
        limit: USER_PAGE,
    }
}

/// The Phone numbers page with its grid as `query` asks.
pub fn phone_numbers(query: &NumberQuery) -> String {
    let [sort, order] = sort_parts(query.sort, query.descending);
    fn code<C: Choice>(c: Option<C>) -> Option<String> {
        c.map(|c| c.code().to_owned())
    }
    with_query(
        PHONE_NUMBERS_PATH,
        &[
            search_part(&query.search),
            ("state", code(query.state)),
            ("type", code(query.kind)),
            ("source", code(query.source)),
            ("country", code(query.country)),
            sort,
            order,
        ],
    )
}

/// The grid's query an address of [`phone_numbers`] describes.
pub fn number_query(param: impl Fn(&str) -> Option<String>) -> NumberQuery {
    fn pick<C: Choice>(code: Option<String>) -> Option<C> {
        code.and_then(|c| C::from_code(&c))
    }
    NumberQuery {
        search: param("search").unwrap_or_default(),
        state: pick(param("state")),
        kind: pick(param("type")),
        source: pick(param("source")),
        country: pick(param("country")),
        sort: pick::<NumberSort>(param("sort")).unwrap_or_default(),
        descending: param("order").as_deref() == Some("desc"),
        after: None,
        limit: NUMBER_PAGE,
    }
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
    fn a_grid_view_round_trips_through_its_address() {
        use crate::domain::{Country, NumberKind, NumberSource, StateFilter};
        let users = [
            (UserQuery::default(), "/voice/users"),
            (
                UserQuery {
                    search: "Anne O'Neil".into(),
                    ..UserQuery::default()
                },
                "/voice/users?search=Anne%20O%27Neil",
            ),
            (
                UserQuery {
                    search: "5550".into(),
                    location: Some(LocationId(7)),
                    sort: UserSort::AssignedNumber,
                    descending: true,
                    ..UserQuery::default()
                },
                "/voice/users?search=5550&location=7&sort=number&order=desc",
            ),
            (
                UserQuery {
                    descending: true,
                    ..UserQuery::default()
                },
                "/voice/users?order=desc",
            ),
        ];
        for (query, address) in users {
            assert_eq!(voice_users(&query), address);
            let back = user_query(|key| param(address, key));
            assert_eq!(back, query, "{address}");
        }
        let numbers = [
            (
                NumberQuery {
                    limit: NUMBER_PAGE,
                    ..NumberQuery::default()
                },
                "/voice/phone-numbers",
            ),
            (
                NumberQuery {
                    search: "redmond".into(),
                    state: Some(StateFilter::Unassigned),
                    kind: Some(NumberKind::User),
                    source: Some(NumberSource::CallingPlan),
                    country: Country::from_code("US"),
                    sort: NumberSort::AssignedTo,
                    descending: true,
                    limit: NUMBER_PAGE,
                    ..NumberQuery::default()
                },
                "/voice/phone-numbers?search=redmond&state=unassigned&type=user\
                 &source=calling_plan&country=US&sort=holder&order=desc",
            ),
        ];
        for (query, address) in numbers {
            assert_eq!(phone_numbers(&query), address);
            assert_eq!(number_query(|key| param(address, key)), query, "{address}");
        }
    }

    #[test]
    fn an_address_it_cannot_read_shows_the_default_grid() {
        let address = "/voice/users?sort=shoe-size&order=up&location=x&page=3";
        assert_eq!(user_query(|key| param(address, key)), UserQuery::default());
        let address = "/voice/phone-numbers?state=lost&type=fax&country=XX&sort=colour";
        assert_eq!(
            number_query(|key| param(address, key)),
            NumberQuery {
                limit: NUMBER_PAGE,
                ..NumberQuery::default()
            }
        );
    }

    /// The decoded value of `key` in `address`'s query string.
    fn param(address: &str, key: &str) -> Option<String> {
        let (_, query) = address.split_once('?')?;
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == key).then(|| {
                percent_encoding::percent_decode_str(v)
                    .decode_utf8_lossy()
                    .into_owned()
            })
        })
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
