//! The progress bar of a long check or apply: while the request runs, the
//! browser asks the server every quarter second how far the request named
//! by its key has got (`api::progress::progress_of`), and the bar moves step by step.
//! Until the first report (the request is still on its way) the bar is
//! indeterminate.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::progress::progress_of;
use crate::domain::{Progress, ProgressKey};

const ASK_EVERY: Duration = Duration::from_millis(250);

/// A fresh key for the next long request.
pub fn new_key() -> ProgressKey {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen_futures::js_sys::{Date, Math};
        let random = (Math::random() * 9_007_199_254_740_992.0) as u64;
        ProgressKey::from_parts(random, Date::now() as u64)
    }
    // The server renders no running request: any valid key does.
    #[cfg(not(feature = "hydrate"))]
    ProgressKey::from_parts(u64::MAX, u64::MAX)
}

#[component]
pub fn WorkProgress(
    /// The running request's key; none when nothing runs.
    following: Signal<Option<ProgressKey>>,
    /// What the request does, shown until the server's first report
    /// ("Checking 10,000 lines…").
    starting: Signal<String>,
) -> impl IntoView {
    let report = RwSignal::new(None::<Progress>);
    let asking = StoredValue::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
    };
    Effect::new(move |_| {
        stop();
        report.set(None);
        let Some(key) = following.get() else {
            return;
        };
        let ask = move || {
            if asking.get_value() {
                return;
            }
            asking.set_value(true);
            let key = key.clone();
            leptos::task::spawn_local(async move {
                let answer = progress_of(key.clone()).await;
                asking.set_value(false);
                let still = following.with_untracked(|f| f.as_ref() == Some(&key));
                if let (true, Ok(Some(now))) = (still, answer) {
                    report.set(Some(now));
                }
            });
        };
        timer.set_value(set_interval_with_handle(ask, ASK_EVERY).ok());
    });
    on_cleanup(stop);

    move || {
        following.with(Option::is_some).then(|| {
            let now = report.get();
            let text = now.map_or_else(|| starting.get(), |p| p.text());
            let percent = now.map(|p| p.percent());
            view! {
                <div class="work-progress" role="status">
                    <span>{text.clone()}</span>
                    <progress max="100" value=percent.map(|p| p.to_string()) aria-label=text>
                        {percent.map(|p| format!("{p}%"))}
                    </progress>
                    {percent.map(|p| view! { <span class="muted">{format!("{p}%")}</span> })}
                </div>
            }
        })
    }
}
