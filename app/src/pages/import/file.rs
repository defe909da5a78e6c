//! The chosen file, read in the browser before anything is sent: a file
//! the server would refuse for its size or encoding gets its message at
//! once, without an upload.
// Only the browser reads files; the server build keeps the rest for its tests.
#![cfg_attr(not(feature = "hydrate"), allow(dead_code))]

use crate::domain::grouped;

/// The most an import request may carry (the server's 4 MiB body limit for
/// imports, `server/src/body_limits.rs`), the file's text JSON-encoded in it.
pub const MAX_REQUEST_BYTES: usize = 4 * 1024 * 1024;

/// What the request adds around the file: `{"request":{"file":"…","progress":"…"}}`
/// with the longest progress key.
const ENVELOPE: usize = r#"{"request":{"file":"","progress":""}}"#.len() + 64;

pub const TOO_LARGE: &str = "The file is larger than 4 MB. Import at most 10,000 lines at a \
                             time: split the file and choose each part.";

/// The file as text, or why it can't be imported. Decoding is fatal: a
/// byte that isn't UTF-8 (Excel's plain "CSV" writes Windows-1252) stops
/// it, where the browser's own `text()` would put in replacement marks.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        format!(
            "Line {line} is not UTF-8 text. Save the file as CSV UTF-8 and choose it again \
             (in Excel: \"CSV UTF-8 (Comma delimited)\")."
        )
    })
}

/// Whether `text` fits in one request: JSON escapes quotes, backslashes and
/// line breaks, so a file of nearly 4 MB may not.
pub fn fits(text: &str) -> bool {
    let escaped: usize = text
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
            0..0x20 => 6,
            _ => 1,
        })
        .sum();
    escaped + ENVELOPE <= MAX_REQUEST_BYTES
}

/// How many lines below the header hold something: what the busy message
/// counts ("Checking 10,000 lines…").
pub fn data_lines(text: &str) -> usize {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .count()
        .saturating_sub(1)
}

/// "Checking 1 line…", "Importing 10,000 lines…".
pub fn busy_text(doing: &str, lines: usize) -> String {
    let noun = if lines == 1 { "line" } else { "lines" };
    format!("{doing} {} {noun}…", grouped(lines as u64))
}

/// Reads the whole file, refusing one too large before reading it.
#[cfg(feature = "hydrate")]
pub async fn read(file: web_sys::File) -> Result<String, String> {
    use wasm_bindgen_futures::{js_sys::Uint8Array, JsFuture};

    if file.size() > MAX_REQUEST_BYTES as f64 {
        return Err(TOO_LARGE.to_owned());
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read. Choose it again.".to_owned())?;
    let text = decode(Uint8Array::new(&buffer).to_vec())?;
    if fits(&text) {
        Ok(text)
    } else {
        Err(TOO_LARGE.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_is_fatal_and_names_the_first_line_that_is_not_utf8() {
        let cases: [(&[u8], Result<&str, &str>, &str); 3] = [
            (
                b"Username\r\nadelev\r\n",
                Ok("Username\r\nadelev\r\n"),
                "plain ASCII",
            ),
            ("Zoë\n".as_bytes(), Ok("Zoë\n"), "UTF-8 letters"),
            (
                b"Username\nZo\xeb\n",
                Err("Line 2 is not UTF-8"),
                "Windows-1252 ë",
            ),
        ];
        for (bytes, want, message) in cases {
            match (decode(bytes.to_vec()), want) {
                (Ok(text), Ok(want)) => assert_eq!(text, want, "{message}"),
                (Err(e), Err(want)) => {
                    assert!(e.starts_with(want), "{message}: {e}");
                    assert!(e.contains("Save the file as CSV UTF-8"), "{message}: {e}");
                }
                (got, _) => panic!("{message}: {got:?}"),
            }
        }
    }

    #[test]
    fn a_file_fits_while_its_escaped_text_and_the_envelope_stay_within_the_limit() {
        let room = MAX_REQUEST_BYTES - ENVELOPE;
        assert!(fits(&"a".repeat(room)), "exactly the limit");
        assert!(!fits(&"a".repeat(room + 1)), "one byte over");
        assert!(!fits(&"\"".repeat(room / 2 + 1)), "quotes count twice");
    }

    #[test]
    fn busy_messages_count_the_lines_below_the_header() {
        let text = "Username,Action\r\na,assign\r\n\r\nb,remove\r\n";
        assert_eq!(data_lines(text), 2, "a blank line doesn't count");
        assert_eq!(busy_text("Checking", 10_000), "Checking 10,000 lines…");
        assert_eq!(busy_text("Checking", 1), "Checking 1 line…");
    }
}
