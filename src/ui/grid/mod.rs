//! The spreadsheet grid: one reusable widget for every table (`egui_extras::TableBuilder` with
//! virtual rows). It owns selection, the edit buffer and the keys; the document is changed
//! only through the `GridAction`s it returns, which the app turns into edits.
//!
//! Focus: the grid and its cell editor share one egui `Id` (the one passed to [`grid_ui`]).
//! While no cell is edited, an invisible focusable widget over the table holds that id; while
//! a cell is edited, the `TextEdit` holds it. Starting or ending an edit therefore never moves
//! keyboard focus, which keeps an IME composition alive when typing starts an edit, and keeps
//! focus when the edited row scrolls out of view.

mod draw;
mod keys;
mod tsv;

use std::ops::Range;

use egui::{Event, ImeEvent};

pub use tsv::{format_tsv, parse_tsv};

use keys::{KeyCmd, enter_cell, key_command, tab_cell, target_cell};

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
    /// Computed, read-only (muted). The grid does not start an edit on such a cell.
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
///
/// The grid calls `cell` only for the rows on screen (and for the selection on copy), so a
/// table of 100,000 rows costs no more per frame than one of 30.
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
    /// A validated value for one cell. Not sent when the text equals the cell's `edit` text.
    Commit {
        row: usize,
        col: usize,
        text: String,
    },
    /// A tab-separated block pasted with its top-left at (row, col) (the top-left of the
    /// selection); rows past the end are to be added. Rows may differ in length (text from
    /// outside a spreadsheet); a missing cell is left as it is. The app validates every cell
    /// and applies all or nothing.
    Paste {
        row: usize,
        col: usize,
        block: Vec<Vec<String>>,
    },
    /// Delete pressed on a selection (or a cut): clear these cells (editable ones only).
    Clear {
        rows: Range<usize>,
        cols: Range<usize>,
    },
    /// Insert `count` empty rows before `at`.
    InsertRows {
        at: usize,
        count: usize,
    },
    /// Delete these rows.
    DeleteRows {
        rows: Range<usize>,
    },
    /// Outline: one level deeper / shallower.
    Indent {
        rows: Range<usize>,
    },
    Outdent {
        rows: Range<usize>,
    },
    /// Move rows up or down by one. The grid moves its selection along with them.
    MoveUp {
        rows: Range<usize>,
    },
    MoveDown {
        rows: Range<usize>,
    },
    /// The selection moved (the app may show details of the selected row).
    Selected {
        row: usize,
        col: usize,
    },
}

/// A cell being edited: kept in app state so that a row scrolled out of view (which makes egui
/// drop keyboard focus) does not lose what was typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditBuffer {
    pub row: usize,
    pub col: usize,
    /// The text typed so far (during an IME composition it includes the pre-edit text).
    pub text: String,
    /// Why the last commit was refused.
    pub error: Option<String>,
    /// Started with F2 or a double-click (Excel's 编辑 mode): the arrow keys move the caret in
    /// the text. Otherwise (typing started the edit, Excel's 输入 mode) they commit and move.
    pub caret_mode: bool,
}

/// Selection and editing state of one grid (UI state, not document).
#[derive(Clone, Debug, Default)]
pub struct GridState {
    /// The cell the selection started from.
    pub anchor: (usize, usize),
    /// The current cell.
    pub cursor: (usize, usize),
    pub editing: Option<EditBuffer>,
    /// A message to show under the grid (e.g. why a paste was refused). The grid clears it at
    /// the user's next action in the grid.
    pub message: Option<String>,
    /// Scroll the cursor into view on the next frame.
    pub scroll_to_cursor: bool,
    /// An IME composition is in progress (between a non-empty pre-edit and its commit).
    composing: bool,
    /// The editor held keyboard focus at the end of the last frame.
    editor_had_focus: bool,
    /// The column a run of Tabs started from, for Enter to return to.
    tab_start_col: Option<usize>,
    /// Rows on screen in the last frame (the distance of PageUp/PageDown).
    page_rows: usize,
    /// The cursor last reported with `GridAction::Selected`.
    reported: Option<(usize, usize)>,
    /// A drag that started on a cell is extending the selection.
    drag_selecting: bool,
}

impl GridState {
    /// Rows and columns of the selection.
    pub fn selection(&self) -> (Range<usize>, Range<usize>) {
        let (r0, r1) = (
            self.anchor.0.min(self.cursor.0),
            self.anchor.0.max(self.cursor.0),
        );
        let (c0, c1) = (
            self.anchor.1.min(self.cursor.1),
            self.anchor.1.max(self.cursor.1),
        );
        (r0..r1 + 1, c0..c1 + 1)
    }

