use serde::{Deserialize, Serialize};

choice! {
    /// What a signed-in person may do in the console.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
    pub enum Role {
        /// Everything, including managing admin accounts and roles.
        GlobalAdmin => ("GLOBAL_ADMIN", "Global administrator"),
        /// Numbers, emergency locations and assignments.
        VoiceAdmin => ("VOICE_ADMIN", "Voice administrator"),
        /// Reads voice users and numbers; changes nothing.
        Helpdesk => ("HELPDESK", "Helpdesk"),
        /// An end user: their own profile only.
        User => ("USER", "User"),
    }
}

/// One thing a role may or may not do; every server function asks for one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Permission {
    /// See voice users, phone numbers, emergency locations.
    ViewVoice,
    /// Assign, change and remove numbers; add and release numbers; manage locations.
    ManageVoice,
    /// See the licence inventory and who holds what.
    ViewLicences,
    /// Give and take away users' licences.
    ManageLicences,
    /// Read and export the audit log.
    ViewAudit,
    /// Create and remove sign-in accounts, change roles.
    ManageAccounts,
}

impl Role {
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::GlobalAdmin => true,
            Role::VoiceAdmin => matches!(
                permission,
                ViewVoice | ManageVoice | ViewLicences | ViewAudit
            ),
            Role::Helpdesk => matches!(permission, ViewVoice | ViewLicences),
            Role::User => false,
        }
    }

    /// The lesser of this role and `ceiling` (roles are declared strongest
    /// first, each able to do all the next one can): what a token of this
    /// role may do for an account of role `ceiling`.
    pub fn at_most(self, ceiling: Role) -> Role {
        self.max(ceiling)
    }

    /// Any admin role, as opposed to an end user.
    pub fn is_admin(self) -> bool {
        self != Role::User
    }
}

#[cfg(test)]
mod tests {
    use super::Permission::*;
    use super::*;

    #[test]
    fn each_role_may_do_exactly_its_share() {
        let all = [
            ViewVoice,
            ManageVoice,
            ViewLicences,
            ManageLicences,
            ViewAudit,
            ManageAccounts,
        ];
        let table: [(Role, &[Permission]); 4] = [
            (Role::GlobalAdmin, &all),
            (
                Role::VoiceAdmin,
                &[ViewVoice, ManageVoice, ViewLicences, ViewAudit],
            ),
            (Role::Helpdesk, &[ViewVoice, ViewLicences]),
            (Role::User, &[]),
        ];
        for (role, allowed) in table {
            for permission in all {
                assert_eq!(
                    role.may(permission),
                    allowed.contains(&permission),
                    "{role:?} / {permission:?}"
                );
            }
        }
    }

    #[test]
    fn only_user_is_not_an_admin() {
        for &role in Role::ALL {
            assert_eq!(role.is_admin(), role != Role::User, "{role:?}");
        }
    }
}
