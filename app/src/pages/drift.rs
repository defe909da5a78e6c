//! Voice > Drift: where the phone system's routing no longer says what the
//! assignments do, found by a check (on start, on a schedule, or Check
//! now), and Repair.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::drift::{check_drift, latest_drift, repair_drift, RepairRequest};
use crate::components::{can, count_text, error_view};
use crate::domain::{format_utc, DriftReport, Finding, Permission};

/// How often the view looks again while a check is under way.
const POLL_MS: u64 = 1_000;

#[component]
pub fn DriftView() -> impl IntoView {
    let report = Resource::new(|| (), |()| latest_drift());
    let status = RwSignal::new(None::<String>);
    let check = Action::new(|(): &()| check_drift());
    let repair = Action::new(|request: &RepairRequest| repair_drift(request.clone()));
    Effect::new(move |_| {
        if let Some(result) = check.value().get() {
            status.set(match result {
                Ok(_) => Some("Checking the phone system's routes…".to_owned()),
                Err(e) => Some(format!("No check was made. {e}")),
            });
            report.refetch();
        }
    });
    Effect::new(move |_| {
        if let Some(result) = repair.value().get() {
            status.set(Some(match result {
                Ok(done) => format!(
                    "Repair sent for {}: see Provisioning for its progress.",
                    match done.numbers {
                        1 => "1 number".to_owned(),
                        n => format!("{} numbers", count_text(n as i64, false)),
                    }
                ),
                Err(e) => format!("Nothing was repaired. {e}"),
            }));
            report.refetch();
        }
    });
    // While a check is under way, look again until it is done.
    Effect::new(move |_| {
        if let Some(Ok(r)) = report.get() {
            if r.checking {
                set_timeout(
                    move || report.refetch(),
                    std::time::Duration::from_millis(POLL_MS),
                );
            }
        }
    });
    let manage = can(Permission::ManageVoice);

    view! {
        <Title text="Drift" />
        <h1>"Drift"</h1>
        <p class="lede">
            "Numbers whose routing on the phone system no longer matches their assignment: after "
            "the phone system restarted, or was changed outside Switchboard. Switchboard checks on "
            "start and every hour; Repair sends each number's route as it is assigned now."
        </p>
        <p class="status" role="status">{move || status.get()}</p>
        <Transition fallback=|| view! { <p class="muted">"Loading drift…"</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => view! { <Report report=r manage check repair /> }.into_any(),
                    Err(e) => error_view(&e).into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Report(
    report: DriftReport,
    manage: bool,
    check: Action<(), Result<DriftReport, crate::api::ApiError>>,
    repair: Action<RepairRequest, Result<crate::api::drift::Repaired, crate::api::ApiError>>,
) -> impl IntoView {
    if !report.comparable {
        return view! {
            <p class="tip">
                "This server provisions to no phone system (--phone-system none): there are no "
                "routes to compare. Start it with --phone-system kamailio to check for drift."
            </p>
        }
        .into_any();
    }
    let busy = move || check.pending().get() || repair.pending().get();
    let checking = report.checking;
    let summary = match &report.latest {
        None => "No check has been made yet.".to_owned(),
        Some(c) => match (&c.error, c.found) {
            (Some(why), _) => format!(
                "The check asked by {} could not be made at {}: {why}",
                c.asked_by,
                c.checked_at.map(format_utc).unwrap_or_default()
            ),
            (None, found) => format!(
                "Checked at {} (asked by {}): {}.",
                c.checked_at.map(format_utc).unwrap_or_default(),
                c.asked_by,
                match found.unwrap_or(0) {
                    0 => "every route matches its assignment".to_owned(),
                    1 => "1 number differs".to_owned(),
                    n => format!("{} numbers differ", count_text(n, false)),
                }
            ),
        },
    };
    let check_id = report.latest.as_ref().map(|c| c.id);
    let unrepaired = report
        .findings
        .iter()
        .filter(|f| f.repaired_at.is_none())
        .count();
    let rows = report
        .findings
        .into_iter()
        .map(|f| finding_row(f, check_id, manage, repair, busy))
        .collect_view();
    view! {
        <p>{summary}{checking.then_some(" A new check is under way…")}</p>
        <div class="actions" hidden=!manage>
            <button
                type="button"
                disabled=move || busy() || checking
                on:click=move |_| {
                    check.dispatch(());
                }
            >
                "Check now"
            </button>
            <button
                type="button"
                class="primary"
                disabled=move || busy() || unrepaired == 0
                on:click=move |_| {
                    if let Some(check) = check_id {
                        repair.dispatch(RepairRequest { check, numbers: None });
                    }
                }
            >
                "Repair all"
            </button>
        </div>
        <table class="grid drift" aria-label="Drift">
            <thead>
                <tr>
                    <th scope="col">"Number"</th>
                    <th scope="col">"Difference"</th>
                    <th scope="col">"Assigned to"</th>
                    <th scope="col">"Phone system routes to"</th>
                    <th scope="col">"Repair"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

fn finding_row(
    f: Finding,
    check: Option<i64>,
    manage: bool,
    repair: Action<RepairRequest, Result<crate::api::drift::Repaired, crate::api::ApiError>>,
    busy: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let number = f.drift.number.clone();
    let cell = match (f.repaired_at, &f.repaired_by) {
        (Some(at), by) => format!(
            "Repair sent {} by {}",
            format_utc(at),
            by.as_deref().unwrap_or("an admin")
        )
        .into_any(),
        (None, _) if manage => view! {
            <button
                type="button"
                aria-label=format!("Repair {number}")
                disabled=busy
                on:click={
                    let number = number.clone();
                    move |_| {
                        if let Some(check) = check {
                            repair.dispatch(RepairRequest {
                                check,
                                numbers: Some(vec![number.clone()]),
                            });
                        }
                    }
                }
            >
                "Repair"
            </button>
        }
        .into_any(),
        (None, _) => "Not repaired".into_any(),
    };
    view! {
        <tr>
            <td class="number">{f.drift.number.clone()}</td>
            <td>{f.drift.kind.label()}</td>
            <td>{f.drift.expected.clone().unwrap_or_default()}</td>
            <td>{f.drift.actual.clone().unwrap_or_default()}</td>
            <td class="row-actions">{cell}</td>
        </tr>
    }
}