    /// Selects one cell.
    pub fn select(&mut self, row: usize, col: usize) {
        self.anchor = (row, col);
        self.cursor = (row, col);
        self.scroll_to_cursor = true;
    }

    /// Whether a cell is being edited. While it is, the app should leave Ctrl+Z/Ctrl+Y to the
    /// cell editor (they undo typing there) instead of undoing document edits.
    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }

    /// Whether an IME composition is in progress in this grid.
    pub fn is_composing(&self) -> bool {
        self.composing
    }

    /// Ends the edit in progress the way a click elsewhere does, for app commands that need
    /// the document complete (save, switching views): returns the commit if the text changed
    /// and is valid. If it is invalid the edit stays open with the reason in `error`.
    pub fn finish_edit(&mut self, source: &dyn GridSource) -> Option<GridAction> {
        let mut out = Vec::new();
        commit_edit(self, source, &mut out);
        out.pop()
    }

    /// Drops the edit in progress (Esc).
    pub fn cancel_edit(&mut self) {
        self.editing = None;
    }

    /// Moves the cursor; with `extend` the anchor stays (Shift), else the selection collapses.
    fn move_to(&mut self, cell: (usize, usize), extend: bool) {
        self.cursor = cell;
        if !extend {
            self.anchor = cell;
        }
        self.tab_start_col = None;
        self.scroll_to_cursor = true;
    }

    /// Keeps the selection and the edit inside the table after rows or columns went away.
    fn clamp(&mut self, rows: usize, cols: usize) {
        let last = (rows.saturating_sub(1), cols.saturating_sub(1));
        let fit = |(r, c): (usize, usize)| (r.min(last.0), c.min(last.1));
        self.anchor = fit(self.anchor);
        self.cursor = fit(self.cursor);
        if self
            .editing
            .as_ref()
            .is_some_and(|e| e.row >= rows || e.col >= cols)
        {
            self.editing = None;
        }
    }
}

/// Whether the grid with this id has keyboard focus (it was clicked last, or its editor is
/// open). Only the focused grid reacts to keys.
pub fn grid_has_focus(ctx: &egui::Context, id: egui::Id) -> bool {
    ctx.memory(|m| m.has_focus(id))
}

/// Gives keyboard focus to the grid with this id (e.g. when its view is opened).
pub fn focus_grid(ctx: &egui::Context, id: egui::Id) {
    ctx.memory_mut(|m| m.request_focus(id));
}

/// The accessible name of a cell and of its editor: "第3行 合计（万元）".
pub fn cell_label(row: usize, header: &str) -> String {
    format!("第{}行 {header}", row + 1)
}

