//! The file as spreadsheets save it: encodings, separators, quotes, line
//! numbers, the header, the limit, the template and the export round trip.

use super::*;

/// (line, username, number, location, action) of each imported line.
type Row = (usize, String, Option<String>, Option<String>, Action);

fn rows(bytes: &[u8]) -> Vec<Row> {
    let file = read(bytes).unwrap_or_else(|e| panic!("{e}"));
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    let rows = file.lines.into_iter();
    rows.map(|l| (l.line, l.username, l.number, l.location, l.action))
        .collect()
}

fn row(line: usize, user: &str, number: &str, location: &str, action: Action) -> Row {
    let cell = |c: &str| (!c.is_empty()).then(|| c.to_owned());
    (line, user.into(), cell(number), cell(location), action)
}

const ADELE: &str = "adelev@contoso.com";
const HEADER: &str = "Username,Phone number,Emergency location,Action";

#[test]
fn reads_the_lines_as_spreadsheets_save_them() {
    use Action::*;
    let assign = |number, location| vec![row(2, ADELE, number, location, Assign)];
    let plain = assign("+14255550100", "Redmond HQ");
    let cases: Vec<(&str, &[u8], Vec<Row>)> = vec![
        ("commas, LF", b"Username,Phone number,Emergency location,Action\nadelev@contoso.com,+14255550100,Redmond HQ,assign\n", plain.clone()),
        ("semicolons, CRLF", b"Username;Phone number;Emergency location;Action\r\nadelev@contoso.com;+14255550100;Redmond HQ;assign\r\n", plain.clone()),
        ("BOM", b"\xEF\xBB\xBFUsername,Phone number,Emergency location,Action\r\nadelev@contoso.com,+14255550100,Redmond HQ,assign\r\n", plain.clone()),
        ("no line break at the end", b"Username,Phone number,Emergency location,Action\r\nadelev@contoso.com,+14255550100,Redmond HQ,assign", plain.clone()),
        ("every cell quoted", b"\"Username\",\"Phone number\",\"Emergency location\",\"Action\"\r\n\"adelev@contoso.com\",\"+14255550100\",\"Redmond HQ\",\"assign\"\r\n", plain.clone()),
        ("Excel's sep= line", b"sep=;\r\nUsername;Phone number;Emergency location;Action\r\nadelev@contoso.com;+14255550100;Redmond HQ;assign\r\n",
            vec![row(3, ADELE, "+14255550100", "Redmond HQ", Assign)]),
        ("quoted separator", b"Username,Phone number,Emergency location,Action\nadelev@contoso.com,\"+1 (425) 555-0100\",\"Redmond HQ, Building 5\",assign\n",
            assign("+1 (425) 555-0100", "Redmond HQ, Building 5")),
        ("comma in a semicolon file", b"Username;Phone number;Emergency location;Action\nadelev@contoso.com;+14255550100;Redmond HQ, Building 5;assign\n",
            assign("+14255550100", "Redmond HQ, Building 5")),
        ("doubled quotes", b"Username,Phone number,Emergency location,Action\nadelev@contoso.com,+14255550100,\"Redmond \"\"HQ\"\"\",assign\n",
            assign("+14255550100", "Redmond \"HQ\"")),
        ("a quote inside a cell is a character", b"Username,Phone number,Emergency location,Action\nadelev@contoso.com,+14255550100,Building 5\" annex,assign\n",
            assign("+14255550100", "Building 5\" annex")),
        ("cells trimmed, non-breaking space too", "Username,Phone number,Emergency location,Action\n  adelev@contoso.com , +14255550100\u{a0},\tRedmond HQ ,  assign\n".as_bytes(), plain.clone()),
        ("header in any case, padded, any order, extra columns",
            b"Display name, ACTION ,username,Licenses,phone NUMBER,Emergency Location,Number type\nAdele Vance,assign,adelev@contoso.com,E5,+14255550100,Redmond HQ,Calling plan\n",
            plain.clone()),
        ("an unknown column twice is still ignored", b"Notes,Username,Phone number,Emergency location,Action,Notes\nx,adelev@contoso.com,+14255550100,Redmond HQ,assign,y\n", plain.clone()),
        ("trailing empty columns", b"Username,Phone number,Emergency location,Action,,\r\nadelev@contoso.com,+14255550100,Redmond HQ,assign,,\r\n", plain.clone()),
        ("fewer cells than columns", b"Username,Action,Phone number,Emergency location\nadelev@contoso.com,remove\n",
            vec![row(2, ADELE, "", "", Remove)]),
        ("only the required columns", b"Username;Action\r\nadelev@contoso.com;remove\r\n", vec![row(2, ADELE, "", "", Remove)]),
    ];
    for (message, bytes, expected) in cases {
        assert_eq!(rows(bytes), expected, "{message}");
    }
}

