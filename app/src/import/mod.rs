//! Bulk import: the CSV file an admin uploads to assign, change or remove
//! numbers, read into typed lines. Pure: no database. Looking up users,
//! numbers and locations and running the assignment rules come after.
//!
//! The file is read the way spreadsheets save it: UTF-8 with or without a
//! BOM, commas or semicolons (whichever the header line uses, or Excel's
//! `sep=;` first line), quoted cells, CRLF or LF. Line numbers are the
//! file's physical lines, as a text editor numbers them; a record whose
//! quoted cell spans lines carries the line it starts on.
//!
//! A line with an empty Action is left unchanged rather than guessed: an
//! export re-imported as it is, or with Action filled in on a few lines,
//! changes exactly those lines, and a forgotten action never removes or
//! reassigns a number. Such lines are listed in [`ImportFile::unchanged`].

mod error;
mod export;
mod line;
mod shape;

use std::fmt;

pub use error::{FileError, LineError, LineProblem};
pub use export::{write_header, write_row, writer};

pub const USERNAME: &str = "Username";
pub const PHONE_NUMBER: &str = "Phone number";
pub const EMERGENCY_LOCATION: &str = "Emergency location";
pub const ACTION: &str = "Action";

/// The columns import reads, in the order the template and exports write
/// them. Username and Action are required; a file without Phone number or
/// Emergency location (e.g. one that only removes) reads them as empty.
pub const COLUMNS: [&str; 4] = [USERNAME, PHONE_NUMBER, EMERGENCY_LOCATION, ACTION];

/// The most data lines one file may hold (blank lines don't count).
pub const MAX_LINES: usize = 10_000;

/// The downloadable template; it lives in the domain because the Import
/// page offers it from the browser.
pub use crate::domain::IMPORT_TEMPLATE as TEMPLATE;

/// What a line asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Give the user a number and an emergency location.
    Assign,
    /// Replace the user's number, emergency location or both.
    Change,
    /// Take the user's number away.
    Remove,
}

impl Action {
    /// The word as it is written in the file, any case.
    pub fn parse(cell: &str) -> Option<Self> {
        match cell.to_ascii_lowercase().as_str() {
            "assign" => Some(Self::Assign),
            "change" => Some(Self::Change),
            "remove" => Some(Self::Remove),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assign => "assign",
            Self::Change => "change",
            Self::Remove => "remove",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line that reads cleanly. Cells are trimmed; empty ones are `None`.
/// Assign always has a number and a location; change has at least one of
/// them (the other stays as it is); remove has no location, and a number
/// only if the file gave one, for the rules to check it is the user's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportLine {
    /// The file's physical line number.
    pub line: usize,
    pub username: String,
    /// As typed ("+1 (425) 555-0100"); parsing it is the caller's job.
    pub number: Option<String>,
    /// The emergency location's description.
    pub location: Option<String>,
    pub action: Action,
}

/// A file that could be read. Lines and errors are in file order; one line
/// may have several errors, one per column, so the admin fixes it in one go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportFile {
    pub lines: Vec<ImportLine>,
    pub errors: Vec<LineError>,
    /// Lines whose Action is empty: nothing happens to them.
    pub unchanged: Vec<usize>,
}

/// Reads an uploaded file. A file-level error means nothing in it can be
/// trusted (wrong encoding, no usable header, too many lines); problems
/// with single lines are collected in [`ImportFile::errors`] instead.
pub fn read(bytes: &[u8]) -> Result<ImportFile, FileError> {
    let text = shape::utf8(bytes)?;
    let (separator, sep_line) = shape::separator(text)?;
    if let Some(line) = shape::unclosed_quote(text, separator) {
        return Err(FileError::UnclosedQuote { line });
    }
    let mut lines = shape::LineFinder::new(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let records = reader
        .records()
        .filter(|r| r.as_ref().map_or(true, |r| !shape::is_blank(r)))
        .skip(usize::from(sep_line));
    let mut columns = None;
    let mut file = ImportFile::default();
    let mut count = 0;
    for record in records {
        // From text in memory already checked as UTF-8, csv can only fail
        // on UTF-8; say so rather than panic.
        let record = record.map_err(|e| FileError::NotUtf8 {
            line: lines.line_of(e.position().map_or(0, |p| p.byte() as usize)),
        })?;
        let Some(columns) = &columns else {
            columns = Some(shape::Columns::find(&record)?);
            continue;
        };
        count += 1;
        if count > MAX_LINES {
            return Err(FileError::TooManyLines { limit: MAX_LINES });
        }
        let line = lines.line_of(record.position().map_or(0, |p| p.byte() as usize));
        match line::read(columns, &record, line, separator) {
            Ok(Some(read)) => file.lines.push(read),
            Ok(None) => file.unchanged.push(line),
            Err(errors) => file.errors.extend(errors),
        }
    }
    if columns.is_none() {
        return Err(FileError::Empty);
    }
    if count == 0 {
        return Err(FileError::NoLines);
    }
    Ok(file)
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod read_tests;

#[cfg(test)]
#[path = "line_tests.rs"]
mod line_tests;
