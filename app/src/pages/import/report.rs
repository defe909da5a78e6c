//! What Check found, line by line: the lines with problems first, each with
//! every reason, then the lines ready to import.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::{grouped, ImportLineReport, ImportReport};

/// Rows shown before "Show all": a report of thousands of lines would take
/// the browser seconds to lay out, and the problems come first anyway.
pub const FIRST_ROWS: usize = 200;

/// "12 lines ready, 3 lines with problems, 4 unchanged."
pub fn summary(report: &ImportReport) -> String {
    let refused = report.refused();
    format!(
        "{} ready, {} with problems, {} unchanged.",
        lines(report.lines.len() - refused),
        lines(refused),
        grouped(report.unchanged as u64)
    )
}

fn lines(n: usize) -> String {
    let noun = if n == 1 { "line" } else { "lines" };
    format!("{} {noun}", grouped(n as u64))
}

/// The lines with problems, then the others, each in file order.
pub fn problems_first(lines: Vec<ImportLineReport>) -> Vec<ImportLineReport> {
    let (mut first, rest): (Vec<_>, Vec<_>) =
        lines.into_iter().partition(|l| !l.problems.is_empty());
    first.extend(rest);
    first
}

#[component]
pub fn ReportTable(report: ImportReport) -> impl IntoView {
    let rows = Arc::new(problems_first(report.lines));
    let total = rows.len();
    let show_all = RwSignal::new(total <= FIRST_ROWS);
    let shown = {
        let rows = rows.clone();
        move || {
            let end = if show_all.get() { total } else { FIRST_ROWS };
            rows[..end].iter().cloned().map(row).collect_view()
        }
    };
    view! {
        <table class="grid import-report" aria-label="Lines of the file">
            <thead>
                <tr>
                    <th scope="col">"Line"</th>
                    <th scope="col">"Username"</th>
                    <th scope="col">"Phone number"</th>
                    <th scope="col">"Emergency location"</th>
                    <th scope="col">"Action"</th>
                    <th scope="col">"Problems"</th>
                </tr>
            </thead>
            <tbody>{shown}</tbody>
        </table>
        {(total > FIRST_ROWS).then(|| view! {
            <div class="grid-foot" hidden=move || show_all.get()>
                <span>{format!("Showing the first {FIRST_ROWS} of {} lines.", grouped(total as u64))}</span>
                <button type="button" on:click=move |_| show_all.set(true)>"Show all"</button>
            </div>
        })}
    }
}

fn row(line: ImportLineReport) -> impl IntoView {
    let refused = !line.problems.is_empty();
    view! {
        <tr class:problem=refused>
            <td class="number">{line.line}</td>
            <td>{line.username}</td>
            <td class="number">{line.number}</td>
            <td>{line.location}</td>
            <td>{line.action}</td>
            <td class="problems">
                {refused.then(|| view! {
                    <ul class="plain">
                        {line.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                })}
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(line: usize, problems: &[&str]) -> ImportLineReport {
        ImportLineReport {
            line,
            username: format!("user{line}@contoso.com"),
            number: String::new(),
            location: String::new(),
            action: "remove".to_owned(),
            problems: problems.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn the_summary_counts_ready_refused_and_unchanged_lines() {
        let report = ImportReport {
            lines: vec![line(2, &[]), line(3, &["a", "b"]), line(4, &[])],
            unchanged: 1_200,
        };
        assert_eq!(
            summary(&report),
            "2 lines ready, 1 line with problems, 1,200 unchanged."
        );
    }

    #[test]
    fn lines_with_problems_come_first_each_group_in_file_order() {
        let lines = vec![line(2, &[]), line(3, &["x"]), line(4, &[]), line(5, &["y"])];
        let order: Vec<usize> = problems_first(lines).iter().map(|l| l.line).collect();
        assert_eq!(order, [3, 5, 2, 4]);
    }
}
