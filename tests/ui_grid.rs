//! The grid widget driven as a user would: clicks, typing, keys, IME events and clipboard
//! events through `egui_kittest`, asserting on the actions it emits and on its state.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::Cell;
use std::sync::Arc;

use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use jixiao::ui::grid::{
    Align, CellStyle, CellView, ColumnSpec, GridAction, GridSource, GridState, grid_ui,
};

/// A table over strings: 项目名称 (text), 金额（万元） (a number, validated), 备注 (text) and
/// 合计（万元） (computed, read-only).
struct Toy {
    data: Vec<Vec<String>>,
    columns: Vec<ColumnSpec>,
    outline: bool,
    /// How many cells were asked for (to check that only visible rows are drawn).
    cell_calls: Cell<usize>,
}

impl Toy {
    fn new(rows: usize) -> Self {
        let spec = |header: &str, align, editable| ColumnSpec {
            header: header.to_owned(),
            width: 120.0,
            align,
            editable,
        };
        Self {
            data: (0..rows)
                .map(|r| {
                    vec![
                        format!("项目{r}"),
                        format!("{}", (r + 1) * 100),
                        String::new(),
                        format!("{}", (r + 1) * 100),
                    ]
                })
                .collect(),
            columns: vec![
                spec("项目名称", Align::Left, true),
                spec("金额（万元）", Align::Right, true),
                spec("备注", Align::Left, true),
                spec("合计（万元）", Align::Right, false),
            ],
            outline: false,
            cell_calls: Cell::new(0),
        }
    }
}

impl GridSource for Toy {
    fn row_count(&self) -> usize {
        self.data.len()
    }
    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }
    fn cell(&self, row: usize, col: usize) -> CellView {
        self.cell_calls.set(self.cell_calls.get() + 1);
        let text = self.data[row][col].clone();
        CellView {
            display: text.clone(),
            edit: text,
            style: if col == 3 {
                CellStyle::Computed
            } else {
                CellStyle::Normal
            },
            indent: 0,
            tooltip: None,
        }
    }
    fn validate(&self, _row: usize, col: usize, text: &str) -> Result<(), String> {
        if col == 1 && !text.trim().is_empty() && text.trim().parse::<f64>().is_err() {
            Err("请输入数字".to_owned())
        } else {
            Ok(())
        }
    }
    fn is_outline(&self) -> bool {
        self.outline
    }
}

struct App {
    state: GridState,
    source: Toy,
    actions: Vec<GridAction>,
    /// Frames in which the app still saw a Ctrl+Z after the grid ran.
    undo_seen: usize,
}

fn install_cjk_font(ctx: &egui::Context) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/NotoSansSC-Regular-GBK.otf"
    );
    let bytes = std::fs::read(path).expect("bundled font");
    let mut fonts = egui::FontDefinitions::default();
    fonts
        .font_data
        .insert("cjk".into(), Arc::new(egui::FontData::from_owned(bytes)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("cjk".into());
    }
    ctx.set_fonts(fonts);
}

fn harness_with(source: Toy) -> Harness<'static, App> {
    harness_stepping(source, 0.25)
}

/// A harness whose frames are `step_dt` seconds apart (a double-click needs two clicks within
/// 0.3 s, more than kittest's default of 0.25 s per frame allows).
fn harness_stepping(source: Toy, step_dt: f32) -> Harness<'static, App> {
    let app = App {
        state: GridState::default(),
        source,
        actions: Vec::new(),
        undo_seen: 0,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 600.0))
        .with_step_dt(step_dt)
        .with_context_setup(install_cjk_font)
        .build_ui_state(
            |ui, app: &mut App| {
                // Something else to click, outside the grid.
                let _ = ui.button("别处");
                let actions = grid_ui(ui, egui::Id::unique("grid"), &mut app.state, &app.source);
                for action in &actions {
                    if let GridAction::Commit { row, col, text } = action {
                        app.source.data[*row][*col].clone_from(text);
                    }
                }
                app.actions.extend(actions);
                let undo = ui.input(|i| {
                    i.events.iter().any(|e| {
                        matches!(e, Event::Key { key: Key::Z, pressed: true, modifiers, .. } if modifiers.command)
                    })
                });
                app.undo_seen += usize::from(undo);
            },
            app,
        );
    harness.run();
    harness
}

fn harness() -> Harness<'static, App> {
    harness_with(Toy::new(5))
}

