//! The keyboard in a virtualised grid (the WAI-ARIA APG data grid): the
//! grid is one stop of Tab, a roving `tabindex` marking the active cell
//! (or the control in it), and the arrow keys, Home, End, PageUp and
//! PageDown move between cells, scrolling a row that isn't rendered into
//! the window first. Tab out and back returns to the cell last active.

use std::ops::Range;

use leptos::html::Table;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, HtmlElement};

use super::grid_keys::{moved, tab_stop, Cell, Extent, Key, FIRST_ROW};
use super::virtual_rows::Viewport;

/// The active cell of one grid, and where its tab stop is. It lives as long
/// as the page: the table is rendered again for each new search or order,
/// and the cell (a sort button, say) keeps the focus through it.
#[derive(Clone, Copy)]
pub struct GridNav {
    pub table: NodeRef<Table>,
    active: RwSignal<Cell>,
    /// How many data rows are shown (loaded), and which are rendered, as
    /// `aria-rowindex`es: what the table last rendered.
    rows: RwSignal<usize>,
    rendered: RwSignal<Range<usize>>,
    stop: Memo<Cell>,
    /// Whether a table has rendered yet.
    followed: StoredValue<bool>,
}

/// One row of a grid, for its cells' `tabindex`.
#[derive(Clone, Copy)]
pub struct GridRow {
    /// The row's `aria-rowindex`: 1 is the header row.
    pub index: usize,
    /// The grid's tab stop.
    stop: Memo<Cell>,
}

impl GridRow {
    /// The `tabindex` of the cell in `column`, or of the one control in it
    /// (which then takes the focus instead of the cell): 0 for the grid's
    /// tab stop, -1 for the other cells, which the arrow keys reach.
    pub fn tabindex(&self, column: usize) -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
        let (stop, row) = (self.stop, self.index);
        move || {
            if stop.get() == (Cell { row, column }) {
                0
            } else {
                -1
            }
        }
    }
}

impl Default for GridNav {
    fn default() -> Self {
        Self::new()
    }
}

impl GridNav {
    /// A grid starting at its first data row's first cell.
    pub fn new() -> Self {
        let active = RwSignal::new(Cell {
            row: FIRST_ROW,
            column: 0,
        });
        let rendered = RwSignal::new(FIRST_ROW..FIRST_ROW);
        Self {
            table: NodeRef::new(),
            active,
            rows: RwSignal::new(0),
            rendered,
            stop: Memo::new(move |_| tab_stop(active.get(), rendered.get())),
            followed: StoredValue::new(false),
        }
    }

    /// A new search or order starts at its first row, unless the admin is
    /// in the header (they just sorted).
    pub fn to_first_row(&self) {
        if self.active.get_untracked().row >= FIRST_ROW {
            self.active.update(|a| a.row = FIRST_ROW);
        }
    }

    /// Follows the table as rendered now: `shown` rows loaded, the window
    /// `rendered` (indexes from 0), as the admin scrolls. The first table
    /// reads them at once, so the server's page has its tab stop; a later
    /// one (a new search) once it is on the page: set during its render,
    /// they would wake the effects of the table it replaces, whose values
    /// are gone.
    pub fn follow(
        self,
        shown: impl Fn() -> usize + Send + Sync + 'static,
        rendered: impl Fn() -> Range<usize> + Send + Sync + 'static,
    ) {
        let take = move || {
            let (rows, window) = (shown(), rendered());
            let window = (window.start + FIRST_ROW)..(window.end + FIRST_ROW);
            if self.rows.get_untracked() != rows {
                self.rows.set(rows);
            }
            if self.rendered.get_untracked() != window {
                self.rendered.set(window);
            }
        };
        if !self.followed.get_value() {
            self.followed.set_value(true);
            untrack(&take);
        }
        Effect::new(move |_| take());
    }

    /// The row whose `aria-rowindex` is `index`.
    pub fn row(&self, index: usize) -> GridRow {
        GridRow {
            index,
            stop: self.stop,
        }
    }

    /// The table's `on:keydown`, for a grid of `columns` columns.
    pub fn on_keydown(
        self,
        viewport: Viewport,
        columns: usize,
    ) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
        move |ev| {
            if ev.alt_key() || ev.meta_key() || ev.shift_key() {
                return;
            }
            let name = ev.key();
            let grid = Extent {
                rows: self.rows.get_untracked() + 1,
                columns,
                page: viewport.page_rows(),
            };
            let key = Key {
                name: &name,
                ctrl: ev.ctrl_key(),
            };
            match moved(key, self.active.get_untracked(), grid) {
                Some(to) => {
                    ev.prevent_default();
                    self.go(to, viewport);
                }
                // Space on a cell without a control would scroll the box.
                None if name == " "
                    && target(&ev).is_some_and(|t| t.matches("td, th").unwrap_or(false)) =>
                {
                    ev.prevent_default();
                }
                None => {}
            }
        }
    }

    /// The table's `on:focusin`: a click or Tab makes a cell the active one.
    pub fn on_focusin(self) -> impl Fn(leptos::ev::FocusEvent) + 'static {
        move |ev| {
            if let Some(cell) = target(&ev).and_then(|t| cell_of(&t)) {
                if self.active.get_untracked() != cell {
                    self.active.set(cell);
                }
            }
        }
    }

    fn go(self, to: Cell, viewport: Viewport) {
        self.active.set(to);
        if !self.focus(to) {
            if to.row >= FIRST_ROW {
                viewport.reveal(to.row - FIRST_ROW);
            }
            self.focus_once_rendered(to, 10);
        }
    }

    /// Focuses `cell` (its control, if it has one) if its row is rendered.
    fn focus(self, cell: Cell) -> bool {
        let Some(table) = self.table.get_untracked() else {
            return false;
        };
        let found = table
            .query_selector(&format!("tr[aria-rowindex='{}']", cell.row))
            .ok()
            .flatten()
            .and_then(|row| nth_cell(&row, cell.column))
            .map(|td| td.query_selector("[tabindex]").ok().flatten().unwrap_or(td))
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        found.is_some_and(|el| el.focus().is_ok())
    }

    /// The window renders a newly revealed row on a later frame: focus it
    /// then, unless another key has moved on since.
    fn focus_once_rendered(self, to: Cell, tries: u8) {
        #[cfg(feature = "hydrate")]
        request_animation_frame(move || {
            if self.active.get_untracked() == to && !self.focus(to) && tries > 1 {
                self.focus_once_rendered(to, tries - 1);
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (to, tries);
    }
}

fn target(ev: &leptos::web_sys::Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

fn nth_cell(row: &Element, column: usize) -> Option<Element> {
    let mut cell = row.first_element_child();
    for _ in 0..column {
        cell = cell?.next_element_sibling();
    }
    cell
}

/// The cell `el` is (or is in), by its row's `aria-rowindex` and its place.
fn cell_of(el: &Element) -> Option<Cell> {
    let td = el.closest("td, th").ok()??;
    let row = td.parent_element()?.get_attribute("aria-rowindex")?;
    let mut column = 0;
    let mut before = td.previous_element_sibling();
    while let Some(cell) = before {
        column += 1;
        before = cell.previous_element_sibling();
    }
    Some(Cell {
        row: row.parse().ok()?,
        column,
    })
}
