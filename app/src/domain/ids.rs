use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies a voice user within the organisation.
    UserId
);
id_type!(
    /// Identifies an emergency location (a civic address).
    LocationId
);
id_type!(
    /// Identifies a sign-in account.
    AccountId
);
id_type!(
    /// Identifies a number of the organisation's inventory.
    NumberId
);
id_type!(
    /// Identifies a change set: the changes of one Save, import or undo.
    ChangeSetId
);
