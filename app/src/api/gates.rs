//! Who may call each API route, decided before its body is read: a caller
//! without a session gets 401 and one whose role can't use the route 403,
//! whatever they send, so nobody maps the API's shapes by sending it
//! nonsense. Each server function still authorizes itself (the Caller
//! found here is handed on, not looked up twice); this table only decides
//! earlier. `server/tests/api/roles` holds it to every route.

use crate::domain::Permission;
use crate::links::{
    AUDIT_EXPORT_PATH, EVENTS_PATH, PHONE_NUMBERS_EXPORT_PATH, VOICE_USERS_EXPORT_PATH,
};

/// What a route asks of its caller before reading the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Anyone: signing in (both steps) and out, and the console's status,
    /// which tells a signed-out browser to show sign-in.
    Open,
    /// Any session, even one whose one-time password must be replaced first.
    Session,
    /// A session whose role grants the permission (and for Voice, an
    /// organisation whose licences open Voice).
    Needs(Permission),
}

use Gate::{Needs, Open, Session};
use Permission::{ManageAccounts, ManageLicences, ManageVoice, ViewAudit, ViewLicences, ViewVoice};

const GATES: &[(&str, Gate)] = &[
    ("/api/auth/sign-in", Open),
    ("/api/auth/sign-in/code", Open),
    ("/api/auth/sign-out", Open),
    ("/api/console/status", Open),
    ("/api/auth/my-profile", Session),
    ("/api/auth/change-password", Session),
    ("/api/auth/two-step/status", Session),
    ("/api/auth/two-step/start", Session),
    ("/api/auth/two-step/confirm", Session),
    ("/api/auth/two-step/recovery-codes", Session),
    ("/api/auth/two-step/turn-off", Session),
    ("/api/auth/tokens/list", Session),
    ("/api/auth/tokens/create", Session),
    ("/api/auth/tokens/revoke", Session),
    ("/api/progress", Session),
    ("/api/openapi.json", Session),
    ("/api/reference", Session),
    (EVENTS_PATH, Session),
    ("/api/voice-users/list", Needs(ViewVoice)),
    ("/api/voice-users/get", Needs(ViewVoice)),
    (VOICE_USERS_EXPORT_PATH, Needs(ViewVoice)),
    ("/api/phone-numbers/list", Needs(ViewVoice)),
    ("/api/numbers/assignable", Needs(ViewVoice)),
    (PHONE_NUMBERS_EXPORT_PATH, Needs(ViewVoice)),
    ("/api/emergency-locations/list", Needs(ViewVoice)),
    ("/api/emergency-locations/validated", Needs(ViewVoice)),
    ("/api/change-sets/list", Needs(ViewVoice)),
    ("/api/provisioning/user", Needs(ViewVoice)),
    ("/api/provisioning/list", Needs(ViewVoice)),
    ("/api/drift/latest", Needs(ViewVoice)),
    ("/api/assignments/assign", Needs(ManageVoice)),
    ("/api/assignments/remove", Needs(ManageVoice)),
    ("/api/assignments/remove-selected", Needs(ManageVoice)),
    ("/api/bulk/suggest", Needs(ManageVoice)),
    ("/api/bulk/check", Needs(ManageVoice)),
    ("/api/bulk/save", Needs(ManageVoice)),
    ("/api/import/check", Needs(ManageVoice)),
    ("/api/import/apply", Needs(ManageVoice)),
    ("/api/change-sets/undo", Needs(ManageVoice)),
    ("/api/phone-numbers/add-new", Needs(ManageVoice)),
    ("/api/phone-numbers/release", Needs(ManageVoice)),
    ("/api/phone-numbers/port/check", Needs(ManageVoice)),
    ("/api/phone-numbers/port/add", Needs(ManageVoice)),
    ("/api/emergency-locations/add", Needs(ManageVoice)),
    ("/api/emergency-locations/rename", Needs(ManageVoice)),
    ("/api/emergency-locations/delete", Needs(ManageVoice)),
    ("/api/provisioning/retry", Needs(ManageVoice)),
    ("/api/drift/check", Needs(ManageVoice)),
    ("/api/drift/repair", Needs(ManageVoice)),
    ("/api/licences/list", Needs(ViewLicences)),
    ("/api/licences/change", Needs(ManageLicences)),
    ("/api/audit/list", Needs(ViewAudit)),
    (AUDIT_EXPORT_PATH, Needs(ViewAudit)),
    ("/api/accounts/list", Needs(ManageAccounts)),
    ("/api/accounts/create", Needs(ManageAccounts)),
    ("/api/accounts/set-role", Needs(ManageAccounts)),
    ("/api/accounts/reset-password", Needs(ManageAccounts)),
    ("/api/accounts/remove", Needs(ManageAccounts)),
    ("/api/accounts/reset-two-step", Needs(ManageAccounts)),
    ("/api/settings/sign-in", Needs(ManageAccounts)),
    ("/api/settings/sign-in/set", Needs(ManageAccounts)),
];

/// The gate of an `/api/` route. A route not listed needs a session: a
/// caller without one learns nothing of which routes exist.
pub fn gate(path: &str) -> Gate {
    GATES
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(Session, |(_, g)| *g)
}

/// Every listed route, for the tests that hold the table to the routes.
pub fn routes() -> impl Iterator<Item = &'static str> {
    GATES.iter().map(|(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_has_its_gate_and_unknown_ones_need_a_session() {
        let cases = [
            ("/api/auth/sign-in", Open),
            ("/api/auth/sign-in/code", Open),
            ("/api/auth/change-password", Session),
            ("/api/auth/two-step/status", Session),
            ("/api/auth/two-step/start", Session),
            ("/api/auth/two-step/confirm", Session),
            ("/api/auth/two-step/recovery-codes", Session),
            ("/api/auth/two-step/turn-off", Session),
            ("/api/auth/tokens/list", Session),
            ("/api/auth/tokens/create", Session),
            ("/api/auth/tokens/revoke", Session),
            ("/api/assignments/assign", Needs(ManageVoice)),
            ("/api/audit/export.csv", Needs(ViewAudit)),
            ("/api/no-such-thing", Session),
            ("/api/auth/sign-in/", Session),
        ];
        for (path, want) in cases {
            assert_eq!(gate(path), want, "{path}");
        }
    }

    #[test]
    fn no_route_is_listed_twice() {
        let mut seen: Vec<&str> = routes().collect();
        seen.sort_unstable();
        let count = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), count);
    }
}
