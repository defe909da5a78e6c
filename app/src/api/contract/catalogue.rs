//! Every server function, with an example request written as the
//! function's own input type: the document's request schemas, answers and
//! examples all come from the types the server reads and writes, so none of
//! them can drift from the code. Whether a function changes anything
//! decides whether the document offers it an `Idempotency-Key`.

use super::operation::{Kind, Operation};
use crate::api::accounts::*;
use crate::api::api_reference::*;
use crate::api::api_tokens::*;
use crate::api::audit_log::*;
use crate::api::auth::*;
use crate::api::console::*;
use crate::api::profile::*;
use crate::api::progress::*;
use crate::api::sign_in_policy::*;
use crate::api::two_step::*;
use crate::domain::*;

use Kind::{Read, Secret, Write};

/// Every operation of the API, in the order the document lists them.
pub fn operations() -> Vec<Operation> {
    let mut all = sign_in();
    all.extend(super::catalogue_voice::voice());
    all.extend(super::catalogue_voice::inventory());
    all.extend(settings());
    all.push(Operation::of(Read, ReadApiReference {}));
    all
}

fn sign_in() -> Vec<Operation> {
    vec![
        Operation::of(
            Write,
            SignIn {
                username: "alex.admin".into(),
                password: "correct horse battery staple".into(),
            },
        ),
        Operation::of(
            Write,
            SignInCode {
                challenge: "the challenge sign-in answered".into(),
                code: "123456".into(),
            },
        ),
        Operation::of(Write, SignOut {}),
        Operation::of(Read, ConsoleStatus {}),
        Operation::of(Read, MyProfile {}),
        Operation::of(
            Write,
            ChangePassword {
                current: "the password in use".into(),
                new: "a long new pass phrase".into(),
            },
        ),
        Operation::of(Read, MyTwoStep {}),
        Operation::of(Secret, StartTwoStep {}),
        Operation::of(
            Secret,
            ConfirmTwoStep {
                code: "123456".into(),
            },
        ),
        Operation::of(
            Secret,
            RenewRecoveryCodes {
                code: "123456".into(),
            },
        ),
        Operation::of(
            Write,
            TurnOffTwoStep {
                code: "123456".into(),
            },
        ),
        Operation::of(Read, ListApiTokens { account: None }),
        Operation::of(
            Secret,
            CreateApiToken {
                request: NewApiToken {
                    account: None,
                    name: "nightly provisioning".into(),
                    days: Some(90),
                    role: Some(Role::VoiceAdmin),
                },
            },
        ),
        Operation::of(Write, RevokeApiToken { id: 7 }),
        Operation::of(
            Read,
            ProgressOf {
                key: ProgressKey::from_parts(0x5eed_cafe, 0x1d),
            },
        ),
    ]
}

fn settings() -> Vec<Operation> {
    vec![
        Operation::of(
            Read,
            ListAudit {
                query: AuditQuery {
                    action: Some(AuditAction::NumberAssigned),
                    ..AuditQuery::default()
                },
            },
        ),
        Operation::of(Read, ListAccounts {}),
        Operation::of(
            Secret,
            CreateAccount {
                request: NewAccountRequest {
                    username: "sam.helpdesk".into(),
                    display_name: "Sam Helpdesk".into(),
                    role: Role::Helpdesk,
                },
            },
        ),
        Operation::of(
            Write,
            SetRole {
                id: AccountId(4),
                role: Role::VoiceAdmin,
                expected_version: 1,
            },
        ),
        Operation::of(Secret, ResetPassword { id: AccountId(4) }),
        Operation::of(Write, ResetTwoStep { id: AccountId(4) }),
        Operation::of(
            Write,
            RemoveAccount {
                id: AccountId(4),
                expected_version: 2,
            },
        ),
        Operation::of(Read, GetSignInPolicy {}),
        Operation::of(
            Write,
            SetSignInPolicy {
                policy: SignInPolicy {
                    two_step_for_admins: true,
                },
            },
        ),
    ]
}
