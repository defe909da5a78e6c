use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::errors::{code_of, STATUSES};
use super::{document, operations, Kind};
use crate::api::ApiError;
use crate::domain::{Country, ImportReport, Violation};

fn documented() -> BTreeSet<String> {
    document()["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn every_server_function_is_in_the_document_and_nothing_else_is() {
    let registered: BTreeSet<String> = server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    assert!(registered.len() > 40, "the functions are registered");
    let documented = documented();
    let missing: Vec<&String> = registered.difference(&documented).collect();
    assert!(missing.is_empty(), "not in the document: {missing:?}");
    // Server functions are POSTs; the GETs (exports, the event stream, the
    // document itself) are routes of their own.
    let paths = document()["paths"].clone();
    let extra: Vec<&String> = documented
        .difference(&registered)
        .filter(|p| paths[p.as_str()].get("get").is_none())
        .collect();
    assert!(extra.is_empty(), "documented but no function: {extra:?}");
}

#[test]
fn every_documented_route_has_a_gate() {
    let gated: BTreeSet<String> = crate::api::gates::routes().map(str::to_owned).collect();
    let ungated: Vec<String> = documented().difference(&gated).cloned().collect();
    assert!(ungated.is_empty(), "no gate: {ungated:?}");
}

/// A schema that resolves the document's `#/components/...` references:
/// the operation's schema at the root, beside the document's components.
fn validator(schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    root["components"] = document()["components"].clone();
    jsonschema::validator_for(&root).expect("a valid JSON Schema")
}

#[test]
fn each_example_is_read_by_its_function_and_fits_its_documented_schema() {
    for op in operations() {
        (op.reads)(op.example.clone())
            .unwrap_or_else(|e| panic!("{}: the function can't read its example: {e}", op.path));
        let body =
            &document()["paths"][op.path]["post"]["requestBody"]["content"]["application/json"];
        let errors: Vec<String> = validator(&body["schema"])
            .iter_errors(&body["example"])
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", op.path);
    }
}

#[test]
fn the_documented_schemas_refuse_what_the_functions_refuse() {
    let assign = &document()["paths"]["/api/assignments/assign"]["post"]["requestBody"]["content"]
        ["application/json"]["schema"];
    let cases = [
        (json!({}), "no request"),
        (
            json!({ "request": { "user_id": "one", "number": "+14255550100", "location_id": null, "expected_version": 1 } }),
            "an id as text",
        ),
        (
            json!({ "request": { "number": "+14255550100", "location_id": null, "expected_version": 1 } }),
            "no user",
        ),
    ];
    let check = validator(assign);
    for (body, why) in cases {
        assert!(!check.is_valid(&body), "the schema takes {why}");
        let read = operations()
            .into_iter()
            .find(|o| o.path == "/api/assignments/assign")
            .map(|o| (o.reads)(body.clone()));
        assert!(matches!(read, Some(Err(_))), "the function takes {why}");
    }
}

#[test]
fn operation_names_are_unique_snake_case_function_names() {
    let ops = operations();
    let ids: BTreeSet<String> = ops.iter().map(|o| o.id()).collect();
    assert_eq!(ids.len(), ops.len());
    let cases = [
        ("/api/assignments/assign", "assign_number"),
        ("/api/voice-users/list", "list_voice_users"),
        ("/api/change-sets/undo", "undo_change_set"),
        ("/api/auth/tokens/create", "create_api_token"),
    ];
    for (path, id) in cases {
        assert_eq!(
            document()["paths"][path]["post"]["operationId"],
            json!(id),
            "{path}"
        );
    }
}

#[test]
fn operations_carry_their_function_documentation_and_who_may_call() {
    let assign = &document()["paths"]["/api/assignments/assign"]["post"];
    assert!(assign["summary"]
        .as_str()
        .unwrap()
        .starts_with("Assigns a number"));
    let about = assign["description"].as_str().unwrap();
    assert!(
        about.contains("Needs ManageVoice: Global administrator, Voice administrator"),
        "{about}"
    );
    assert_eq!(assign["x-permission"], json!("ManageVoice"));
    for op in operations() {
        let summary = document()["paths"][op.path]["post"]["summary"]
            .as_str()
            .unwrap_or_default();
        assert!(
            summary.ends_with('.') && !summary.starts_with("Serialized"),
            "{}: document the server function ({summary})",
            op.path
        );
    }
    let sign_in = &document()["paths"]["/api/auth/sign-in"]["post"];
    assert_eq!(sign_in["security"], json!([]));
}

#[test]
fn only_plain_writes_of_a_caller_offer_an_idempotency_key() {
    for op in operations() {
        let offered = document()["paths"][op.path]["post"]["parameters"].is_array();
        let open = crate::api::gates::gate(op.path) == crate::api::gates::Gate::Open;
        assert_eq!(offered, op.kind == Kind::Write && !open, "{}", op.path);
    }
    let sign_in = &document()["paths"]["/api/auth/sign-in"]["post"];
    assert!(
        sign_in["summary"]
            .as_str()
            .unwrap()
            .ends_with("to send to `sign_in_code`."),
        "{sign_in}"
    );
}

/// The codes scripts match on. Renaming one breaks them: this list changes
/// only with a note to script writers.
#[test]
fn the_error_codes_are_the_documented_ones() {
    let schema = &document()["components"]["schemas"]["ApiError"];
    let in_schema: BTreeSet<String> = variant_names(schema);
    let in_table: BTreeSet<String> = STATUSES.iter().map(|(c, _)| (*c).to_owned()).collect();
    assert_eq!(in_schema, in_table);

    let violations = variant_names(&document()["components"]["schemas"]["Violation"]);
    let stable = [
        "NumberNotFound",
        "AlreadyAssigned",
        "NotUserNumber",
        "NumberPending",
        "NumberFailed",
        "NumberBlocked",
        "MissingLicence",
        "UsageLocationMismatch",
        "LocationCountryMismatch",
        "LocationRequired",
        "LocationNotValidated",
        "NumberTwiceInSet",
        "UserTwiceInSet",
        "NothingToRemove",
        "ChangedSince",
        "UserChangedMeanwhile",
        "UnknownUser",
        "UnknownLocation",
        "NumberUnreadable",
    ];
    assert_eq!(violations, stable.iter().map(|s| (*s).to_owned()).collect());
}

fn variant_names(schema: &Value) -> BTreeSet<String> {
    schema["oneOf"]
        .as_array()
        .expect("an enum's variants")
        .iter()
        .flat_map(|v| {
            let keyed = v["required"].as_array().cloned().unwrap_or_default();
            let bare = v["enum"].as_array().cloned().unwrap_or_default();
            let constant = v.get("const").cloned().into_iter();
            keyed.into_iter().chain(bare).chain(constant)
        })
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

#[test]
fn each_error_travels_with_a_documented_status() {
    let us = Country::parse("US").unwrap();
    let message = || "m".to_owned();
    let samples = [
        ApiError::bad_request("bad"),
        ApiError::SignedOut { message: message() },
        ApiError::SignInFailed { message: message() },
        ApiError::Forbidden { message: message() },
        ApiError::not_found("none"),
        ApiError::Stale {
            message: message(),
            current: None,
        },
        ApiError::Conflict { message: message() },
        ApiError::LicenceNeeded { message: message() },
        ApiError::Rejected {
            violations: vec![Violation::LocationRequired],
        },
        ApiError::Rejected {
            violations: vec![Violation::AlreadyAssigned {
                number: "n".into(),
                holder: "h".into(),
            }],
        },
        ApiError::RowsRejected { rows: vec![] },
        ApiError::ImportRefused {
            report: ImportReport::default(),
        },
        ApiError::InvalidAddress { problems: vec![] },
        ApiError::Invalid { message: message() },
        ApiError::TooLarge { message: message() },
        ApiError::TooManyAttempts { message: message() },
        ApiError::Internal,
        ApiError::Busy { message: message() },
        ApiError::Unavailable,
        ApiError::Rejected {
            violations: vec![Violation::UsageLocationMismatch {
                user_country: us,
                number_country: us,
            }],
        },
    ];
    let mut seen = BTreeSet::new();
    for error in samples {
        let body = serde_json::to_value(&error).unwrap();
        let code = code_of(&body).expect("a code").to_owned();
        let (_, statuses) = STATUSES
            .iter()
            .find(|(c, _)| *c == code)
            .expect("a listed code");
        assert!(
            statuses.contains(&error.status()),
            "{code}: {}",
            error.status()
        );
        seen.insert(code);
    }
    assert_eq!(seen.len(), STATUSES.len(), "a sample of each code");
}

#[test]
fn every_export_parameter_is_described() {
    for (path, item) in document()["paths"].as_object().unwrap() {
        let Some(get) = item.get("get") else { continue };
        for parameter in get["parameters"].as_array().into_iter().flatten() {
            let about = parameter["description"].as_str().unwrap_or_default();
            assert!(
                !about.is_empty(),
                "{path}: describe '{}'",
                parameter["name"]
            );
        }
    }
    let users = &document()["paths"]["/api/voice-users/export.csv"]["get"]["parameters"];
    let assigned = users
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "assigned");
    assert_eq!(assigned.unwrap()["schema"]["enum"], json!(["yes", "no"]));
}