/// Draws the grid and handles its keys; returns what the user did.
pub fn grid_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    state: &mut GridState,
    source: &dyn GridSource,
) -> Vec<GridAction> {
    let mut out = Vec::new();
    let ctx = ui.ctx().clone();
    let rows = source.row_count();
    let cols = source.columns().len();
    state.clamp(rows, cols);

    // Keys go to the focused grid only, so two grids on one screen never both react.
    let focused = grid_has_focus(&ctx, id);
    let events = if focused {
        ui.input(|i| i.events.clone())
    } else {
        state.composing = false;
        Vec::new()
    };
    let composing = composing_flags(state.composing, &events);
    state.composing = composing.last().copied().unwrap_or(false);

    // Keys that act on cells are handled before drawing, so that an edit started by typing
    // draws its editor in this same frame and the editor takes the typed text or IME event.
    // Keys for an open editor are handled after drawing, once the editor has taken any text
    // typed before them.
    let mut edit_keys_from = None;
    if focused {
        let mut consumed = if state.editing.is_some() {
            edit_keys_from = Some(0);
            vec![false; events.len()]
        } else {
            let (started_at, consumed) =
                cell_events(&ctx, id, state, source, &events, &composing, &mut out);
            edit_keys_from = started_at.map(|i| i + 1);
            consumed
        };
        // Keys pressed during a composition are the input method's. Platforms should not pass
        // them on, but some do (Backspace on Windows, egui#7908): the editor must not see them.
        for (i, event) in events.iter().enumerate() {
            if matches!(event, Event::Key { .. }) && composing.get(i).copied().unwrap_or(false) {
                consumed[i] = true;
            }
        }
        remove_events(&ctx, &events, &consumed);
    }

    let drawn = draw::table_ui(ui, id, state, source, focused);

    if let (Some(from), true) = (edit_keys_from, state.editing.is_some()) {
        let consumed = edit_events(state, source, &events, &composing, from, &mut out);
        remove_events(&ctx, &events, &consumed);
    }

    // The invisible widget that holds the grid's focus while no editor does. It is created
    // after the cells, on top of them, so that a click on a cell counts as a click inside it.
    if !drawn.editor_drawn {
        let response = ui.interact(
            drawn.table_rect,
            id,
            egui::Sense::focusable_noninteractive(),
        );
        if response.has_focus() {
            ctx.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    },
                );
            });
        }
    }

    pointer_actions(&ctx, id, state, source, &drawn, &mut out);
    if let Some(cmd) = drawn.menu {
        menu_action(&ctx, id, state, source, cmd, &mut out);
    }

    // Focus went elsewhere (a click outside the grid): commit the edit if it is valid, else
    // keep the text and say why.
    let focused_now = grid_has_focus(&ctx, id);
    if state.editing.is_some() && state.editor_had_focus && !focused_now {
        commit_edit(state, source, &mut out);
    }
    state.editor_had_focus = state.editing.is_some() && focused_now;

    // Let the input method work on a selected cell, so that typing Chinese starts an edit
    // the way typing a letter does.
    if focused_now && state.editing.is_none() {
        let rect = drawn.cursor_rect.unwrap_or(drawn.table_rect);
        let to_global = ctx
            .layer_transform_to_global(ui.layer_id())
            .unwrap_or_default();
        ctx.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * rect,
                cursor_rect: to_global
                    * egui::Rect::from_min_size(rect.left_top(), egui::vec2(1.0, rect.height())),
                should_interrupt_composition: false,
            });
        });
    }

    draw::footer_ui(ui, state, source, drawn.editor_drawn, &mut out);

    if rows > 0 && cols > 0 {
        match state.reported {
            None => state.reported = Some(state.cursor),
            Some(last) if last != state.cursor => {
                state.reported = Some(state.cursor);
                out.push(GridAction::Selected {
                    row: state.cursor.0,
                    col: state.cursor.1,
                });
            }
            Some(_) => {}
        }
    }
    out
}

/// For each event, whether an IME composition is in progress before it; the last entry is the
/// state after all of them. A key pressed during a composition belongs to the input method
/// (Enter picks the Latin letters, Space a candidate, Esc cancels), never to the grid.
fn composing_flags(start: bool, events: &[Event]) -> Vec<bool> {
    let mut flags = Vec::with_capacity(events.len() + 1);
    let mut composing = start;
    for event in events {
        flags.push(composing);
        if let Event::Ime(ime) = event {
            composing = composing_after(composing, ime);
        }
    }
    flags.push(composing);
    flags
}

#[allow(deprecated)] // `Disabled` is no longer sent by egui 0.37, but older integrations end a composition with it.
fn composing_after(composing: bool, ime: &ImeEvent) -> bool {
    match ime {
        ImeEvent::Preedit { text, .. } => !text.is_empty(),
        ImeEvent::Commit(_) | ImeEvent::Disabled => false,
        _ => composing,
    }
}

/// Removes the events the grid acted on, so that nothing else (egui's zoom on Ctrl+- and
/// Ctrl+=, app shortcuts) acts on them too.
fn remove_events(ctx: &egui::Context, events: &[Event], consumed: &[bool]) {
    if !consumed.contains(&true) {
        return;
    }
    ctx.input_mut(|i| {
        // Only if nobody changed the list since it was read; otherwise leave it alone.
        if i.events.len() == events.len() {
            let mut index = 0;
            i.events.retain(|_| {
                let keep = !consumed.get(index).copied().unwrap_or(false);
                index += 1;
                keep
            });
        }
    });
}