/// The actions so far without the `Selected` notices, and forget them.
fn take_edits(harness: &mut Harness<'_, App>) -> Vec<GridAction> {
    std::mem::take(&mut harness.state_mut().actions)
        .into_iter()
        .filter(|a| !matches!(a, GridAction::Selected { .. }))
        .collect()
}

fn click(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn key(harness: &mut Harness<'_, App>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn key_mod(harness: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn event(harness: &mut Harness<'_, App>, event: Event) {
    harness.event(event);
    harness.run();
}

fn type_text(harness: &mut Harness<'_, App>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn preedit(text: &str) -> Event {
    Event::Ime(ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    })
}

#[test]
fn click_type_enter_commits() {
    let mut h = harness();
    click(&mut h, "第1行 金额（万元）");
    assert_eq!(h.state().state.cursor, (0, 1));
    type_text(&mut h, "12.5");
    let editing = h
        .state()
        .state
        .editing
        .clone()
        .expect("typing starts an edit");
    assert_eq!(editing.text, "12.5");
    // The editor carries the cell's label.
    assert_eq!(
        h.get_by_label("第1行 金额（万元）").accesskit_node().role(),
        egui::accesskit::Role::TextInput
    );
    key(&mut h, Key::Enter);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 0,
            col: 1,
            text: "12.5".to_owned()
        }]
    );
    assert!(h.state().state.editing.is_none());
    assert_eq!(h.state().state.cursor, (1, 1), "Enter moves down");
    assert_eq!(h.state().source.data[0][1], "12.5");
}

#[test]
fn typing_replaces_the_cell_text() {
    let mut h = harness();
    click(&mut h, "第2行 项目名称");
    type_text(&mut h, "a");
    type_text(&mut h, "b");
    key(&mut h, Key::Tab);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 1,
            col: 0,
            text: "ab".to_owned()
        }]
    );
    assert_eq!(
        h.state().state.cursor,
        (1, 1),
        "Tab commits and moves right"
    );
}

#[test]
fn bad_number_is_refused_and_kept() {
    let mut h = harness();
    click(&mut h, "第1行 金额（万元）");
    type_text(&mut h, "abc");
    key(&mut h, Key::Enter);
    assert_eq!(take_edits(&mut h), vec![]);
    let editing = h.state().state.editing.clone().expect("still editing");
    assert_eq!(editing.text, "abc");
    assert_eq!(editing.error.as_deref(), Some("请输入数字"));
    assert_eq!(
        h.state().state.cursor,
        (0, 1),
        "the cursor stays on the bad cell"
    );
    h.get_by_label("请输入数字");
    // Fixing it commits.
    key(&mut h, Key::Backspace);
    key(&mut h, Key::Backspace);
    key(&mut h, Key::Backspace);
    type_text(&mut h, "7");
    key(&mut h, Key::Enter);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 0,
            col: 1,
            text: "7".to_owned()
        }]
    );
}

#[test]
fn escape_cancels() {
    let mut h = harness();
    click(&mut h, "第1行 金额（万元）");
    type_text(&mut h, "5");
    key(&mut h, Key::Escape);
    assert_eq!(take_edits(&mut h), vec![]);
    assert!(h.state().state.editing.is_none());
    assert_eq!(h.state().source.data[0][1], "100");
    // The grid keeps the focus after Esc: arrows still move.
    key(&mut h, Key::ArrowDown);
    assert_eq!(h.state().state.cursor, (1, 1));
}

#[test]
fn f2_edits_the_existing_text() {
    let mut h = harness();
    click(&mut h, "第2行 金额（万元）");
    key(&mut h, Key::F2);
    let editing = h.state().state.editing.clone().expect("F2 starts an edit");
    assert_eq!(editing.text, "200");
    assert!(editing.caret_mode);
    type_text(&mut h, "5");
    // In F2 mode the arrows move the caret, not the cursor.
    key(&mut h, Key::ArrowLeft);
    assert!(h.state().state.editing.is_some());
    key(&mut h, Key::Enter);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 1,
            col: 1,
            text: "2005".to_owned()
        }]
    );
}

#[test]
fn unchanged_edit_emits_nothing() {
    let mut h = harness();
    click(&mut h, "第2行 金额（万元）");
    key(&mut h, Key::F2);
    key(&mut h, Key::Enter);
    assert_eq!(take_edits(&mut h), vec![]);
    assert_eq!(h.state().state.cursor, (2, 1));
}

