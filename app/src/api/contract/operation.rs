//! One operation of the API as the document describes it, taken from its
//! server function's types.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use server_fn::ServerFn;

use crate::api::ApiError;

/// What calling an operation does, as far as a script retrying it cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Changes nothing: safe to repeat.
    Read,
    /// Changes something: an `Idempotency-Key` makes a retry safe.
    Write,
    /// Changes something and answers a secret shown once (a token, a
    /// password, recovery codes): its answer is never kept, so a key is
    /// ignored and each request runs.
    Secret,
}

pub struct Operation {
    pub kind: Kind,
    pub path: &'static str,
    /// The name of the function's input type, e.g. `AssignNumber`: its
    /// schema carries the function's documentation.
    pub input_name: String,
    pub input: fn(&mut SchemaGenerator) -> Schema,
    pub output: fn(&mut SchemaGenerator) -> Schema,
    pub example: Value,
    /// Reads a request body as the function will, for the tests.
    pub reads: fn(Value) -> Result<(), String>,
}

impl Operation {
    pub fn of<F>(kind: Kind, example: F) -> Self
    where
        F: ServerFn<Error = ApiError> + JsonSchema + Serialize + DeserializeOwned,
        F::Output: JsonSchema,
    {
        Self {
            kind,
            path: F::PATH,
            input_name: F::schema_name().into_owned(),
            input: |g| g.subschema_for::<F>(),
            output: |g| g.subschema_for::<F::Output>(),
            example: serde_json::to_value(&example).expect("an example serializes"),
            reads: |body| {
                serde_json::from_value::<F>(body)
                    .map(drop)
                    .map_err(|e| e.to_string())
            },
        }
    }

    /// The stable name scripts and generated clients know it by: the server
    /// function's name, e.g. `assign_number`.
    pub fn id(&self) -> String {
        let mut id = String::new();
        for (i, c) in self.input_name.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                id.push('_');
            }
            id.push(c.to_ascii_lowercase());
        }
        id
    }

    /// The area it belongs to: the path's first part, e.g. `assignments`.
    pub fn tag(&self) -> &'static str {
        let rest = self.path.trim_start_matches("/api/");
        let first = rest.split('/').next().unwrap_or(rest);
        match first {
            "numbers" => "phone-numbers",
            other => other,
        }
    }
}
