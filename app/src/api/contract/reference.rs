//! The document read into [`ApiReference`] for Settings > API: each schema
//! written as a short phrase ("list of UserId", "string or null"), so the
//! page is plain lists.

use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::errors::STATUSES;
use crate::domain::{ApiArea, ApiErrorCode, ApiField, ApiOperation, ApiReference, ApiType};

/// The reference, read once from the document.
pub fn reference() -> ApiReference {
    static REFERENCE: LazyLock<ApiReference> = LazyLock::new(|| read(super::document()));
    REFERENCE.clone()
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

fn read(document: &Value) -> ApiReference {
    let schemas = document["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut inputs = Vec::new();
    let mut areas: Vec<ApiArea> = document["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| ApiArea {
            name: text(&t["name"]),
            operations: vec![],
        })
        .collect();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            let (operation, input) = operation(path, method, op, &schemas);
            inputs.extend(input);
            let tag = text(&op["tags"][0]);
            if let Some(area) = areas.iter_mut().find(|a| a.name == tag) {
                area.operations.push(operation);
            } else {
                areas.push(ApiArea {
                    name: tag,
                    operations: vec![operation],
                });
            }
        }
    }
    let types = schemas
        .iter()
        .filter(|(name, _)| !inputs.contains(*name))
        .map(|(name, schema)| api_type(name, schema))
        .collect();
    ApiReference {
        version: text(&document["info"]["version"]),
        about: text(&document["info"]["description"]),
        areas,
        types,
        errors: errors(&schemas),
    }
}

/// An operation, and the name of its input type (listed with it, not
/// among the types).
fn operation(
    path: &str,
    method: &str,
    op: &Value,
    schemas: &Map<String, Value>,
) -> (ApiOperation, Option<String>) {
    let body = &op["requestBody"]["content"]["application/json"];
    let input = ref_name(&body["schema"]).map(str::to_owned);
    let fields = match &input {
        Some(name) => fields(&schemas[name]),
        None => op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "query")
            .map(|p| ApiField {
                name: text(&p["name"]),
                kind: phrase(&p["schema"]),
                required: p["required"] == true,
                about: text(&p["description"]),
            })
            .collect(),
    };
    let answer = op["responses"]["200"]["content"]
        .as_object()
        .and_then(|c| c.values().next())
        .map(|c| phrase(&c["schema"]))
        .unwrap_or_default();
    let operation = ApiOperation {
        method: method.to_uppercase(),
        path: path.to_owned(),
        id: text(&op["operationId"]),
        summary: text(&op["summary"]),
        about: text(&op["description"]),
        kind: kind_text(&op["x-kind"]).to_owned(),
        idempotent: op["parameters"].as_array().is_some_and(|p| {
            p.iter().any(|p| {
                p["$ref"]
                    .as_str()
                    .is_some_and(|r| r.ends_with("IdempotencyKey"))
            })
        }),
        fields,
        answer,
        example: body
            .get("example")
            .and_then(|e| serde_json::to_string_pretty(e).ok())
            .unwrap_or_default(),
    };
    (operation, input)
}

/// What the document's `x-kind` means to someone writing a script.
fn kind_text(kind: &Value) -> &'static str {
    match kind.as_str() {
        Some("read") => "Read: changes nothing.",
        Some("write-secret") => {
            "Write whose answer holds a secret shown once: never kept for a retry."
        }
        _ => "Write.",
    }
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema["$ref"]
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// A schema as a short phrase.
fn phrase(schema: &Value) -> String {
    if let Some(name) = ref_name(schema) {
        return name.to_owned();
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = schema[key].as_array() {
            return options.iter().map(phrase).collect::<Vec<_>>().join(" or ");
        }
    }
    if let Some(values) = schema["enum"].as_array() {
        let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        return format!("one of {}", values.join(", "));
    }
    if let Some(constant) = schema.get("const") {
        return constant.to_string();
    }
    let one = |kind: &Value| match kind.as_str() {
        Some("array") => format!("list of {}", phrase(&schema["items"])),
        Some("object") if schema["properties"].is_object() => {
            let fields: Vec<String> = fields(schema)
                .iter()
                .map(|f| format!("{}: {}", f.name, f.kind))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        Some("string") => match schema["pattern"].as_str() {
            Some(pattern) => format!("string matching {pattern}"),
            None => "string".to_owned(),
        },
        Some(other) => other.to_owned(),
        None => "any".to_owned(),
    };
    match &schema["type"] {
        Value::Array(kinds) => kinds.iter().map(one).collect::<Vec<_>>().join(" or "),
        kind => one(kind),
    }
}

fn fields(schema: &Value) -> Vec<ApiField> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, property)| ApiField {
            name: name.clone(),
            kind: phrase(property),
            required: required.contains(&name.as_str()),
            about: text(&property["description"]),
        })
        .collect()
}

/// The values of an enumeration, each variant by its name or key.
fn values(schema: &Value) -> Vec<ApiField> {
    let variants = schema["oneOf"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| vec![schema.clone()]);
    let mut values = Vec::new();
    for variant in &variants {
        let about = text(&variant["description"]);
        let named = |name: &Value, kind: String| ApiField {
            name: text(name),
            kind,
            required: true,
            about: about.clone(),
        };
        if let Some(constant) = variant.get("const") {
            values.push(named(constant, String::new()));
        } else if let Some(all) = variant["enum"].as_array() {
            values.extend(all.iter().map(|v| named(v, String::new())));
        } else if let Some(key) = variant["required"].as_array().and_then(|r| r.first()) {
            let payload = &variant["properties"][text(key)];
            values.push(named(key, phrase(payload)));
        }
    }
    values
}

fn api_type(name: &str, schema: &Value) -> ApiType {
    let enumeration = schema["oneOf"].is_array() || schema["enum"].is_array();
    let plain = !enumeration && !schema["properties"].is_object();
    let mut about = text(&schema["description"]);
    if plain {
        about = format!("{about} Written as {}.", phrase(schema))
            .trim()
            .to_owned();
    }
    ApiType {
        name: name.to_owned(),
        about,
        fields: fields(schema),
        values: if enumeration { values(schema) } else { vec![] },
    }
}

fn errors(schemas: &Map<String, Value>) -> Vec<ApiErrorCode> {
    let described = values(&schemas["ApiError"]);
    STATUSES
        .iter()
        .map(|(code, statuses)| ApiErrorCode {
            code: (*code).to_owned(),
            statuses: statuses.to_vec(),
            about: described
                .iter()
                .find(|v| v.name == *code)
                .map(|v| v.about.clone())
                .unwrap_or_default(),
        })
        .collect()
}
