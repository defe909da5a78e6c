use serde::{Deserialize, Serialize};

use super::{Date, PhoneNumber, UserId};

/// What a number may be used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberKind {
    /// A subscriber number for a person.
    User,
    /// For conference bridges, call queues and auto attendants.
    Service,
    /// Toll-free: never for a person.
    TollFree,
}

impl NumberKind {
    pub fn code(self) -> &'static str {
        match self {
            NumberKind::User => "user",
            NumberKind::Service => "service",
            NumberKind::TollFree => "toll_free",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [NumberKind::User, NumberKind::Service, NumberKind::TollFree]
            .into_iter()
            .find(|k| k.code() == code)
    }
    pub fn label(self) -> &'static str {
        match self {
            NumberKind::User => "User",
            NumberKind::Service => "Service",
            NumberKind::TollFree => "Toll-free",
        }
    }
}

/// Where the number comes from; decides which licences its holder needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberSource {
    /// Bought from the provider with a Calling Plan.
    CallingPlan,
    /// The organisation's own number, routed through its SBC.
    DirectRouting,
    /// Managed by an operator.
    OperatorConnect,
}

impl NumberSource {
    pub fn code(self) -> &'static str {
        match self {
            NumberSource::CallingPlan => "calling_plan",
            NumberSource::DirectRouting => "direct_routing",
            NumberSource::OperatorConnect => "operator_connect",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [
            NumberSource::CallingPlan,
            NumberSource::DirectRouting,
            NumberSource::OperatorConnect,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
    /// The name Microsoft's messages use ('CallingPlan', 'DirectRouting').
    pub fn message_name(self) -> &'static str {
        match self {
            NumberSource::CallingPlan => "CallingPlan",
            NumberSource::DirectRouting => "DirectRouting",
            NumberSource::OperatorConnect => "OperatorConnect",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            NumberSource::CallingPlan => "Calling Plan",
            NumberSource::DirectRouting => "Direct Routing",
            NumberSource::OperatorConnect => "Operator Connect",
        }
    }
}

/// Where the number is in its provisioning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Activation {
    Active,
    Pending,
    Failed,
}

impl Activation {
    pub fn code(self) -> &'static str {
        match self {
            Activation::Active => "active",
            Activation::Pending => "pending",
            Activation::Failed => "failed",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [Activation::Active, Activation::Pending, Activation::Failed]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// Who holds a number now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberHolder {
    pub user_id: UserId,
    pub display_name: String,
}

/// A number of the organisation's inventory with everything the rules need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in [NumberKind::User, NumberKind::Service, NumberKind::TollFree] {
            assert_eq!(NumberKind::from_code(k.code()), Some(k));
        }
        for s in [
            NumberSource::CallingPlan,
            NumberSource::DirectRouting,
            NumberSource::OperatorConnect,
        ] {
            assert_eq!(NumberSource::from_code(s.code()), Some(s));
        }
        for a in [Activation::Active, Activation::Pending, Activation::Failed] {
            assert_eq!(Activation::from_code(a.code()), Some(a));
        }
        assert_eq!(NumberKind::from_code("User"), None);
    }
}
