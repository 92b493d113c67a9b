//! Drawing the grid: the table with its sticky header and row numbers, the cells, the cell
//! editor, the context menu and the message line. Drawing reports what the pointer did; the
//! grid's state changes in `mod.rs`, after the table is drawn.

use egui::accesskit::Role;
use egui::{Color32, Rect, Sense, Stroke, StrokeKind, TextStyle, Ui, WidgetInfo, vec2};
use egui_extras::{Column, TableBuilder};

use super::keys::KeyCmd;
use super::{
    Align, CellStyle, CellView, ColumnSpec, GridAction, GridSource, GridState, cell_label,
};

/// Space between a cell's border and its text, in points.
const PAD: f32 = 4.0;
/// Indentation per outline level (类/款/项), in points.
const INDENT: f32 = 14.0;

/// What the pointer did to the grid in one frame.
#[derive(Clone, Copy, Debug)]
pub(super) struct Click {
    pub cell: (usize, usize),
    pub kind: ClickKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ClickKind {
    Primary {
        shift: bool,
    },
    DragStart,
    Double,
    Secondary,
    /// A click on a row number selects the whole row.
    RowHeader {
        shift: bool,
    },
}

/// A context-menu choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MenuCmd {
    Copy,
    Paste,
    Key(KeyCmd),
}

/// What drawing found out.
#[derive(Debug)]
pub(super) struct Drawing {
    pub editor_drawn: bool,
    pub table_rect: Rect,
    /// Where the cursor cell is, if it is on screen.
    pub cursor_rect: Option<Rect>,
    pub click: Option<Click>,
    /// The cell under the pointer during a drag-select.
    pub drag_over: Option<(usize, usize)>,
    pub menu: Option<MenuCmd>,
}

/// Draws the table. Only the rows on screen are built (`body.rows`), so only their cells are
/// asked of the source.
pub(super) fn table_ui(
    ui: &mut Ui,
    id: egui::Id,
    state: &mut GridState,
    source: &dyn GridSource,
    focused: bool,
) -> Drawing {
    let columns = source.columns();
    let rows = source.row_count();
    let body_font = TextStyle::Body.resolve(ui.style());
    // Whole points, so that every cell sits on the pixel grid.
    let row_height = (ui.fonts_mut(|f| f.row_height(&body_font)) + 2.0 * PAD)
        .max(ui.spacing().interact_size.y)
        .ceil();
    let digits = u16::try_from(rows.max(1).ilog10() + 1).unwrap_or(u16::MAX);
    let number_width =
        (f32::from(digits) * ui.fonts_mut(|f| f.glyph_width(&body_font, '0')) + 3.0 * PAD).ceil();
    // Leave room under the table for the message line.
    let max_height = (ui.available_height() - 2.0 * row_height - ui.spacing().item_spacing.y * 3.0)
        .max(row_height * 4.0);

    let mut drawn = Drawing {
        editor_drawn: false,
        table_rect: Rect::NOTHING,
        cursor_rect: None,
        click: None,
        drag_over: None,
        menu: None,
    };
    let scroll_to_cursor = std::mem::take(&mut state.scroll_to_cursor);
    let (sel_rows, sel_cols) = state.selection();
    let pointer = ui.input(|i| i.pointer.latest_pos());
    let mut visible_rows = 0_usize;

    let output = egui::ScrollArea::horizontal()
        .id_salt(id.with("hscroll"))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // Cells touch, as in a spreadsheet; the grid lines separate them.
            ui.spacing_mut().item_spacing = vec2(0.0, 0.0);
            let mut builder = TableBuilder::new(ui)
                .id_salt(id.with("table"))
                .striped(true)
                .resizable(true)
                .animate_scrolling(false)
                .auto_shrink([false, true])
                .min_scrolled_height(row_height * 4.0)
                .max_scroll_height(max_height)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(number_width).resizable(false));
            for spec in columns {
                builder = builder.column(
                    Column::initial(spec.width)
                        .at_least(24.0)
                        .clip(true)
                        .resizable(true),
                );
            }
            if scroll_to_cursor && rows > 0 {
                builder = builder.scroll_to_row(state.cursor.0, None);
            }
            builder
                .header(row_height, |mut header| {
                    header.col(|_| {});
                    for spec in columns {
                        header.col(|ui| header_ui(ui, spec));
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows, |mut row| {
                        let r = row.index();
                        visible_rows += 1;
                        let row_selected = sel_rows.contains(&r);
                        row.col(|ui| {
                            let response = row_number_ui(
                                ui,
                                id,
                                r,
                                row_selected && sel_cols.len() == columns.len(),
                            );
                            if response.clicked() {
                                let shift = ui.input(|i| i.modifiers.shift);
                                drawn.click = Some(Click {
                                    cell: (r, 0),
                                    kind: ClickKind::RowHeader { shift },
                                });
                            }
                        });
                        for (c, spec) in columns.iter().enumerate() {
                            row.col(|ui| {
                                let rect = ui.max_rect();
                                let is_cursor = state.cursor == (r, c);
                                if is_cursor {
                                    drawn.cursor_rect = Some(rect);
                                    if scroll_to_cursor {
                                        // The table scrolls to the row; this brings the column into view.
                                        ui.scroll_to_rect(rect, None);
                                    }
                                }
                                if state.drag_selecting && pointer.is_some_and(|p| rect.contains(p))
                                {
                                    drawn.drag_over = Some((r, c));
                                }
                                let editing_here = state
                                    .editing
                                    .as_ref()
                                    .is_some_and(|e| (e.row, e.col) == (r, c));
                                if editing_here {
                                    editor_ui(ui, id, state, spec, r);
                                    drawn.editor_drawn = true;
                                    return;
                                }
                                let view = source.cell(r, c);
                                let look = CellLook {
                                    selected: row_selected && sel_cols.contains(&c),
                                    is_cursor,
                                    focused,
                                };
                                let response =
                                    cell_ui(ui, id.with(("cell", r, c)), &view, spec, r, look);
                                if let Some(kind) = click_kind(ui, &response) {
                                    drawn.click = Some(Click { cell: (r, c), kind });
                                }
                                response.context_menu(|ui| {
                                    if let Some(cmd) = menu_ui(ui, source) {
                                        drawn.menu = Some(cmd);
                                        ui.close();
                                    }
                                });
                            });
                        }
                    });
                });
        });
    drawn.table_rect = output.inner_rect;
    // A page is what fits on screen, less one row of overlap (as in Excel).
    let row_pitch = row_height;
    let fitting = whole_rows(output.inner_rect.height().min(max_height) / row_pitch);
    state.page_rows = if fitting >= 2 {
        fitting - 1
    } else {
        visible_rows.max(1)
    };
    drawn
}