/// Handles the events of a focused grid with no open editor. Returns the index of the event
/// that started an edit (the rest are the editor's), and which events were consumed.
fn cell_events(
    ctx: &egui::Context,
    id: egui::Id,
    state: &mut GridState,
    source: &dyn GridSource,
    events: &[Event],
    composing: &[bool],
    out: &mut Vec<GridAction>,
) -> (Option<usize>, Vec<bool>) {
    let mut consumed = vec![false; events.len()];
    let has_cells = source.row_count() > 0 && !source.columns().is_empty();
    for (i, event) in events.iter().enumerate() {
        if composing.get(i).copied().unwrap_or(false) {
            continue;
        }
        match event {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                if let Some(cmd) = key_command(*key, *modifiers) {
                    state.message = None;
                    consumed[i] = true;
                    if run_command(ctx, id, state, source, cmd, out) {
                        return (Some(i), consumed);
                    }
                }
            }
            Event::Text(text)
                if has_cells && !text.is_empty() && !text.contains(['\n', '\r', '\t']) =>
            {
                // Typing replaces the cell: the editor starts empty and takes this text.
                state.message = None;
                if start_edit(ctx, id, state, source, Some(String::new()), false) {
                    return (Some(i), consumed);
                }
            }
            Event::Ime(ImeEvent::Preedit { text, .. } | ImeEvent::Commit(text))
                if has_cells && !text.is_empty() =>
            {
                // The first pre-edit (or a direct commit) of an input method starts the edit;
                // the editor, drawn in this frame with the same focus, takes the event.
                state.message = None;
                if start_edit(ctx, id, state, source, Some(String::new()), false) {
                    return (Some(i), consumed);
                }
            }
            Event::Copy if has_cells => {
                copy_selection(ctx, state, source);
                consumed[i] = true;
            }
            Event::Cut if has_cells => {
                copy_selection(ctx, state, source);
                let (rows, cols) = state.selection();
                out.push(GridAction::Clear { rows, cols });
                consumed[i] = true;
            }
            Event::Paste(text) => {
                state.message = None;
                paste(state, source, text, out);
                consumed[i] = true;
            }
            _ => {}
        }
    }
    (None, consumed)
}

/// Handles the keys of an open editor from event `from` on: Enter, Tab and (in 输入 mode) the
/// arrows commit and move, Esc cancels. Returns which events were consumed.
fn edit_events(
    state: &mut GridState,
    source: &dyn GridSource,
    events: &[Event],
    composing: &[bool],
    from: usize,
    out: &mut Vec<GridAction>,
) -> Vec<bool> {
    let mut consumed = vec![false; events.len()];
    let rows = source.row_count();
    let cols = source.columns().len();
    for (i, event) in events.iter().enumerate().skip(from) {
        if composing.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Event::Key {
            key,
            pressed: true,
            modifiers: m,
            ..
        } = event
        else {
            continue;
        };
        let plain = !m.any();
        let only_shift = m.shift_only();
        let caret_mode = state.editing.as_ref().is_some_and(|e| e.caret_mode);
        let next = match key {
            egui::Key::Escape if plain => {
                consumed[i] = true;
                state.editing = None;
                break;
            }
            egui::Key::Enter if plain || only_shift => {
                let back = m.shift;
                let tab_start = if back { None } else { state.tab_start_col };
                Some((enter_cell(state.cursor, rows, cols, back, tab_start), None))
            }
            egui::Key::Tab if plain || only_shift => {
                let start = state.tab_start_col.unwrap_or(state.cursor.1);
                Some((tab_cell(state.cursor, rows, cols, m.shift), Some(start)))
            }
            egui::Key::ArrowUp
            | egui::Key::ArrowDown
            | egui::Key::ArrowLeft
            | egui::Key::ArrowRight
                if plain && !caret_mode =>
            {
                let to = match key {
                    egui::Key::ArrowUp => keys::Target::Up,
                    egui::Key::ArrowDown => keys::Target::Down,
                    egui::Key::ArrowLeft => keys::Target::Left,
                    _ => keys::Target::Right,
                };
                Some((target_cell(to, state.cursor, rows, cols, 1), None))
            }
            _ => None,
        };
        if let Some((cell, tab_start)) = next {
            consumed[i] = true;
            let row_before = state.cursor.0;
            if commit_edit(state, source, out) {
                state.move_to(cell, false);
                // A Tab that wrapped to another row ends the run.
                state.tab_start_col = tab_start.filter(|_| cell.0 == row_before);
            }
            break;
        }
    }
    consumed
}

/// Commits the open edit if its text changed and is valid. Returns whether the edit ended
/// (committed, or unchanged); on a refusal the edit stays open with the reason.
fn commit_edit(state: &mut GridState, source: &dyn GridSource, out: &mut Vec<GridAction>) -> bool {
    let Some(edit) = state.editing.as_mut() else {
        return true;
    };
    if source.cell(edit.row, edit.col).edit == edit.text {
        state.editing = None;
        return true;
    }
    match source.validate(edit.row, edit.col, &edit.text) {
        Ok(()) => {
            out.push(GridAction::Commit {
                row: edit.row,
                col: edit.col,
                text: std::mem::take(&mut edit.text),
            });
            state.editing = None;
            true
        }
        Err(reason) => {
            edit.error = Some(reason);
            false
        }
    }
}

