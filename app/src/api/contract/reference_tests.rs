use super::errors::STATUSES;
use super::{document, reference};

#[test]
fn the_reference_lists_every_operation_with_its_fields_and_every_error_code() {
    let reference = reference();
    let ops: Vec<&crate::domain::ApiOperation> =
        reference.areas.iter().flat_map(|a| &a.operations).collect();
    assert_eq!(ops.len(), document()["paths"].as_object().unwrap().len());
    let assign = ops
        .iter()
        .find(|o| o.id == "assign_number")
        .expect("assign_number");
    assert_eq!((assign.method.as_str(), assign.idempotent), ("POST", true));
    assert_eq!(assign.fields[0].name, "request");
    assert_eq!(assign.fields[0].kind, "AssignRequest");
    assert_eq!(assign.answer, "Saved_VoiceUser");
    assert!(
        assign.example.contains("\"expected_version\": 1"),
        "{}",
        assign.example
    );
    let export = ops
        .iter()
        .find(|o| o.id == "export_phone_numbers")
        .expect("an export");
    assert_eq!(export.method, "GET");
    assert!(export
        .fields
        .iter()
        .any(|f| f.name == "state" && f.kind.starts_with("one of \"unassigned\"")));

    let kind_of = |ty: &str, field: &str| {
        let ty = reference
            .types
            .iter()
            .find(|t| t.name == ty)
            .unwrap_or_else(|| panic!("{ty}"));
        ty.fields
            .iter()
            .find(|f| f.name == field)
            .map(|f| (f.kind.clone(), f.required))
    };
    let cases = [
        ("AssignRequest", "user_id", ("UserId", true)),
        (
            "AssignRequest",
            "location_id",
            ("LocationId or null", false),
        ),
        ("BulkRow", "number", ("string or null", false)),
        ("SuggestRequest", "users", ("list of UserId", true)),
        ("UserPage", "next", ("Cursor_UserId or null", false)),
    ];
    for (ty, field, (kind, required)) in cases {
        assert_eq!(
            kind_of(ty, field),
            Some((kind.to_owned(), required)),
            "{ty}.{field}"
        );
    }
    assert!(
        !reference.types.iter().any(|t| t.name == "AssignNumber"),
        "inputs are listed with their function"
    );
    let violation = reference
        .types
        .iter()
        .find(|t| t.name == "Violation")
        .unwrap();
    assert!(violation
        .values
        .iter()
        .any(|v| v.name == "AlreadyAssigned" && v.kind.contains("holder: string")));
    assert_eq!(reference.errors.len(), STATUSES.len());
    assert!(
        reference.errors.iter().all(|e| !e.about.is_empty()),
        "each code says what it means"
    );
}
