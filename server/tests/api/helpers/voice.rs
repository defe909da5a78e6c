//! Voice through the API, as the admin: users, their numbers, what the
//! Assign number dialog offers.

use serde_json::{json, Value};

use super::calls::Call;
use super::harness::TestApp;

impl TestApp {
    pub async fn list_users(&self, query: Value) -> (u16, Value) {
        self.call("/api/voice-users/list", json!({ "query": query }))
            .await
    }

    /// Lists voice users with the session `token` sent by hand: the status,
    /// 200 while the token is a live session, 401 once it isn't.
    pub async fn list_status(&self, token: &str) -> u16 {
        let body = json!({ "query": query("") });
        self.call_with_token(token, "/api/voice-users/list", body)
            .await
            .0
    }

    pub async fn get_user(&self, id: i64) -> (u16, Value) {
        self.call("/api/voice-users/get", json!({ "id": id })).await
    }

    /// The user as stored now; panics unless the server answers 200.
    pub async fn user(&self, id: i64) -> Value {
        let (status, body) = self.get_user(id).await;
        assert_eq!(status, 200, "getting user {id}: {body}");
        body
    }

    pub async fn version_of(&self, id: i64) -> i64 {
        self.user(id).await["version"].as_i64().expect("a version")
    }

    pub async fn assign(
        &self,
        user_id: i64,
        number: &str,
        location_id: Option<i64>,
        expected_version: i64,
    ) -> (u16, Value) {
        saved(
            self.send(Call::assign(user_id, number, location_id, expected_version))
                .await,
        )
    }

    pub async fn remove(&self, user_id: i64, expected_version: i64) -> (u16, Value) {
        saved(self.send(Call::remove(user_id, expected_version)).await)
    }

    pub async fn assignable(&self, text: &str, country: Option<&str>, limit: u32) -> (u16, Value) {
        let filter = json!({ "text": text, "country": country, "limit": limit });
        self.call("/api/numbers/assignable", json!({ "filter": filter }))
            .await
    }

    /// E.164 of up to 200 assignable numbers matching `text`.
    pub async fn assignable_e164s(&self, text: &str) -> Vec<String> {
        let (status, body) = self.assignable(text, None, 200).await;
        assert_eq!(status, 200, "{body}");
        e164s(&body["numbers"])
    }

    /// How many numbers the dialog says are available.
    pub async fn available(&self) -> i64 {
        let (status, body) = self.assignable("", None, 1).await;
        assert_eq!(status, 200, "{body}");
        body["available"].as_i64().expect("an available count")
    }

    /// The validated emergency locations whose city contains `city`.
    pub async fn locations(&self, city: &str) -> (u16, Value) {
        self.call(
            "/api/emergency-locations/validated",
            json!({ "city": city }),
        )
        .await
    }

    /// The user whose display name is exactly `name`, found through search.
    pub async fn find_user_by_name(&self, name: &str) -> Value {
        let (status, page) = self.list_users(query(name)).await;
        assert_eq!(status, 200, "{page}");
        page["users"]
            .as_array()
            .expect("a list of users")
            .iter()
            .find(|u| u["display_name"] == name)
            .unwrap_or_else(|| panic!("no user named {name} in {page}"))
            .clone()
    }
}

/// A list query for the first page of users matching `search`.
pub fn query(search: &str) -> Value {
    json!({ "search": search, "sort": "DisplayName", "descending": false, "after": null, "limit": 50 })
}

/// The E.164 forms of a list of numbers as the API answers them.
pub fn e164s(numbers: &Value) -> Vec<String> {
    numbers
        .as_array()
        .expect("a list of numbers")
        .iter()
        .map(|n| n["number"]["e164"].as_str().expect("an e164").to_owned())
        .collect()
}

/// What a save answered with: on success the saved value (the answer also
/// names its change set, which the change set tests look at), else the error.
pub fn saved((status, body): (u16, Value)) -> (u16, Value) {
    if status == 200 {
        (status, body["saved"].clone())
    } else {
        (status, body)
    }
}
