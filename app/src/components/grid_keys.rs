//! Where a key moves the active cell of a data grid, as the WAI-ARIA
//! Authoring Practices' grid pattern has it. Pure arithmetic, so the rules
//! are tested apart from the browser.

/// A cell of a grid: its row's `aria-rowindex` (1 is the header row, 2 the
/// first data row) and its column, from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub column: usize,
}

/// The first data row's `aria-rowindex`: the header row is 1.
pub const FIRST_ROW: usize = 2;

/// The grid a key moves in: its rows (header included) and columns, and how
/// many rows a page holds (what fits in the scrolling box).
#[derive(Clone, Copy, Debug)]
pub struct Extent {
    pub rows: usize,
    pub columns: usize,
    pub page: usize,
}

/// A key as the grid reads it: its `key` and whether Ctrl was held. Keys
/// with Alt, Meta or Shift are left to the browser and the page.
#[derive(Clone, Copy, Debug)]
pub struct Key<'a> {
    pub name: &'a str,
    pub ctrl: bool,
}

/// The cell `key` moves to from `from`, or `None` when the grid doesn't
/// handle it. At an edge the focus stays where it is (no wrapping).
pub fn moved(key: Key, from: Cell, grid: Extent) -> Option<Cell> {
    let last_row = grid.rows.max(1);
    let last_column = grid.columns.saturating_sub(1);
    let page = grid.page.max(1);
    let Cell { row, column } = from;
    let to = match (key.name, key.ctrl) {
        ("ArrowDown", false) => Cell {
            row: (row + 1).min(last_row),
            column,
        },
        ("ArrowUp", false) => Cell {
            row: row.saturating_sub(1).max(1),
            column,
        },
        ("ArrowRight", false) => Cell {
            row,
            column: (column + 1).min(last_column),
        },
        ("ArrowLeft", false) => Cell {
            row,
            column: column.saturating_sub(1),
        },
        ("Home", false) => Cell { row, column: 0 },
        ("End", false) => Cell {
            row,
            column: last_column,
        },
        ("Home", true) => Cell { row: 1, column: 0 },
        ("End", true) => Cell {
            row: last_row,
            column: last_column,
        },
        ("PageDown", false) => Cell {
            row: (row + page).min(last_row),
            column,
        },
        // A page up from the rows stops at the first of them; only the
        // arrow (or Ctrl+Home) goes on to the header.
        ("PageUp", false) if row > FIRST_ROW => Cell {
            row: row.saturating_sub(page).max(FIRST_ROW),
            column,
        },
        ("PageUp", false) => from,
        _ => return None,
    };
    Some(to)
}

/// The cell that holds the grid's one tab stop: the active cell when its
/// row is rendered, else the rendered row nearest it (the admin scrolled
/// away with the mouse), so the grid is always exactly one stop. `rendered`
/// are the data rows in the page, as `aria-rowindex`es.
pub fn tab_stop(active: Cell, rendered: std::ops::Range<usize>) -> Cell {
    if active.row < FIRST_ROW || rendered.is_empty() {
        return Cell {
            row: 1,
            column: active.column,
        };
    }
    Cell {
        row: active.row.clamp(rendered.start, rendered.end - 1),
        column: active.column,
    }
}

#[cfg(test)]
#[path = "grid_keys_tests.rs"]
mod tests;
