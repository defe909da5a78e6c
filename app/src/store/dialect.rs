//! The SQL that differs between the two stores, all of it: the rest of the
//! store's statements are the same text on SQLite and PostgreSQL (`$1`
//! placeholders, `ON CONFLICT`, `RETURNING`, `lower`, `LIKE … ESCAPE`).

use super::Conn;

/// Which database a connection or URL is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }

    pub fn of(conn: &Conn) -> Self {
        if conn.backend_name() == "PostgreSQL" {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }

    /// One simple query that begins a write transaction holding the write
    /// lock: SQLite's `BEGIN IMMEDIATE` takes it at once.
    pub fn begin_write(self) -> &'static str {
        match self {
            Self::Sqlite => "BEGIN IMMEDIATE",
            Self::Postgres => BEGIN_AND_LOCK,
        }
    }

    /// What keeps SQLite's planner walking the sort's index while a
    /// condition is checked on each row it reaches: a `+` before the
    /// column. PostgreSQL plans by its statistics instead.
    pub fn walk_hint(self, walking: bool) -> &'static str {
        match (self, walking) {
            (Self::Sqlite, true) => "+",
            _ => "",
        }
    }

    /// An inner join that reads its tables in the order written (along the
    /// sort's index): SQLite's `CROSS JOIN … ON`. PostgreSQL's planner
    /// chooses the order itself.
    pub fn ordered_join(self) -> &'static str {
        match self {
            Self::Sqlite => "CROSS JOIN",
            Self::Postgres => "JOIN",
        }
    }

    /// The condition that number `n` (joined to its assignment `a`) is
    /// no one's. PostgreSQL estimates `a.user_id IS NULL` after the outer
    /// join at one row and sorts every number; `NOT EXISTS` it plans as an
    /// anti-join along the sort's index (150 ms to 0.5 ms at 100,000 users).
    pub fn unassigned(self) -> &'static str {
        match self {
            Self::Sqlite => "a.user_id IS NULL",
            Self::Postgres => {
                "NOT EXISTS (SELECT 1 FROM number_assignments x WHERE x.number_id = n.id)"
            }
        }
    }

    /// The function `f(haystack, needle)` that says where `needle` first
    /// is in `haystack`, from 1; 0 when it isn't.
    pub fn position(self) -> &'static str {
        match self {
            Self::Sqlite => "instr",
            Self::Postgres => "strpos",
        }
    }
}

/// A PostgreSQL write transaction takes one advisory lock first, its key
/// "Switch" in ASCII: writers take turns across all servers, as SQLite's
/// one write lock makes them, so a rule check and its write see the same
/// data and audit ids commit in order (the live stream reads them by id).
const BEGIN_AND_LOCK: &str = "BEGIN; SELECT pg_advisory_xact_lock(91772335448936)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_statement_names_the_key() {
        let lock = format!("SELECT pg_advisory_xact_lock({})", 0x5377_6974_6368_i64);
        assert!(BEGIN_AND_LOCK.ends_with(&lock));
    }

    #[test]
    fn a_url_says_which_database() {
        let cases = [
            ("sqlite://data/switchboard.db", Dialect::Sqlite),
            ("sqlite::memory:", Dialect::Sqlite),
            (
                "postgres://switchboard@127.0.0.1:5432/sb",
                Dialect::Postgres,
            ),
            ("postgresql://localhost/sb", Dialect::Postgres),
        ];
        for (url, dialect) in cases {
            assert_eq!(Dialect::of_url(url), dialect, "{url}");
        }
    }
}
