//! What the server log says when something breaks: each internal failure
//! once, with the call and the caller, while the browser hears only
//! "Something went wrong".

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::json;

use crate::helpers::*;

/// Everything any test's server logs from now on, as text.
fn captured_logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || Sink(sink.clone()))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only log subscriber");
        logs
    })
    .clone()
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn an_internal_failure_is_logged_once_naming_the_call_the_caller_and_the_user() {
    let logs = captured_logs();
    let app = spawn_app().await;
    // The database refuses the audit entry with a message found nowhere else.
    app.refuse_audit_entries("audit refused: witness 5b1e")
        .await;
    let number = app.free_number("US", "calling_plan").await;

    let (status, body) = app.assign(MEGAN, &number, Some(REDMOND_HQ), 1).await;

    assert_eq!((status, body.clone()), (500, json!("Internal")), "{body}");
    let text = String::from_utf8(logs.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("witness 5b1e"))
        .collect();
    assert_eq!(lines.len(), 1, "logged once: {lines:#?}");
    for part in [
        "ERROR",
        "path=/api/assignments/assign",
        "account=\"admin\"",
        &format!("user={MEGAN}"),
    ] {
        assert!(lines[0].contains(part), "{part} in {}", lines[0]);
    }
}
