//! One line at a time: each action, the cells it needs, and the messages.

use super::*;
use LineProblem::*;

const HEADER: &str = "Username,Phone number,Emergency location,Action";

#[derive(Debug, PartialEq)]
enum Outcome {
    Line(Option<String>, Option<String>, Action),
    Unchanged,
    Refused(Vec<(Option<&'static str>, LineProblem)>),
}
use Outcome::*;

/// What becomes of `row` read under the standard header, on line 2.
fn outcome(row: &str) -> Outcome {
    let file = read(format!("{HEADER}\n{row}\n").as_bytes()).unwrap();
    match (&file.lines[..], &file.errors[..], &file.unchanged[..]) {
        ([l], [], []) => {
            assert_eq!((l.line, l.username.as_str()), (2, "adelev@contoso.com"));
            Line(l.number.clone(), l.location.clone(), l.action)
        }
        ([], [], [2]) => Unchanged,
        ([], errors, []) => Refused(
            errors
                .iter()
                .inspect(|e| assert_eq!(e.line, 2))
                .map(|e| (e.column, e.problem.clone()))
                .collect(),
        ),
        other => panic!("{row:?} read as {other:?}"),
    }
}

fn imported(number: Option<&str>, location: Option<&str>, action: Action) -> Outcome {
    Line(number.map(Into::into), location.map(Into::into), action)
}

#[test]
fn each_action_takes_the_cells_it_needs() {
    let number = Some("+14255550100");
    let hq = Some("Redmond HQ");
    let cases = [
        (
            "assign with both",
            "adelev@contoso.com,+14255550100,Redmond HQ,assign",
            imported(number, hq, Action::Assign),
        ),
        (
            "action in capitals",
            "adelev@contoso.com,+14255550100,Redmond HQ,ASSIGN",
            imported(number, hq, Action::Assign),
        ),
        (
            "action in mixed case, padded",
            "adelev@contoso.com,+14255550100,Redmond HQ,  Change ",
            imported(number, hq, Action::Change),
        ),
        (
            "change the number only",
            "adelev@contoso.com,+14255550100,,change",
            imported(number, None, Action::Change),
        ),
        (
            "change the location only",
            "adelev@contoso.com,,Redmond HQ,change",
            imported(None, hq, Action::Change),
        ),
        (
            "remove keeps the number to check it",
            "adelev@contoso.com,+14255550100,Redmond HQ,remove",
            imported(number, None, Action::Remove),
        ),
        (
            "remove without a number",
            "adelev@contoso.com,,,Remove",
            imported(None, None, Action::Remove),
        ),
        (
            "empty action leaves the user alone",
            "adelev@contoso.com,+14255550100,Redmond HQ,",
            Unchanged,
        ),
        (
            "action of spaces leaves the user alone",
            "adelev@contoso.com,,,   ",
            Unchanged,
        ),
        (
            "exported number with its apostrophe",
            "adelev@contoso.com,'+14255550100,Redmond HQ,assign",
            imported(number, hq, Action::Assign),
        ),
        (
            "an apostrophe that is the text's own",
            "adelev@contoso.com,,'s-Hertogenbosch Office,change",
            imported(None, Some("'s-Hertogenbosch Office"), Action::Change),
        ),
        (
            "empty cells past the header are padding",
            "adelev@contoso.com,,,remove,,,",
            imported(None, None, Action::Remove),
        ),
    ];
    for (message, row, expected) in cases {
        assert_eq!(outcome(row), expected, "{message}");
    }
}

#[test]
fn every_problem_of_a_line_is_reported_with_its_column() {
    let cases = [
        (
            "misspelt action",
            "adelev@contoso.com,+14255550100,Redmond HQ,asign",
            vec![(Some(ACTION), UnknownAction("asign".into()))],
        ),
        (
            "another console's word",
            "adelev@contoso.com,,,Delete",
            vec![(Some(ACTION), UnknownAction("Delete".into()))],
        ),
        (
            "no username",
            ",+14255550100,Redmond HQ,assign",
            vec![(Some(USERNAME), MissingUsername)],
        ),
        (
            "assign without number or location",
            "adelev@contoso.com,,,assign",
            vec![
                (Some(PHONE_NUMBER), NumberRequired),
                (Some(EMERGENCY_LOCATION), LocationRequired),
            ],
        ),
        (
            "assign without location",
            "adelev@contoso.com,+14255550100,,assign",
            vec![(Some(EMERGENCY_LOCATION), LocationRequired)],
        ),
        (
            "change with nothing new",
            "adelev@contoso.com,,,change",
            vec![(None, NothingToChange)],
        ),
        (
            "no username and a misspelt action",
            " ,,,asign",
            vec![
                (Some(USERNAME), MissingUsername),
                (Some(ACTION), UnknownAction("asign".into())),
            ],
        ),
        (
            "an unquoted comma shifts the cells",
            "adelev@contoso.com,+14255550100,Redmond HQ, Building 5,assign",
            vec![(
                None,
                TooManyCells {
                    cells: 5,
                    columns: 4,
                    separator: ',',
                },
            )],
        ),
    ];
    for (message, row, expected) in cases {
        assert_eq!(outcome(row), Refused(expected), "{message}");
    }
}

#[test]
fn bad_lines_are_all_reported_and_good_ones_still_read() {
    let text = format!(
        "{HEADER}\r\n,,,assign\r\nadelev@contoso.com,+14255550100,Redmond HQ,assign\r\n\
         alexw@contoso.com,,,asign\r\nmeganb@contoso.com,,,\r\npattif@contoso.com,,,change\r\n"
    );
    let file = read(text.as_bytes()).unwrap();
    let lines: Vec<_> = file.lines.iter().map(|l| l.line).collect();
    let errors: Vec<_> = file.errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(lines, [3]);
    assert_eq!(file.unchanged, [5]);
    assert_eq!(
        errors,
        [
            (2, Some(USERNAME)),
            (2, Some(PHONE_NUMBER)),
            (2, Some(EMERGENCY_LOCATION)),
            (4, Some(ACTION)),
            (6, None),
        ]
    );
}

#[test]
fn line_errors_read_as_sentences_naming_line_and_column() {
    let at = |line, column, problem| {
        LineError {
            line,
            column,
            problem,
        }
        .to_string()
    };
    let cases = [
        (at(7, Some(ACTION), UnknownAction("asign".into())),
            "Line 7, column Action: 'asign' is not assign, change or remove."),
        (at(8, Some(USERNAME), MissingUsername),
            "Line 8, column Username: the cell is empty; every line needs the user's username, e.g. adelev@contoso.com."),
        (at(9, Some(PHONE_NUMBER), NumberRequired),
            "Line 9, column Phone number: the cell is empty; assign needs the phone number to give the user."),
        (at(9, Some(EMERGENCY_LOCATION), LocationRequired),
            "Line 9, column Emergency location: the cell is empty; assign needs the emergency location's description, e.g. Redmond HQ."),
        (at(10, None, NothingToChange),
            "Line 10: change needs a new Phone number, a new Emergency location or both, and both cells are empty."),
        (at(11, None, TooManyCells { cells: 5, columns: 4, separator: ';' }),
            "Line 11: the line has 5 cells but the header names 4 columns. Put any cell that contains ';' in double quotes."),
    ];
    for (shown, expected) in cases {
        assert_eq!(shown, expected);
    }
}

#[test]
fn actions_are_written_as_the_file_spells_them() {
    for action in [Action::Assign, Action::Change, Action::Remove] {
        assert_eq!(
            Action::parse(&action.to_string().to_uppercase()),
            Some(action)
        );
    }
    assert_eq!(
        [Action::Assign, Action::Change, Action::Remove].map(|a| a.to_string()),
        ["assign", "change", "remove"]
    );
    assert_eq!(Action::parse(""), None);
}
