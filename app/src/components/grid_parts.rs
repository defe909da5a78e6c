//! Pieces the grids and the confirmation dialogs share.

use leptos::prelude::*;

use super::Paging;
use crate::domain::Paged;

/// A sortable column header: clicking sorts by this column, clicking again
/// reverses the order. `aria-sort` tells screen readers (and tests) the state.
#[component]
pub fn SortHeader<C, T>(
    label: &'static str,
    column: C,
    /// The column sorted by now, and whether descending.
    #[prop(into)]
    current: Signal<(C, bool)>,
    #[prop(into)] on_sort: Callback<C>,
    /// The button's place in the grid's roving tab order (`GridRow::tabindex`).
    /// A plain function, not a `Signal`: a derived signal dies with the
    /// table's render, while the header's effects may outlive it until the
    /// next render replaces them.
    tabindex: T,
) -> impl IntoView
where
    C: Copy + PartialEq + Send + Sync + 'static,
    T: Fn() -> i32 + Send + Sync + 'static,
{
    let aria_sort = move || match current.get() {
        (c, false) if c == column => "ascending",
        (c, true) if c == column => "descending",
        _ => "none",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort" tabindex=tabindex on:click=move |_| on_sort.run(column)>
                {label}
                <span class="sort-mark" aria-hidden="true">
                    {move || match aria_sort() {
                        "ascending" => "▲",
                        "descending" => "▼",
                        _ => "",
                    }}
                </span>
            </button>
        </th>
    }
}

/// The Yes and No of a confirmation dialog. Yes takes the focus, and stays
/// disabled while the request runs so a double click can't send it twice.
#[component]
pub fn ConfirmActions(
    #[prop(into)] pending: Signal<bool>,
    /// Set once the request failed: the dialog then only offers No.
    #[prop(into)]
    failed: Signal<bool>,
    /// What Yes says while the request runs, e.g. "Removing…".
    busy: &'static str,
    #[prop(into)] on_yes: Callback<()>,
    #[prop(into)] on_no: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="actions">
            <button
                type="button"
                class="primary"
                data-autofocus
                disabled=move || pending.get() || failed.get()
                on:click=move |_| on_yes.run(())
            >
                {move || if pending.get() { busy } else { "Yes" }}
            </button>
            <button type="button" on:click=move |_| on_no.run(())>
                "No"
            </button>
        </div>
    }
}

/// Under a keyset-paged grid: "Load more" while a page follows what is
/// shown (`first` and what was added to it), and why the last attempt failed.
pub fn load_more<Q, P>(paging: Paging<Q, P>, first: &P) -> impl IntoView
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Send + Sync + 'static,
{
    let next = paging.next(first);
    let busy = paging.loading_more();
    view! {
        {move || next().map(|cursor| view! {
            <button
                type="button"
                disabled=move || busy.get()
                on:click=move |_| paging.load_more(cursor.clone())
            >
                {move || if busy.get() { "Loading…" } else { "Load more" }}
            </button>
        })}
        {move || paging.load_error().map(|e| view! { <span class="error" role="alert">{e}</span> })}
    }
}

/// "280", "12,345", or "1,000+" when counting stopped there.
pub fn count_text(total: i64, capped: bool) -> String {
    let sign = if total < 0 { "-" } else { "" };
    let more = if capped { "+" } else { "" };
    format!(
        "{sign}{}{more}",
        crate::domain::grouped(total.unsigned_abs())
    )
}

#[cfg(test)]
mod tests {
    use super::count_text;

    #[test]
    fn counts_read_with_thousands_separators_and_a_plus_when_capped() {
        let cases = [
            (0, false, "0"),
            (280, false, "280"),
            (1_000, true, "1,000+"),
            (100_000, false, "100,000"),
            (1_234_567, false, "1,234,567"),
        ];
        for (total, capped, text) in cases {
            assert_eq!(count_text(total, capped), text, "{total}");
        }
    }
}
