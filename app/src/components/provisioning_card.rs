//! Where a user's latest change is on its way to the phone system: the
//! grid's Provisioning cell, and the action pane's timeline with Retry now.

use leptos::prelude::*;

use super::{can, loaded};
use crate::api::provisioning::{
    retry_provisioning, user_provisioning, Retried, RetryRequest, UserJobs,
};
use crate::api::ApiError;
use crate::domain::{format_utc, Job, JobStatus, Permission, VoiceUser, PENDING_NOTE};

/// The status as a badge: Pending, Active or Failed; nothing for none.
pub fn provisioning_badge(status: Option<JobStatus>) -> impl IntoView {
    status.map(|s| view! { <span class=format!("badge {}", s.code())>{s.label()}</span> })
}

/// The pane's Provisioning section for `user`: read again whenever the
/// user changes, which a live update of the phone system's answer does.
#[component]
pub fn ProvisioningCard(user: VoiceUser) -> impl IntoView {
    let id = user.id;
    let jobs = Resource::new(move || id, user_provisioning);
    let status = RwSignal::new(None::<String>);
    let retry = Action::new(move |job: &i64| {
        let job = *job;
        async move { retry_provisioning(RetryRequest { job: Some(job) }).await }
    });
    Effect::new(move |_| {
        let Some(result) = retry.value().get() else {
            return;
        };
        status.set(Some(match result {
            Ok(_) => "Sent to the phone system again.".to_owned(),
            Err(e) => format!("Not retried. {e}"),
        }));
        jobs.refetch();
    });
    let manage = can(Permission::ManageVoice);
    view! {
        <section class="provisioning" aria-label="Provisioning">
            <h3>"Provisioning " {provisioning_badge(user.provisioning)}</h3>
            <p class="status" role="status">{move || status.get()}</p>
            {loaded(jobs, "Loading provisioning…", move |found: UserJobs| {
                match found.jobs.first() {
                    None => view! {
                        <p class="muted">"No change of this user's number has gone to the phone system yet."</p>
                    }
                    .into_any(),
                    Some(job) => timeline(job, found.now, manage, retry).into_any(),
                }
            })}
        </section>
    }
}

/// The latest job: what it does, each step with its time, and while it is
/// not confirmed, how long it has waited and what the admin can do.
fn timeline(
    job: &Job,
    now: i64,
    manage: bool,
    retry: Action<i64, Result<Retried, ApiError>>,
) -> impl IntoView {
    let id = job.id;
    let steps = job
        .timeline()
        .into_iter()
        .map(|m| view! { <li><time>{format_utc(m.at)}</time>" "{m.text}</li> })
        .collect_view();
    let waiting = job.pending_for(now).map(|waited| {
        view! {
            <p>{PENDING_NOTE}</p>
            <p class="muted">{waited}</p>
        }
    });
    let advice = job
        .advice(now)
        .map(|advice| view! { <p class="advice">{advice}</p> });
    let retry_button = (manage && job.confirmed_at.is_none()).then(|| {
        view! {
            <div class="actions">
                <button
                    type="button"
                    disabled=move || retry.pending().get()
                    on:click=move |_| {
                        if !retry.pending().get_untracked() {
                            retry.dispatch(id);
                        }
                    }
                >
                    "Retry now"
                </button>
            </div>
        }
    });
    view! {
        <p>{job.describe()}</p>
        <ol class="timeline">{steps}</ol>
        {waiting}
        {advice}
        {retry_button}
    }
}
