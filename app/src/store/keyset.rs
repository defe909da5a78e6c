//! Keyset paging, written once for every grid: rows in the order of a sort
//! expression with the id as tie-break, continued after the last row shown
//! (never by offset, so page 400 costs what page 1 does), fetched one row
//! past the page to learn whether more follow.

use super::Sql;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::domain::{AccountId, Cursor, LocationId, NumberId, Page, UserId};

/// An id a cursor can carry: the row's integer primary key.
pub trait RowId: Copy {
    fn raw(self) -> i64;
    fn from_raw(raw: i64) -> Self;
}

macro_rules! row_id {
    ($($id:ident),+) => {$(
        impl RowId for $id {
            fn raw(self) -> i64 { self.0 }
            fn from_raw(raw: i64) -> Self { $id(raw) }
        }
    )+};
}
row_id!(UserId, NumberId, LocationId, AccountId);

impl RowId for i64 {
    fn raw(self) -> i64 {
        self
    }
    fn from_raw(raw: i64) -> Self {
        raw
    }
}

/// How one grid request pages: what it sorts by, which way, after which row,
/// and how many rows it wants.
pub struct Keyset<'a, Id> {
    /// The SQL expression rows are sorted by, selected as `sort_key`; `None`
    /// sorts by the id alone.
    key: Option<&'static str>,
    /// The id column, e.g. `u.id`, selected as `id`.
    id: &'static str,
    descending: bool,
    after: Option<&'a Cursor<Id>>,
    limit: u32,
}

impl<'a, Id: RowId> Keyset<'a, Id> {
    pub fn sorted(
        key: &'static str,
        id: &'static str,
        descending: bool,
        after: Option<&'a Cursor<Id>>,
        limit: u32,
    ) -> Self {
        Self {
            key: Some(key),
            id,
            descending,
            after,
            limit,
        }
    }

    /// Sorted by the id alone; a cursor's `key` is then ignored.
    pub fn by_id(
        id: &'static str,
        descending: bool,
        after: Option<&'a Cursor<Id>>,
        limit: u32,
    ) -> Self {
        Self {
            key: None,
            id,
            descending,
            after,
            limit,
        }
    }

    /// `, <key> AS sort_key` for the end of the SELECT list.
    pub fn push_sort_column(&self, qb: &mut Sql) {
        if let Some(key) = self.key {
            qb.push(format_args!(", {key} AS sort_key"));
        }
    }

    /// ` AND (...)`: only the rows after the cursor, to follow a WHERE clause.
    /// The first term (the key from the cursor's on) is what SQLite seeks
    /// the sort's index with: given only the OR, with bound values, it
    /// scans the index from its start, so page 100 would read 100 pages.
    pub fn push_after(&self, qb: &mut Sql) {
        let Some(after) = self.after else { return };
        let (id, cmp) = (self.id, self.comparison());
        match self.key {
            Some(key) => {
                qb.push(format_args!(" AND {key} {cmp}= "))
                    .push_bind(after.key.clone())
                    .push(format_args!(" AND ({key} {cmp} "))
                    .push_bind(after.key.clone())
                    .push(format_args!(" OR ({key} = "))
                    .push_bind(after.key.clone())
                    .push(format_args!(" AND {id} {cmp} "))
                    .push_bind(after.id.raw())
                    .push("))");
            }
            None => {
                qb.push(format_args!(" AND {id} {cmp} "))
                    .push_bind(after.id.raw());
            }
        }
    }

    /// ` ORDER BY ... LIMIT n`, asking for one row more than the page holds.
    pub fn push_order(&self, qb: &mut Sql) {
        let (id, direction) = (self.id, if self.descending { "DESC" } else { "ASC" });
        match self.key {
            Some(_) => qb.push(format_args!(
                " ORDER BY sort_key {direction}, {id} {direction}"
            )),
            None => qb.push(format_args!(" ORDER BY {id} {direction}")),
        };
        qb.push(" LIMIT ").push_bind(i64::from(self.limit) + 1);
    }

