//! Voice users > Import: a CSV file that assigns, changes or removes many
//! users' numbers at once. Check shows what each line would do and writes
//! nothing; Apply writes the checked file, every line or none; the message
//! after Apply offers Undo.

mod file;
mod outcome;
mod report;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use crate::api::console::ConsoleAreas;
use crate::api::import::{apply_import, check_import, ImportRequest};
use crate::api::ApiError;
use crate::components::{can, error_view, new_key, WorkProgress};
use crate::domain::{grouped, ImportReport, Permission, ProgressKey, IMPORT_TEMPLATE};
use outcome::{Outcome, OutcomeLine};
use report::{summary, ReportTable};

/// The server's words (`api::access::VOICE_LOCKED`, not in the browser build).
const VOICE_LOCKED: &str = "Voice isn't available: your organization needs at least one \
                            Enterprise E5, Phone System or Audio Conferencing license. See Billing > Licenses.";
const NOT_ALLOWED: &str = "Your role doesn't allow importing. Ask a Voice administrator or a \
                           Global administrator.";

/// The file as read, and which choice of the file input it came from.
#[derive(Clone)]
struct Chosen {
    choice: u32,
    text: Arc<String>,
    lines: usize,
}

/// What Check found for one choice: Apply sends only that choice, unchanged.
#[derive(Clone)]
struct Checked {
    choice: u32,
    report: ImportReport,
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let areas = expect_context::<Resource<Result<ConsoleAreas, ApiError>>>();
    let voice = areas
        .get_untracked()
        .and_then(Result::ok)
        .is_none_or(|a| a.voice);
    let refusal = if !voice {
        Some(VOICE_LOCKED)
    } else if !can(Permission::ManageVoice) {
        Some(NOT_ALLOWED)
    } else {
        None
    };
    view! {
        <Title text="Import" />
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <A href="/voice/users">"Voice users"</A>
            " › Import"
        </nav>
        <h1>"Import"</h1>
        <p class="lede">
            "A CSV file with a line for each user: their username, the phone number and emergency "
            "location to give them, and what to do: assign, change or remove. Check shows what "
            "every line would do and changes nothing; Apply makes every change or none."
        </p>
        {match refusal {
            Some(message) => error_view(&ApiError::Forbidden { message: message.to_owned() }).into_any(),
            None => view! { <ImportForm /> }.into_any(),
        }}
    }
}