#[test]
fn line_numbers_are_the_files_physical_lines() {
    use Action::*;
    let lf = "\n\nUsername,Phone number,Emergency location,Action\n\
              \n\
              adelev@contoso.com,+14255550100,Redmond HQ,assign\n\
              ,,,\n\
              alexw@contoso.com,,\"Redmond HQ\nBuilding 5\",change\n\
              meganb@contoso.com,,,remove\n   \n , \n\
              pattif@contoso.com,,,remove\n";
    let crlf = lf.replace('\n', "\r\n");
    for (message, text, break_) in [("LF", lf.to_owned(), "\n"), ("CRLF", crlf, "\r\n")] {
        let expected = vec![
            row(5, ADELE, "+14255550100", "Redmond HQ", Assign),
            row(
                7,
                "alexw@contoso.com",
                "",
                &format!("Redmond HQ{break_}Building 5"),
                Change,
            ),
            row(9, "meganb@contoso.com", "", "", Remove),
            row(12, "pattif@contoso.com", "", "", Remove),
        ];
        assert_eq!(rows(text.as_bytes()), expected, "{message}");
    }
    let file = read(b"Username,Action,Emergency location\n\"adelev\n@contoso.com\",asign,\"a\n\nb\"\n\nalexw@contoso.com,,\n,remove\n").unwrap();
    let errors: Vec<_> = file.errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(
        errors,
        [(2, Some(ACTION)), (8, Some(USERNAME))],
        "errors carry the line a record starts on"
    );
    assert_eq!(file.unchanged, [7]);
}

#[test]
fn a_file_that_cant_be_read_says_why() {
    use FileError::*;
    let cases: Vec<(&str, &[u8], FileError)> = vec![
        ("empty", b"", Empty),
        ("only a BOM", b"\xEF\xBB\xBF", Empty),
        ("only blank lines", b"\r\n  \r\n,,,\r\n", Empty),
        ("only Excel's sep= line", b"sep=;\r\n", Empty),
        ("header only", b"Username,Phone number,Emergency location,Action\r\n", NoLines),
        ("header and blank lines", b"Username,Phone number,Emergency location,Action\r\n\r\n,,,\r\n", NoLines),
        ("both separators", b"Username,Phone number;Emergency location,Action\r\nadelev@contoso.com,,,remove\r\n", MixedSeparators),
        ("tabs", b"Username\tPhone number\tEmergency location\tAction\r\nadelev@contoso.com\t\t\tremove\r\n", NoSeparator),
        ("one known column", b"Username\r\nadelev@contoso.com\r\n", MissingColumn { column: ACTION }),
        ("no Username column", b"User,Phone number,Emergency location,Action\r\nadelev@contoso.com,,,remove\r\n", MissingColumn { column: USERNAME }),
        ("no Action column", b"Username;Phone number;Emergency location\r\nadelev@contoso.com;;\r\n", MissingColumn { column: ACTION }),
        ("duplicate column", b"Username,Action,Phone number,username\r\nadelev@contoso.com,remove,,\r\n",
            DuplicateColumn { column: USERNAME, first: "A".into(), second: "D".into() }),
        ("duplicate column, other case and spaces", b"Action,Username, ACTION \r\nremove,adelev@contoso.com,\r\n",
            DuplicateColumn { column: ACTION, first: "A".into(), second: "C".into() }),
        ("Windows-1252", b"Username,Phone number,Emergency location,Action\r\nadelev@contoso.com,,Caf\xE9 Berlin,change\r\n", NotUtf8 { line: 2 }),
        ("UTF-16 from Excel's Unicode Text", b"\xFF\xFEU\x00s\x00e\x00r\x00", NotUtf8 { line: 1 }),
        ("unclosed quote swallowing the lines after it", b"Username,Phone number,Emergency location,Action\r\nadelev@contoso.com,,,remove\r\nalexw@contoso.com,,\"Redmond HQ,change\r\nmeganb@contoso.com,,,remove\r\n",
            UnclosedQuote { line: 3 }),
    ];
    for (message, bytes, expected) in cases {
        assert_eq!(read(bytes), Err(expected), "{message}");
    }
}

