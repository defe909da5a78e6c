//! The OpenAPI 3.1 document: the catalogue's operations, their JSON Schemas
//! (draft 2020-12, which OpenAPI 3.1 uses as is), who may call each, and
//! the error shapes.

use std::sync::LazyLock;

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

use super::errors::{codes_with, statuses};
use super::operation::{Kind, Operation};
use crate::api::gates::{gate, Gate};
use crate::api::ApiError;
use crate::domain::{Permission, Role};

const ABOUT: &str = "Every function of the Switchboard console, as JSON over HTTP. \
Each is a POST of a JSON object whose fields are the function's arguments; \
it answers 200 with the result, or an error status with an `ApiError`: a JSON \
object whose one key is the error code (or, for codes without details, the \
code as a JSON string). Scripts sign in with an API token from My profile > \
API tokens, sent as `Authorization: Bearer sbt_…`; the console itself uses \
its session cookie. A token acts with its role, never more than its \
account's. Writes accept an `Idempotency-Key` header: a retry with the same \
key and body gets the first answer again (`Idempotent-Replayed: true`) \
and changes nothing twice. Lists page with cursors and say their total.";

/// The document, built once.
pub fn document() -> &'static Value {
    static DOCUMENT: LazyLock<Value> = LazyLock::new(|| build(&super::operations()));
    &DOCUMENT
}

fn build(operations: &[Operation]) -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    let generated: Vec<_> = operations
        .iter()
        .map(|op| ((op.input)(&mut generator), (op.output)(&mut generator)))
        .collect();
    let error = generator.subschema_for::<ApiError>();
    let live = generator.subschema_for::<crate::domain::LiveBatch>();
    let mut schemas = generator.take_definitions(true);
    let mut paths = Map::new();
    for (op, (input, output)) in operations.iter().zip(generated) {
        // A function's documentation is the operation's, not its input type's.
        let doc = schemas
            .get_mut(&op.input_name)
            .and_then(|s| s.as_object_mut())
            .and_then(|s| s.remove("description"));
        let doc = doc.as_ref().and_then(Value::as_str);
        paths.insert(
            op.path.to_owned(),
            json!({ "post": operation(op, doc, input, output) }),
        );
    }
    paths.extend(super::exports::paths(live));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Switchboard API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": ABOUT,
        },
        "security": [{ "bearer": [] }, { "session": [] }],
        "tags": tags(operations),
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": responses(error),
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token (`sbt_…`) from My profile > API tokens.",
                },
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "switchboard_session",
                    "description": "The console's session after signing in \
                        (`__Host-switchboard_session` over HTTPS).",
                },
            },
            "parameters": {
                "IdempotencyKey": {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "1 to 200 visible ASCII characters, e.g. a UUID. \
                        A retry with the same key and body within 24 hours gets the \
                        first answer again and changes nothing; the same key with \
                        another body is 409.",
                    "schema": { "type": "string", "minLength": 1, "maxLength": 200 },
                },
            },
        },
    })
}

fn operation(
    op: &Operation,
    doc: Option<&str>,
    input: schemars::Schema,
    output: schemars::Schema,
) -> Value {
    let gate = gate(op.path);
    let mut responses = Map::new();
    responses.insert(
        "200".into(),
        json!({ "description": "Done.", "content": { "application/json": { "schema": output } } }),
    );
    for status in statuses() {
        let applies = match status {
            401 => gate != Gate::Open || op.path.contains("sign-in"),
            403 => gate != Gate::Open,
            _ => true,
        };
        if applies {
            responses.insert(
                status.to_string(),
                json!({ "$ref": format!("#/components/responses/{status}") }),
            );
        }
    }
    let mut post = json!({
        "operationId": op.id(),
        "tags": [op.tag()],
        "description": who_may(gate),
        "x-kind": kind_name(op.kind),
        "requestBody": {
            "required": true,
            "content": { "application/json": { "schema": input, "example": op.example } },
        },
        "responses": responses,
    });
    if let Some(doc) = doc {
        // The macro puts its own line first: "Serialized arguments for…".
        let doc = doc.split_once("\n\n").map_or(doc, |(_, doc)| doc);
        let (summary, rest) = split_summary(doc);
        post["summary"] = json!(summary.trim());
        post["description"] = json!(format!("{}\n\n{}", rest.trim(), who_may(gate)).trim());
    }
    if let Gate::Needs(permission) = gate {
        post["x-permission"] = json!(permission_name(permission));
    }
    if gate == Gate::Open {
        post["security"] = json!([]);
    }
    // A key belongs to a caller: signing in has none to keep it for.
    if op.kind == Kind::Write && gate != Gate::Open {
        post["parameters"] = json!([{ "$ref": "#/components/parameters/IdempotencyKey" }]);
    }
    post
}

/// The first sentence, and the rest, of a function's documentation.
fn split_summary(text: &str) -> (String, String) {
    let flat = plain_links(&text.replace('\n', " "));
    match flat.split_once(". ") {
        Some((first, rest)) => (format!("{first}."), rest.to_owned()),
        None => (flat, String::new()),
    }
}

/// Rust's intra-doc links (`` [`name`] ``) as plain code spans.
fn plain_links(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(end) = rest[start..].find("`]").map(|e| start + e) else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&rest[start + 1..end + 1]);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Who may call a route, as the Settings > API page says it.
pub fn who_may(gate: Gate) -> String {
    match gate {
        Gate::Open => "Anyone may call it, signed in or not.".to_owned(),
        Gate::Session => "Any signed-in account or API token may call it.".to_owned(),
        Gate::Needs(permission) => {
            let roles: Vec<&str> = Role::ALL
                .iter()
                .filter(|r| r.may(permission))
                .map(|r| r.label())
                .collect();
            let voice = match permission {
                Permission::ViewVoice | Permission::ManageVoice => {
                    ", in an organisation whose licences open Voice"
                }
                _ => "",
            };
            format!(
                "Needs {}: {}{voice}.",
                permission_name(permission),
                roles.join(", ")
            )
        }
    }
}

pub fn permission_name(permission: Permission) -> String {
    format!("{permission:?}")
}

pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Read => "read",
        Kind::Write => "write",
        Kind::Secret => "write-secret",
    }
}

fn tags(operations: &[Operation]) -> Vec<Value> {
    let mut seen: Vec<&str> = Vec::new();
    for op in operations {
        if !seen.contains(&op.tag()) {
            seen.push(op.tag());
        }
    }
    seen.into_iter().map(|t| json!({ "name": t })).collect()
}

/// One shared response per error status, naming the codes it may carry.
fn responses(error: schemars::Schema) -> Value {
    let mut all = Map::new();
    for status in statuses() {
        let codes = codes_with(status).join(", ");
        all.insert(
            status.to_string(),
            json!({
                "description": format!("An error with one of the codes {codes}."),
                "content": { "application/json": { "schema": error.clone() } },
            }),
        );
    }
    Value::Object(all)
}
