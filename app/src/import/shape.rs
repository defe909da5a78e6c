//! The file's shape: encoding, separator, quotes, line numbers and which
//! column is which.

use csv::StringRecord;

use super::{FileError, ACTION, COLUMNS, USERNAME};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text without its BOM.
pub(super) fn utf8(bytes: &[u8]) -> Result<&str, FileError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
        line: 1 + newlines(&bytes[..e.valid_up_to()]),
    })
}

/// The separator, and whether Excel's `sep=` line comes before the header.
pub(super) fn separator(text: &str) -> Result<(u8, bool), FileError> {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| {
            !l.chars()
                .all(|c| matches!(c, ',' | ';' | '"') || c.is_whitespace())
        })
        .ok_or(FileError::Empty)?;
    match first.to_ascii_lowercase().as_str() {
        "sep=," => return Ok((b',', true)),
        "sep=;" => return Ok((b';', true)),
        _ => {}
    }
    let (mut comma, mut semicolon, mut quoted) = (false, false, false);
    for b in first.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => comma = true,
            b';' if !quoted => semicolon = true,
            _ => {}
        }
    }
    match (comma, semicolon) {
        (true, true) => Err(FileError::MixedSeparators),
        (true, false) => Ok((b',', false)),
        (false, true) => Ok((b';', false)),
        // One known column alone: let the header check say what's missing.
        (false, false) if known(first.trim_matches('"')).is_some() => Ok((b',', false)),
        (false, false) => Err(FileError::NoSeparator),
    }
}

/// The line where a quoted cell opens and never closes. Follows csv's own
/// reading: a quote opens only at the start of a cell, `""` inside is one
/// quote, and a quote anywhere else is just a character.
pub(super) fn unclosed_quote(text: &str, separator: u8) -> Option<usize> {
    let (mut line, mut opened_on) = (1, 0);
    let (mut quoted, mut cell_start) = (false, true);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if quoted {
            if b == b'"' && bytes.next_if_eq(&b'"').is_none() {
                quoted = false;
            }
        } else if b == b'"' && cell_start {
            quoted = true;
            opened_on = line;
        }
        cell_start = !quoted && (matches!(b, b'\r' | b'\n') || b == separator);
        if b == b'\n' {
            line += 1;
        }
    }
    quoted.then_some(opened_on)
}

/// Turns csv's byte positions into physical line numbers. csv reports a
/// record at the end of the one before it, so the line breaks (and blank
/// lines) in between are skipped first. Positions must come in order.
pub(super) struct LineFinder<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineFinder<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    pub(super) fn line_of(&mut self, byte: usize) -> usize {
        let byte = byte.clamp(self.at, self.bytes.len());
        let breaks = self.bytes[byte..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let start = byte + breaks;
        self.line += newlines(&self.bytes[self.at..start]);
        self.at = start;
        self.line
    }
}

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// A line of empty cells, as spreadsheets write an empty row.
pub(super) fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// Where each column sits in a record.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Columns {
    pub username: usize,
    pub number: Option<usize>,
    pub location: Option<usize>,
    pub action: usize,
    /// Cells in the header, named or not.
    pub width: usize,
}

impl Columns {
    pub(super) fn find(header: &StringRecord) -> Result<Self, FileError> {
        let mut at: [Option<usize>; 4] = [None; 4];
        for (i, name) in header.iter().enumerate() {
            let Some(k) = known(name) else { continue };
            if let Some(first) = at[k] {
                return Err(FileError::DuplicateColumn {
                    column: COLUMNS[k],
                    first: letters(first),
                    second: letters(i),
                });
            }
            at[k] = Some(i);
        }
        let [username, number, location, action] = at;
        let required = |at: Option<usize>, column| at.ok_or(FileError::MissingColumn { column });
        Ok(Self {
            username: required(username, USERNAME)?,
            number,
            location,
            action: required(action, ACTION)?,
            width: header.len(),
        })
    }
}

/// Which of [`COLUMNS`] a header cell names: any case, spaces around ignored.
fn known(name: &str) -> Option<usize> {
    let name = name.trim();
    COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name))
}

/// A spreadsheet column's letters: 0 is A, 25 is Z, 26 is AA.
pub(super) fn letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}