#[test]
fn ten_thousand_lines_read_and_one_more_is_refused() {
    let file = |lines: usize| {
        let mut text = format!("{HEADER}\r\n");
        for i in 0..lines {
            text.push_str(&format!("user{i}@contoso.com,,,remove\r\n\r\n"));
        }
        text
    };
    let read_back = read(file(MAX_LINES).as_bytes()).unwrap();
    assert_eq!(read_back.lines.len(), 10_000);
    let last = read_back.lines.last().unwrap();
    assert_eq!(
        (last.line, last.username.as_str()),
        (20_000, "user9999@contoso.com")
    );
    assert_eq!(
        read(file(MAX_LINES + 1).as_bytes()),
        Err(FileError::TooManyLines { limit: 10_000 })
    );
}

#[test]
fn file_errors_tell_the_admin_what_to_do() {
    let cases = [
        (FileError::TooManyLines { limit: MAX_LINES },
            "The file has more than 10,000 lines. Import at most 10,000 lines at a time: split the file and upload each part."),
        (FileError::NotUtf8 { line: 2 },
            "Line 2 is not UTF-8 text. In Excel, save the file as \"CSV UTF-8 (Comma delimited)\" and upload it again."),
        (FileError::MissingColumn { column: USERNAME },
            "The header line has no Username column. It names the columns Username, Phone number, Emergency location, Action; their order doesn't matter."),
        (FileError::DuplicateColumn { column: ACTION, first: "D".into(), second: "AB".into() },
            "The header line names the Action column twice, in columns D and AB. Keep one of them."),
    ];
    for (error, expected) in cases {
        assert_eq!(error.to_string(), expected);
    }
    let letters = [0, 25, 26, 27, 701, 702].map(shape::letters);
    assert_eq!(letters, ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    let counts = [999, 1_000, 100_000, 1_234_567].map(error::grouped);
    assert_eq!(counts, ["999", "1,000", "100,000", "1,234,567"]);
}

#[test]
fn the_template_reads_back_cleanly() {
    use Action::*;
    assert_eq!(TEMPLATE.lines().next(), Some(COLUMNS.join(",").as_str()));
    assert_eq!(
        TEMPLATE.matches("\r\n").count(),
        TEMPLATE.matches('\n').count(),
        "CRLF only"
    );
    assert_eq!(
        rows(TEMPLATE.as_bytes()),
        [
            row(
                2,
                "meganb@contoso.com",
                "+1 (425) 555-0150",
                "Redmond HQ",
                Assign
            ),
            row(3, "alexw@contoso.com", "", "Seattle Office", Change),
            row(4, "pattif@contoso.com", "", "", Remove),
        ]
    );
}

#[test]
fn an_export_edited_in_a_spreadsheet_imports_as_written() {
    let mut csv = writer(Vec::new());
    write_header(&mut csv, &["Display name", "Licenses"]).unwrap();
    write_row(
        &mut csv,
        ADELE,
        Some("+14255550100"),
        Some("Redmond HQ"),
        &["Adele Vance", "E5"],
    )
    .unwrap();
    write_row(&mut csv, "=cmd@contoso.com", None, None, &["-Megan", ""]).unwrap();
    let exported = String::from_utf8(csv.into_inner().unwrap()).unwrap();
    assert_eq!(
        exported,
        "\"Username\",\"Phone number\",\"Emergency location\",\"Action\",\"Display name\",\"Licenses\"\r\n\
         \"adelev@contoso.com\",\"'+14255550100\",\"Redmond HQ\",\"\",\"Adele Vance\",\"E5\"\r\n\
         \"'=cmd@contoso.com\",\"\",\"\",\"\",\"'-Megan\",\"\"\r\n"
    );
    let untouched = read(exported.as_bytes()).unwrap();
    assert_eq!((untouched.lines, untouched.unchanged), (vec![], vec![2, 3]));

    let edited = exported
        .replace("\"Redmond HQ\",\"\"", "\"Redmond HQ\",\"change\"")
        .replace(
            "\"\",\"\",\"\",\"'-Megan\"",
            "\"\",\"\",\"remove\",\"'-Megan\"",
        );
    assert_eq!(
        rows(edited.as_bytes()),
        [
            row(2, ADELE, "+14255550100", "Redmond HQ", Action::Change),
            row(3, "=cmd@contoso.com", "", "", Action::Remove),
        ]
    );
}
