//! Closed lists the console stores and offers to pick from: number kinds,
//! sources, roles, licences, audit actions. Each value has a stable code
//! (what the database and URLs hold) and a label (what admins read); `ALL`
//! is the order lists and filters show them in.

/// A value from a closed list, for a filter or a form to offer.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order the console lists them.
    fn all() -> &'static [Self];
    /// The stable code, e.g. `direct_routing` or `US`.
    fn code(&self) -> &str;
    /// What admins read, e.g. `Direct Routing` or `United States`.
    fn label(&self) -> &str;

    fn from_code(code: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.code() == code)
    }
}

/// Declares an enum whose variants each carry a stored code and a label,
/// with `ALL` in declaration order, `code()`, `label()`, `from_code()` and
/// the [`Choice`] implementation. Derives are the caller's.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => ($code:literal, $label:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The name admins read.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        impl $crate::domain::Choice for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn code(&self) -> &str {
                $name::code(*self)
            }
            fn label(&self) -> &str {
                $name::label(*self)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::domain::{Activation, AuditAction, Licence, NumberKind, NumberSource, Role};

    /// Codes and labels are unique within each list, and codes round-trip.
    fn check<C: Choice + std::fmt::Debug>(list: &str) {
        let mut codes = std::collections::HashSet::new();
        let mut labels = std::collections::HashSet::new();
        for c in C::all() {
            assert!(
                codes.insert(c.code().to_owned()),
                "{list}: code of {c:?} repeats"
            );
            assert!(
                labels.insert(c.label().to_owned()),
                "{list}: label of {c:?} repeats"
            );
            assert_eq!(
                C::from_code(c.code()),
                Some(*c),
                "{list}: {c:?} round-trips"
            );
        }
        assert_eq!(C::from_code("no such code"), None, "{list}");
    }

    #[test]
    fn every_list_has_unique_codes_and_labels_that_round_trip() {
        check::<NumberKind>("kinds");
        check::<NumberSource>("sources");
        check::<Activation>("activations");
        check::<Role>("roles");
        check::<Licence>("licences");
        check::<AuditAction>("audit actions");
        check::<crate::domain::Country>("countries");
        check::<crate::domain::StateFilter>("state filters");
        check::<crate::domain::UserSort>("voice users sorts");
        check::<crate::domain::NumberHeld>("assigned number filters");
        check::<crate::domain::NumberSort>("phone numbers sorts");
    }
}
