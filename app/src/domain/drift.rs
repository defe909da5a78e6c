//! Drift: where the phone system's routing no longer says what
//! Switchboard's assignments do (the phone system restarted, or someone
//! changed it behind Switchboard's back), and the jobs that repair it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::JobAction;

choice! {
    /// How a number's route differs from its assignment.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum DriftKind {
        /// Assigned, but calls to it go nowhere.
        NotRouted => ("not_routed", "Assigned but not routed"),
        /// Calls go to someone other than the holder.
        WrongUser => ("wrong_user", "Routed to the wrong user"),
        /// Calls go somewhere, but nobody holds the number.
        NotAssigned => ("not_assigned", "Routed but unassigned"),
    }
}

/// One number whose route is not what its assignment says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Drift {
    /// E.164, as both sides key it.
    pub number: String,
    pub kind: DriftKind,
    /// The SIP address the assignment says, if any.
    pub expected: Option<String>,
    /// The SIP address the phone system routes to, if any.
    pub actual: Option<String>,
}

impl Drift {
    /// The job that puts the phone system right.
    pub fn repair(&self) -> JobAction {
        match self.kind {
            DriftKind::NotRouted | DriftKind::WrongUser => JobAction::Route,
            DriftKind::NotAssigned => JobAction::Unroute,
        }
    }
}

/// A comparison of the phone system's routes with the assignments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DriftCheck {
    pub id: i64,
    pub asked_at: i64,
    /// The admin who asked, or `switchboard` (on start, on its schedule).
    pub asked_by: String,
    /// When the worker compared; `None` while it has yet to.
    pub checked_at: Option<i64>,
    /// How many numbers differed.
    pub found: Option<i64>,
    /// Why the check could not be done (the phone system unreachable, say).
    pub error: Option<String>,
}

/// A difference a check found, and whether a repair went out for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Finding {
    pub drift: Drift,
    pub repaired_at: Option<i64>,
    pub repaired_by: Option<String>,
}

/// The latest check that was done, what it found, and whether another is
/// on its way: the Drift view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DriftReport {
    pub latest: Option<DriftCheck>,
    pub findings: Vec<Finding>,
    /// A check was asked for and is not done yet.
    pub checking: bool,
    /// The phone system keeps routes to compare (`none` does not).
    pub comparable: bool,
    pub now: i64,
}

/// The differences between `expected` (each assigned number's SIP
/// address) and `actual` (the phone system's routes), by number. Numbers in
/// `in_flight` (a job not yet confirmed) are left out: the phone system may
/// rightly be behind on them, and their jobs will settle them.
pub fn find_drift(
    expected: &BTreeMap<String, String>,
    actual: &BTreeMap<String, String>,
    in_flight: &BTreeSet<String>,
) -> Vec<Drift> {
    let numbers: BTreeSet<&String> = expected.keys().chain(actual.keys()).collect();
    numbers
        .into_iter()
        .filter(|n| !in_flight.contains(*n))
        .filter_map(|number| {
            let (want, got) = (expected.get(number), actual.get(number));
            let kind = match (want, got) {
                (Some(w), Some(g)) if w.eq_ignore_ascii_case(g) => return None,
                (Some(_), Some(_)) => DriftKind::WrongUser,
                (Some(_), None) => DriftKind::NotRouted,
                (None, Some(_)) => DriftKind::NotAssigned,
                (None, None) => return None,
            };
            Some(Drift {
                number: number.clone(),
                kind,
                expected: want.cloned(),
                actual: got.cloned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn each_kind_of_difference_is_found_and_nothing_else() {
        let expected = map(&[
            ("+1", "sip:alice@contoso.com"),
            ("+2", "sip:bob@contoso.com"),
            ("+3", "sip:carol@contoso.com"),
            ("+5", "sip:erin@contoso.com"),
            ("+6", "sip:frank@contoso.com"),
        ]);
        let actual = map(&[
            ("+1", "sip:alice@contoso.com"),
            ("+2", "sip:mallory@contoso.com"),
            ("+4", "sip:dave@contoso.com"),
            ("+5", "SIP:Erin@Contoso.com"),
            ("+7", "sip:grace@contoso.com"),
        ]);
        let in_flight: BTreeSet<String> = ["+6".to_owned(), "+7".to_owned()].into();
        let found: Vec<(String, DriftKind, JobAction)> = find_drift(&expected, &actual, &in_flight)
            .into_iter()
            .map(|d| (d.number.clone(), d.kind, d.repair()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("+2".to_owned(), DriftKind::WrongUser, JobAction::Route),
                ("+3".to_owned(), DriftKind::NotRouted, JobAction::Route),
                ("+4".to_owned(), DriftKind::NotAssigned, JobAction::Unroute),
            ]
        );
    }

    #[test]
    fn both_sides_empty_or_equal_is_no_drift() {
        let none = BTreeSet::new();
        assert_eq!(find_drift(&map(&[]), &map(&[]), &none), vec![]);
        let same = map(&[("+1", "sip:a@b")]);
        assert_eq!(find_drift(&same, &same, &none), vec![]);
    }
}
