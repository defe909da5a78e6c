//! The review table's arithmetic: pages of rows, the rows that need the
//! admin, problems kept by user, suggestions put into their rows.

use super::*;
use crate::domain::{
    Activation, Country, NumberKind, NumberSource, PhoneNumber, TelephoneNumber, Violation, E164,
};

// Rows hold signals, which live in an owner: the tests that make rows
// run inside one.

fn user(id: i64) -> VoiceUser {
    VoiceUser {
        id: UserId(id),
        display_name: format!("User {id}"),
        username: format!("user{id}@contoso.com"),
        usage_location: Country::parse("US").unwrap(),
        licences: Vec::new(),
        assigned_number: None,
        emergency_location: None,
        version: 1,
        provisioning: None,
    }
}

fn number(international: &str) -> TelephoneNumber {
    TelephoneNumber {
        number: PhoneNumber {
            e164: E164::parse("+14255550100").unwrap(),
            country: Country::parse("US").unwrap(),
            national: "(425) 555-0100".into(),
            international: international.into(),
        },
        city: "Redmond".into(),
        kind: NumberKind::User,
        source: NumberSource::CallingPlan,
        activation: Activation::Active,
        blocked_until: None,
        holder: None,
    }
}

fn no_location(at: usize) -> RowViolations {
    RowViolations {
        row: at,
        violations: vec![Violation::LocationRequired],
    }
}

#[test]
fn a_window_shows_one_page_of_at_most_a_hundred_rows() {
    let cases = [
        (0, 0, 0..0, 0, 1, "no rows: one empty page"),
        (1, 0, 0..1, 0, 1, "one row"),
        (100, 0, 0..100, 0, 1, "exactly one page"),
        (101, 1, 100..101, 1, 2, "one row spills onto a second page"),
        (10_000, 1, 100..200, 1, 100, "the second of a hundred pages"),
        (10_000, 99, 9_900..10_000, 99, 100, "the last page"),
        (250, 7, 200..250, 2, 3, "a page past the end shows the last"),
        (99, 1, 0..99, 0, 1, "a Drop emptied the second page"),
    ];
    for (listed, page, rows, shown, pages, why) in cases {
        let w = Window::of(listed, page);
        assert_eq!((w.rows, w.page, w.pages), (rows, shown, pages), "{why}");
    }
}

#[test]
fn previous_and_next_stop_at_the_ends() {
    let cases = [
        (50, 0, false, false, "a single page"),
        (250, 0, false, true, "the first of three"),
        (250, 1, true, true, "the middle"),
        (250, 2, true, false, "the last"),
    ];
    for (listed, page, previous, next, why) in cases {
        let w = Window::of(listed, page);
        assert_eq!((w.has_previous(), w.has_next()), (previous, next), "{why}");
    }
}

#[test]
fn the_window_says_which_rows_it_shows() {
    let cases = [
        (
            10_000,
            1,
            false,
            "Rows 101–200 of 10,000",
            "the second page",
        ),
        (150, 0, false, "Rows 1–100 of 150", "the first page"),
        (150, 1, false, "Rows 101–150 of 150", "a short last page"),
        (3, 0, true, "Rows 1–3 of 3 with problems", "only problems"),
        (0, 0, true, "No rows with problems.", "nothing to fix"),
        (0, 0, false, "No rows.", "every row dropped"),
    ];
    for (listed, page, only, text, why) in cases {
        assert_eq!(Window::of(listed, page).text(only), text, "{why}");
    }
}

#[test]
fn problems_follow_the_user_of_the_row_checked() {
    let checked = [UserId(10), UserId(20), UserId(30)];
    let found = problems_by_user(&checked, vec![no_location(1), no_location(7)]);
    assert_eq!(
        found.keys().collect::<Vec<_>>(),
        [&UserId(20)],
        "row 1 is user 20's; a place past the request names no one"
    );
    assert_eq!(
        found[&UserId(20)],
        [Violation::LocationRequired.to_string()]
    );
}

#[test]
fn the_rows_that_need_the_admin_are_those_with_a_problem_or_a_note() {
    let problems: Problems = [(UserId(2), vec!["taken".to_owned()])].into();
    let cases = [
        (
            vec![(1, false), (2, false), (3, false)],
            vec![1],
            "a problem",
        ),
        (
            vec![(1, true), (2, false), (3, false)],
            vec![0, 1],
            "a note too",
        ),
        (
            vec![(1, false), (3, false)],
            vec![],
            "the row with the problem dropped",
        ),
        (vec![], vec![], "no rows"),
    ];
    for (rows, places, why) in cases {
        let rows = rows.into_iter().map(|(id, noted)| (UserId(id), noted));
        assert_eq!(flagged(rows, &problems), places, "{why}");
    }
}

#[test]
fn the_count_of_rows_needing_the_admin_reads_as_a_sentence() {
    let cases = [
        (0, None, "nothing to say"),
        (1, Some("1 row has a problem."), "one"),
        (3, Some("3 rows have problems."), "a few"),
        (10_000, Some("10,000 rows have problems."), "every row"),
    ];
    for (count, text, why) in cases {
        assert_eq!(needing_text(count).as_deref(), text, "{why}");
    }
}

#[test]
fn suggestions_reach_their_users_rows_whatever_their_order() {
    Owner::new().with(|| {
        let rows: Vec<Row> = (1..=3).map(|id| Row::new(user(id), false)).collect();
        rows[0].note.set(Some("stale".into()));
        let found = vec![
            Suggestion {
                user_id: UserId(3),
                number: Some(number("+1 425-555-0103")),
                note: None,
            },
            Suggestion {
                user_id: UserId(1),
                number: None,
                note: Some("No free number in US matches; widen the city or range.".into()),
            },
        ];
        apply_suggestions(&rows, found);
        let read = |r: &Row| (r.number.get_untracked(), r.note.get_untracked());
        assert_eq!(
            read(&rows[0]),
            (
                String::new(),
                Some("No free number in US matches; widen the city or range.".into())
            ),
            "no number: the note says why"
        );
        assert_eq!(
            read(&rows[1]),
            (String::new(), None),
            "no suggestion: untouched"
        );
        assert_eq!(read(&rows[2]), ("+1 425-555-0103".into(), None), "a number");
    });
}

#[test]
fn a_moving_row_starts_with_the_number_the_user_keeps() {
    Owner::new().with(|| {
        let mut holder = user(1);
        holder.assigned_number = Some(number("+1 425-555-0100"));
        let cases = [
            (true, "+1 425-555-0100", "Change location: the number stays"),
            (false, "", "Assign numbers: none until suggested"),
        ];
        for (moving, shown, why) in cases {
            let row = Row::new(holder.clone(), moving);
            assert_eq!(row.number.get_untracked(), shown, "{why}");
        }
    });
}