/// Whether the cell may be edited: its column is editable and it is not a computed value.
fn cell_editable(source: &dyn GridSource, row: usize, col: usize) -> bool {
    source.columns().get(col).is_some_and(|c| c.editable)
        && row < source.row_count()
        && source.cell(row, col).style != CellStyle::Computed
}

/// Opens the editor on the cursor cell with `text` (or the cell's own text when `None`).
/// Returns false, with a message, when the cell cannot be edited.
fn start_edit(
    ctx: &egui::Context,
    id: egui::Id,
    state: &mut GridState,
    source: &dyn GridSource,
    text: Option<String>,
    caret_mode: bool,
) -> bool {
    let (row, col) = state.cursor;
    if !cell_editable(source, row, col) {
        let header = source.columns().get(col).map_or("", |c| c.header.as_str());
        state.message = Some(format!(
            "{} 是计算值或只读，不能直接修改",
            cell_label(row, header)
        ));
        return false;
    }
    let text = text.unwrap_or_else(|| source.cell(row, col).edit);
    state.anchor = state.cursor;
    state.editing = Some(EditBuffer {
        row,
        col,
        text,
        error: None,
        caret_mode,
    });
    // A fresh editor state: the caret at the end, no undo history from an earlier edit.
    egui::TextEdit::store_state(ctx, id, egui::text_edit::TextEditState::default());
    state.scroll_to_cursor = true;
    true
}

/// Carries out a keyboard or menu command. Returns whether it opened the editor.
fn run_command(
    ctx: &egui::Context,
    id: egui::Id,
    state: &mut GridState,
    source: &dyn GridSource,
    cmd: KeyCmd,
    out: &mut Vec<GridAction>,
) -> bool {
    let rows = source.row_count();
    let cols = source.columns().len();
    let has_cells = rows > 0 && cols > 0;
    let (sel_rows, sel_cols) = state.selection();
    match cmd {
        KeyCmd::Move { to, extend } if has_cells => {
            let page = state.page_rows.max(1);
            state.move_to(target_cell(to, state.cursor, rows, cols, page), extend);
        }
        KeyCmd::Tab { back } if has_cells => {
            let start = state.tab_start_col.unwrap_or(state.cursor.1);
            let row_before = state.cursor.0;
            let cell = tab_cell(state.cursor, rows, cols, back);
            state.move_to(cell, false);
            // A Tab that wrapped to another row ends the run.
            if cell.0 == row_before {
                state.tab_start_col = Some(start);
            }
        }
        KeyCmd::Enter { back } if has_cells => {
            let tab_start = if back { None } else { state.tab_start_col };
            state.move_to(enter_cell(state.cursor, rows, cols, back, tab_start), false);
        }
        KeyCmd::SelectAll if has_cells => {
            state.anchor = (0, 0);
            state.cursor = (rows - 1, cols - 1);
        }
        KeyCmd::Edit if has_cells => return start_edit(ctx, id, state, source, None, true),
        KeyCmd::Clear if has_cells => out.push(GridAction::Clear {
            rows: sel_rows,
            cols: sel_cols,
        }),
        KeyCmd::InsertAbove if source.rows_editable() => out.push(GridAction::InsertRows {
            at: if has_cells { sel_rows.start } else { 0 },
            count: if has_cells { sel_rows.len() } else { 1 },
        }),
        KeyCmd::InsertBelow if source.rows_editable() => {
            let at = if has_cells { sel_rows.end } else { 0 };
            out.push(GridAction::InsertRows {
                at,
                count: if has_cells { sel_rows.len() } else { 1 },
            });
            // Go to the first new row, ready to type into it.
            state.move_to((at, state.cursor.1), false);
        }
        KeyCmd::DeleteRows if has_cells && source.rows_editable() => {
            out.push(GridAction::DeleteRows { rows: sel_rows });
        }
        KeyCmd::Indent if has_cells && source.is_outline() => {
            out.push(GridAction::Indent { rows: sel_rows });
        }
        KeyCmd::Outdent if has_cells && source.is_outline() => {
            out.push(GridAction::Outdent { rows: sel_rows });
        }
        KeyCmd::MoveUp if has_cells && source.is_outline() && sel_rows.start > 0 => {
            out.push(GridAction::MoveUp { rows: sel_rows });
            state.anchor.0 -= 1;
            state.cursor.0 -= 1;
            state.scroll_to_cursor = true;
        }
        KeyCmd::MoveDown if has_cells && source.is_outline() && sel_rows.end < rows => {
            out.push(GridAction::MoveDown { rows: sel_rows });
            state.anchor.0 += 1;
            state.cursor.0 += 1;
            state.scroll_to_cursor = true;
        }
        _ => {}
    }
    false
}