#[component]
fn ImportForm() -> impl IntoView {
    let choice = RwSignal::new(0u32);
    let chosen = RwSignal::new(None::<Chosen>);
    let reading = RwSignal::new(false);
    let checked = RwSignal::new(None::<Checked>);
    let problem = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Outcome>);

    // The key of the check or apply running now, which its progress bar follows.
    let key = RwSignal::new(None::<ProgressKey>);
    let request = move |text: &Arc<String>| {
        let progress = Some(new_key());
        key.set(progress.clone());
        ImportRequest {
            file: String::clone(text),
            progress,
        }
    };
    let check = Action::new(move |(of, text): &(u32, Arc<String>)| {
        let (of, request) = (*of, request(text));
        async move { (of, check_import(request).await) }
    });
    let apply = Action::new(move |(of, text): &(u32, Arc<String>)| {
        let (of, request) = (*of, request(text));
        async move { (of, apply_import(request).await) }
    });
    let current = move |of: u32| choice.get_untracked() == of;
    Effect::new(move |_| match check.value().get() {
        Some((of, Ok(report))) if current(of) => checked.set(Some(Checked { choice: of, report })),
        Some((of, Err(e))) if current(of) => problem.set(Some(e.to_string())),
        _ => {}
    });
    Effect::new(move |_| match apply.value().get() {
        Some((_, Ok(done))) => {
            checked.set(None);
            outcome.set(Some(Outcome::imported(done)));
        }
        // Someone changed a user, number or location since the Check.
        Some((of, Err(ApiError::ImportRefused { report }))) => {
            problem.set(Some(refused_text(report.refused())));
            if current(of) {
                checked.set(Some(Checked { choice: of, report }));
            }
        }
        Some((_, Err(e))) => problem.set(Some(e.to_string())),
        None => {}
    });

    // Each pick of the file input is a new choice: a report or a read of an
    // earlier one never applies to it.
    let new_choice = move || {
        choice.update(|c| *c += 1);
        chosen.set(None);
        checked.set(None);
        problem.set(None);
        reading.set(false);
        choice.get_untracked()
    };
    // Emptied on click, so picking the same file again after editing it is
    // a change the input reports.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        event_target::<web_sys::HtmlInputElement>(&ev).set_value("");
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
        new_choice();
    };
    let on_change = move |ev: leptos::ev::Event| {
        let this = new_choice();
        #[cfg(feature = "hydrate")]
        if let Some(picked) = event_target::<web_sys::HtmlInputElement>(&ev)
            .files()
            .and_then(|f| f.get(0))
        {
            reading.set(true);
            leptos::task::spawn_local(async move {
                let read = file::read(picked).await;
                if !current(this) {
                    return;
                }
                reading.set(false);
                match read {
                    Ok(text) => chosen.set(Some(Chosen {
                        choice: this,
                        lines: file::data_lines(&text),
                        text: Arc::new(text),
                    })),
                    Err(message) => problem.set(Some(message)),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, this);
    };

    let busy = move || reading.get() || check.pending().get() || apply.pending().get();
    let applicable = move || {
        let of = chosen.with(|f| f.as_ref().map(|f| f.choice));
        checked.with(|c| {
            c.as_ref().is_some_and(|c| {
                Some(c.choice) == of && c.report.refused() == 0 && !c.report.lines.is_empty()
            })
        })
    };
    let on_check = move |_| {
        if let Some(f) = chosen.get_untracked().filter(|_| !busy()) {
            problem.set(None);
            checked.set(None);
            check.dispatch((f.choice, f.text));
        }
    };
    // Disabled while it runs, and checked again here: a double click sends one.
    let on_apply = move |_| {
        if let Some(f) = chosen.get_untracked().filter(|_| !busy() && applicable()) {
            problem.set(None);
            apply.dispatch((f.choice, f.text));
        }
    };
    let lines = move || chosen.with(|f| f.as_ref().map_or(0, |f| f.lines));
    let following = Signal::derive(move || {
        (check.pending().get() || apply.pending().get())
            .then(|| key.get())
            .flatten()
    });
    let starting = Signal::derive(move || {
        let doing = if apply.pending().get() {
            "Importing"
        } else {
            "Checking"
        };
        file::busy_text(doing, lines())
    });

    view! {
        <p>
            <a class="button" href=template_href() download="switchboard-import-template.csv">
                "Download template"
            </a>
        </p>
        <div class="field import-choose">
            <label for="import-file">"CSV file"</label>
            <input id="import-file" type="file" accept=".csv,text/csv" on:click=on_click on:change=on_change />
        </div>
        <div class="actions">
            <button
                type="button"
                class:primary=move || !applicable()
                disabled=move || busy() || chosen.with(Option::is_none)
                on:click=on_check
            >
                "Check"
            </button>
            <button type="button" class:primary=applicable disabled=move || busy() || !applicable() on:click=on_apply>
                "Apply"
            </button>
        </div>
        {move || reading.get().then(|| view! {
            <div class="work-progress" role="status">
                <span>"Reading the file…"</span>
                <progress aria-label="Reading the file…"></progress>
            </div>
        })}
        <WorkProgress following starting />
        {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
        <OutcomeLine outcome />
        <section aria-label="Check results" aria-busy=move || busy().to_string()>
            {move || checked.get().map(|c| view! {
                <p class="report" role="status">{summary(&c.report)}</p>
                <ReportTable report=c.report />
            })}
        </section>
    }
}

fn refused_text(lines: usize) -> String {
    let (lines, have) = match lines {
        1 => ("1 line".to_owned(), "has"),
        n => (format!("{} lines", grouped(n as u64)), "have"),
    };
    format!(
        "Nothing was imported: something changed since the check, and {lines} now {have} \
         problems. See the lines below."
    )
}

/// The template as a `data:` address: the browser saves it as a file
/// without asking the server.
fn template_href() -> String {
    format!(
        "data:text/csv;charset=utf-8,{}",
        utf8_percent_encode(IMPORT_TEMPLATE, NON_ALPHANUMERIC)
    )
}
