use serde::{Deserialize, Serialize};

use super::NumberSource;

choice! {
    /// The licences that matter for telephony.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum Licence {
        /// Enterprise E5: includes Phone System and Audio Conferencing.
        EnterpriseE5 => ("ENTERPRISE_E5", "Enterprise E5"),
        EnterpriseE3 => ("ENTERPRISE_E3", "Enterprise E3"),
        PhoneSystem => ("PHONE_SYSTEM", "Phone System"),
        AudioConferencing => ("AUDIO_CONFERENCING", "Audio Conferencing"),
        DomesticCallingPlan => ("DOMESTIC_CALLING_PLAN", "Domestic Calling Plan"),
        InternationalCallingPlan => ("INTERNATIONAL_CALLING_PLAN", "International Calling Plan"),
    }
}

impl Licence {
    /// Whether a set of licences lets its holder have a number from `source`:
    /// Phone System (alone or inside E5) always, plus a Calling Plan for
    /// numbers bought from the provider.
    pub fn allow(held: &[Licence], source: NumberSource) -> bool {
        let phone_system = held
            .iter()
            .any(|l| matches!(l, Licence::EnterpriseE5 | Licence::PhoneSystem));
        let calling_plan = held.iter().any(|l| {
            matches!(
                l,
                Licence::DomesticCallingPlan | Licence::InternationalCallingPlan
            )
        });
        match source {
            NumberSource::CallingPlan => phone_system && calling_plan,
            NumberSource::DirectRouting | NumberSource::OperatorConnect => phone_system,
        }
    }

    /// The licences that make the Voice area appear: "at least one
    /// Enterprise E5, Phone System or Audio Conferencing license".
    pub fn opens_voice(self) -> bool {
        matches!(
            self,
            Licence::EnterpriseE5 | Licence::PhoneSystem | Licence::AudioConferencing
        )
    }

    /// Whether taking `removing` away from `held` would leave a number from
    /// `source` without the licence it needs (it had it before).
    pub fn needed_for(held: &[Licence], removing: Licence, source: NumberSource) -> bool {
        let rest: Vec<Licence> = held.iter().copied().filter(|l| *l != removing).collect();
        Licence::allow(held, source) && !Licence::allow(&rest, source)
    }

    /// What the admin sees under **Assigned license**: the names, or "None".
    pub fn summary(held: &[Licence]) -> String {
        if held.is_empty() {
            return "None".to_owned();
        }
        let mut sorted = held.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted
            .iter()
            .map(|l| l.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::Licence::*;
    use super::*;
    use NumberSource::*;

    #[test]
    fn licences_allow_numbers_by_source() {
        let cases: &[(&[Licence], NumberSource, bool, &str)] = &[
            (&[], CallingPlan, false, "no licence at all"),
            (&[], DirectRouting, false, "no licence at all"),
            (
                &[EnterpriseE5],
                DirectRouting,
                true,
                "E5 includes Phone System",
            ),
            (
                &[EnterpriseE5],
                CallingPlan,
                false,
                "E5 alone has no Calling Plan",
            ),
            (
                &[EnterpriseE5, DomesticCallingPlan],
                CallingPlan,
                true,
                "E5 + Domestic",
            ),
            (
                &[PhoneSystem, InternationalCallingPlan],
                CallingPlan,
                true,
                "Phone System + International",
            ),
            (
                &[EnterpriseE3, DomesticCallingPlan],
                CallingPlan,
                false,
                "E3 has no Phone System",
            ),
            (
                &[EnterpriseE3],
                DirectRouting,
                false,
                "E3 has no Phone System",
            ),
            (
                &[AudioConferencing],
                DirectRouting,
                false,
                "conferencing is not Phone System",
            ),
            (
                &[PhoneSystem],
                OperatorConnect,
                true,
                "operator numbers need Phone System only",
            ),
            (
                &[DomesticCallingPlan],
                CallingPlan,
                false,
                "a plan without Phone System",
            ),
        ];
        for (held, source, want, why) in cases {
            assert_eq!(Licence::allow(held, *source), *want, "{why}");
        }
    }

    #[test]
    fn a_licence_is_needed_when_the_number_would_lose_its_cover() {
        let full: &[Licence] = &[EnterpriseE5, PhoneSystem, DomesticCallingPlan];
        let cases = [
            (
                full,
                DomesticCallingPlan,
                CallingPlan,
                true,
                "the only Calling Plan",
            ),
            (
                full,
                EnterpriseE5,
                CallingPlan,
                false,
                "Phone System still covers it",
            ),
            (
                full,
                PhoneSystem,
                DirectRouting,
                false,
                "E5 still covers it",
            ),
            (
                &[EnterpriseE5, DomesticCallingPlan][..],
                EnterpriseE5,
                DirectRouting,
                true,
                "the only Phone System",
            ),
            (
                &[EnterpriseE5][..],
                AudioConferencing,
                DirectRouting,
                false,
                "not held anyway",
            ),
            (
                &[EnterpriseE3][..],
                EnterpriseE3,
                DirectRouting,
                false,
                "the number wasn't covered before",
            ),
        ];
        for (held, removing, source, want, why) in cases {
            assert_eq!(Licence::needed_for(held, removing, source), want, "{why}");
        }
    }

    #[test]
    fn summary_names_each_licence_once_in_a_stable_order() {
        assert_eq!(Licence::summary(&[]), "None");
        assert_eq!(
            Licence::summary(&[DomesticCallingPlan, PhoneSystem, PhoneSystem]),
            "Phone System, Domestic Calling Plan"
        );
    }
}
