use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::audit::{export_href, format_time, list_audit, AuditEntry, AuditQuery};
use crate::components::{load_more, on_typing_pause};
use crate::domain::{AuditAction, Date};

/// Settings > Audit log: every change, newest first, with filters and a CSV
/// export of what the filters show.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = RwSignal::new(AuditQuery::default());
    let more = RwSignal::new(Vec::<AuditEntry>::new());
    let more_next = RwSignal::new(None::<Option<i64>>);
    let first = Resource::new(move || query.get(), list_audit);
    let change = move |apply: &dyn Fn(&mut AuditQuery)| {
        more.set(Vec::new());
        more_next.set(None);
        query.update(|q| apply(q));
    };
    let load_more_action = Action::new(move |before: &i64| {
        let asked = query.get_untracked();
        let q = AuditQuery {
            before_id: Some(*before),
            ..asked.clone()
        };
        async move {
            let page = list_audit(q).await;
            if let (Ok(page), true) = (&page, query.get_untracked() == asked) {
                more.update(|m| m.extend(page.entries.iter().cloned()));
                more_next.set(Some(page.next));
            }
            page
        }
    });
    let on_search = on_typing_pause(move |value| change(&|q| q.search = value.clone()));
    let date_error = RwSignal::new(None::<String>);
    let on_date = move |to: bool| {
        move |ev: leptos::ev::Event| {
            let raw = event_target_value(&ev);
            let parsed = if raw.is_empty() {
                Ok(None)
            } else {
                Date::parse(&raw).map(Some)
            };
            match parsed {
                Ok(date) => {
                    date_error.set(None);
                    change(&|q| {
                        if to {
                            q.to = date.clone()
                        } else {
                            q.from = date.clone()
                        }
                    });
                }
                Err(e) => date_error.set(Some(e.to_string())),
            }
        }
    };

    view! {
        <Title text="Audit log" />
        <h1>"Audit log"</h1>
        <p class="lede">"Every change made in Switchboard, who made it and when (UTC). Entries can't be edited or deleted."</p>
        <div class="grid-tools filters">
            <div class="filter">
                <label for="audit-search">"Search"</label>
                <input
                    id="audit-search"
                    type="search"
                    class="search"
                    aria-label="Search the audit log"
                    placeholder="User, number, admin or target"
                    maxlength="100"
                    on:input=on_search
                />
            </div>
            <div class="filter">
                <label for="audit-action">"Action"</label>
                <select
                    id="audit-action"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        change(&|q| q.action = AuditAction::from_code(&code));
                    }
                >
                    <option value="">"All actions"</option>
                    {AuditAction::ALL
                        .into_iter()
                        .map(|a| view! { <option value=a.code()>{a.name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="audit-from">"From"</label>
                <input id="audit-from" type="date" on:change=on_date(false) />
            </div>
            <div class="filter">
                <label for="audit-to">"To"</label>
                <input id="audit-to" type="date" on:change=on_date(true) />
            </div>
            <a class="button" href=move || query.with(export_href) download="">"Export CSV"</a>
        </div>
        {move || date_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <Transition fallback=|| view! { <p class="muted">"Loading the audit log…"</p> }>
            {move || Suspend::new(async move {
                match first.await {
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    Ok(page) => {
                        let first_entries = page.entries.clone();
                        let rows = move || {
                            let mut all = first_entries.clone();
                            all.extend(more.get());
                            all
                        };
                        let empty = page.entries.is_empty();
                        let next = {
                            let first_next = page.next;
                            move || more_next.get().unwrap_or(first_next)
                        };
                        view! {
                            <table class="grid" aria-label="Audit log">
                                <thead>
                                    <tr>
                                        <th scope="col">"Time (UTC)"</th>
                                        <th scope="col">"Actor"</th>
                                        <th scope="col">"Action"</th>
                                        <th scope="col">"Target"</th>
                                        <th scope="col">"Number"</th>
                                        <th scope="col">"Before"</th>
                                        <th scope="col">"After"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    <For
                                        each=rows
                                        key=|e| e.id
                                        children=|e| view! {
                                            <tr>
                                                <td class="nowrap">{format_time(e.at)}</td>
                                                <td>{e.actor}</td>
                                                <td>{e.action.name()}</td>
                                                <td>{e.target}</td>
                                                <td class="number">{e.number.unwrap_or_default()}</td>
                                                <td>{e.before}</td>
                                                <td>{e.after}</td>
                                            </tr>
                                        }
                                    />
                                </tbody>
                            </table>
                            {empty.then(|| view! { <p class="muted">"No entries match these filters."</p> })}
                            <div class="grid-foot">
                                {load_more(next, load_more_action)}
                            </div>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}
