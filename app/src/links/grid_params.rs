//! Reading a grid's address back into its query, in one of two ways. The
//! page takes what it can and shows the default for the rest, so a
//! hand-edited bookmark still opens. An export was asked for exactly that
//! view, so it refuses what it can't read (400) rather than export another.

use std::collections::HashMap;

use crate::domain::{Choice, QueryError};

/// A parameter of the address by its name, decoded.
pub(super) type Param<'a> = &'a dyn Fn(&str) -> Option<String>;
/// Told why a value can't be read; the reader goes on with the default.
pub(super) type Unreadable<'a> = &'a mut dyn FnMut(String);

/// The value of `key` as `read` reads it; an empty one is no value. What
/// `read` can't read is reported with what was `expected` instead.
pub(super) fn value<T>(
    param: Param,
    bad: Unreadable,
    key: &str,
    expected: impl FnOnce() -> String,
    read: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    let raw = param(key).filter(|v| !v.is_empty())?;
    let found = read(&raw);
    if found.is_none() {
        let shown: String = raw.chars().take(40).collect();
        bad(format!(
            "'{shown}' is not a valid '{key}': use {}.",
            expected()
        ));
    }
    found
}

/// A filter's or sort's value, by its code.
pub(super) fn choice<C: Choice>(param: Param, bad: Unreadable, key: &str) -> Option<C> {
    let expected = || {
        let codes: Vec<&str> = C::all().iter().map(|c| c.code()).collect();
        format!("one of {}", codes.join(", "))
    };
    value(param, bad, key, expected, |code| C::from_code(code))
}

/// The order: ascending unless it says `desc`.
pub(super) fn descending(param: Param, bad: Unreadable) -> bool {
    let read = |order: &str| match order {
        "asc" => Some(false),
        "desc" => Some(true),
        _ => None,
    };
    value(param, bad, "order", || "asc or desc".to_owned(), read).unwrap_or(false)
}

/// The query `read` makes of `params`, as long as each of them is one of
/// `keys` with a value it can read.
pub(super) fn exactly<Q>(
    params: &HashMap<String, String>,
    keys: &[&str],
    read: fn(Param, Unreadable) -> Q,
) -> Result<Q, QueryError> {
    let mut unknown: Vec<&str> = params
        .keys()
        .map(String::as_str)
        .filter(|key| !keys.contains(key))
        .collect();
    unknown.sort_unstable();
    if let Some(key) = unknown.first() {
        return Err(QueryError(format!(
            "'{key}' is not a parameter of this list: use {}.",
            keys.join(", ")
        )));
    }
    let mut problem = None;
    let query = read(&|key| params.get(key).cloned(), &mut |why| {
        problem.get_or_insert(why);
    });
    problem.map_or(Ok(query), |why| Err(QueryError(why)))
}

#[cfg(test)]
mod tests {
    use super::super::{checked_number_query, checked_user_query};
    use super::*;
    use crate::domain::{LocationId, NumberKind, UserSort, USER_PAGE};

    fn params(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn an_export_reads_the_address_the_page_reads() {
        let read = checked_user_query(&params(&[
            ("search", "Müller"),
            ("location", "3"),
            ("sort", "number"),
            ("assigned", "no"),
            ("order", "desc"),
        ]));
        let query = read.expect("a readable address");
        assert_eq!(query.search, "Müller");
        assert_eq!(query.location, Some(LocationId(3)));
        assert_eq!(query.assigned, Some(false));
        assert_eq!(query.sort, UserSort::AssignedNumber);
        assert!(query.descending);
        assert_eq!(query.limit, USER_PAGE);
        let read = checked_number_query(&params(&[("type", "toll_free"), ("state", "")]));
        let query = read.expect("an empty value is no filter");
        assert_eq!(
            (query.kind, query.state),
            (Some(NumberKind::TollFree), None)
        );
    }

    #[test]
    fn an_export_refuses_what_the_page_would_ignore() {
        let users = [
            (
                vec![("page", "3")],
                "'page' is not a parameter of this list: use search, location, assigned, sort, order.",
            ),
            (
                vec![("sort", "shoe-size")],
                "'shoe-size' is not a valid 'sort': use one of name, username, number, location.",
            ),
            (
                vec![("order", "up")],
                "'up' is not a valid 'order': use asc or desc.",
            ),
            (
                vec![("location", "x")],
                "'x' is not a valid 'location': use an emergency location's id.",
            ),
            (
                vec![("assigned", "true")],
                "'true' is not a valid 'assigned': use one of yes, no.",
            ),
        ];
        for (pairs, message) in users {
            let got = checked_user_query(&params(&pairs)).map(|_| ());
            assert_eq!(got, Err(QueryError(message.to_owned())), "{pairs:?}");
        }
        let numbers = [
            (
                ("state", "lost"),
                "'lost' is not a valid 'state': use one of unassigned, assigned, pending, blocked.",
            ),
            (
                ("country", "XX"),
                "'XX' is not a valid 'country': use one of AU, BE, CA, FR, DE, IE, NL, ES, GB, US.",
            ),
            (
                ("source", "Calling Plan"),
                "'Calling Plan' is not a valid 'source': use one of calling_plan, direct_routing, operator_connect.",
            ),
        ];
        for (pair, message) in numbers {
            let got = checked_number_query(&params(&[pair])).map(|_| ());
            assert_eq!(got, Err(QueryError(message.to_owned())), "{pair:?}");
        }
    }
}