/// How many whole rows fit in `rows` (a height in rows), at least 0.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a screen holds far fewer rows than usize counts, and the value is clamped to 0 first"
)]
fn whole_rows(rows: f32) -> usize {
    rows.floor().max(0.0) as usize
}

/// The kind of click on a cell, if any.
fn click_kind(ui: &Ui, response: &egui::Response) -> Option<ClickKind> {
    if response.double_clicked() {
        Some(ClickKind::Double)
    } else if response.clicked() {
        Some(ClickKind::Primary {
            shift: ui.input(|i| i.modifiers.shift),
        })
    } else if response.secondary_clicked() {
        Some(ClickKind::Secondary)
    } else if response.drag_started() && !ui.input(|i| i.modifiers.shift) {
        Some(ClickKind::DragStart)
    } else {
        None
    }
}

/// A column header: the name, right-aligned over numbers, with the full name on hover when
/// the column is too narrow for it.
fn header_ui(ui: &mut Ui, spec: &ColumnSpec) {
    let label = egui::Label::new(egui::RichText::new(&spec.header).strong()).truncate();
    match spec.align {
        Align::Left => {
            ui.add_space(PAD);
            ui.add(label);
        }
        Align::Right => {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.add_space(PAD);
                ui.add(label);
            });
        }
    }
}

/// The row number at the left; clicking it selects the row.
fn row_number_ui(
    ui: &mut Ui,
    id: egui::Id,
    row: usize,
    whole_row_selected: bool,
) -> egui::Response {
    let rect = ui.max_rect();
    let response = ui.interact(rect, id.with(("row", row)), Sense::click());
    let visuals = ui.visuals();
    let fill = if whole_row_selected {
        visuals.selection.bg_fill
    } else {
        visuals.faint_bg_color
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, fill);
    let number = (row + 1).to_string();
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        &number,
        TextStyle::Body.resolve(ui.style()),
        visuals.weak_text_color(),
    );
    painter.hline(rect.x_range(), rect.bottom() - 0.5, grid_line(ui));
    // The label is built only when asked for (an accessibility client, a click): not for
    // every row on screen every frame.
    response.widget_info(|| WidgetInfo::labeled(Role::RowHeader, true, format!("第{}行", row + 1)));
    response
}

