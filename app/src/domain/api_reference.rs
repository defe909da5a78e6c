//! The API's reference as Settings > API shows it: the OpenAPI document
//! read into plain text by the server, so the browser renders lists and
//! needs no JSON Schema code of its own.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiReference {
    pub version: String,
    pub about: String,
    /// The functions, by area, in the document's order.
    pub areas: Vec<ApiArea>,
    /// The request and answer types the functions name.
    pub types: Vec<ApiType>,
    /// Each error code with the statuses it comes with.
    pub errors: Vec<ApiErrorCode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiArea {
    pub name: String,
    pub operations: Vec<ApiOperation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiOperation {
    pub method: String,
    pub path: String,
    /// The stable name, e.g. `assign_number`.
    pub id: String,
    pub summary: String,
    pub about: String,
    /// read, write, or write whose answer is shown once.
    pub kind: String,
    /// Takes an `Idempotency-Key`.
    pub idempotent: bool,
    /// The request body's fields, or the query parameters of a GET.
    pub fields: Vec<ApiField>,
    /// The answer's type, e.g. `Saved_VoiceUser` or `list of Account`.
    pub answer: String,
    /// A request body, pretty-printed; empty for a GET.
    pub example: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiField {
    pub name: String,
    /// e.g. `integer`, `AssignRequest`, `list of UserId`, `string or null`.
    pub kind: String,
    pub required: bool,
    pub about: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiType {
    pub name: String,
    pub about: String,
    /// An object's fields.
    pub fields: Vec<ApiField>,
    /// An enumeration's values, each with what it means; for a tagged
    /// value, its key (the fields are then listed under the value's name).
    pub values: Vec<ApiField>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiErrorCode {
    pub code: String,
    pub statuses: Vec<u16>,
    pub about: String,
}

impl ApiReference {
    /// The areas keeping only operations whose path, name or summary holds
    /// `text` (any case); areas left empty are dropped.
    pub fn matching(&self, text: &str) -> Vec<ApiArea> {
        let needle = text.trim().to_lowercase();
        self.areas
            .iter()
            .map(|area| ApiArea {
                name: area.name.clone(),
                operations: area
                    .operations
                    .iter()
                    .filter(|op| {
                        needle.is_empty()
                            || [&op.path, &op.id, &op.summary]
                                .iter()
                                .any(|t| t.to_lowercase().contains(&needle))
                    })
                    .cloned()
                    .collect(),
            })
            .filter(|area| !area.operations.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(path: &str, id: &str, summary: &str) -> ApiOperation {
        ApiOperation {
            method: "POST".into(),
            path: path.into(),
            id: id.into(),
            summary: summary.into(),
            about: String::new(),
            kind: "read".into(),
            idempotent: false,
            fields: vec![],
            answer: String::new(),
            example: String::new(),
        }
    }

    #[test]
    fn matching_keeps_operations_by_path_name_or_summary() {
        let reference = ApiReference {
            areas: vec![
                ApiArea {
                    name: "assignments".into(),
                    operations: vec![
                        op(
                            "/api/assignments/assign",
                            "assign_number",
                            "Assigns a number.",
                        ),
                        op(
                            "/api/assignments/remove",
                            "remove_number",
                            "Takes a number back.",
                        ),
                    ],
                },
                ApiArea {
                    name: "audit".into(),
                    operations: vec![op("/api/audit/list", "list_audit", "One page of the log.")],
                },
            ],
            ..ApiReference::default()
        };
        let cases = [
            ("", vec!["assign_number", "remove_number", "list_audit"]),
            ("ASSIGN_", vec!["assign_number"]),
            ("/api/audit", vec!["list_audit"]),
            ("takes a number", vec!["remove_number"]),
            ("  number  ", vec!["assign_number", "remove_number"]),
            ("nothing like it", vec![]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = reference
                .matching(text)
                .iter()
                .flat_map(|a| a.operations.iter().map(|o| o.id.clone()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
