//! One record into an import line, or every problem it has.

use csv::StringRecord;

use super::shape::Columns;
use super::{
    Action, ImportLine, LineError, LineProblem, ACTION, EMERGENCY_LOCATION, PHONE_NUMBER, USERNAME,
};

/// The line to import; `None` when its Action is empty, which leaves the
/// user as they are.
pub(super) fn read(
    columns: &Columns,
    record: &StringRecord,
    line: usize,
    separator: u8,
) -> Result<Option<ImportLine>, Vec<LineError>> {
    let error = |column, problem| LineError {
        line,
        column,
        problem,
    };
    let cells = filled(record);
    // Spreadsheets pad rows with empty cells; a filled cell past the header
    // means the cells have shifted, so what lines up under each name is
    // not to be trusted and nothing else is checked.
    if cells > columns.width {
        return Err(vec![error(
            None,
            LineProblem::TooManyCells {
                cells,
                columns: columns.width,
                separator: char::from(separator),
            },
        )]);
    }
    let cell = |at: Option<usize>| {
        at.and_then(|i| record.get(i))
            .map(cleaned)
            .filter(|c| !c.is_empty())
    };
    let Some(action_cell) = cell(Some(columns.action)) else {
        return Ok(None);
    };
    let username = cell(Some(columns.username));
    let number = cell(columns.number);
    let mut location = cell(columns.location);
    let action = Action::parse(&action_cell);

    let mut errors = Vec::new();
    if username.is_none() {
        errors.push(error(Some(USERNAME), LineProblem::MissingUsername));
    }
    match action {
        Some(Action::Assign) => {
            if number.is_none() {
                errors.push(error(Some(PHONE_NUMBER), LineProblem::NumberRequired));
            }
            if location.is_none() {
                errors.push(error(
                    Some(EMERGENCY_LOCATION),
                    LineProblem::LocationRequired,
                ));
            }
        }
        Some(Action::Change) if number.is_none() && location.is_none() => {
            errors.push(error(None, LineProblem::NothingToChange));
        }
        Some(Action::Change) => {}
        // An exported line keeps its location; removing ignores it.
        Some(Action::Remove) => location = None,
        None => errors.push(error(Some(ACTION), LineProblem::UnknownAction(action_cell))),
    }
    match (username, action) {
        (Some(username), Some(action)) if errors.is_empty() => Ok(Some(ImportLine {
            line,
            username,
            number,
            location,
            action,
        })),
        _ => Err(errors),
    }
}

/// Cells up to the last one that isn't empty.
fn filled(record: &StringRecord) -> usize {
    let filled = record
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty());
    filled.last().map_or(0, |(last, _)| last + 1)
}

/// The cell trimmed, with the apostrophe an export puts before `+14255550100`
/// or `=...` (so spreadsheets don't run it as a formula) taken off again.
pub(super) fn cleaned(cell: &str) -> String {
    let cell = cell.trim();
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.trim().to_owned(),
        _ => cell.to_owned(),
    }
}