/// How the selection marks a cell.
#[derive(Clone, Copy, Debug)]
struct CellLook {
    selected: bool,
    is_cursor: bool,
    /// The grid has keyboard focus (the cursor is drawn in the selection colour, else grey).
    focused: bool,
}

/// One cell, painted directly (no child widgets) so a screen of cells stays cheap.
fn cell_ui(
    ui: &mut Ui,
    cell_id: egui::Id,
    view: &CellView,
    spec: &ColumnSpec,
    row: usize,
    look: CellLook,
) -> egui::Response {
    let rect = ui.max_rect();
    let response = ui.interact(rect, cell_id, Sense::click_and_drag());
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);

    let background = match view.style {
        CellStyle::Flagged => Some(Color32::from_rgba_unmultiplied(230, 40, 40, 48)),
        CellStyle::Strong => Some(visuals.faint_bg_color),
        _ => None,
    };
    if let Some(fill) = background {
        painter.rect_filled(rect, 0.0, fill);
    }
    if look.selected && !look.is_cursor {
        painter.rect_filled(rect, 0.0, visuals.selection.bg_fill.gamma_multiply(0.35));
    }

    let color = match view.style {
        CellStyle::Normal => visuals.text_color(),
        CellStyle::Strong => visuals.strong_text_color(),
        CellStyle::Computed => visuals.weak_text_color(),
        CellStyle::Flagged => visuals.error_fg_color,
        CellStyle::Linked => visuals.hyperlink_color,
    };
    let font = TextStyle::Body.resolve(ui.style());
    let galley = painter.layout_no_wrap(view.display.clone(), font, color);
    let indent = f32::from(view.indent) * INDENT;
    let x = match spec.align {
        Align::Left => rect.left() + PAD + indent,
        Align::Right => rect.right() - PAD - galley.size().x,
    };
    let text_width = galley.size().x;
    painter.galley(
        egui::pos2(x, rect.center().y - galley.size().y / 2.0),
        galley,
        color,
    );

    painter.hline(rect.x_range(), rect.bottom() - 0.5, grid_line(ui));
    painter.vline(rect.right() - 0.5, rect.y_range(), grid_line(ui));
    if look.is_cursor {
        let color = if look.focused {
            visuals.selection.bg_fill
        } else {
            visuals.weak_text_color()
        };
        painter.rect_stroke(
            rect.shrink(1.0),
            0.0,
            Stroke::new(2.0, color),
            StrokeKind::Inside,
        );
    }
    // What a double-click on the column border fits the column to.
    // Whole points, so the cell's used area stays on the pixel grid.
    ui.expand_to_include_rect(Rect::from_min_size(
        rect.min,
        vec2((text_width + indent + 2.0 * PAD).ceil(), rect.height()),
    ));

    // Built only when asked for (an accessibility client, a click), not per cell per frame.
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::Cell, true, cell_label(row, &spec.header));
        info.current_text_value = Some(view.display.clone());
        info
    });
    match &view.tooltip {
        Some(tip) => response.on_hover_text(tip),
        None => response,
    }
}

