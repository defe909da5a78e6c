use super::{moved, tab_stop, Cell, Extent, Key};

/// A grid of a header and 100 data rows (rows 1 to 101), 7 columns, 10
/// rows a page.
const GRID: Extent = Extent {
    rows: 101,
    columns: 7,
    page: 10,
};

fn at(row: usize, column: usize) -> Cell {
    Cell { row, column }
}

fn key(name: &str) -> Key<'_> {
    Key { name, ctrl: false }
}

fn ctrl(name: &str) -> Key<'_> {
    Key { name, ctrl: true }
}

#[test]
fn keys_move_the_active_cell_as_the_apg_grid_pattern_says() {
    let cases = [
        (key("ArrowDown"), at(2, 3), Some(at(3, 3)), "down a row"),
        (
            key("ArrowDown"),
            at(1, 0),
            Some(at(2, 0)),
            "from the header to the first row",
        ),
        (
            key("ArrowDown"),
            at(101, 3),
            Some(at(101, 3)),
            "the last row stays",
        ),
        (key("ArrowUp"), at(3, 3), Some(at(2, 3)), "up a row"),
        (
            key("ArrowUp"),
            at(2, 3),
            Some(at(1, 3)),
            "the first row goes up to the header",
        ),
        (key("ArrowUp"), at(1, 3), Some(at(1, 3)), "the header stays"),
        (key("ArrowRight"), at(5, 2), Some(at(5, 3)), "right a cell"),
        (
            key("ArrowRight"),
            at(5, 6),
            Some(at(5, 6)),
            "the last cell stays: no wrapping",
        ),
        (key("ArrowLeft"), at(5, 2), Some(at(5, 1)), "left a cell"),
        (
            key("ArrowLeft"),
            at(5, 0),
            Some(at(5, 0)),
            "the first cell stays",
        ),
        (
            key("Home"),
            at(5, 4),
            Some(at(5, 0)),
            "Home: first cell of the row",
        ),
        (
            key("End"),
            at(5, 1),
            Some(at(5, 6)),
            "End: last cell of the row",
        ),
        (
            ctrl("Home"),
            at(50, 4),
            Some(at(1, 0)),
            "Ctrl+Home: first cell of the first row",
        ),
        (
            ctrl("End"),
            at(5, 1),
            Some(at(101, 6)),
            "Ctrl+End: last cell of the last row",
        ),
        (
            key("PageDown"),
            at(5, 1),
            Some(at(15, 1)),
            "PageDown: a page down",
        ),
        (
            key("PageDown"),
            at(95, 1),
            Some(at(101, 1)),
            "PageDown stops at the last row",
        ),
        (
            key("PageUp"),
            at(50, 2),
            Some(at(40, 2)),
            "PageUp: a page up",
        ),
        (
            key("PageUp"),
            at(5, 2),
            Some(at(2, 2)),
            "PageUp stops at the first data row",
        ),
        (
            key("PageUp"),
            at(2, 2),
            Some(at(2, 2)),
            "PageUp from the first row stays",
        ),
        (
            key("PageUp"),
            at(1, 2),
            Some(at(1, 2)),
            "PageUp in the header stays",
        ),
        (
            key("Enter"),
            at(5, 1),
            None,
            "Enter is the cell's own (its button)",
        ),
        (
            key(" "),
            at(5, 0),
            None,
            "Space is the cell's own (its checkbox)",
        ),
        (key("Tab"), at(5, 0), None, "Tab leaves the grid"),
        (
            ctrl("ArrowDown"),
            at(5, 0),
            None,
            "Ctrl with an arrow is the browser's",
        ),
    ];
    for (key, from, to, why) in cases {
        assert_eq!(moved(key, from, GRID), to, "{why}");
    }
}

#[test]
fn a_grid_without_data_rows_keeps_the_focus_in_its_header() {
    let empty = Extent { rows: 1, ..GRID };
    assert_eq!(moved(key("ArrowDown"), at(1, 2), empty), Some(at(1, 2)));
    assert_eq!(moved(ctrl("End"), at(1, 2), empty), Some(at(1, 6)));
    assert_eq!(moved(key("PageDown"), at(1, 2), empty), Some(at(1, 2)));
}

#[test]
fn the_tab_stop_is_the_active_cell_or_the_rendered_row_nearest_it() {
    let cases = [
        (
            at(5, 1),
            2..30,
            at(5, 1),
            "rendered: the active cell itself",
        ),
        (at(1, 3), 2..30, at(1, 3), "the header is always rendered"),
        (
            at(5, 1),
            40..80,
            at(40, 1),
            "scrolled below it: the first rendered row",
        ),
        (
            at(95, 1),
            40..80,
            at(79, 1),
            "scrolled above it: the last rendered row",
        ),
        (at(5, 1), 2..2, at(1, 1), "no data rows: the header"),
    ];
    for (active, rendered, stop, why) in cases {
        assert_eq!(tab_stop(active, rendered), stop, "{why}");
    }
}
