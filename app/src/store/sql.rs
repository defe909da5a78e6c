//! A statement built at run time, with its values bound, for either store.
//! sqlx's own `QueryBuilder<Any>` writes `?` placeholders, which PostgreSQL
//! doesn't read; this one writes `$1`, `$2`, … which both do, and remembers
//! where each one is, so a batch of statements numbered as one (SQLite
//! takes them in one call) can be cut into statements numbered each from
//! `$1` (PostgreSQL prepares one statement at a time).

use std::fmt::{Display, Write};

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::{Any, Arguments, AssertSqlSafe, Encode, FromRow, Type};

#[derive(Default)]
pub struct Sql {
    text: String,
    args: AnyArguments,
    /// Where each placeholder's `$` is in `text`, in order: the k-th is `$k+1`.
    marks: Vec<usize>,
}

impl Sql {
    pub fn new(init: impl Into<String>) -> Self {
        Self {
            text: init.into(),
            ..Self::default()
        }
    }

    pub fn push(&mut self, sql: impl Display) -> &mut Self {
        write!(self.text, "{sql}").expect("writing to a String");
        self
    }

    /// A placeholder for `value`, bound.
    pub fn push_bind<'t, T: Encode<'t, Any> + Type<Any>>(&mut self, value: T) -> &mut Self {
        self.args.add(value).expect("binding a value");
        self.marks.push(self.text.len());
        let n = self.marks.len();
        write!(self.text, "${n}").expect("writing to a String");
        self
    }

    /// ` IN (statement)`, `statement` binding `$1` to `value`: a subquery
    /// also run alone (a probe counting its rows), pushed into this one.
    pub fn push_in<'t, T: Encode<'t, Any> + Type<Any>>(
        &mut self,
        statement: &str,
        value: T,
    ) -> &mut Self {
        let (before, after) = statement.split_once("$1").expect("the statement binds $1");
        self.push(" IN (")
            .push(before)
            .push_bind(value)
            .push(after)
            .push(")")
    }

    /// A list whose items `push` and `push_bind` put `separator` between.
    pub fn separated<'a>(&'a mut self, separator: &'a str) -> Separated<'a> {
        Separated {
            sql: self,
            separator,
            first: true,
        }
    }

    /// `VALUES (…), (…)`: one tuple per item, its values pushed by `push_tuple`.
    pub fn push_values<I: IntoIterator>(
        &mut self,
        tuples: I,
        mut push_tuple: impl FnMut(Separated<'_>, I::Item),
    ) -> &mut Self {
        self.push("VALUES ");
        for (i, tuple) in tuples.into_iter().enumerate() {
            self.push(if i == 0 { "(" } else { ", (" });
            push_tuple(self.separated(", "), tuple);
            self.push(")");
        }
        self
    }

    pub fn sql(&self) -> &str {
        &self.text
    }

    /// How many values are bound.
    pub fn binds(&self) -> usize {
        self.marks.len()
    }

    pub fn build(&mut self) -> Query<'static, Any, AnyArguments> {
        let (text, args) = self.take();
        sqlx::query_with(AssertSqlSafe(text), args)
    }

