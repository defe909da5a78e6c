//! Judging an imported file: its lines become the rows of one set (users by
//! username, locations by description, "change" keeping what a line leaves
//! empty), judged like any bulk save; every problem goes back to its line.

use std::collections::HashMap;

use super::apply_set::Target;
use super::bulk_rows::{judge_found, parse, parse_all, push_parsed, Found, Judged, Parsed};
use crate::domain::{BulkRow, Date, ImportLineReport, ImportReport, LocationId, VoiceUser};
use crate::import::{Action, ImportFile, ImportLine};
use crate::store;
use crate::tracker::Tracking;

/// The reads a file needs, sent in one call.
pub struct Reads {
    users: store::Step,
    numbers: store::Step,
    held: store::Step,
    locations: store::Step,
    parsed: Vec<Parsed>,
}

pub fn reads(file: &ImportFile, batch: &mut store::Batch, tracking: &Tracking) -> Reads {
    let names: Vec<String> = file.lines.iter().map(|l| l.username.clone()).collect();
    let numbers = file.lines.iter().map(|l| l.number.as_deref());
    let parsed = parse_all(numbers, file.lines.len(), tracking);
    Reads {
        users: store::sets::push_users_named(batch, &names),
        numbers: push_parsed(batch, &parsed),
        held: store::sets::push_numbers_held_by(batch, &names),
        locations: store::sets::push_locations(batch),
        parsed,
    }
}

/// The report of every line, and what to write when no line has a problem.
pub fn judge(
    file: &ImportFile,
    reads: Reads,
    fetched: &store::Fetched,
    today: &Date,
    tracking: &Tracking,
) -> Result<(ImportReport, Option<Vec<Target>>), sqlx::Error> {
    let mut found = Found::read(fetched, reads.users, reads.numbers, reads.locations)?;
    // A "change" that keeps the number refers to the one the user holds.
    for (id, n) in store::sets::read_all(fetched.rows(reads.held), store::numbers::read_found)?
        .into_iter()
        .flatten()
    {
        found.numbers.insert(n.number.e164.clone(), (id, n));
    }
    let by_name: HashMap<String, &VoiceUser> = found
        .users
        .values()
        .map(|u| (u.username.to_lowercase(), u))
        .collect();
    let mut by_description: HashMap<String, Vec<LocationId>> = HashMap::new();
    for l in found.locations.values() {
        by_description
            .entry(l.description.to_lowercase())
            .or_default()
            .push(l.id);
    }
    let mut report: Vec<ImportLineReport> = file.lines.iter().map(line_report).collect();
    // The lines that became rows, by their place in `file.lines`.
    let mut rows = Vec::new();
    let mut row_lines = Vec::new();
    let mut row_parsed = Vec::new();
    for (i, line) in file.lines.iter().enumerate() {
        let problems = &mut report[i].problems;
        let Some(user) = by_name.get(&line.username.to_lowercase()) else {
            problems.push(format!("There is no voice user '{}'.", line.username));
            continue;
        };
        let location = match line
            .location
            .as_deref()
            .filter(|_| line.action != Action::Remove)
        {
            None => None,
            Some(text) => match by_description.get(&text.to_lowercase()).map(Vec::as_slice) {
                Some([id]) => Some(*id),
                Some(_) => {
                    problems.push(format!(
                        "Several emergency locations are named '{text}'; rename them apart first."
                    ));
                    continue;
                }
                None => {
                    problems.push(format!("There is no emergency location '{text}'."));
                    continue;
                }
            },
        };
        let held = user.assigned_number.as_ref().map(|n| n.number.e164.clone());
        let (number, parsed) = match line.action {
            Action::Assign => (line.number.clone(), reads.parsed[i].clone()),
            Action::Change => match (&line.number, &held) {
                (Some(typed), _) => (Some(typed.clone()), reads.parsed[i].clone()),
                (None, Some(e164)) => (Some(e164.to_string()), parse(Some(e164.as_str()))),
                (None, None) => {
                    problems.push(format!(
                        "{} has no number to change: give one, or use assign.",
                        user.display_name
                    ));
                    continue;
                }
            },
            Action::Remove => {
                if let (Ok(Some(typed)), Some(e164)) = (&reads.parsed[i], &held) {
                    if &typed.e164 != e164 {
                        problems.push(format!(
                            "{} holds {}, not {}.",
                            user.display_name, e164, typed.e164
                        ));
                        continue;
                    }
                }
                (None, Ok(None))
            }
        };
        let location_id = match line.action {
            Action::Remove => None,
            _ => location.or_else(|| user.emergency_location.as_ref().map(|l| l.id)),
        };
        rows.push(BulkRow {
            user_id: user.id,
            expected_version: user.version,
            number,
            location_id,
        });
        row_lines.push(i);
        row_parsed.push(parsed);
    }
    let targets = match judge_found(&rows, &row_parsed, &found, today, tracking) {
        Judged::Fine(targets) => Some(targets),
        Judged::Refused(refused) => {
            for r in refused {
                let problems = &mut report[row_lines[r.row]].problems;
                problems.extend(r.violations.iter().map(ToString::to_string));
            }
            None
        }
    };
    // A line the reader refused may have several problems: one entry each line.
    let mut unread: HashMap<usize, ImportLineReport> = HashMap::new();
    for e in &file.errors {
        unread
            .entry(e.line)
            .or_insert_with(|| ImportLineReport {
                line: e.line,
                username: String::new(),
                number: String::new(),
                location: String::new(),
                action: String::new(),
                problems: Vec::new(),
            })
            .problems
            .push(e.to_string());
    }
    report.extend(unread.into_values());
    report.sort_by_key(|l| l.line);
    let report = ImportReport {
        lines: report,
        unchanged: file.unchanged.len(),
    };
    let clean = report.refused() == 0;
    Ok((report, targets.filter(|_| clean)))
}

fn line_report(line: &ImportLine) -> ImportLineReport {
    ImportLineReport {
        line: line.line,
        username: line.username.clone(),
        number: line.number.clone().unwrap_or_default(),
        location: line.location.clone().unwrap_or_default(),
        action: line.action.to_string(),
        problems: Vec::new(),
    }
}