/// The editor of the cell being edited: a frameless `TextEdit` with the grid's own id, so it
/// has the grid's keyboard focus without any focus change.
fn editor_ui(ui: &mut Ui, id: egui::Id, state: &mut GridState, spec: &ColumnSpec, row: usize) {
    let rect = ui.max_rect();
    let Some(edit) = state.editing.as_mut() else {
        return;
    };
    let visuals = ui.visuals().clone();
    ui.painter_at(rect)
        .rect_filled(rect, 0.0, visuals.extreme_bg_color);
    let align = match spec.align {
        Align::Left => egui::Align2::LEFT_CENTER,
        Align::Right => egui::Align2::RIGHT_CENTER,
    };
    let editor = egui::TextEdit::singleline(&mut edit.text)
        .id(id)
        .frame(egui::Frame::NONE)
        .margin(egui::Margin::symmetric(4, 0))
        .desired_width(rect.width() - 2.0 * PAD)
        .align(align)
        // The grid handles Enter, Tab, Esc and the arrows itself (and not during an IME
        // composition), so the editor neither ends on Enter nor lets egui move focus.
        .return_key(None::<egui::KeyboardShortcut>)
        .event_filter(egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        });
    ui.put(rect.shrink2(vec2(1.0, 1.0)), editor);
    let label = cell_label(row, &spec.header);
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(label));

    let outline = if edit.error.is_some() {
        visuals.error_fg_color
    } else {
        visuals.selection.bg_fill
    };
    ui.painter_at(rect).rect_stroke(
        rect.shrink(1.0),
        0.0,
        Stroke::new(2.0, outline),
        StrokeKind::Inside,
    );

    // The reason a value was refused, just under the cell, above the rows below it.
    if let Some(error) = &edit.error {
        egui::Area::new(id.with("edit_error"))
            .order(egui::Order::Tooltip)
            .fixed_pos(rect.left_bottom())
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.colored_label(visuals.error_fg_color, error);
                });
            });
    }
}

/// The context menu of a cell. Shortcuts are shown beside the items.
fn menu_ui(ui: &mut Ui, source: &dyn GridSource) -> Option<MenuCmd> {
    let item = |ui: &mut Ui, text: &str, shortcut: &str| {
        ui.add(egui::Button::new(text).shortcut_text(shortcut))
            .clicked()
    };
    let mut chosen = None;
    if item(ui, "复制", "Ctrl+C") {
        chosen = Some(MenuCmd::Copy);
    }
    if item(ui, "粘贴", "Ctrl+V") {
        chosen = Some(MenuCmd::Paste);
    }
    if item(ui, "清除", "Delete") {
        chosen = Some(MenuCmd::Key(KeyCmd::Clear));
    }
    if source.rows_editable() {
        ui.separator();
        if item(ui, "在上方插入行", "Ctrl+Shift+=") {
            chosen = Some(MenuCmd::Key(KeyCmd::InsertAbove));
        }
        if item(ui, "在下方插入行", "Ctrl+Enter") {
            chosen = Some(MenuCmd::Key(KeyCmd::InsertBelow));
        }
        if item(ui, "删除行", "Ctrl+-") {
            chosen = Some(MenuCmd::Key(KeyCmd::DeleteRows));
        }
    }
    if source.is_outline() {
        ui.separator();
        if item(ui, "升级", "Alt+Shift+←") {
            chosen = Some(MenuCmd::Key(KeyCmd::Outdent));
        }
        if item(ui, "降级", "Alt+Shift+→") {
            chosen = Some(MenuCmd::Key(KeyCmd::Indent));
        }
        if item(ui, "上移", "Alt+Shift+↑") {
            chosen = Some(MenuCmd::Key(KeyCmd::MoveUp));
        }
        if item(ui, "下移", "Alt+Shift+↓") {
            chosen = Some(MenuCmd::Key(KeyCmd::MoveDown));
        }
    }
    chosen
}

/// Under the table: the app's message (e.g. a refused paste), the refusal of an edit whose
/// cell is scrolled out of view, and for an empty table a button to add the first row.
pub(super) fn footer_ui(
    ui: &mut Ui,
    state: &GridState,
    source: &dyn GridSource,
    editor_drawn: bool,
    out: &mut Vec<GridAction>,
) {
    let error_color = ui.visuals().error_fg_color;
    if let Some(message) = &state.message {
        ui.colored_label(error_color, message);
    }
    if let (Some(edit), false) = (&state.editing, editor_drawn)
        && let Some(error) = &edit.error
    {
        let header = source
            .columns()
            .get(edit.col)
            .map_or("", |c| c.header.as_str());
        ui.colored_label(
            error_color,
            format!("{}：{error}", cell_label(edit.row, header)),
        );
    }
    if source.row_count() == 0 && source.rows_editable() && ui.button("添加一行").clicked() {
        out.push(GridAction::InsertRows { at: 0, count: 1 });
    }
}

/// The thin line between cells.
fn grid_line(ui: &Ui) -> Stroke {
    Stroke::new(
        1.0,
        ui.visuals()
            .widgets
            .noninteractive
            .bg_stroke
            .color
            .gamma_multiply(0.5),
    )
}
