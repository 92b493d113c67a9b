//! The spreadsheet grid: one reusable widget for every table (egui_extras TableBuilder with
//! virtual rows). It owns selection, the edit buffer and the keys; the document is changed
//! only through the `GridAction`s it returns, which the app turns into edits.

use std::ops::Range;

/// Horizontal alignment of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers: right-aligned.
    Right,
}

/// One column of a grid.
#[derive(Clone, Debug)]
pub struct ColumnSpec {
    /// Header text (with the unit for amounts: "合计（万元）").
    pub header: String,
    /// Initial width in points.
    pub width: f32,
    pub align: Align,
    /// False for computed or read-only columns.
    pub editable: bool,
}

/// How a cell looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CellStyle {
    #[default]
    Normal,
    /// A subtotal or parent row (bold).
    Strong,
    /// Computed, read-only (muted).
    Computed,
    /// Flagged by a check (red tint).
    Flagged,
    /// Linked value (blue).
    Linked,
}

/// What a cell shows and what editing starts from.
#[derive(Clone, Debug, Default)]
pub struct CellView {
    /// Text shown (amounts with thousands separators).
    pub display: String,
    /// Text the editor starts with and Ctrl+C copies (amounts without separators).
    pub edit: String,
    pub style: CellStyle,
    /// Indentation steps (tree rows; 类/款/项).
    pub indent: u8,
    /// Hover text (e.g. a score's explanation).
    pub tooltip: Option<String>,
}

/// The data behind a grid, read-only: the app implements it per table.
pub trait GridSource {
    fn row_count(&self) -> usize;
    fn columns(&self) -> &[ColumnSpec];
    fn cell(&self, row: usize, col: usize) -> CellView;
    /// Checks a typed value before it is committed: `Err(reason)` keeps the cell in edit with
    /// the reason shown beside it.
    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String>;
    /// Whether the grid may add and delete rows (and grow on paste).
    fn rows_editable(&self) -> bool {
        true
    }
    /// Whether rows can be indented/outdented and moved (indicator sheets).
    fn is_outline(&self) -> bool {
        false
    }
}

/// What the user did, for the app to apply as one undoable edit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GridAction {
    /// A validated value for one cell.
    Commit { row: usize, col: usize, text: String },
    /// A tab-separated block pasted with its top-left at (row, col); rows past the end are to be
    /// added. The app validates every cell and applies all or nothing.
    Paste { row: usize, col: usize, block: Vec<Vec<String>> },
    /// Delete pressed on a selection: clear these cells (editable ones only).
    Clear { rows: Range<usize>, cols: Range<usize> },
    /// Insert `count` empty rows before `at`.
    InsertRows { at: usize, count: usize },
    /// Delete these rows.
    DeleteRows { rows: Range<usize> },
    /// Outline: one level deeper / shallower.
    Indent { rows: Range<usize> },
    Outdent { rows: Range<usize> },
    /// Move rows up or down by one.
    MoveUp { rows: Range<usize> },
    MoveDown { rows: Range<usize> },
    /// The selection moved (the app may show details of the selected row).
    Selected { row: usize, col: usize },
}

/// A cell being edited: kept in app state so that a row scrolled out of view (which makes egui
/// drop keyboard focus) does not lose what was typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditBuffer {
    pub row: usize,
    pub col: usize,
    pub text: String,
    /// Why the last commit was refused.
    pub error: Option<String>,
}

/// Selection and editing state of one grid (UI state, not document).
#[derive(Clone, Debug, Default)]
pub struct GridState {
    /// The cell the selection started from.
    pub anchor: (usize, usize),
    /// The current cell.
    pub cursor: (usize, usize),
    pub editing: Option<EditBuffer>,
    /// A message to show under the grid (e.g. why a paste was refused).
    pub message: Option<String>,
    /// Scroll the cursor into view on the next frame.
    pub scroll_to_cursor: bool,
}

impl GridState {
    /// Rows and columns of the selection.
    pub fn selection(&self) -> (Range<usize>, Range<usize>) {
        let (r0, r1) = (self.anchor.0.min(self.cursor.0), self.anchor.0.max(self.cursor.0));
        let (c0, c1) = (self.anchor.1.min(self.cursor.1), self.anchor.1.max(self.cursor.1));
        (r0..r1 + 1, c0..c1 + 1)
    }

    /// Selects one cell.
    pub fn select(&mut self, row: usize, col: usize) {
        self.anchor = (row, col);
        self.cursor = (row, col);
        self.scroll_to_cursor = true;
    }
}

/// Draws the grid and handles its keys; returns what the user did.
pub fn grid_ui(ui: &mut egui::Ui, id: egui::Id, state: &mut GridState, source: &dyn GridSource) -> Vec<GridAction> {
    // Placeholder until the full widget lands: a read-only table.
    let _ = (id, state);
    let cols = source.columns();
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        for c in cols {
            ui.strong(&c.header);
        }
        ui.end_row();
        for r in 0..source.row_count().min(200) {
            for c in 0..cols.len() {
                ui.label(source.cell(r, c).display);
            }
            ui.end_row();
        }
    });
    Vec::new()
}
