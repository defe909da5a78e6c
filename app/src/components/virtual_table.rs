//! The table of a virtualised grid: the scrolling box, the header, and the
//! rows of the window between spacers (see `virtual_rows`).

use leptos::prelude::*;

use super::grid_keys::FIRST_ROW;
use super::grid_nav::{GridNav, GridRow};
use super::virtual_rows::Viewport;
use super::Paging;
use crate::domain::Paged;

/// The table of a virtualised grid: where it is scrolled and which cell is
/// active (both kept by the page across searches), its label for screen
/// readers, its column count, and how many rows match in all (`None` when
/// the count stopped short), which `aria-rowcount` announces.
pub struct VirtualTable {
    pub viewport: Viewport,
    pub nav: GridNav,
    pub label: &'static str,
    pub columns: usize,
    pub total: Option<i64>,
}

impl VirtualTable {
    /// The scrolling box and table: `head(row)` (the header row), then the
    /// rows of the window, each as `latest` has it now (a row saved since
    /// its page loaded), made by `row(grid_row, row)`, between spacers that
    /// stand for the rows above and below it. The table is an ARIA grid:
    /// one stop of Tab, the arrow keys between cells (`grid_nav`); each row
    /// gives its cells (or their one control) `grid_row.tabindex(column)`.
    #[allow(clippy::too_many_arguments)]
    pub fn view<Q, P, K, V, H>(
        self,
        paging: Paging<Q, P>,
        page: &P,
        head: impl FnOnce(GridRow) -> H,
        latest: impl Fn(P::Row) -> P::Row + Clone + Send + Sync + 'static,
        key: impl Fn(&P::Row) -> K + Clone + Send + Sync + 'static,
        row: impl Fn(GridRow, P::Row) -> V + Clone + Send + Sync + 'static,
    ) -> impl IntoView
    where
        Q: Clone + PartialEq + Send + Sync + 'static,
        P: Paged + Send + Sync + 'static,
        P::Row: Clone + Send + Sync + 'static,
        K: Eq + std::hash::Hash + 'static,
        V: IntoView + 'static,
        H: IntoView + 'static,
    {
        let viewport = self.viewport;
        let rows_in = paging.rows_in(page);
        let shown = paging.shown(page);
        let range = Memo::new(move |_| viewport.window(shown()));
        let nav = self.nav;
        nav.follow(shown, move || range.get());
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
                <table
                    class="grid"
                    role="grid"
                    aria-multiselectable="true"
                    aria-label=self.label
                    aria-rowcount=rowcount
                    node_ref=nav.table
                    on:keydown=nav.on_keydown(viewport, columns)
                    on:focusin=nav.on_focusin()
                >
                    <thead>{head(nav.row(1))}</thead>
                    <tbody>
                        {spacer(true)}
                        <For
                            each=rows
                            key=move |(_, r)| key(r)
                            children=move |(i, r)| row(nav.row(i + FIRST_ROW), r)
                        />
                        {spacer(false)}
                    </tbody>
                </table>
            </div>
        }
    }
}
