//! How answers are printed: an aligned table for people, JSON (as the API
//! answers) or CSV for scripts.

use serde_json::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// Rows to print, and the API's own JSON for `--json`.
pub struct Listing {
    pub headers: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
    pub json: Value,
}

impl Listing {
    pub fn print(&self, format: Format) {
        match format {
            Format::Json => println!("{}", pretty(&self.json)),
            Format::Csv => {
                println!("{}", csv_line(self.headers.iter().map(|h| h.to_string())));
                for row in &self.rows {
                    println!("{}", csv_line(row.iter().cloned()));
                }
            }
            Format::Table => print!("{}", table(self.headers, &self.rows)),
        }
    }
}

/// A message for people, or the JSON for scripts.
pub fn done(format: Format, message: &str, json: &Value) {
    match format {
        Format::Json => println!("{}", pretty(json)),
        Format::Table | Format::Csv => println!("{message}"),
    }
}

/// " (change set 12; undo with: switchboard-cli undo 12)", after a change.
pub fn undo_hint(change_set: Option<app::domain::ChangeSetId>) -> String {
    change_set.map_or_else(String::new, |id| {
        format!(" (change set {id}; undo with: switchboard-cli undo {id})")
    })
}

fn pretty(json: &Value) -> String {
    serde_json::to_string_pretty(json).unwrap_or_else(|_| json.to_string())
}

/// Columns padded to their widest cell, by characters.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(headers.iter().map(|h| h.to_string()).collect());
    for row in rows {
        out.push_str(&line(row.clone()));
    }
    out
}

/// One CSV line: fields with a comma, quote or line break are quoted; one
/// starting like a formula gets a leading apostrophe, as the console's
/// exports do.
pub fn csv_line(fields: impl Iterator<Item = String>) -> String {
    fields
        .map(|f| {
            let f = if f.starts_with(['=', '+', '-', '@']) && !looks_like_number(&f) {
                format!("'{f}")
            } else {
                f
            };
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// "+44 20 7946 0042" is a phone number, not a formula.
fn looks_like_number(f: &str) -> bool {
    f.starts_with('+')
        && f[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_lines_its_columns_up_by_characters() {
        let rows = vec![
            vec!["Björn Weiß".to_owned(), "+49 89 55500040".to_owned()],
            vec!["Al".to_owned(), String::new()],
        ];
        assert_eq!(
            table(&["Name", "Number"], &rows),
            "Name        Number\nBjörn Weiß  +49 89 55500040\nAl\n"
        );
    }

    #[test]
    fn csv_quotes_what_it_must_and_defuses_formulas() {
        let cases = [
            (vec!["a", "b"], "a,b"),
            (
                vec!["Redmond HQ, 1 Microsoft Way", "x"],
                "\"Redmond HQ, 1 Microsoft Way\",x",
            ),
            (vec!["say \"hi\""], "\"say \"\"hi\"\"\""),
            (vec!["=SUM(A1)"], "'=SUM(A1)"),
            (vec!["+44 20 7946 0042"], "+44 20 7946 0042"),
            (vec!["+14255550100"], "+14255550100"),
            (vec!["@cmd"], "'@cmd"),
        ];
        for (fields, want) in cases {
            assert_eq!(csv_line(fields.into_iter().map(str::to_owned)), want);
        }
    }
}
