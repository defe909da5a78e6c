use super::*;

fn at(stage: Stage, done: u64, total: u64, writes: bool) -> Progress {
    Progress {
        stage,
        done,
        total,
        writes,
    }
}

#[test]
fn keys_are_short_plain_words() {
    let cases = [
        ("abcdef12", true),
        ("18c3f2a9-5e21", true),
        ("under_score-AND-dash", true),
        ("short", false),
        ("", false),
        ("has space1", false),
        ("ünïcode12", false),
        ("semi;colon", false),
    ];
    for (text, fits) in cases {
        assert_eq!(
            ProgressKey::try_from(text.to_owned()).is_ok(),
            fits,
            "{text:?}"
        );
    }
    assert!(ProgressKey::try_from("a".repeat(64)).is_ok());
    assert!(ProgressKey::try_from("a".repeat(65)).is_err());
    let made = ProgressKey::from_parts(0, 0);
    assert!(
        ProgressKey::try_from(made.as_str().to_owned()).is_err(),
        "0-0 is too short"
    );
    let made = ProgressKey::from_parts(u64::MAX, 1_764_540_000_000);
    assert_eq!(ProgressKey::try_from(String::from(made.clone())), Ok(made));
}

#[test]
fn the_fraction_moves_through_each_step_in_order() {
    let cases = [
        // A check: parsing 20%, reading 65%, checking 15%.
        (at(Stage::Parsing, 0, 10_000, false), 0.0),
        (at(Stage::Parsing, 5_000, 10_000, false), 0.1),
        (at(Stage::Reading, 0, 20_000, false), 0.2),
        (at(Stage::Reading, 10_000, 20_000, false), 0.525),
        (at(Stage::Checking, 0, 10_000, false), 0.85),
        (at(Stage::Checking, 10_000, 10_000, false), 1.0),
        (at(Stage::Done, 0, 10_000, false), 1.0),
        // An apply: parsing 10%, reading 45%, checking 5%, writing 40%.
        (at(Stage::Reading, 0, 20_000, true), 0.1),
        (at(Stage::Checking, 5_000, 10_000, true), 0.575),
        (at(Stage::Writing, 0, 10_000, true), 0.6),
        (at(Stage::Done, 10_000, 10_000, true), 1.0),
        // Counts beyond the total (more rows than guessed), and an empty
        // total, stay in bounds.
        (at(Stage::Reading, 30_000, 20_000, false), 0.85),
        (at(Stage::Parsing, 20, 10, false), 0.2),
        (at(Stage::Checking, 0, 0, false), 0.85),
    ];
    for (progress, want) in cases {
        let got = progress.fraction();
        assert!((got - want).abs() < 1e-9, "{progress:?}: {got} != {want}");
    }
}

#[test]
fn percent_reaches_100_only_when_done() {
    assert_eq!(at(Stage::Checking, 10_000, 10_000, false).percent(), 99);
    assert_eq!(at(Stage::Done, 0, 0, false).percent(), 100);
    assert_eq!(at(Stage::Checking, 5_000, 10_000, true).percent(), 57);
    assert_eq!(at(Stage::Parsing, 0, 10, true).percent(), 0);
}

#[test]
fn the_text_says_what_is_being_done() {
    let cases = [
        (
            at(Stage::Parsing, 4_200, 10_000, false),
            "Reading the numbers: 4,200 of 10,000",
        ),
        (
            at(Stage::Reading, 0, 10_000, false),
            "Reading users, numbers and locations",
        ),
        (
            at(Stage::Reading, 0, 10_000, true),
            "Waiting for other saves, then reading",
        ),
        (at(Stage::Checking, 12, 10, true), "Checking: 10 of 10"),
        (at(Stage::Writing, 0, 10, true), "Writing the changes"),
        (at(Stage::Done, 10, 10, true), "Done"),
    ];
    for (progress, want) in cases {
        assert_eq!(progress.text(), want);
    }
}
