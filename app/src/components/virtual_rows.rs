//! A grid that renders only the rows in view: a scrolling box whose height
//! stands for every loaded row, the rows on screen (and a few either side)
//! between two spacer rows, and the next server page fetched as the admin
//! nears the end of what is loaded. However far the admin scrolls, the page
//! holds about the same number of rows.

use std::ops::Range;

use leptos::html::Div;
use leptos::prelude::*;

use super::Paging;
use crate::domain::Paged;

/// The height of one grid row in pixels, as `.grid-scroll td` in
/// style/main.css sets it; the grid measures the real one once rendered.
pub const ROW_PX: f64 = 36.0;
/// Rows rendered beyond each edge of the viewport, so a quick scroll doesn't
/// show blank space before the next frame.
const OVERSCAN: usize = 10;
/// Rows rendered before the viewport is measured (the server's render, and
/// the first frame after hydration): a first page fits.
const UNMEASURED: usize = 50;

/// Which rows of `len` loaded rows, `row` pixels tall, to render when the
/// viewport, `height` pixels tall (unknown before it is measured), is
/// scrolled `top` pixels.
pub fn window(top: f64, height: Option<f64>, len: usize, row: f64) -> Range<usize> {
    let Some(height) = height else {
        return 0..len.min(UNMEASURED);
    };
    let row = row.max(1.0);
    let first_visible = (top.max(0.0) / row).floor() as usize;
    let visible = (height.max(0.0) / row).ceil() as usize + 1;
    let start = first_visible.saturating_sub(OVERSCAN).min(len);
    let end = (first_visible + visible + OVERSCAN).min(len);
    start..end
}

/// The scrolling box of a grid, and where it is scrolled to.
#[derive(Clone, Copy)]
pub struct Viewport {
    pub node: NodeRef<Div>,
    top: RwSignal<f64>,
    height: RwSignal<Option<f64>>,
    /// A rendered row's height, once measured: fonts and zoom decide it.
    row: RwSignal<Option<f64>>,
}

/// A viewport for one grid, measured once the page runs in the browser and
/// again whenever the window is resized.
pub fn use_viewport() -> Viewport {
    let viewport = Viewport {
        node: NodeRef::new(),
        top: RwSignal::new(0.0),
        height: RwSignal::new(None),
        row: RwSignal::new(None),
    };
    Effect::new(move |_| viewport.measure());
    #[cfg(feature = "hydrate")]
    {
        let resize = window_event_listener(leptos::ev::resize, move |_| viewport.measure());
        on_cleanup(move || resize.remove());
    }
    viewport
}

impl Viewport {
    fn measure(&self) {
        let Some(node) = self.node.get() else {
            return;
        };
        if self.row.get_untracked().is_none() {
            self.row.set(row_height(&node));
        }
        self.height.set(Some(f64::from(node.client_height())));
        self.top.set(f64::from(node.scroll_top()));
    }

    /// The height of a row, once the grid is on screen.
    pub fn row_px(&self) -> Option<f64> {
        self.row.get()
    }

    /// For the box's `on:scroll`.
    pub fn on_scroll(&self) -> impl Fn(leptos::ev::Event) + Copy + 'static {
        let this = *self;
        move |_| this.measure()
    }

    /// The rows to render of `len` loaded rows.
    pub fn window(&self, len: usize) -> Range<usize> {
        let row = self.row.get().unwrap_or(ROW_PX);
        let height = self.height.get().filter(|_| self.row.get().is_some());
        window(self.top.get(), height, len, row)
    }

    /// How many rows fit in the box below its header: what PageDown moves.
    pub fn page_rows(&self) -> usize {
        let Some(node) = self.node.get_untracked() else {
            return 1;
        };
        let row = self.row.get_untracked().unwrap_or(ROW_PX);
        let rows = (f64::from(node.client_height()) - head_height(&node)) / row;
        (rows.floor() as usize).saturating_sub(1).max(1)
    }

    /// Scrolls the least that brings data row `index` (from 0) into view
    /// below the header, so the window renders it even when it was far away.
    pub fn reveal(&self, index: usize) {
        let Some(node) = self.node.get_untracked() else {
            return;
        };
        let row = self.row.get_untracked().unwrap_or(ROW_PX);
        let top = index as f64 * row;
        let below_head = f64::from(node.client_height()) - head_height(&node);
        let now = f64::from(node.scroll_top());
        let to = if top < now {
            top
        } else if top + row > now + below_head {
            top + row - below_head
        } else {
            return;
        };
        node.set_scroll_top(to.round() as i32);
        self.measure();
    }

    /// Back to the first row, e.g. for a new search.
    pub fn scroll_to_top(&self) {
        if let Some(node) = self.node.get_untracked() {
            node.set_scroll_top(0);
        }
        self.top.set(0.0);
    }
}