/// Puts the selection on the clipboard as tab-separated text of the cells' `edit` texts.
fn copy_selection(ctx: &egui::Context, state: &GridState, source: &dyn GridSource) {
    let (rows, cols) = state.selection();
    let block: Vec<Vec<String>> = rows
        .map(|r| cols.clone().map(|c| source.cell(r, c).edit).collect())
        .collect();
    ctx.copy_text(format_tsv(&block));
}

/// Emits a paste of `text` at the selection's top-left and selects the pasted area.
fn paste(state: &mut GridState, source: &dyn GridSource, text: &str, out: &mut Vec<GridAction>) {
    let cols = source.columns().len();
    let block = parse_tsv(text);
    let width = block.iter().map(Vec::len).max().unwrap_or(0);
    if block.is_empty() || width == 0 || cols == 0 {
        return;
    }
    let (sel_rows, sel_cols) = state.selection();
    let (row, col) = (sel_rows.start, sel_cols.start);
    state.anchor = (row, col);
    state.cursor = (row + block.len() - 1, (col + width - 1).min(cols - 1));
    out.push(GridAction::Paste { row, col, block });
}

/// Clicks, double-clicks, right-clicks and drags on cells and row numbers.
fn pointer_actions(
    ctx: &egui::Context,
    id: egui::Id,
    state: &mut GridState,
    source: &dyn GridSource,
    drawn: &draw::Drawing,
    out: &mut Vec<GridAction>,
) {
    let cols = source.columns().len();
    let Some(click) = drawn.click else {
        if state.drag_selecting {
            if let Some(cell) = drawn.drag_over {
                state.cursor = cell;
            }
            if !ctx.input(|i| i.pointer.primary_down()) {
                state.drag_selecting = false;
            }
        }
        return;
    };
    state.message = None;
    // A click elsewhere ends the edit; an invalid value keeps the editor (and the focus).
    if state.editing.is_some() && !commit_edit(state, source, out) {
        focus_grid(ctx, id);
        return;
    }
    if !grid_has_focus(ctx, id) {
        focus_grid(ctx, id);
    }
    let (row, col) = click.cell;
    match click.kind {
        draw::ClickKind::Primary { shift } => {
            if shift {
                state.cursor = (row, col);
            } else {
                state.move_to((row, col), false);
            }
        }
        draw::ClickKind::DragStart => {
            state.move_to((row, col), false);
            state.drag_selecting = true;
        }
        draw::ClickKind::Double => {
            state.move_to((row, col), false);
            start_edit(ctx, id, state, source, None, true);
        }
        draw::ClickKind::Secondary => {
            let (rows, cols_sel) = state.selection();
            if !(rows.contains(&row) && cols_sel.contains(&col)) {
                state.move_to((row, col), false);
            }
        }
        draw::ClickKind::RowHeader { shift } => {
            if shift {
                state.anchor.1 = 0;
            } else {
                state.anchor = (row, 0);
            }
            state.cursor = (row, cols.saturating_sub(1));
            state.tab_start_col = None;
        }
    }
}

/// A context-menu choice: the same commands as the keys, plus copy and paste.
fn menu_action(
    ctx: &egui::Context,
    id: egui::Id,
    state: &mut GridState,
    source: &dyn GridSource,
    cmd: draw::MenuCmd,
    out: &mut Vec<GridAction>,
) {
    // The menu took the pointer press away from the grid; give the focus back.
    focus_grid(ctx, id);
    match cmd {
        draw::MenuCmd::Copy => copy_selection(ctx, state, source),
        // The clipboard is read by the platform, which answers with an `Event::Paste` next frame.
        draw::MenuCmd::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
        draw::MenuCmd::Key(cmd) => {
            run_command(ctx, id, state, source, cmd, out);
        }
    }
}
