use std::time::Duration;

use leptos::ev::Event;
use leptos::prelude::*;

/// How long typing must pause before a search box asks the server.
const TYPING_PAUSE: Duration = Duration::from_millis(200);

/// An `on:input` handler that hands the box's text to `apply` once the
/// admin stops typing, so each keystroke doesn't cost a server round trip.
pub fn on_typing_pause(apply: impl Fn(String) + Copy + 'static) -> impl Fn(Event) + Copy + 'static {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    move |ev| {
        let value = event_target_value(&ev);
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || apply(value), TYPING_PAUSE).ok();
        pending.set_value(handle);
    }
}
