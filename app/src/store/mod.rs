//! Database access, server side only: one file per table or aggregate.
//! Functions take a connection so the caller owns the transaction.

pub mod accounts;
pub mod api_tokens;
pub mod assignments;
pub mod audit;
pub mod audit_archive;
mod batch;
pub mod change_sets;
mod commits;
pub mod deliveries;
mod dialect;
pub mod drift;
mod flag;
pub mod free_numbers;
pub mod holders;
pub mod idempotency;
mod keyset;
pub mod licences;
pub mod live;
pub mod locations;
mod number_filter;
pub mod number_grid;
mod number_text;
pub mod numbers;
pub mod provisioning;
mod rows;
pub mod search_index;
pub mod sessions;
pub mod sets;
pub mod settings;
mod sql;
pub mod throttle;
pub mod two_step;
mod user_filter;
pub mod user_grid;
pub mod users;
mod writer;

pub use batch::{Batch, Changed, Fetched, RowObserver, Step};
pub use commits::{Commits, Heard};
pub use writer::{WriteTx, Writer};

use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{Executor, Transaction};

pub use dialect::Dialect;
pub use flag::Flag;
pub use sql::{Separated, Sql};

/// The database behind the store: SQLite or PostgreSQL, through sqlx's
/// `Any` driver, so one function serves both; [`Dialect`] holds the few
/// spellings that differ.
pub type Db = sqlx::Any;
pub type Conn = sqlx::AnyConnection;
pub type Pool = sqlx::AnyPool;
pub type Row = sqlx::any::AnyRow;

/// Opens the database at `url`: an SQLite file (created if missing) in WAL
/// mode, so readers never wait for the writer, with foreign keys on and a
/// busy timeout so two writers queue instead of failing; or PostgreSQL.
pub async fn connect(url: &str) -> Result<Pool, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
    match Dialect::of_url(url) {
        Dialect::Sqlite => {
            let url = if url.contains('?') || url.contains(":memory:") {
                url.to_owned()
            } else {
                format!("{url}?mode=rwc")
            };
            options
                .max_connections(8)
                // A ping is a round trip to the connection's thread on every
                // acquire; an embedded file has no network link to go stale.
                .test_before_acquire(false)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000",
                        )
                        .await
                        .map(drop)
                    })
                })
                .connect(&url)
                .await
        }
        Dialect::Postgres => options.max_connections(16).connect(url).await,
    }
}

/// Starts a transaction that holds the write lock at once, so the rule
/// check and the write see the same data; a second writer waits for the
/// first (on any server of the database).
pub async fn begin_write(pool: &Pool) -> Result<Transaction<'static, Db>, sqlx::Error> {
    let dialect = Dialect::of_url(pool.connect_options().database_url.as_str());
    pool.begin_with(dialect.begin_write()).await
}

/// Escapes `%`, `_` and `\` so typed text matches literally in `LIKE ... ESCAPE '\'`.
fn escape_like(term: &str) -> String {
    let mut out = String::with_capacity(term.len() + 2);
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A `LIKE` pattern matching text that contains `term`.
pub fn like_pattern(term: &str) -> String {
    format!("%{}%", escape_like(term))
}

/// A `LIKE` pattern matching text that starts with `prefix`.
pub fn like_prefix(prefix: &str) -> String {
    format!("{}%", escape_like(prefix))
}

/// What a search box's text matches: the text anywhere, whatever its case,
/// and its digits anywhere in a phone number.
pub struct SearchTerm {
    text: String,
    digits: String,
}

impl SearchTerm {
    pub fn new(raw: &str) -> Self {
        let text = raw.trim().to_lowercase();
        let digits = text.chars().filter(char::is_ascii_digit).collect();
        Self { text, digits }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text, trimmed and in lower case.
    pub fn lowered(&self) -> &str {
        &self.text
    }

    /// The text's digits, in order.
    pub fn digits_only(&self) -> &str {
        &self.digits
    }

    /// The `LIKE` pattern for text columns, compared in lower case.
    pub fn text(&self) -> String {
        like_pattern(&self.text)
    }

    /// The `LIKE` pattern for E.164 numbers, when the text has digits.
    pub fn digits(&self) -> Option<String> {
        (!self.digits.is_empty()).then(|| like_pattern(&self.digits))
    }

    /// ` AND (...)`: rows where one of `text_columns` (SQL expressions in
    /// lower case) contains the text, or `number_column` its digits.
    /// Nothing when the text is empty: every row matches.
    pub fn push_condition(&self, qb: &mut Sql, text_columns: &[&str], number_column: &str) {
        if self.is_empty() {
            return;
        }
        let mut any = qb.separated(" OR ");
        any.push_unseparated(" AND (");
        for column in text_columns {
            any.push(format_args!("{column} LIKE "))
                .push_bind_unseparated(self.text())
                .push_unseparated(" ESCAPE '\\'");
        }
        if let Some(digits) = self.digits() {
            any.push(format_args!("{number_column} LIKE "))
                .push_bind_unseparated(digits)
                .push_unseparated(" ESCAPE '\\'");
        }
        any.push_unseparated(")");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(super::like_pattern("ab"), "%ab%");
        assert_eq!(super::like_pattern("5%_\\"), "%5\\%\\_\\\\%");
        assert_eq!(super::like_prefix("+1_4"), "+1\\_4%");
    }

    #[test]
    fn a_search_term_matches_its_text_and_its_digits() {
        let cases = [
            (
                "  Megan B ",
                "%megan b%",
                None,
                "text only, trimmed, lower case",
            ),
            (
                "425 555",
                "%425 555%",
                Some("%425555%"),
                "digits apart from their spaces",
            ),
            (
                "50%",
                "%50\\%%",
                Some("%50%"),
                "wildcards typed are literal",
            ),
        ];
        for (raw, text, digits, why) in cases {
            let term = super::SearchTerm::new(raw);
            assert_eq!(term.text(), text, "{why}");
            assert_eq!(term.digits().as_deref(), digits, "{why}");
        }
        assert!(super::SearchTerm::new("   ").is_empty());
    }

    #[test]
    fn a_search_condition_matches_any_column() {
        let sql = |text: &str| {
            let mut qb = super::Sql::new("WHERE 1 = 1");
            super::SearchTerm::new(text).push_condition(&mut qb, &["lower(a)", "lower(b)"], "n");
            qb.sql().to_owned()
        };
        let cases = [
            ("", "WHERE 1 = 1", "an empty search keeps every row"),
            (
                "meg",
                "WHERE 1 = 1 AND (lower(a) LIKE $1 ESCAPE '\\' OR lower(b) LIKE $2 ESCAPE '\\')",
                "text only",
            ),
            (
                "meg 5",
                "WHERE 1 = 1 AND (lower(a) LIKE $1 ESCAPE '\\' OR lower(b) LIKE $2 ESCAPE '\\' \
                 OR n LIKE $3 ESCAPE '\\')",
                "digits search the number too",
            ),
        ];
        for (text, expected, why) in cases {
            assert_eq!(sql(text), expected, "{why}");
        }
    }
}
