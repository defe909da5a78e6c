//! Keyset paging, as the grids use it: a page of rows and where the next
//! page starts, so no page is ever counted by offset.

use serde::{Deserialize, Serialize};

/// Where the next page starts: the sort value and id of the last row shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(rename = "Cursor_{Id}")]
pub struct Cursor<Id> {
    pub key: String,
    pub id: Id,
}

/// One page of rows and the cursor to go on from, if more follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T, C> {
    pub rows: Vec<T>,
    pub next: Option<C>,
}

/// A page as a server function answers it, for the grids to show and extend.
pub trait Paged {
    type Row: Clone + Send + Sync + 'static;
    type Cursor: Clone + PartialEq + Send + Sync + 'static;
    fn rows(&self) -> &[Self::Row];
    fn next(&self) -> Option<Self::Cursor>;
}

/// A list request the server can't answer as asked (400).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

/// Text of at most `max` characters.
pub fn check_length(field: &str, value: &str, max: usize) -> Result<(), QueryError> {
    if value.chars().count() > max {
        Err(QueryError(format!(
            "'{field}' is too long: at most {max} characters."
        )))
    } else {
        Ok(())
    }
}

/// A page size from 1 to `max`.
pub fn check_limit(limit: u32, max: u32) -> Result<(), QueryError> {
    if limit == 0 || limit > max {
        Err(QueryError(format!("'limit' must be between 1 and {max}.")))
    } else {
        Ok(())
    }
}

/// The longest search text a grid accepts.
pub const MAX_SEARCH: usize = 100;
/// The longest sort value a cursor may carry back.
pub const MAX_CURSOR_KEY: usize = 300;

/// Checks the parts every keyset-paged list query shares.
pub fn check_page_request<Id>(
    search: &str,
    after: Option<&Cursor<Id>>,
    limit: u32,
    max_limit: u32,
) -> Result<(), QueryError> {
    check_length("search", search, MAX_SEARCH)?;
    check_limit(limit, max_limit)?;
    if let Some(after) = after {
        check_length("after.key", &after.key, MAX_CURSOR_KEY)?;
    }
    Ok(())
}

/// 10000 as "10,000": counts and limits as the admin reads them.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_requests_are_checked_field_by_field() {
        let long = "x".repeat(101);
        let key = |n: usize| Cursor {
            key: "k".repeat(n),
            id: 1,
        };
        let cases = [
            ("", None, 50, None, "an ordinary first page"),
            ("x", Some(key(300)), 200, None, "at every limit"),
            (
                long.as_str(),
                None,
                50,
                Some("'search' is too long: at most 100 characters."),
                "long search",
            ),
            (
                "",
                None,
                0,
                Some("'limit' must be between 1 and 200."),
                "no rows",
            ),
            (
                "",
                None,
                201,
                Some("'limit' must be between 1 and 200."),
                "too many rows",
            ),
            (
                "",
                Some(key(301)),
                50,
                Some("'after.key' is too long: at most 300 characters."),
                "long cursor",
            ),
        ];
        for (search, after, limit, error, why) in cases {
            let got = check_page_request(search, after.as_ref(), limit, 200).err();
            assert_eq!(got.map(|e| e.0), error.map(str::to_owned), "{why}");
        }
    }
}
