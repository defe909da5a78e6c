//! Reading `GET /api/events` as a browser's EventSource does: messages
//! separated by a blank line, `event:`, `id:` and `data:` fields, comments
//! (the keep-alive) skipped.

use std::time::Duration;

use serde_json::Value;

use super::harness::TestApp;

/// One message of the stream.
#[derive(Debug)]
pub struct Message {
    pub event: String,
    pub id: Option<String>,
    pub data: String,
}

impl Message {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.data).expect("a JSON message")
    }
}

/// An open stream.
pub struct Events {
    pub status: u16,
    response: reqwest::Response,
    buffer: String,
}

impl TestApp {
    /// Opens the stream with `client`'s session, resuming after
    /// `last_event_id` when given.
    pub async fn events(&self, client: &reqwest::Client, last_event_id: Option<&str>) -> Events {
        let mut request = client.get(format!("{}/api/events", self.address));
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id);
        }
        let response = request.send().await.expect("opening the stream");
        Events {
            status: response.status().as_u16(),
            response,
            buffer: String::new(),
        }
    }
}

impl Events {
    pub fn header(&self, name: &str) -> Option<String> {
        super::header(self.response.headers(), name)
    }

    /// The whole body of a refused stream.
    pub async fn body(self) -> String {
        self.response.text().await.expect("reading the body")
    }

    /// The next message within `wait`; `None` if none came or the stream
    /// ended.
    pub async fn next_within(&mut self, wait: Duration) -> Option<Message> {
        tokio::time::timeout(wait, self.next()).await.ok().flatten()
    }

    /// The next message; `None` once the stream has ended.
    pub async fn next(&mut self) -> Option<Message> {
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                if let Some(message) = parse(&block) {
                    return Some(message);
                }
            }
            let chunk = self.response.chunk().await.expect("reading the stream")?;
            self.buffer
                .push_str(std::str::from_utf8(&chunk).expect("UTF-8 text"));
        }
    }

    /// Whether the server ends the stream within `wait`, skipping messages.
    pub async fn ends_within(&mut self, wait: Duration) -> bool {
        tokio::time::timeout(wait, async { while self.next().await.is_some() {} })
            .await
            .is_ok()
    }
}

/// A block of lines as a message; `None` for a comment only.
fn parse(block: &str) -> Option<Message> {
    let mut event = String::from("message");
    let mut id = None;
    let mut data: Vec<&str> = Vec::new();
    let mut any = false;
    for line in block.lines() {
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => event = value.to_owned(),
            "id" => id = Some(value.to_owned()),
            "data" => data.push(value),
            _ => continue,
        }
        any = true;
    }
    any.then(|| Message {
        event,
        id,
        data: data.join("\n"),
    })
}
