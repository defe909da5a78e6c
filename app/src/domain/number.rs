use serde::{Deserialize, Serialize};

use super::{Date, PhoneNumber, UserId};

choice! {
    /// What a number may be used for.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum NumberKind {
        /// A subscriber number for a person.
        User => ("user", "User"),
        /// For conference bridges, call queues and auto attendants.
        Service => ("service", "Service"),
        /// Toll-free: never for a person.
        TollFree => ("toll_free", "Toll-free"),
    }
}

choice! {
    /// Where the number comes from; decides which licences its holder needs.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum NumberSource {
        /// Bought from the provider with a Calling Plan.
        CallingPlan => ("calling_plan", "Calling Plan"),
        /// The organisation's own number, routed through its SBC.
        DirectRouting => ("direct_routing", "Direct Routing"),
        /// Managed by an operator.
        OperatorConnect => ("operator_connect", "Operator Connect"),
    }
}

impl NumberSource {
    /// The name Microsoft's messages use ('CallingPlan', 'DirectRouting').
    pub fn message_name(self) -> &'static str {
        match self {
            NumberSource::CallingPlan => "CallingPlan",
            NumberSource::DirectRouting => "DirectRouting",
            NumberSource::OperatorConnect => "OperatorConnect",
        }
    }
}

choice! {
    /// Where the number is in its provisioning.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum Activation {
        Active => ("active", "Active"),
        Pending => ("pending", "Pending activation"),
        Failed => ("failed", "Activation failed"),
    }
}

/// Who holds a number now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NumberHolder {
    pub user_id: UserId,
    pub display_name: String,
}

/// A number of the organisation's inventory with everything the rules need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TelephoneNumber {
    pub number: PhoneNumber,
    pub city: String,
    pub kind: NumberKind,
    pub source: NumberSource,
    pub activation: Activation,
    /// The re-use block after a removal: not assignable before this day.
    pub blocked_until: Option<Date>,
    pub holder: Option<NumberHolder>,
}

/// Where a number stands on a given day: the Phone numbers grid's State.
/// The first that applies wins: a holder, then its activation, then a
/// re-use block. `store::numbers` filters by the same definition in SQL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberState {
    Assigned,
    PendingActivation,
    ActivationFailed,
    Blocked { until: Date },
    Unassigned,
}

impl NumberState {
    pub fn label(&self) -> String {
        match self {
            NumberState::Assigned => "Assigned".to_owned(),
            NumberState::PendingActivation => "Pending activation".to_owned(),
            NumberState::ActivationFailed => "Activation failed".to_owned(),
            NumberState::Blocked { until } => format!("Blocked until {until}"),
            NumberState::Unassigned => "Unassigned".to_owned(),
        }
    }
}

impl TelephoneNumber {
    pub fn state(&self, today: &Date) -> NumberState {
        if self.holder.is_some() {
            return NumberState::Assigned;
        }
        match (self.activation, &self.blocked_until) {
            (Activation::Pending, _) => NumberState::PendingActivation,
            (Activation::Failed, _) => NumberState::ActivationFailed,
            (Activation::Active, Some(until)) if until > today => NumberState::Blocked {
                until: until.clone(),
            },
            (Activation::Active, _) => NumberState::Unassigned,
        }
    }

    /// Whether a user could be given this number today: an unassigned user
    /// number. The rules say why not for any other.
    pub fn is_assignable(&self, today: &Date) -> bool {
        self.kind == NumberKind::User && self.state(today) == NumberState::Unassigned
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Country, E164};

    fn number(
        kind: NumberKind,
        activation: Activation,
        blocked: Option<&str>,
        held: bool,
    ) -> TelephoneNumber {
        TelephoneNumber {
            number: PhoneNumber {
                e164: E164::parse("+14255550100").unwrap(),
                country: Country::parse("US").unwrap(),
                national: "(425) 555-0100".into(),
                international: "+1 425-555-0100".into(),
            },
            city: "Redmond".into(),
            kind,
            source: NumberSource::CallingPlan,
            activation,
            blocked_until: blocked.map(|d| Date::parse(d).unwrap()),
            holder: held.then(|| NumberHolder {
                user_id: UserId(1),
                display_name: "Adele Vance".into(),
            }),
        }
    }

    #[test]
    fn a_numbers_state_is_its_holder_then_activation_then_block() {
        use Activation::*;
        use NumberKind::*;
        let today = Date::parse("2026-11-26").unwrap();
        let blocked = NumberState::Blocked {
            until: Date::parse("2026-12-01").unwrap(),
        };
        let cases = [
            (
                User,
                Active,
                None,
                false,
                NumberState::Unassigned,
                true,
                "free",
            ),
            (
                User,
                Active,
                None,
                true,
                NumberState::Assigned,
                false,
                "held",
            ),
            (
                User,
                Pending,
                None,
                true,
                NumberState::Assigned,
                false,
                "held wins over pending",
            ),
            (
                User,
                Pending,
                None,
                false,
                NumberState::PendingActivation,
                false,
                "pending",
            ),
            (
                User,
                Failed,
                Some("2026-12-01"),
                false,
                NumberState::ActivationFailed,
                false,
                "failed wins over a block",
            ),
            (
                User,
                Active,
                Some("2026-12-01"),
                false,
                blocked,
                false,
                "blocked until a later day",
            ),
            (
                User,
                Active,
                Some("2026-11-26"),
                false,
                NumberState::Unassigned,
                true,
                "the block ends today",
            ),
            (
                User,
                Active,
                Some("2026-11-01"),
                false,
                NumberState::Unassigned,
                true,
                "the block is over",
            ),
            (
                Service,
                Active,
                None,
                false,
                NumberState::Unassigned,
                false,
                "a free service number isn't for users",
            ),
            (
                TollFree,
                Active,
                None,
                false,
                NumberState::Unassigned,
                false,
                "nor a toll-free one",
            ),
        ];
        for (kind, activation, until, held, state, assignable, why) in cases {
            let n = number(kind, activation, until, held);
            assert_eq!(n.state(&today), state, "{why}");
            assert_eq!(n.is_assignable(&today), assignable, "{why}");
        }
    }

    #[test]
    fn states_read_as_the_grid_shows_them() {
        let until = Date::parse("2026-12-01").unwrap();
        assert_eq!(
            NumberState::Blocked { until }.label(),
            "Blocked until 2026-12-01"
        );
        assert_eq!(NumberState::PendingActivation.label(), "Pending activation");
    }
}