#[test]
fn double_click_edits() {
    let mut h = harness_stepping(Toy::new(5), 1.0 / 60.0);
    h.get_by_label("第3行 项目名称").click();
    h.get_by_label("第3行 项目名称").click();
    h.run();
    let editing = h
        .state()
        .state
        .editing
        .clone()
        .expect("double-click starts an edit");
    assert_eq!(editing.text, "项目2");
}

#[test]
fn computed_cells_are_not_edited() {
    let mut h = harness();
    click(&mut h, "第1行 合计（万元）");
    type_text(&mut h, "9");
    assert!(h.state().state.editing.is_none());
    assert!(h.state().state.message.is_some());
    assert_eq!(take_edits(&mut h), vec![]);
}

#[test]
fn arrows_tab_enter_move_the_cursor() {
    let mut h = harness();
    click(&mut h, "第1行 项目名称");
    key(&mut h, Key::ArrowDown);
    assert_eq!(h.state().state.cursor, (1, 0));
    key(&mut h, Key::ArrowRight);
    assert_eq!(h.state().state.cursor, (1, 1));
    key(&mut h, Key::Tab);
    key(&mut h, Key::Tab);
    assert_eq!(h.state().state.cursor, (1, 3));
    // Enter after a run of Tabs goes to the next row, in the column the run started from.
    key(&mut h, Key::Enter);
    assert_eq!(h.state().state.cursor, (2, 1));
    // Tab wraps at the end of a row, Shift+Tab back.
    key(&mut h, Key::End);
    assert_eq!(h.state().state.cursor, (2, 3));
    key(&mut h, Key::Tab);
    assert_eq!(h.state().state.cursor, (3, 0));
    key_mod(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(h.state().state.cursor, (2, 3));
    key(&mut h, Key::Home);
    assert_eq!(h.state().state.cursor, (2, 0));
    key_mod(&mut h, Modifiers::SHIFT, Key::Enter);
    assert_eq!(h.state().state.cursor, (1, 0));
    key_mod(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(h.state().state.cursor, (4, 3));
    key_mod(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(h.state().state.cursor, (0, 0));
    key(&mut h, Key::PageDown);
    assert_eq!(h.state().state.cursor, (4, 0));
    // Shift+arrows extend the selection from the anchor.
    key(&mut h, Key::ArrowUp);
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowUp);
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(h.state().state.selection(), (2..4, 0..2));
    // The app hears where the cursor went.
    assert!(
        h.state()
            .actions
            .contains(&GridAction::Selected { row: 2, col: 1 })
    );
}

#[test]
fn shift_click_extends_and_row_number_selects_the_row() {
    let mut h = harness();
    click(&mut h, "第1行 项目名称");
    h.get_by_label("第2行 金额（万元）")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().state.selection(), (0..2, 0..2));
    click(&mut h, "第4行");
    assert_eq!(h.state().state.selection(), (3..4, 0..4));
}

#[test]
fn copy_puts_tsv_on_the_clipboard() {
    let mut h = harness();
    h.state_mut().source.data[1][2] = "含\t制表".to_owned();
    click(&mut h, "第1行 项目名称");
    h.get_by_label("第2行 备注")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    h.event(Event::Copy);
    h.step();
    let copied: Vec<_> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        copied,
        vec!["项目0\t100\t\n项目1\t200\t\"含\t制表\"".to_owned()]
    );
    h.run();
    assert_eq!(take_edits(&mut h), vec![]);
}

#[test]
fn paste_emits_the_parsed_block_at_the_cursor() {
    let mut h = harness();
    click(&mut h, "第2行 项目名称");
    let text = "甲\t1\t\"备注\n两行\"\t9\r\n乙\t2\t\t9\r\n丙\t3\t\"含\t制表\"\t9\r\n";
    event(&mut h, Event::Paste(text.to_owned()));
    let row = |cells: [&str; 4]| cells.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Paste {
            row: 1,
            col: 0,
            block: vec![
                row(["甲", "1", "备注\n两行", "9"]),
                row(["乙", "2", "", "9"]),
                row(["丙", "3", "含\t制表", "9"]),
            ],
        }]
    );
    assert_eq!(
        h.state().state.selection(),
        (1..4, 0..4),
        "the pasted area is selected"
    );
    // A refusal by the app is shown under the table and cleared by the next action.
    h.state_mut().state.message = Some("第2行 金额：请输入数字".to_owned());
    h.run();
    h.get_by_label("第2行 金额：请输入数字");
    key(&mut h, Key::ArrowDown);
    assert!(h.state().state.message.is_none());
}

