use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::audit_log::list_audit;
use crate::components::{load_more, loaded, on_typing_pause, use_paging, FilterSelect, Paging};
use crate::domain::{format_utc, AuditAction, AuditPage, AuditQuery, Date};
use crate::links;

/// Settings > Audit log: every change, newest first, with filters and a CSV
/// export of what the filters show.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = RwSignal::new(AuditQuery::default());
    let paging: Paging<AuditQuery, AuditPage> = use_paging(
        move || query.get(),
        |query, before_id| list_audit(AuditQuery { before_id, ..query }),
    );
    let change = move |apply: &dyn Fn(&mut AuditQuery)| query.update(|q| apply(q));
    let by_action = Callback::new(move |a: Option<AuditAction>| change(&|q| q.action = a));
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
            <FilterSelect label="Action" any="All actions" on_pick=by_action />
            <div class="filter">
                <label for="audit-from">"From"</label>
                <input id="audit-from" type="date" on:change=on_date(false) />
            </div>
            <div class="filter">
                <label for="audit-to">"To"</label>
                <input id="audit-to" type="date" on:change=on_date(true) />
            </div>
            <a class="button" href=move || query.with(links::audit_export) download="">"Export CSV"</a>
        </div>
        {move || date_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {loaded(paging.first, "Loading the audit log…", move |page: AuditPage| {
            let rows = paging.rows(&page);
            let empty = page.entries.is_empty();
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
                                    <td class="nowrap">{format_utc(e.at)}</td>
                                    <td>{e.actor}</td>
                                    <td>{e.action.label()}</td>
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
                    {load_more(paging, &page)}
                </div>
            }
        })}
    }
}
