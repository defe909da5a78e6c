//! Voice > Provisioning: every change the phone system has not yet
//! confirmed, oldest first, with why a failed one failed and Retry now.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::provisioning::{
    list_provisioning, retry_provisioning, ProvisioningPage, ProvisioningQuery, RetryRequest,
};
use crate::components::{
    can, count_text, load_more, loaded, on_live, provisioning_badge, use_paging, FilterSelect,
    Paging,
};
use crate::domain::{format_utc, span, Job, JobAction, OpenStatus, Permission};

#[component]
pub fn ProvisioningView() -> impl IntoView {
    let query = RwSignal::new(ProvisioningQuery::default());
    let paging: Paging<ProvisioningQuery, ProvisioningPage> = use_paging(
        move || query.get(),
        |mut q, after| {
            q.after = after;
            list_provisioning(q)
        },
    );
    // The phone system's answers arrive as they come.
    on_live(move |_| paging.refresh());
    let status = RwSignal::new(None::<String>);
    // `None`: every failed job.
    let retry = Action::new(|job: &Option<i64>| {
        let job = *job;
        async move { retry_provisioning(RetryRequest { job }).await }
    });
    Effect::new(move |_| {
        let Some(result) = retry.value().get() else {
            return;
        };
        status.set(Some(match result {
            Ok(done) => format!(
                "{} sent to the phone system again.",
                match done.jobs {
                    1 => "1 change".to_owned(),
                    n => format!("{} changes", count_text(n as i64, false)),
                }
            ),
            Err(e) => format!("Nothing was retried. {e}"),
        }));
        paging.refresh();
    });
    let by_status = move |s: Option<OpenStatus>| query.update(|q| q.status = s);
    let by_action = move |a: Option<JobAction>| query.update(|q| q.action = a);
    let manage = can(Permission::ManageVoice);
    let retry_button = move |job: Option<i64>, label: String| {
        manage.then(|| {
            view! {
                <button
                    type="button"
                    aria-label=label
                    disabled=move || retry.pending().get()
                    on:click=move |_| {
                        if !retry.pending().get_untracked() {
                            retry.dispatch(job);
                        }
                    }
                >
                    {if job.is_some() { "Retry now" } else { "Retry all failed" }}
                </button>
            }
        })
    };

    view! {
        <Title text="Provisioning" />
        <h1>"Provisioning"</h1>
        <p class="lede">
            "Every change the phone system has not confirmed yet, oldest first. Switchboard keeps "
            "retrying failed changes on its own; Retry now sends one at once."
        </p>
        <div class="toolbar">
            <FilterSelect label="Status" any="Pending and failed" on_pick=by_status />
            <FilterSelect label="Change" any="All changes" on_pick=by_action />
        </div>
        <p class="status" role="status">{move || status.get()}</p>
        {loaded(paging.first, "Loading provisioning…", move |page: ProvisioningPage| {
            let rows = paging.rows(&page);
            let now = page.now;
            let summary = format!(
                "{} not yet confirmed, {} failed.",
                match page.open {
                    1 => "1 change".to_owned(),
                    n => format!("{} changes", count_text(n, false)),
                },
                count_text(page.failed, false)
            );
            let empty = page.jobs.is_empty();
            view! {
                <p>{summary}" "{(page.failed > 0).then(|| retry_button(None, "Retry all failed changes now".to_owned()))}</p>
                <table class="grid provisioning" aria-label="Provisioning">
                    <thead>
                        <tr>
                            <th scope="col">"Saved"</th>
                            <th scope="col">"By"</th>
                            <th scope="col">"User"</th>
                            <th scope="col">"Change"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Waiting"</th>
                            <th scope="col">"Last attempt"</th>
                            <th scope="col">"Retry"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=rows
                            key=|j: &Job| (j.id, j.attempts, j.next_attempt_at)
                            children=move |j: Job| {
                                let label = format!("Retry now: {}", j.describe());
                                view! {
                                    <tr>
                                        <td class="nowrap">{format_utc(j.created_at)}</td>
                                        <td>{j.actor.clone()}</td>
                                        <td>{j.user_name.clone().unwrap_or_default()}</td>
                                        <td>{j.describe()}</td>
                                        <td>{provisioning_badge(Some(j.status()))}</td>
                                        <td class="nowrap">{span(now - j.created_at)}</td>
                                        <td>{last_attempt(&j, now)}</td>
                                        <td class="row-actions">{retry_button(Some(j.id), label)}</td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
                {empty.then(|| view! {
                    <p class="muted">"Every change has been confirmed by the phone system."</p>
                })}
                <div class="grid-foot">{load_more(paging, &page)}</div>
            }
        })}
    }
}

/// The last attempt: not yet made, or sent and how it went, and when the
/// next one is due.
fn last_attempt(job: &Job, now: i64) -> String {
    match (&job.last_error, job.sent_at) {
        (Some(reason), _) => {
            let next = job.next_attempt_at - now;
            let when = if next <= 0 {
                "now".to_owned()
            } else {
                format!("in {}", span(next))
            };
            format!(
                "Attempt {} failed: {reason} Next attempt {when}.",
                job.attempts
            )
        }
        (None, Some(at)) => format!("Sent {}", format_utc(at)),
        (None, None) => "Not sent yet".to_owned(),
    }
}
