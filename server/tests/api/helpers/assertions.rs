//! Reading the errors the API answers: `ApiError` travels as an externally
//! tagged enum, e.g. `{ "Forbidden": { "message": "..." } }` or `"Internal"`,
//! and a `Rejected` error lists the rules the request broke.

use serde_json::Value;

/// The variant name of an externally tagged enum value.
pub fn variant(value: &Value) -> String {
    match value {
        Value::String(name) => name.clone(),
        Value::Object(map) if map.len() == 1 => map.keys().next().unwrap().clone(),
        other => panic!("not an enum value: {other}"),
    }
}

/// The message of an error answer, e.g. of `{ "Conflict": { "message": ... } }`.
pub fn message(body: &Value) -> String {
    body[variant(body)]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no message in {body}"))
        .to_owned()
}

/// The violations of a `Rejected` error body.
pub fn violations(body: &Value) -> Vec<Value> {
    body["Rejected"]["violations"]
        .as_array()
        .unwrap_or_else(|| panic!("expected a Rejected error, got {body}"))
        .clone()
}

/// The variant names of a `Rejected` error's violations, e.g. "LocationRequired".
pub fn violation_names(body: &Value) -> Vec<String> {
    violations(body).iter().map(variant).collect()
}

/// The one violation named `name`; panics if absent.
pub fn violation(body: &Value, name: &str) -> Value {
    violations(body)
        .into_iter()
        .find(|v| variant(v) == name)
        .unwrap_or_else(|| panic!("no {name} violation in {body}"))[name]
        .clone()
}
