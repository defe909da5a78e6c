//! The server functions' requests, by what they do: a path and the JSON body
//! `app/src/api` reads. A `Call` can be sent by any client, or raced.

use serde_json::{json, Value};

use super::clients::read;
use super::harness::TestApp;

#[derive(Clone, Debug)]
pub struct Call {
    pub path: &'static str,
    pub body: Value,
}

impl Call {
    pub fn new(path: &'static str, body: Value) -> Call {
        Call { path, body }
    }

    pub fn assign(user_id: i64, number: &str, location_id: Option<i64>, version: i64) -> Call {
        let request = json!({
            "user_id": user_id, "number": number, "location_id": location_id,
            "expected_version": version,
        });
        Call::new("/api/assignments/assign", json!({ "request": request }))
    }

    pub fn remove(user_id: i64, version: i64) -> Call {
        let request = json!({ "user_id": user_id, "expected_version": version });
        Call::new("/api/assignments/remove", json!({ "request": request }))
    }

    /// Remove selected assigned numbers, for (user, version) pairs.
    pub fn remove_selected(users: &[(i64, i64)]) -> Call {
        let requests: Vec<Value> = users
            .iter()
            .map(|(id, version)| json!({ "user_id": id, "expected_version": version }))
            .collect();
        Call::new(
            "/api/assignments/remove-selected",
            json!({ "requests": requests }),
        )
    }

    pub fn add_new_numbers(country: &str, city: &str, quantity: i64) -> Call {
        let request = json!({ "country": country, "city": city, "quantity": quantity });
        Call::new("/api/phone-numbers/add-new", json!({ "request": request }))
    }

    pub fn release(numbers: Value) -> Call {
        Call::new("/api/phone-numbers/release", json!({ "numbers": numbers }))
    }

    /// A port check (`step` "check") or port (`step` "add") of `source`,
    /// e.g. `{ "List": { "text": "+14255550300" } }`.
    pub fn port(step: &str, source: Value, city: &str) -> Call {
        let path = match step {
            "check" => "/api/phone-numbers/port/check",
            "add" => "/api/phone-numbers/port/add",
            other => panic!("no port step {other}"),
        };
        Call::new(
            path,
            json!({ "request": { "source": source, "city": city } }),
        )
    }

    pub fn add_location(address: Value) -> Call {
        Call::new(
            "/api/emergency-locations/add",
            json!({ "address": address }),
        )
    }

    pub fn rename_location(id: i64, description: &str) -> Call {
        Call::new(
            "/api/emergency-locations/rename",
            json!({ "id": id, "description": description }),
        )
    }

    pub fn delete_location(id: i64) -> Call {
        Call::new("/api/emergency-locations/delete", json!({ "id": id }))
    }

    /// Assigns (`assign`) or removes `licence` from a user.
    pub fn licence(
        user_id: i64,
        licence: &str,
        assign: bool,
        version: i64,
        also_remove_number: bool,
    ) -> Call {
        let change = json!({
            "user_id": user_id, "licence": licence, "assign": assign,
            "expected_version": version, "also_remove_number": also_remove_number,
        });
        Call::new("/api/licences/change", json!({ "change": change }))
    }

    pub fn create_account(username: &str, display_name: &str, role: &str) -> Call {
        let request = json!({ "username": username, "display_name": display_name, "role": role });
        Call::new("/api/accounts/create", json!({ "request": request }))
    }

    pub fn set_role(id: i64, role: &str, version: i64) -> Call {
        Call::new(
            "/api/accounts/set-role",
            json!({ "id": id, "role": role, "expected_version": version }),
        )
    }

    pub fn reset_password(id: i64) -> Call {
        Call::new("/api/accounts/reset-password", json!({ "id": id }))
    }

    pub fn remove_account(id: i64, version: i64) -> Call {
        Call::new(
            "/api/accounts/remove",
            json!({ "id": id, "expected_version": version }),
        )
    }

    pub fn change_password(current: &str, new: &str) -> Call {
        Call::new(
            "/api/auth/change-password",
            json!({ "current": current, "new": new }),
        )
    }
}

/// Bellevue Office, 500 108th Ave NE: a valid US address outside the demo.
pub fn bellevue(description: &str) -> Value {
    json!({
        "description": description, "street": "500 108th Ave NE", "city": "Bellevue",
        "state": "WA", "postal_code": "98004", "country": "US"
    })
}

impl TestApp {
    /// Sends `call` as the admin.
    pub async fn send(&self, call: Call) -> (u16, Value) {
        self.call(call.path, call.body).await
    }

    /// Sends `call` with `client`; a path "GET /..." (a CSV export) is a GET.
    pub async fn send_with(&self, client: &reqwest::Client, call: Call) -> (u16, Value) {
        match call.path.strip_prefix("GET ") {
            Some(path) => read(self.get_with(client, path).await).await,
            None => self.call_with(client, call.path, call.body).await,
        }
    }

    /// Sends `call` as the admin; panics unless it answers 200.
    pub async fn done(&self, call: Call) -> Value {
        let path = call.path;
        let (status, body) = self.send(call).await;
        assert_eq!(status, 200, "{path}: {body}");
        body
    }
}