    pub fn build_query_as<T: for<'r> FromRow<'r, AnyRow>>(
        &mut self,
    ) -> QueryAs<'static, Any, T, AnyArguments> {
        let (text, args) = self.take();
        sqlx::query_as_with(AssertSqlSafe(text), args)
    }

    pub fn build_query_scalar<T>(&mut self) -> QueryScalar<'static, Any, T, AnyArguments>
    where
        (T,): for<'r> FromRow<'r, AnyRow>,
    {
        let (text, args) = self.take();
        sqlx::query_scalar_with(AssertSqlSafe(text), args)
    }

    /// The text and the values, leaving this builder empty.
    pub fn take(&mut self) -> (String, AnyArguments) {
        self.marks.clear();
        (
            std::mem::take(&mut self.text),
            std::mem::take(&mut self.args),
        )
    }

    /// The statements from byte `start` to `end` of each of `parts`, with the
    /// values bound in them, each numbered from `$1`: a batch's statements
    /// one by one. The parts must not cut a placeholder; the builder is
    /// left empty.
    pub(super) fn split(&mut self, parts: &[(usize, usize)]) -> Vec<(String, AnyArguments)> {
        let (all, args) = self.take_with_marks();
        let mut values: Vec<Option<_>> = args.values.0.into_iter().map(Some).collect();
        parts
            .iter()
            .map(|&(start, end)| {
                let mut text = String::with_capacity(end - start);
                let mut own = AnyArguments::default();
                let mut from = start;
                for (k, at) in all.1.iter().enumerate() {
                    if !(start..end).contains(at) {
                        continue;
                    }
                    text.push_str(&all.0[from..*at]);
                    own.values
                        .0
                        .push(values[k].take().expect("each value once"));
                    write!(text, "${}", own.values.0.len()).expect("writing to a String");
                    from = at + 1 + digits(k + 1);
                }
                text.push_str(&all.0[from..end]);
                (text, own)
            })
            .collect()
    }

    fn take_with_marks(&mut self) -> ((String, Vec<usize>), AnyArguments) {
        let marks = std::mem::take(&mut self.marks);
        let (text, args) = self.take();
        ((text, marks), args)
    }

    /// Where the text ends now: a statement's boundary, for [`Sql::cut`].
    pub(super) fn len(&self) -> usize {
        self.text.len()
    }
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

/// A list inside a [`Sql`]: its items separated.
pub struct Separated<'a> {
    sql: &'a mut Sql,
    separator: &'a str,
    first: bool,
}

impl Separated<'_> {
    fn before_item(&mut self) {
        if !self.first {
            self.sql.push(self.separator);
        }
        self.first = false;
    }

    pub fn push(&mut self, sql: impl Display) -> &mut Self {
        self.before_item();
        self.sql.push(sql);
        self
    }

    pub fn push_bind<'t, T: Encode<'t, Any> + Type<Any>>(&mut self, value: T) -> &mut Self {
        self.before_item();
        self.sql.push_bind(value);
        self
    }

    pub fn push_unseparated(&mut self, sql: impl Display) -> &mut Self {
        self.sql.push(sql);
        self
    }

    pub fn push_bind_unseparated<'t, T: Encode<'t, Any> + Type<Any>>(
        &mut self,
        value: T,
    ) -> &mut Self {
        self.sql.push_bind(value);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_and_a_split_renumbers_each_part() {
        let mut sql = Sql::new("UPDATE t SET a = ");
        sql.push_bind(1_i64).push(" WHERE b = ").push_bind("x");
        let first_end = sql.len();
        sql.push("; DELETE FROM t WHERE ");
        let second_start = sql.len();
        let mut ids = sql.separated(" OR ");
        for id in 1..=10_i64 {
            ids.push("id = ").push_bind_unseparated(id);
        }
        let end = sql.len();
        assert_eq!(&sql.sql()[..first_end], "UPDATE t SET a = $1 WHERE b = $2");
        assert!(sql.sql().ends_with("id = $11 OR id = $12"), "{}", sql.sql());
        assert_eq!(sql.binds(), 12);

        let cut = sql.split(&[(0, first_end), (second_start, end)]);
        assert_eq!(cut[0].0, "UPDATE t SET a = $1 WHERE b = $2");
        assert_eq!(cut[0].1.len(), 2);
        assert!(
            cut[1].0.starts_with("id = $1 OR id = $2 OR"),
            "{}",
            cut[1].0
        );
        assert!(cut[1].0.ends_with("id = $10"), "{}", cut[1].0);
        assert_eq!(cut[1].1.len(), 10);
    }

    #[test]
    fn values_are_tuples_of_separated_binds() {
        let mut sql = Sql::new("INSERT INTO t (a, b) ");
        sql.push_values([(1_i64, "x"), (2, "y")], |mut row, (a, b)| {
            row.push_bind(a).push_bind(b);
        });
        assert_eq!(sql.sql(), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
    }
}