    /// The page among `rows` (fetched with [`Self::push_order`]) and the
    /// cursor after its last row when more follow. Each row is read by `read`.
    pub fn page<T>(
        &self,
        mut rows: Vec<AnyRow>,
        read: impl FnMut(&AnyRow) -> Result<T, sqlx::Error>,
    ) -> Result<Page<T, Cursor<Id>>, sqlx::Error> {
        let more = rows.len() > self.limit as usize;
        rows.truncate(self.limit as usize);
        let next = match (more, rows.last()) {
            (true, Some(last)) => Some(Cursor {
                key: match self.key {
                    Some(_) => last.try_get("sort_key")?,
                    None => String::new(),
                },
                id: Id::from_raw(last.try_get("id")?),
            }),
            _ => None,
        };
        let rows = rows.iter().map(read).collect::<Result<_, _>>()?;
        Ok(Page { rows, next })
    }

    fn comparison(&self) -> &'static str {
        if self.descending {
            "<"
        } else {
            ">"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(keyset: &Keyset<'_, i64>) -> String {
        let mut qb = Sql::new("SELECT t.id AS id");
        keyset.push_sort_column(&mut qb);
        qb.push(" FROM t WHERE t.x = 1");
        keyset.push_after(&mut qb);
        keyset.push_order(&mut qb);
        qb.sql().to_owned()
    }

    #[test]
    fn the_statement_continues_after_the_cursor_in_the_chosen_direction() {
        let after = Cursor {
            key: "m".to_owned(),
            id: 7,
        };
        let cases = [
            (
                Keyset::sorted("lower(t.name)", "t.id", false, None, 50),
                "SELECT t.id AS id, lower(t.name) AS sort_key FROM t WHERE t.x = 1 \
                 ORDER BY sort_key ASC, t.id ASC LIMIT $1",
                "first page, ascending",
            ),
            (
                Keyset::sorted("lower(t.name)", "t.id", true, Some(&after), 50),
                "SELECT t.id AS id, lower(t.name) AS sort_key FROM t WHERE t.x = 1 \
                 AND lower(t.name) <= $1 AND (lower(t.name) < $2 OR (lower(t.name) = $3 AND t.id < $4)) \
                 ORDER BY sort_key DESC, t.id DESC LIMIT $5",
                "a later page, descending",
            ),
            (
                Keyset::by_id("t.id", true, Some(&after), 50),
                "SELECT t.id AS id FROM t WHERE t.x = 1 AND t.id < $1 ORDER BY t.id DESC LIMIT $2",
                "by id alone: the cursor's key plays no part",
            ),
        ];
        for (keyset, expected, why) in cases {
            assert_eq!(sql(&keyset), expected, "{why}");
        }
    }

    #[tokio::test]
    async fn pages_follow_each_other_without_gaps_or_repeats() {
        sqlx::any::install_default_drivers();
        let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect("sqlite::memory:")
            .await
            .unwrap();
        sqlx::raw_sql(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, x INTEGER NOT NULL);
             INSERT INTO t (id, name, x) VALUES
               (1, 'b', 1), (2, 'a', 1), (3, 'b', 1), (4, 'c', 1), (5, 'a', 1), (6, 'z', 0);",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        for descending in [false, true] {
            let mut seen = Vec::new();
            let mut after: Option<Cursor<i64>> = None;
            loop {
                let keyset: Keyset<i64> =
                    Keyset::sorted("t.name", "t.id", descending, after.as_ref(), 2);
                let mut qb = Sql::new("SELECT t.id AS id");
                keyset.push_sort_column(&mut qb);
                qb.push(" FROM t WHERE t.x = 1");
                keyset.push_after(&mut qb);
                keyset.push_order(&mut qb);
                let rows = qb.build().fetch_all(&mut conn).await.unwrap();
                let page = keyset.page(rows, |r| r.try_get::<i64, _>("id")).unwrap();
                assert!(page.rows.len() <= 2);
                seen.extend(page.rows);
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
            let mut expected = vec![2, 5, 1, 3, 4];
            if descending {
                expected.reverse();
            }
            assert_eq!(seen, expected, "descending: {descending}");
        }
    }
}
