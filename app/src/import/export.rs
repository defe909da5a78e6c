//! The import columns as an export writes them, so a file exported, edited
//! in a spreadsheet and uploaded again reads back as it was written.

use std::borrow::Cow;
use std::io;

use super::COLUMNS;

/// A CSV writer in the console's export dialect: every cell quoted, CRLF.
pub fn writer<W: io::Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// The header: [`COLUMNS`] first, in import order, then the export's own
/// informational columns ("Display name", "Licenses", ...), which import
/// ignores.
pub fn write_header<W: io::Write>(
    csv: &mut csv::Writer<W>,
    informational: &[&str],
) -> csv::Result<()> {
    csv.write_record(COLUMNS.iter().chain(informational))
}

/// One user, with Action left empty: uploading the export unchanged
/// changes nothing, and the admin types an action on the lines to change.
pub fn write_row<W: io::Write>(
    csv: &mut csv::Writer<W>,
    username: &str,
    number: Option<&str>,
    location: Option<&str>,
    informational: &[&str],
) -> csv::Result<()> {
    let cells = [username, number.unwrap_or(""), location.unwrap_or(""), ""];
    let cells = cells.into_iter().chain(informational.iter().copied());
    csv.write_record(cells.map(|c| neutralised(c).into_owned()))
}

/// A cell a spreadsheet would run as a formula (`+14255550100` included)
/// gets a leading apostrophe, which import takes off again.
fn neutralised(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}
