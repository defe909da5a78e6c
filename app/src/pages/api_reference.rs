use std::collections::HashSet;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::api_reference::read_api_reference;
use crate::components::loaded;
use crate::domain::{ApiField, ApiOperation, ApiReference, ApiType};

/// Settings > API: every function scripts can call, its fields and an
/// example, the types they name and the error codes, from the same
/// OpenAPI document `/api/openapi.json` serves.
#[component]
pub fn ApiReferencePage() -> impl IntoView {
    let reference = Resource::new(|| (), |()| read_api_reference());
    view! {
        <Title text="API" />
        <h1>"API"</h1>
        <p class="lede">
            "Scripts call the functions the console uses, with an API token: create one on "
            <A href="/me">"My profile"</A>
            ". The "
            <code>"switchboard-cli"</code>
            " command line calls them for you."
        </p>
        {loaded(reference, "Loading the API reference…", reference_view)}
    }
}

fn reference_view(reference: ApiReference) -> impl IntoView {
    let names: HashSet<String> = reference.types.iter().map(|t| t.name.clone()).collect();
    let names = StoredValue::new(names);
    let filter = RwSignal::new(String::new());
    let about = reference.about.clone();
    let version = reference.version.clone();
    let types = reference.types.clone();
    let errors = reference.errors.clone();
    let reference = StoredValue::new(reference);
    let shown = move || reference.with_value(|r| r.matching(&filter.get()));
    view! {
        <p>{about}</p>
        <p>
            <a href="/api/openapi.json" download="switchboard-openapi.json">
                "Download the OpenAPI document"
            </a>
            {format!(" (OpenAPI 3.1, Switchboard {version}).")}
        </p>
        <nav aria-label="On this page" class="api-contents">
            <a href="#functions">"Functions"</a>
            <a href="#types">"Types"</a>
            <a href="#error-codes">"Error codes"</a>
        </nav>
        <h2 id="functions">"Functions"</h2>
        <p class="field">
            <label for="api-filter">"Filter functions"</label>
            <input
                id="api-filter"
                type="search"
                placeholder="e.g. assign, /api/voice-users"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
        </p>
        {move || {
            let areas = shown();
            if areas.is_empty() {
                return view! { <p class="muted" role="status">"No function matches the filter."</p> }.into_any();
            }
            areas
                .into_iter()
                .map(|area| {
                    let heading = format!("area-{}", area.name);
                    let labelled_by = heading.clone();
                    view! {
                        <section class="api-area" aria-labelledby=labelled_by>
                            <h3 id=heading>{area.name}</h3>
                            {area.operations.into_iter().map(|op| operation_view(op, names)).collect_view()}
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }}
        <h2 id="types">"Types"</h2>
        {types.into_iter().map(|t| type_view(t, names)).collect_view()}
        <h2 id="error-codes">"Error codes"</h2>
        <p>
            "An error answers a JSON object whose one key is its code, e.g. "
            <code>"{\"NotFound\": {\"message\": \"…\"}}"</code>
            "; codes without details come as a JSON string, e.g. "
            <code>"\"Internal\""</code>
            ". Rule violations are listed under "
            <a href="#type-Violation">"Violation"</a>
            "."
        </p>
        <table class="grid" aria-label="Error codes">
            <thead>
                <tr>
                    <th scope="col">"Code"</th>
                    <th scope="col">"HTTP status"</th>
                    <th scope="col">"Meaning"</th>
                </tr>
            </thead>
            <tbody>
                {errors.into_iter().map(|e| {
                    let statuses: Vec<String> = e.statuses.iter().map(u16::to_string).collect();
                    view! {
                        <tr>
                            <td><code>{e.code}</code></td>
                            <td>{statuses.join(", ")}</td>
                            <td>{e.about}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn operation_view(op: ApiOperation, names: StoredValue<HashSet<String>>) -> impl IntoView {
    let heading = format!("op-{}", op.id);
    let title = format!("{} {}", op.method, op.path);
    let retry = if op.idempotent {
        " Takes an Idempotency-Key for safe retries."
    } else {
        ""
    };
    let fields_label = format!("Fields of {}", op.id);
    let has_fields = !op.fields.is_empty();
    let get = op.method == "GET";
    let anchor = op.id.clone();
    let labelled_by = heading.clone();
    view! {
        <article class="api-op" id=anchor aria-labelledby=labelled_by>
            <h4 id=heading><code>{title}</code></h4>
            <p>{op.summary}</p>
            <p class="muted">{op.about}</p>
            <dl class="details">
                <dt>"Name"</dt>
                <dd><code>{op.id}</code></dd>
                <dt>"Kind"</dt>
                <dd>{format!("{}{retry}", op.kind)}</dd>
                <dt>"Answer"</dt>
                <dd>{kind_view(&op.answer, names)}</dd>
            </dl>
            {has_fields.then(|| fields_table(fields_label, if get { "Parameter" } else { "Field" }, op.fields, names))}
            {(!op.example.is_empty()).then(|| view! {
                <details>
                    <summary>"Example request"</summary>
                    <pre><code>{op.example}</code></pre>
                </details>
            })}
        </article>
    }
}

fn fields_table(
    label: String,
    first: &'static str,
    fields: Vec<ApiField>,
    names: StoredValue<HashSet<String>>,
) -> impl IntoView {
    view! {
        <table class="grid api-fields" aria-label=label>
            <thead>
                <tr>
                    <th scope="col">{first}</th>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Required"</th>
                    <th scope="col">"Description"</th>
                </tr>
            </thead>
            <tbody>
                {fields.into_iter().map(|f| view! {
                    <tr>
                        <td><code>{f.name}</code></td>
                        <td>{kind_view(&f.kind, names)}</td>
                        <td>{if f.required { "Yes" } else { "No" }}</td>
                        <td>{f.about}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn type_view(t: ApiType, names: StoredValue<HashSet<String>>) -> impl IntoView {
    let heading = format!("type-{}", t.name);
    let fields = (!t.fields.is_empty())
        .then(|| fields_table(format!("Fields of {}", t.name), "Field", t.fields, names));
    let values = (!t.values.is_empty()).then(|| {
        let label = format!("Values of {}", t.name);
        view! {
            <table class="grid api-fields" aria-label=label>
                <thead>
                    <tr>
                        <th scope="col">"Value"</th>
                        <th scope="col">"Details"</th>
                        <th scope="col">"Meaning"</th>
                    </tr>
                </thead>
                <tbody>
                    {t.values.into_iter().map(|v| view! {
                        <tr>
                            <td><code>{v.name}</code></td>
                            <td>{kind_view(&v.kind, names)}</td>
                            <td>{v.about}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    });
    let name_id = format!("{heading}-name");
    let labelled_by = name_id.clone();
    view! {
        <section class="api-type" id=heading aria-labelledby=labelled_by>
            <h3 id=name_id>{t.name}</h3>
            <p>{t.about}</p>
            {fields}
            {values}
        </section>
    }
}

/// A type phrase with each type it names linked to that type.
fn kind_view(kind: &str, names: StoredValue<HashSet<String>>) -> impl IntoView {
    let mut parts = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, parts: &mut Vec<AnyView>| {
        if word.is_empty() {
            return;
        }
        let taken = std::mem::take(word);
        if names.with_value(|n| n.contains(&taken)) {
            parts.push(view! { <a href=format!("#type-{taken}")>{taken.clone()}</a> }.into_any());
        } else {
            parts.push(taken.into_any());
        }
    };
    for c in kind.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut parts);
            parts.push(c.to_string().into_any());
        }
    }
    flush(&mut word, &mut parts);
    parts
}
