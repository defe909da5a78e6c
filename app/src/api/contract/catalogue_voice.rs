//! The catalogue's Voice operations: users, assignments, bulk work and
//! imports, and the inventory of numbers, locations and licences.

use super::operation::{Kind, Operation};
use crate::api::assignments::*;
use crate::api::bulk::*;
use crate::api::change_sets::*;
use crate::api::drift::*;
use crate::api::emergency_locations::*;
use crate::api::import::*;
use crate::api::licences::*;
use crate::api::new_numbers::*;
use crate::api::phone_numbers::*;
use crate::api::port_numbers::*;
use crate::api::provisioning::*;
use crate::api::voice_users::*;
use crate::domain::*;

use Kind::{Read, Write};

const NUMBER: &str = "+14255550123";

fn e164(text: &str) -> E164 {
    E164::parse(text).expect("an example number is E.164")
}

pub(super) fn voice() -> Vec<Operation> {
    let row = BulkRow {
        user_id: UserId(1),
        expected_version: 1,
        number: Some(NUMBER.into()),
        location_id: Some(LocationId(1)),
    };
    vec![
        Operation::of(
            Read,
            ListVoiceUsers {
                query: UserQuery {
                    search: "adele".into(),
                    ..UserQuery::default()
                },
            },
        ),
        Operation::of(Read, GetVoiceUser { id: UserId(1) }),
        Operation::of(
            Write,
            AssignNumber {
                request: AssignRequest {
                    user_id: UserId(1),
                    number: NUMBER.into(),
                    location_id: Some(LocationId(1)),
                    expected_version: 1,
                },
            },
        ),
        Operation::of(
            Write,
            RemoveNumber {
                request: RemoveRequest {
                    user_id: UserId(1),
                    expected_version: 1,
                },
            },
        ),
        Operation::of(
            Write,
            RemoveNumbers {
                requests: vec![RemoveRequest {
                    user_id: UserId(2),
                    expected_version: 3,
                }],
            },
        ),
        Operation::of(
            Read,
            SuggestNumbers {
                request: SuggestRequest {
                    users: vec![UserId(1), UserId(2)],
                    narrow: Narrowing {
                        city: "Redmond".into(),
                        range: "+1 425 555 01xx".into(),
                    },
                },
            },
        ),
        Operation::of(
            Read,
            CheckRows {
                rows: vec![row.clone()],
                progress: None,
            },
        ),
        Operation::of(
            Write,
            SaveRows {
                rows: vec![row],
                progress: None,
            },
        ),
        Operation::of(
            Read,
            CheckImport {
                request: ImportRequest {
                    file: IMPORT_TEMPLATE.to_owned(),
                    progress: None,
                },
            },
        ),
        Operation::of(
            Write,
            ApplyImport {
                request: ImportRequest {
                    file: IMPORT_TEMPLATE.to_owned(),
                    progress: None,
                },
            },
        ),
        Operation::of(Read, RecentChanges { before: None }),
        Operation::of(
            Write,
            UndoChangeSet {
                request: UndoRequest {
                    change_set: ChangeSetId(12),
                },
            },
        ),
    ]
}

pub(super) fn inventory() -> Vec<Operation> {
    let port = PortRequest {
        source: PortSource::Range {
            first: "+14255550100".into(),
            count: 20,
        },
        city: "Redmond".into(),
    };
    vec![
        Operation::of(
            Read,
            ListPhoneNumbers {
                query: NumberQuery {
                    state: Some(StateFilter::Unassigned),
                    country: Some(Country::parse("US").expect("a country")),
                    limit: NUMBER_PAGE,
                    ..NumberQuery::default()
                },
            },
        ),
        Operation::of(
            Read,
            ListAssignableNumbers {
                filter: NumberFilter {
                    text: "425".into(),
                    country: None,
                    limit: 20,
                },
            },
        ),
        Operation::of(
            Write,
            AddNewUserNumbers {
                request: NewNumbersRequest {
                    country: Country::parse("US").expect("a country"),
                    city: "Redmond".into(),
                    quantity: 5,
                },
            },
        ),
        Operation::of(
            Write,
            ReleaseNumbers {
                numbers: vec![e164(NUMBER)],
            },
        ),
        Operation::of(
            Read,
            CheckPortedNumbers {
                request: port.clone(),
            },
        ),
        Operation::of(Write, AddPortedNumbers { request: port }),
        Operation::of(
            Read,
            ListLocations {
                city: String::new(),
            },
        ),
        Operation::of(
            Read,
            ListValidatedLocations {
                city: "Redmond".into(),
                country: Some(Country::parse("US").expect("a country")),
            },
        ),
        Operation::of(
            Write,
            AddLocation {
                address: CivicAddress {
                    description: "Redmond HQ, Building 4".into(),
                    street: "1 Microsoft Way".into(),
                    city: "Redmond".into(),
                    state: Some("WA".into()),
                    postal_code: "98052".into(),
                    country: "US".into(),
                },
            },
        ),
        Operation::of(
            Write,
            RenameLocation {
                id: LocationId(1),
                description: "Redmond HQ, Building 4, lobby".into(),
            },
        ),
        Operation::of(Write, DeleteLocation { id: LocationId(99) }),
        Operation::of(Read, ListLicences {}),
        Operation::of(
            Write,
            ChangeLicence {
                change: LicenceChange {
                    user_id: UserId(1),
                    licence: Licence::PhoneSystem,
                    assign: true,
                    expected_version: 1,
                    also_remove_number: false,
                },
            },
        ),
        Operation::of(Read, UserProvisioning { user_id: UserId(1) }),
        Operation::of(
            Read,
            ListProvisioning {
                query: ProvisioningQuery {
                    status: Some(OpenStatus::Failed),
                    ..ProvisioningQuery::default()
                },
            },
        ),
        Operation::of(
            Write,
            RetryProvisioning {
                request: RetryRequest { job: None },
            },
        ),
        Operation::of(Read, LatestDrift {}),
        Operation::of(Write, CheckDrift {}),
        Operation::of(
            Write,
            RepairDrift {
                request: RepairRequest {
                    check: 1,
                    numbers: Some(vec![NUMBER.into()]),
                },
            },
        ),
    ]
}