#[test]
fn delete_clears_the_selection() {
    let mut h = harness();
    click(&mut h, "第2行 项目名称");
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    key(&mut h, Key::Delete);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Clear {
            rows: 1..3,
            cols: 0..2
        }]
    );
}

#[test]
fn ime_keys_belong_to_the_composition() {
    let mut h = harness();
    click(&mut h, "第1行 备注");
    // The first pre-edit starts an edit; Enter during the composition is the IME's.
    event(&mut h, preedit("yu"));
    assert!(h.state().state.is_composing());
    key(&mut h, Key::Enter);
    key(&mut h, Key::Escape);
    key(&mut h, Key::ArrowDown);
    assert_eq!(take_edits(&mut h), vec![]);
    assert!(
        h.state().state.editing.is_some(),
        "still editing during the composition"
    );
    assert_eq!(h.state().state.cursor, (0, 2));
    event(&mut h, preedit("yusuan"));
    event(&mut h, Event::Ime(ImeEvent::Commit("预算".to_owned())));
    assert!(!h.state().state.is_composing());
    assert_eq!(h.state().state.editing.as_ref().unwrap().text, "预算");
    key(&mut h, Key::Enter);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 0,
            col: 2,
            text: "预算".to_owned()
        }]
    );
}

#[test]
fn ime_commit_on_a_selected_cell_starts_an_edit() {
    let mut h = harness();
    click(&mut h, "第3行 项目名称");
    event(&mut h, Event::Ime(ImeEvent::Commit("中文".to_owned())));
    assert_eq!(h.state().state.editing.as_ref().unwrap().text, "中文");
    type_text(&mut h, "2");
    key(&mut h, Key::Enter);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 2,
            col: 0,
            text: "中文2".to_owned()
        }]
    );
}

#[test]
fn focus_loss_commits_a_valid_edit() {
    let mut h = harness();
    click(&mut h, "第1行 金额（万元）");
    type_text(&mut h, "8");
    click(&mut h, "别处");
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 0,
            col: 1,
            text: "8".to_owned()
        }]
    );
    // Keys no longer go to the grid.
    key(&mut h, Key::ArrowDown);
    assert_eq!(h.state().state.cursor, (0, 1));
}

#[test]
fn focus_loss_keeps_an_invalid_edit() {
    let mut h = harness();
    click(&mut h, "第1行 金额（万元）");
    type_text(&mut h, "x");
    click(&mut h, "别处");
    assert_eq!(take_edits(&mut h), vec![]);
    let editing = h.state().state.editing.clone().expect("kept");
    assert_eq!(editing.text, "x");
    assert!(editing.error.is_some());
}

#[test]
fn clicking_another_cell_commits_and_moves() {
    let mut h = harness();
    click(&mut h, "第1行 项目名称");
    type_text(&mut h, "新");
    click(&mut h, "第3行 备注");
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 0,
            col: 0,
            text: "新".to_owned()
        }]
    );
    assert_eq!(h.state().state.cursor, (2, 2));
    key(&mut h, Key::ArrowUp);
    assert_eq!(h.state().state.cursor, (1, 2));
}

#[test]
fn undo_keys_are_left_to_the_app() {
    let mut h = harness();
    click(&mut h, "第1行 项目名称");
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().undo_seen > 0);
    assert_eq!(take_edits(&mut h), vec![]);
}

