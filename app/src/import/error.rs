//! What can be wrong with an import file, in words an admin can act on.

use super::COLUMNS;

/// The file as a whole can't be read: nothing in it is imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Saved in another encoding, e.g. Excel's plain "CSV (Comma delimited)"
    /// writes Windows-1252.
    #[error("Line {line} is not UTF-8 text. In Excel, save the file as \"CSV UTF-8 (Comma delimited)\" and upload it again.")]
    NotUtf8 { line: usize },
    #[error("The file is empty. Start from the template: its first line names the columns {}.", COLUMNS.join(", "))]
    Empty,
    #[error("The file has a header line but no lines to import below it.")]
    NoLines,
    #[error("The header line has both commas and semicolons between the column names. Separate the columns with one or the other.")]
    MixedSeparators,
    #[error("The header line has no commas or semicolons between the column names. Save the file as \"CSV UTF-8 (Comma delimited)\", or start from the template.")]
    NoSeparator,
    #[error("The header line has no {column} column. It names the columns {}; their order doesn't matter.", COLUMNS.join(", "))]
    MissingColumn { column: &'static str },
    /// `first` and `second` are spreadsheet column letters.
    #[error("The header line names the {column} column twice, in columns {first} and {second}. Keep one of them.")]
    DuplicateColumn {
        column: &'static str,
        first: String,
        second: String,
    },
    /// csv would read the rest of the file into that one cell.
    #[error("Line {line}: a cell starts with a quote (\") that is never closed, so the lines after it can't be told apart. Close the quote or remove it.")]
    UnclosedQuote { line: usize },
    /// The server answers 413.
    #[error("The file has more than {} lines. Import at most {} lines at a time: split the file and upload each part.", grouped(*.limit), grouped(*.limit))]
    TooManyLines { limit: usize },
}

/// One line can't be imported. `column` names the column it is about, when
/// it is about one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Line {line}{}: {problem}", in_column(*.column))]
pub struct LineError {
    pub line: usize,
    pub column: Option<&'static str>,
    pub problem: LineProblem,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    #[error("'{0}' is not assign, change or remove.")]
    UnknownAction(String),
    #[error("the cell is empty; every line needs the user's username, e.g. adelev@contoso.com.")]
    MissingUsername,
    #[error("the cell is empty; assign needs the phone number to give the user.")]
    NumberRequired,
    #[error(
        "the cell is empty; assign needs the emergency location's description, e.g. Redmond HQ."
    )]
    LocationRequired,
    #[error("change needs a new Phone number, a new Emergency location or both, and both cells are empty.")]
    NothingToChange,
    /// Usually a cell holding the separator without quotes around it.
    #[error("the line has {cells} cells but the header names {columns} columns. Put any cell that contains '{separator}' in double quotes.")]
    TooManyCells {
        cells: usize,
        columns: usize,
        separator: char,
    },
}

fn in_column(column: Option<&str>) -> String {
    column.map(|c| format!(", column {c}")).unwrap_or_default()
}

pub(super) fn grouped(n: usize) -> String {
    crate::domain::grouped(n as u64)
}
