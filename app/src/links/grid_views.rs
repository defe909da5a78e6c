//! The Voice users and Phone numbers grids' views as addresses: search,
//! filters and sort in the query string, read back into the grid's query.
//! Each grid's CSV export takes the same query string as its page.

use std::collections::HashMap;

use super::grid_params::{choice, descending, exactly, value, Param, Unreadable};
use super::with_query;
use crate::domain::{
    Choice, LocationId, NumberHeld, NumberQuery, NumberSort, QueryError, UserQuery, NUMBER_PAGE,
    USER_PAGE,
};

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
pub const VOICE_USERS_EXPORT_PATH: &str = "/api/voice-users/export.csv";
/// The console's stream of live changes (server-sent events).
pub const EVENTS_PATH: &str = "/api/events";
pub const PHONE_NUMBERS_EXPORT_PATH: &str = "/api/phone-numbers/export.csv";

/// The parameters of a Voice users address, in the order it writes them.
pub const USER_KEYS: [&str; 5] = ["search", "location", "assigned", "sort", "order"];
/// The parameters of a Phone numbers address.
pub const NUMBER_KEYS: [&str; 7] = [
    "search", "state", "type", "source", "country", "sort", "order",
];

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
    with_query(VOICE_USERS_PATH, &user_parts(query))
}

/// Every voice user of the view `query` asks for, as CSV.
pub fn voice_users_export(query: &UserQuery) -> String {
    with_query(VOICE_USERS_EXPORT_PATH, &user_parts(query))
}

fn user_parts(query: &UserQuery) -> [(&'static str, Option<String>); 5] {
    let [sort, order] = sort_parts(query.sort, query.descending);
    let held = NumberHeld::of(query.assigned);
    [
        search_part(&query.search),
        ("location", query.location.map(|l| l.to_string())),
        ("assigned", held.map(|h| h.code().to_owned())),
        sort,
        order,
    ]
}

/// The grid's query an address of [`voice_users`] describes; what it can't
/// read falls back to the default, as a hand-edited bookmark might need.
pub fn user_query(param: impl Fn(&str) -> Option<String>) -> UserQuery {
    read_user_query(&param, &mut |_| {})
}

/// The grid's query the parameters of [`voice_users_export`] describe, or
/// what is wrong with them.
pub fn checked_user_query(params: &HashMap<String, String>) -> Result<UserQuery, QueryError> {
    exactly(params, &USER_KEYS, read_user_query)
}

fn read_user_query(param: Param, bad: Unreadable) -> UserQuery {
    let id = || "an emergency location's id".to_owned();
    UserQuery {
        search: param("search").unwrap_or_default(),
        location: value(param, bad, "location", id, |l| {
            l.parse().ok().map(LocationId)
        }),
        assigned: choice(param, bad, "assigned").map(NumberHeld::assigned),
        sort: choice(param, bad, "sort").unwrap_or_default(),
        descending: descending(param, bad),
        after: None,
        limit: USER_PAGE,
    }
}

/// The Phone numbers page with its grid as `query` asks.
pub fn phone_numbers(query: &NumberQuery) -> String {
    with_query(PHONE_NUMBERS_PATH, &number_parts(query))
}

/// Every number of the view `query` asks for, as CSV.
pub fn phone_numbers_export(query: &NumberQuery) -> String {
    with_query(PHONE_NUMBERS_EXPORT_PATH, &number_parts(query))
}

fn number_parts(query: &NumberQuery) -> [(&'static str, Option<String>); 7] {
    let [sort, order] = sort_parts(query.sort, query.descending);
    fn code<C: Choice>(c: Option<C>) -> Option<String> {
        c.map(|c| c.code().to_owned())
    }
    [
        search_part(&query.search),
        ("state", code(query.state)),
        ("type", code(query.kind)),
        ("source", code(query.source)),
        ("country", code(query.country)),
        sort,
        order,
    ]
}

/// The grid's query an address of [`phone_numbers`] describes.
pub fn number_query(param: impl Fn(&str) -> Option<String>) -> NumberQuery {
    read_number_query(&param, &mut |_| {})
}

/// The grid's query the parameters of [`phone_numbers_export`] describe,
/// or what is wrong with them.
pub fn checked_number_query(params: &HashMap<String, String>) -> Result<NumberQuery, QueryError> {
    exactly(params, &NUMBER_KEYS, read_number_query)
}

fn read_number_query(param: Param, bad: Unreadable) -> NumberQuery {
    NumberQuery {
        search: param("search").unwrap_or_default(),
        state: choice(param, bad, "state"),
        kind: choice(param, bad, "type"),
        source: choice(param, bad, "source"),
        country: choice(param, bad, "country"),
        sort: choice::<NumberSort>(param, bad, "sort").unwrap_or_default(),
        descending: descending(param, bad),
        after: None,
        limit: NUMBER_PAGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UserSort;

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
                    search: "meg".into(),
                    assigned: Some(false),
                    ..UserQuery::default()
                },
                "/voice/users?search=meg&assigned=no",
            ),
            (
                UserQuery {
                    location: Some(LocationId(7)),
                    assigned: Some(true),
                    sort: UserSort::EmergencyLocation,
                    ..UserQuery::default()
                },
                "/voice/users?location=7&assigned=yes&sort=location",
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
            let export = voice_users_export(&query).replace("/api/voice-users/export.csv", "");
            assert_eq!(export, address.replace("/voice/users", ""), "{address}");
            assert_eq!(checked_user_query(&params(address)), Ok(query));
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
            let export = phone_numbers_export(&query).replace("/api/phone-numbers/export.csv", "");
            assert_eq!(
                export,
                address.replace("/voice/phone-numbers", ""),
                "{address}"
            );
            assert_eq!(checked_number_query(&params(address)), Ok(query));
        }
    }

    #[test]
    fn an_address_it_cannot_read_shows_the_default_grid() {
        let address = "/voice/users?sort=shoe-size&order=up&location=x&assigned=maybe&page=3";
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

    /// Every parameter of `address`, decoded.
    fn params(address: &str) -> HashMap<String, String> {
        let keys = USER_KEYS.iter().chain(&NUMBER_KEYS);
        keys.filter_map(|&key| Some((key.to_owned(), param(address, key)?)))
            .collect()
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
}
