use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::licences::{list_licences, LicenceCount};
use crate::components::loaded;

/// Billing > Licenses: what the organisation bought and how much is in use.
#[component]
pub fn LicensesPage() -> impl IntoView {
    let counts = Resource::new(|| (), |()| list_licences());
    crate::components::on_others(move |batch| {
        if batch.touches(crate::domain::Touches::Licences) {
            counts.refetch();
        }
    });
    view! {
        <Title text="Licenses" />
        <h1>"Licenses"</h1>
        <p class="lede">"Assign or remove a user's licenses from their pane on Voice users."</p>
        {loaded(counts, "Loading licenses…", move |list: Vec<LicenceCount>| view! {
            <table class="grid" aria-label="Licenses">
                <thead>
                    <tr>
                        <th scope="col">"License"</th>
                        <th scope="col">"Purchased"</th>
                        <th scope="col">"Assigned"</th>
                        <th scope="col">"Available"</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|c| view! {
                        <tr>
                            <td>{c.licence.label()}</td>
                            <td>{c.purchased}</td>
                            <td>{c.assigned}</td>
                            <td>{(c.purchased - c.assigned).max(0)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
