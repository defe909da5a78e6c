//! The routes that are not server functions: the three CSV exports, which a
//! browser downloads by link (GET, with the grid's filters in the query
//! string), the stream of live changes, and this document itself.

use serde_json::{json, Map, Value};

use super::openapi::who_may;
use crate::api::gates::gate;
use crate::domain::{
    AuditAction, Choice, Country, NumberKind, NumberSort, NumberSource, StateFilter, UserSort,
};
use crate::links::{
    AUDIT_EXPORT_PATH, EVENTS_PATH, NUMBER_KEYS, PHONE_NUMBERS_EXPORT_PATH, USER_KEYS,
    VOICE_USERS_EXPORT_PATH,
};

pub const DOCUMENT_PATH: &str = "/api/openapi.json";

/// The GET routes, by path; `live` is the schema of a live message.
pub fn paths(live: schemars::Schema) -> Map<String, Value> {
    let mut paths = Map::new();
    let exports = [
        (
            VOICE_USERS_EXPORT_PATH,
            "export_voice_users",
            "voice-users",
            "The Voice users grid as CSV: every user its filters keep, in its order.",
            &USER_KEYS[..],
            codes::<UserSort>(),
        ),
        (
            PHONE_NUMBERS_EXPORT_PATH,
            "export_phone_numbers",
            "phone-numbers",
            "The Phone numbers grid as CSV: every number its filters keep, in its order.",
            &NUMBER_KEYS[..],
            codes::<NumberSort>(),
        ),
        (
            AUDIT_EXPORT_PATH,
            "export_audit_log",
            "audit",
            "The audit log as CSV, newest first: every entry its filters keep.",
            &["search", "action", "from", "to"][..],
            Vec::new(),
        ),
    ];
    for (path, id, tag, summary, keys, sorts) in exports {
        let parameters: Vec<Value> = keys.iter().map(|k| parameter(k, &sorts)).collect();
        paths.insert(
            path.to_owned(),
            json!({ "get": {
                "operationId": id,
                "tags": [tag],
                "summary": summary,
                "description": format!("A parameter it can't read is refused (400) rather than another view exported.\n\n{}", who_may(gate(path))),
                "x-kind": "read",
                "parameters": parameters,
                "responses": {
                    "200": { "description": "The CSV file, streamed.", "content": { "text/csv": { "schema": { "type": "string" } } } },
                    "400": { "$ref": "#/components/responses/400" },
                    "401": { "$ref": "#/components/responses/401" },
                    "403": { "$ref": "#/components/responses/403" },
                },
            }}),
        );
    }
    paths.insert(
        EVENTS_PATH.to_owned(),
        json!({ "get": {
            "operationId": "live_events",
            "tags": ["api"],
            "summary": "The changes other admins commit, as they happen (server-sent events).",
            "description": format!("A `text/event-stream` that stays open. Each `changes` message's data is a JSON object (the 200 schema): the changes committed since the last message that the caller may read (all an admin role may view; for an end user only changes to their own Work Phone, without who made them) and those users as they are now; `reload` means more changed than one message lists. Its `id` is the audit log entry it reaches: send it back as `Last-Event-ID` to resume after a dropped connection or a restart. A `signed-out` message ends the stream when the session does; a comment line every 15 s keeps it open.\n\n{}", who_may(gate(EVENTS_PATH))),
            "x-kind": "read",
            "parameters": [{ "name": "Last-Event-ID", "in": "header", "required": false, "description": "The `id` of the last message received: the stream resumes after it.", "schema": { "type": "string" } }],
            "responses": {
                "200": { "description": "The stream; each `changes` message's data.", "content": { "text/event-stream": { "schema": live } } },
                "401": { "$ref": "#/components/responses/401" },
            },
        }}),
    );
    paths.insert(
        DOCUMENT_PATH.to_owned(),
        json!({ "get": {
            "operationId": "openapi_document",
            "tags": ["api"],
            "summary": "This document.",
            "description": who_may(gate(DOCUMENT_PATH)),
            "x-kind": "read",
            "responses": {
                "200": { "description": "The OpenAPI 3.1 document.", "content": { "application/json": { "schema": { "type": "object" } } } },
                "401": { "$ref": "#/components/responses/401" },
            },
        }}),
    );
    paths
}

fn codes<C: Choice>() -> Vec<&'static str> {
    C::all().iter().map(|c| c.code()).collect()
}

/// A query parameter of an export, as its grid's address spells it.
fn parameter(key: &str, sorts: &[&'static str]) -> Value {
    let (about, values): (&str, Option<Vec<&str>>) = match key {
        "search" => ("Part of a name, a username, or digits of a number.", None),
        "assigned" => (
            "Only users with (yes) or without (no) an assigned number.",
            Some(vec!["yes", "no"]),
        ),
        "location" => ("Only the users of this emergency location (its id).", None),
        "sort" => ("The column to sort by.", Some(sorts.to_vec())),
        "order" => (
            "`desc` for descending; ascending otherwise.",
            Some(vec!["asc", "desc"]),
        ),
        "state" => ("Only numbers in this state.", Some(codes::<StateFilter>())),
        "type" => ("Only numbers of this type.", Some(codes::<NumberKind>())),
        "source" => (
            "Only numbers from this source.",
            Some(codes::<NumberSource>()),
        ),
        "country" => (
            "Only numbers of this country (ISO code).",
            Some(Country::ALL.iter().map(Country::as_str).collect()),
        ),
        "action" => ("Only entries of this action.", Some(codes::<AuditAction>())),
        "from" | "to" => (
            "Only entries on or after (from) / on or before (to) this day, YYYY-MM-DD.",
            None,
        ),
        _ => ("", None),
    };
    let schema = match values {
        Some(values) => json!({ "type": "string", "enum": values }),
        None => json!({ "type": "string" }),
    };
    json!({ "name": key, "in": "query", "required": false, "description": about, "schema": schema })
}