/// The height of a rendered row, averaged over those rendered: the DOM gives
/// whole pixels, and a fraction lost on every row would add up far down.
fn row_height(node: &leptos::web_sys::HtmlDivElement) -> Option<f64> {
    use leptos::wasm_bindgen::JsCast;
    let all = node.get_elements_by_tag_name("tr");
    let rows: Vec<leptos::web_sys::HtmlElement> = (0..all.length())
        .filter_map(|i| all.item(i))
        .filter(|tr| tr.has_attribute("aria-rowindex"))
        .filter_map(|tr| tr.dyn_into().ok())
        .collect();
    let (first, last) = (rows.first()?, rows.last()?);
    let span = last.offset_top() + last.offset_height() - first.offset_top();
    (span > 0).then(|| f64::from(span) / rows.len() as f64)
}

/// The height of the grid's header row, which stays in view over the rows.
fn head_height(node: &leptos::web_sys::HtmlDivElement) -> f64 {
    use leptos::wasm_bindgen::JsCast;
    node.query_selector("thead")
        .ok()
        .flatten()
        .and_then(|head| head.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        .map_or(0.0, |head| f64::from(head.offset_height()))
}

/// Fetches the page after the loaded rows once the rendered window reaches
/// their last screenful, so scrolling never waits on a button.
pub fn load_as_scrolled<Q, P>(viewport: Viewport, paging: Paging<Q, P>, first: &P)
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Send + Sync + 'static,
{
    let next = paging.next(first);
    let shown = paging.shown(first);
    let busy = paging.loading_more();
    Effect::new(move |_| {
        if viewport.row_px().is_none() {
            // Not on screen yet: nothing was scrolled.
            return;
        }
        let len = shown();
        let end = viewport.window(len).end;
        if end + OVERSCAN >= len && !busy.get() && paging.load_error().is_none() {
            if let Some(cursor) = next() {
                paging.load_more(cursor);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{window, OVERSCAN, ROW_PX, UNMEASURED};

    #[test]
    fn the_window_covers_the_rows_in_view_and_a_few_either_side() {
        let h = 20.0 * ROW_PX;
        let cases = [
            (
                0.0,
                None,
                280,
                0..UNMEASURED,
                "before measuring: a first page",
            ),
            (0.0, None, 7, 0..7, "before measuring, fewer rows than that"),
            (
                0.0,
                Some(h),
                280,
                0..(21 + OVERSCAN),
                "at the top: nothing above",
            ),
            (
                100.0 * ROW_PX,
                Some(h),
                280,
                (100 - OVERSCAN)..(121 + OVERSCAN),
                "in the middle",
            ),
            (
                100.5 * ROW_PX,
                Some(h),
                280,
                (100 - OVERSCAN)..(121 + OVERSCAN),
                "part of a row scrolled away still counts",
            ),
            (
                270.0 * ROW_PX,
                Some(h),
                280,
                (270 - OVERSCAN)..280,
                "at the end",
            ),
            (
                9_000.0 * ROW_PX,
                Some(h),
                280,
                280..280,
                "scrolled past what is loaded",
            ),
            (
                -50.0,
                Some(h),
                280,
                0..(21 + OVERSCAN),
                "rubber-band scrolling above the top",
            ),
            (
                0.0,
                Some(0.0),
                280,
                0..(1 + OVERSCAN),
                "a box with no height yet",
            ),
        ];
        for (top, height, len, expected, why) in cases {
            assert_eq!(window(top, height, len, ROW_PX), expected, "{why}");
        }
    }

    #[test]
    fn the_window_never_renders_more_than_the_visible_rows_and_twenty() {
        for height in [0.0, 300.0, 755.0, 2_000.0] {
            let visible = (height / ROW_PX).ceil() as usize + 1;
            for top in (0..100_000).step_by(997) {
                let rows = window(f64::from(top), Some(height), 100_000, ROW_PX);
                assert!(rows.len() <= visible + 2 * OVERSCAN, "{height} {top}");
            }
        }
    }
}
