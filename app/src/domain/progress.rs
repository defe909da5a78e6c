//! How far a long request (a check or an apply of thousands of lines) has
//! got, as the server reports it while the request runs: the caller names
//! the request with a key of its own and asks for that key's progress.

use serde::{Deserialize, Serialize};

use super::grouped;

/// The caller's name for one long request: 8 to 64 letters, digits, `-`
/// or `_`. It only needs to be unique among the caller's own requests: the
/// server keeps progress per account.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("pattern" = "^[A-Za-z0-9_-]{8,64}$"))]
pub struct ProgressKey(String);

impl ProgressKey {
    /// A key from two random or changing numbers (the browser's clock and
    /// `Math.random`, say).
    pub fn from_parts(a: u64, b: u64) -> ProgressKey {
        ProgressKey(format!("{a:x}-{b:x}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ProgressKey {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        let fits = (8..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if fits {
            Ok(ProgressKey(value))
        } else {
            Err("A progress key is 8 to 64 letters, digits, '-' or '_'.".to_owned())
        }
    }
}

impl From<ProgressKey> for String {
    fn from(key: ProgressKey) -> String {
        key.0
    }
}

/// The steps of a long request, in order. Reading the numbers and judging
/// the lines are counted line by line, reading what they name (after
/// waiting for the writers' turn, for an apply) by the rows that arrive;
/// writing is one call to the database.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum Stage {
    Parsing,
    Reading,
    Checking,
    Writing,
    Done,
}

/// One report: the step, and for a counted step how many of `total` lines
/// are done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Progress {
    pub stage: Stage,
    pub done: u64,
    pub total: u64,
    /// Whether the request writes (an apply or a save) or only checks.
    pub writes: bool,
}

impl Progress {
    /// The share of the whole request done, from 0 to 1. Each step has
    /// about the share of the time it takes in the 10,000-line import of
    /// the benchmark (`cargo bench -p server --bench api -- --writes`); a
    /// counted step moves through its share as it counts.
    pub fn fraction(&self) -> f64 {
        let shares: &[(Stage, f64)] = if self.writes {
            &[
                (Stage::Parsing, 0.1),
                (Stage::Reading, 0.45),
                (Stage::Checking, 0.05),
                (Stage::Writing, 0.4),
            ]
        } else {
            &[
                (Stage::Parsing, 0.2),
                (Stage::Reading, 0.65),
                (Stage::Checking, 0.15),
            ]
        };
        let before: f64 = shares
            .iter()
            .filter(|(s, _)| *s < self.stage)
            .map(|(_, share)| share)
            .sum();
        let within = match self.stage {
            Stage::Parsing | Stage::Reading | Stage::Checking if self.total > 0 => {
                self.done.min(self.total) as f64 / self.total as f64
            }
            _ => 0.0,
        };
        let share = shares
            .iter()
            .find(|(s, _)| *s == self.stage)
            .map_or(0.0, |(_, share)| *share);
        (before + share * within).min(1.0)
    }

    /// The fraction as a whole percentage, never 100 before the end.
    pub fn percent(&self) -> u8 {
        match self.stage {
            Stage::Done => 100,
            _ => ((self.fraction() * 100.0).floor() as u8).min(99),
        }
    }

    /// What the request is doing, in the admin's words.
    pub fn text(&self) -> String {
        let counted = |what: &str| {
            format!(
                "{what}: {} of {}",
                grouped(self.done.min(self.total)),
                grouped(self.total)
            )
        };
        match self.stage {
            // The request has arrived and its file is being read.
            Stage::Parsing if self.total == 0 => "Reading the file".to_owned(),
            Stage::Parsing => counted("Reading the numbers"),
            Stage::Reading if self.writes => "Waiting for other saves, then reading".to_owned(),
            Stage::Reading => "Reading users, numbers and locations".to_owned(),
            Stage::Checking => counted("Checking"),
            Stage::Writing => "Writing the changes".to_owned(),
            Stage::Done => "Done".to_owned(),
        }
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
