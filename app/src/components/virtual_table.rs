//! The table of a virtualised grid: the scrolling box, the header, and the
//! rows of the window between spacers (see `virtual_rows`).

use leptos::prelude::*;

use super::virtual_rows::Viewport;
use super::Paging;
use crate::domain::Paged;

/// The table of a virtualised grid: its label for screen readers, its
/// column count, and how many rows match in all (`None` when the count
/// stopped short), which `aria-rowcount` announces.
pub struct VirtualTable {
    pub viewport: Viewport,
    pub label: &'static str,
    pub columns: usize,
    pub total: Option<i64>,
}

impl VirtualTable {
    /// The scrolling box and table: `head` (the header row), then the rows
    /// of the window, each as `latest` has it now (a row saved since its
    /// page loaded), made by `row(aria_rowindex, row)`, between spacers that
    /// stand for the rows above and below it.
    #[allow(clippy::too_many_arguments)]
    pub fn view<Q, P, K, V>(
        self,
        paging: Paging<Q, P>,
        page: &P,
        head: impl IntoView + 'static,
        latest: impl Fn(P::Row) -> P::Row + Clone + Send + Sync + 'static,
        key: impl Fn(&P::Row) -> K + Clone + Send + Sync + 'static,
        row: impl Fn(usize, P::Row) -> V + Clone + Send + Sync + 'static,
    ) -> impl IntoView
    where
        Q: Clone + PartialEq + Send + Sync + 'static,
        P: Paged + Send + Sync + 'static,
        P::Row: Clone + Send + Sync + 'static,
        K: Eq + std::hash::Hash + 'static,
        V: IntoView + 'static,
    {
        let viewport = self.viewport;
        let rows_in = paging.rows_in(page);
        let shown = paging.shown(page);
        let range = Memo::new(move |_| viewport.window(shown()));
        let rows = move || {
            let range = range.get();
            let start = range.start;
            rows_in(range)
                .into_iter()
                .enumerate()
                .map(|(i, r)| (start + i, latest(r)))
                .collect::<Vec<_>>()
        };
        let columns = self.columns;
        // Spacers only once measured: before, the window starts at the top
        // and the server's page carries no inline style the policy refuses.
        let spacer = move |above: bool| {
            move || {
                viewport.row_px().map(|px| {
                    let height = move || {
                        let (range, len) = (range.get(), shown());
                        let rows = if above {
                            range.start
                        } else {
                            len.saturating_sub(range.end)
                        };
                        format!("{}px", rows as f64 * px)
                    };
                    view! {
                        <tr class="spacer" aria-hidden="true">
                            <td colspan=columns style:height=height></td>
                        </tr>
                    }
                })
            }
        };
        let rowcount = self.total.map_or(-1, |t| t + 1);
        view! {
            <div class="grid-scroll" node_ref=viewport.node on:scroll=viewport.on_scroll()>
                <table class="grid" aria-label=self.label aria-rowcount=rowcount>
                    <thead>{head}</thead>
                    <tbody>
                        {spacer(true)}
                        <For
                            each=rows
                            key=move |(_, r)| key(r)
                            children=move |(i, r)| row(i + 2, r)
                        />
                        {spacer(false)}
                    </tbody>
                </table>
            </div>
        }
    }
}