#[test]
fn row_shortcuts() {
    let mut h = harness();
    click(&mut h, "第2行 项目名称");
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    key_mod(&mut h, Modifiers::COMMAND, Key::Minus);
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Plus);
    key_mod(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(
        take_edits(&mut h),
        vec![
            GridAction::DeleteRows { rows: 1..3 },
            GridAction::InsertRows { at: 1, count: 2 },
            GridAction::InsertRows { at: 3, count: 2 },
        ]
    );
    // Outline keys do nothing on a plain table.
    key_mod(&mut h, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(take_edits(&mut h), vec![]);
}

#[test]
fn outline_keys_and_menu() {
    let mut source = Toy::new(5);
    source.outline = true;
    let mut h = harness_with(source);
    click(&mut h, "第3行 项目名称");
    let alt_shift = Modifiers::ALT | Modifiers::SHIFT;
    key_mod(&mut h, alt_shift, Key::ArrowRight);
    key_mod(&mut h, alt_shift, Key::ArrowLeft);
    key_mod(&mut h, alt_shift, Key::ArrowUp);
    assert_eq!(
        h.state().state.cursor,
        (1, 0),
        "the selection moves with the row"
    );
    key_mod(&mut h, alt_shift, Key::ArrowDown);
    assert_eq!(
        take_edits(&mut h),
        vec![
            GridAction::Indent { rows: 2..3 },
            GridAction::Outdent { rows: 2..3 },
            GridAction::MoveUp { rows: 2..3 },
            GridAction::MoveDown { rows: 1..2 },
        ]
    );
    // The first row cannot move up.
    click(&mut h, "第1行 项目名称");
    key_mod(&mut h, alt_shift, Key::ArrowUp);
    assert_eq!(take_edits(&mut h), vec![]);

    // The same through the context menu.
    h.get_by_label("第4行 备注").click_secondary();
    h.run();
    assert_eq!(
        h.state().state.cursor,
        (3, 2),
        "right-click selects the cell"
    );
    h.get_by_label_contains("降级").click();
    h.run();
    h.get_by_label("第4行 备注").click_secondary();
    h.run();
    h.get_by_label_contains("在上方插入行").click();
    h.run();
    assert_eq!(
        take_edits(&mut h),
        vec![
            GridAction::Indent { rows: 3..4 },
            GridAction::InsertRows { at: 3, count: 1 },
        ]
    );
    // The grid still has the focus after a menu choice.
    key(&mut h, Key::ArrowUp);
    assert_eq!(h.state().state.cursor, (2, 2));
}

#[test]
fn only_the_focused_grid_reacts() {
    struct Two {
        a: GridState,
        b: GridState,
        source: Toy,
    }
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .with_context_setup(install_cjk_font)
        .build_ui_state(
            |ui, two: &mut Two| {
                ui.push_id("a", |ui| {
                    ui.set_max_height(300.0);
                    grid_ui(ui, egui::Id::unique("a"), &mut two.a, &two.source);
                });
                ui.push_id("b", |ui| {
                    grid_ui(ui, egui::Id::unique("b"), &mut two.b, &two.source);
                });
            },
            Two {
                a: GridState::default(),
                b: GridState::default(),
                source: Toy::new(3),
            },
        );
    h.run();
    // Both grids have a cell with this label; click the second grid's.
    let nodes: Vec<_> = h.get_all_by_label("第1行 项目名称").collect();
    assert_eq!(nodes.len(), 2);
    nodes[1].click();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().a.cursor, (0, 0));
    assert_eq!(h.state().b.cursor, (1, 0));
}

#[test]
fn only_visible_rows_are_drawn() {
    let mut h = harness_with(Toy::new(100_000));
    let per_frame = |h: &mut Harness<'_, App>| {
        h.state().source.cell_calls.set(0);
        h.step();
        h.state().source.cell_calls.get()
    };
    let calls = per_frame(&mut h);
    assert!(calls > 0 && calls < 400, "{calls} cells drawn in one frame");
    click(&mut h, "第1行 金额（万元）");
    key_mod(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(h.state().state.cursor, (99_999, 3));
    // The table scrolled to the last row.
    h.get_by_label("第100000行 合计（万元）");
    let calls = per_frame(&mut h);
    assert!(calls < 400, "{calls} cells drawn in one frame");
}

#[test]
fn an_edit_survives_its_row_scrolling_away() {
    let mut h = harness_with(Toy::new(200));
    click(&mut h, "第1行 备注");
    type_text(&mut h, "保留");
    for _ in 0..10 {
        h.get_by_label("第2行 备注").scroll_down();
        h.run();
        if h.query_by_label("第1行 备注").is_none() {
            break;
        }
    }
    assert!(
        h.query_by_label("第1行 备注").is_none(),
        "the edited row scrolled away"
    );
    assert_eq!(h.state().state.editing.as_ref().unwrap().text, "保留");
    // The grid kept the focus: Enter commits what was typed.
    key(&mut h, Key::Enter);
    assert_eq!(
        take_edits(&mut h),
        vec![GridAction::Commit {
            row: 0,
            col: 2,
            text: "保留".to_owned()
        }]
    );
}

#[test]
fn idle_frames_emit_nothing_and_request_no_repaint() {
    let mut h = harness();
    click(&mut h, "第1行 项目名称");
    take_edits(&mut h);
    let steps = h.run();
    assert!(steps <= 2, "{steps} steps to settle");
    assert_eq!(take_edits(&mut h), vec![]);
}
