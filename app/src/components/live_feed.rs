//! The console's one live stream (`GET /api/events`): the changes other
//! admins commit reach every open page without a reload. The console opens
//! it once signed in; pages react with [`on_live`]. The browser's
//! EventSource reconnects by itself, sending the last message's id, so
//! nothing is missed; where the stream can't be had the console works as
//! before, showing others' changes on the next load.

use leptos::prelude::*;

use crate::domain::{batch_note, LiveBatch};

/// What the stream last brought, numbered so a page reacts to each message
/// once, and the note that tells the admin.
#[derive(Clone, Copy)]
pub struct LiveFeed {
    last: RwSignal<Option<(u64, LiveBatch)>>,
    pub note: RwSignal<Option<String>>,
    /// The signed-in admin: their own saves are news to no one here.
    me: StoredValue<String>,
}

impl LiveFeed {
    /// Opens the stream for the signed-in `username`, for the whole console.
    pub fn provide(username: String) -> Self {
        let feed = Self {
            last: RwSignal::new(None),
            note: RwSignal::new(None),
            me: StoredValue::new(username.clone()),
        };
        provide_context(feed);
        // Effects run in the browser only, once hydrated.
        Effect::new(move |opened: Option<()>| {
            if opened.is_none() {
                #[cfg(feature = "hydrate")]
                stream::open(feed, username.clone());
                #[cfg(not(feature = "hydrate"))]
                let _ = &username;
            }
        });
        feed
    }

    /// Takes in a message: pages hear of it, and the admin is told of what
    /// others did.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn receive(&self, batch: LiveBatch, me: &str, now: i64) {
        let others = batch.by_others(me);
        if batch.reload {
            self.note.set(Some(
                "Many changes were made by other admins: the page shows them now.".to_owned(),
            ));
        } else if let Some(note) = batch_note(&others.changes, now) {
            self.note.set(Some(note));
        }
        let seq = self
            .last
            .with_untracked(|l| l.as_ref().map_or(0, |(s, _)| *s))
            + 1;
        self.last.set(Some((seq, batch)));
    }
}

/// Runs `react` for each message the stream brings from now on (not for
/// one that came before the caller was created).
pub fn on_live(react: impl Fn(&LiveBatch) + 'static) {
    let Some(feed) = use_context::<LiveFeed>() else {
        return;
    };
    let mut seen = feed
        .last
        .with_untracked(|l| l.as_ref().map_or(0, |(s, _)| *s));
    Effect::new(move |_| {
        feed.last.with(|l| {
            if let Some((seq, batch)) = l {
                if *seq > seen {
                    seen = *seq;
                    react(batch);
                }
            }
        })
    });
}

/// Runs `react` with the changes others made (and the users they
/// touched), for each message from now on that holds any.
pub fn on_others(react: impl Fn(&LiveBatch) + 'static) {
    let Some(feed) = use_context::<LiveFeed>() else {
        return;
    };
    on_live(move |batch| {
        let others = feed.me.with_value(|me| batch.by_others(me));
        if !others.is_empty() {
            react(&others);
        }
    });
}

/// The note: a polite status line, so a screen reader hears it without
/// losing its place.
#[component]
pub fn LiveNote() -> impl IntoView {
    let note = use_context::<LiveFeed>().map(|f| f.note);
    view! {
        <p class="live-note" role="status" aria-live="polite" aria-label="Changes by others">
            {move || note.and_then(|n| n.get())}
        </p>
    }
}

#[cfg(feature = "hydrate")]
mod stream {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{EventSource, MessageEvent};

    use super::LiveFeed;
    use crate::domain::LiveBatch;
    use crate::links::EVENTS_PATH;

    pub fn open(feed: LiveFeed, me: String) {
        let Ok(source) = EventSource::new(EVENTS_PATH) else {
            return;
        };
        let on_changes = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            match serde_json::from_str::<LiveBatch>(&text) {
                Ok(batch) => feed.receive(batch, &me, now()),
                Err(e) => leptos::logging::warn!("a live message that doesn't read: {e}"),
            }
        });
        let on_signed_out = Closure::<dyn Fn(MessageEvent)>::new(|_| {
            crate::components::reload_to("/");
        });
        let on_open = Closure::<dyn Fn()>::new(|| mark("open"));
        let watched = source.clone();
        let on_error = Closure::<dyn Fn()>::new(move || {
            // Closed for good (refused, e.g. signed out elsewhere) or
            // trying again by itself.
            let closed = watched.ready_state() == EventSource::CLOSED;
            mark(if closed { "closed" } else { "reconnecting" });
        });
        for (name, f) in [("changes", &on_changes), ("signed-out", &on_signed_out)] {
            let _ = source.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        }
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // They live as long as the page: the console never closes its stream
        // but by leaving.
        on_changes.forget();
        on_signed_out.forget();
        on_open.forget();
        on_error.forget();
        let source = send_wrapper::SendWrapper::new(source);
        on_cleanup(move || source.close());
    }

    /// `data-live` on the body says how the stream stands (for tests and
    /// styles): open, reconnecting or closed.
    fn mark(how: &str) {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-live", how);
        }
    }

    fn now() -> i64 {
        (js_sys::Date::now() / 1000.0) as i64
    }
}
