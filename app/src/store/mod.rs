//! Database access, server side only: one file per table or aggregate.
//! Functions take a connection so the caller owns the transaction.

pub mod accounts;
pub mod assignments;
pub mod audit;
mod batch;
mod keyset;
pub mod licences;
pub mod locations;
pub mod number_grid;
pub mod numbers;
mod rows;
pub mod sessions;
pub mod throttle;
pub mod user_grid;
pub mod users;

pub use batch::{Batch, Changed, Fetched, Step};

use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool, Transaction};

/// Opens (creating if needed) the database at `url`: WAL so readers never
/// wait for the writer, foreign keys on, and a busy timeout so two writers
/// queue instead of failing.
pub async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
}

/// Starts a transaction that takes the write lock at once, so the rule check
/// and the write see the same data; a second writer waits for the first.
pub async fn begin_write(pool: &SqlitePool) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// The server's way to the write lock. Its writers take turns in the order
/// they came before asking SQLite, so a waiting writer wakes the moment
/// the one before commits; SQLite's own busy handler would poll with
/// sleeps of up to 100 ms, which is what eight admins saving at once
/// would otherwise wait. Another process on the same file still waits
/// through the busy handler.
#[derive(Clone, Debug)]
pub struct Writer {
    pool: SqlitePool,
    turn: Arc<tokio::sync::Mutex<()>>,
    in_line: Arc<AtomicUsize>,
}

impl Writer {
    pub fn new(pool: SqlitePool) -> Self {
        Self {
            pool,
            turn: Arc::new(tokio::sync::Mutex::new(())),
            in_line: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// A write transaction, once this writer's turn has come.
    pub async fn begin(&self) -> Result<WriteTx, sqlx::Error> {
        let in_line = InLine::join(&self.in_line);
        let turn = Arc::clone(&self.turn).lock_owned().await;
        let tx = begin_write(&self.pool).await?;
        Ok(WriteTx {
            tx,
            _turn: turn,
            _in_line: in_line,
        })
    }

    /// How many writes have asked for their turn and not yet ended: waiting
    /// for it, for SQLite's lock, or writing. What a test of a race watches.
    pub fn in_line(&self) -> usize {
        self.in_line.load(Ordering::SeqCst)
    }
}

/// One write counted in [`Writer::in_line`] until dropped.
#[derive(Debug)]
struct InLine(Arc<AtomicUsize>);

impl InLine {
    fn join(count: &Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::SeqCst);
        Self(Arc::clone(count))
    }
}

impl Drop for InLine {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A write transaction holding the writers' turn until it ends.
pub struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
    _in_line: InLine,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.tx
    }
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
    pub fn push_condition(
        &self,
        qb: &mut QueryBuilder<Sqlite>,
        text_columns: &[&str],
        number_column: &str,
    ) {
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
    #[tokio::test]
    async fn a_writer_waits_for_the_one_before_to_finish() {
        let pool = super::connect("sqlite::memory:").await.unwrap();
        let writer = super::Writer::new(pool);
        let first = writer.begin().await.unwrap();
        let second = tokio::spawn({
            let writer = writer.clone();
            async move { writer.begin().await.map(drop) }
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(
            !second.is_finished(),
            "the second writer began during the first"
        );
        assert_eq!(writer.in_line(), 2, "one writing, one waiting");
        first.commit().await.unwrap();
        second.await.unwrap().unwrap();
        assert_eq!(writer.in_line(), 0);
        // A transaction dropped without commit (an error) also ends the turn.
        drop(writer.begin().await.unwrap());
        writer.begin().await.unwrap().commit().await.unwrap();
    }

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
            let mut qb = sqlx::QueryBuilder::<sqlx::Sqlite>::new("WHERE 1 = 1");
            super::SearchTerm::new(text).push_condition(&mut qb, &["lower(a)", "lower(b)"], "n");
            qb.sql().as_str().to_owned()
        };
        let cases = [
            ("", "WHERE 1 = 1", "an empty search keeps every row"),
            (
                "meg",
                "WHERE 1 = 1 AND (lower(a) LIKE ? ESCAPE '\\' OR lower(b) LIKE ? ESCAPE '\\')",
                "text only",
            ),
            (
                "meg 5",
                "WHERE 1 = 1 AND (lower(a) LIKE ? ESCAPE '\\' OR lower(b) LIKE ? ESCAPE '\\' \
                 OR n LIKE ? ESCAPE '\\')",
                "digits search the number too",
            ),
        ];
        for (text, expected, why) in cases {
            assert_eq!(sql(text), expected, "{why}");
        }
    }
}
