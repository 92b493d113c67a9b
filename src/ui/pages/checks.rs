//! 检查结果 page: every consistency finding, filterable by kind (错误/舍入差异/提示/说明) and
//! text; a click on a finding's place or message jumps to the page and cell it concerns.

use crate::calc::checks::{
    BudgetColumn, Finding, FindingKind, Location, ProjectField, TableRef as CheckTable,
};
use crate::calc::num::thousands;
use crate::model::{
    DisbursementColumn, EconomicColumn, FunctionalLineColumn, UnitIncomeColumn, Workspace,
};
use crate::ui::derived::Derived;
use crate::ui::locate::{
    disbursement_col, economic_col, functional_col, reveal, unit_income_col, visible_rows,
};
use crate::ui::state::UiState;
use crate::ui::theme::kind_color;
use crate::ui::view::{Output, View};

/// Where a finding leads: a page, a cell of its main grid, or a cell of another grid on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jump {
    pub view: View,
    /// (row, column) in the page's main grid (`grid_key_for(&view)`). For a 功能分类 table the
    /// row is the document row; [`apply_jump`] turns it into the row on screen.
    pub cell: Option<(usize, usize)>,
    /// A cell of another grid on the page: (grid key, row, column).
    pub other: Option<(String, usize, usize)>,
}

impl Jump {
    fn page(view: View) -> Jump {
        Jump {
            view,
            cell: None,
            other: None,
        }
    }

    fn cell(view: View, row: usize, col: usize) -> Jump {
        Jump {
            view,
            cell: Some((row, col)),
            other: None,
        }
    }
}

/// The page and cell a finding's location points at; `None` when it points at nothing that
/// exists (a year without a budget book, a deleted project or evaluation). A row is found by
/// its id where it is now; a row that is gone leads to its table's page.
pub fn jump_for(ws: &Workspace, location: &Location) -> Option<Jump> {
    match location {
        Location::Department => Some(Jump::page(View::Department)),
        Location::Budget {
            year,
            table,
            row,
            column,
        } => {
            let book = ws.budget(*year)?;
            let year = *year;
            Some(match *table {
                CheckTable::Totals | CheckTable::Summary => Jump::page(View::Summary { year }),
                CheckTable::UnitIncome => {
                    let mut j = Jump::page(View::Summary { year });
                    if let Some(r) = row.and_then(|r| r.find(&book.unit_income)) {
                        let c = match column {
                            Some(BudgetColumn::UnitIncome(c)) => unit_income_col(*c),
                            _ => unit_income_col(UnitIncomeColumn::Code),
                        };
                        j.other = Some((format!("summary/{year}/unit-income"), r, c));
                    }
                    j
                }
                CheckTable::Functional(t) => {
                    let lines = &book.functional.get(t)?.lines;
                    let view = View::Functional { year, table: t };
                    match row.and_then(|r| r.find(lines)) {
                        Some(r) => {
                            let c = match column {
                                Some(BudgetColumn::Functional(c)) => functional_col(*c),
                                _ => functional_col(FunctionalLineColumn::Code),
                            };
                            Jump::cell(view, r, c)
                        }
                        None => Jump::page(view),
                    }
                }
                CheckTable::Economic(t) => {
                    let lines = &book.economic.get(t)?.lines;
                    let view = View::Economic { year, table: t };
                    match row.and_then(|r| r.find(lines)) {
                        Some(r) => {
                            let c = match column {
                                Some(BudgetColumn::Economic(c)) => economic_col(*c),
                                _ => economic_col(EconomicColumn::DeptCode),
                            };
                            Jump::cell(view, r, c)
                        }
                        None => Jump::page(view),
                    }
                }
                CheckTable::ThreePublic | CheckTable::Procurement => {
                    Jump::page(View::ThreePublic { year })
                }
            })
        }
        Location::Project { id, field } => {
            let p = ws.project(id)?;
            let view = View::Project(id.clone());
            Some(match field {
                Some(ProjectField::Disbursement { row, column }) => {
                    match row.find(&p.disbursements) {
                        // A record as a whole shows on its amount.
                        Some(r) => Jump::cell(
                            view,
                            r,
                            disbursement_col(column.unwrap_or(DisbursementColumn::Amount)),
                        ),
                        None => Jump::page(view),
                    }
                }
                _ => Jump::page(view),
            })
        }
        Location::Indicator { evaluation, row } => {
            let ev = ws.evaluation(evaluation)?;
            let view = View::Evaluation(evaluation.clone());
            Some(match row.find(&ev.indicators) {
                Some(r) => Jump::cell(view, r, 0),
                None => Jump::page(view),
            })
        }
        Location::Evaluation { id } => {
            ws.evaluation(id)?;
            Some(Jump::page(View::Evaluation(id.clone())))
        }
    }
}

/// Prepares the target page for a jump (unfolds the 类/款 hiding a 功能分类 row, selects a
/// cell in a secondary grid) and returns the navigation for the app to apply.
pub fn apply_jump(ws: &Workspace, state: &mut UiState, jump: Jump) -> Output {
    let mut cell = jump.cell;
    if let (View::Functional { year, table }, Some((row, col))) = (&jump.view, jump.cell)
        && let Some(t) = ws.budget(*year).and_then(|b| b.functional.get(*table))
    {
        let folded = state.collapsed.entry((*year, *table)).or_default();
        reveal(&t.lines, folded, row);
        let shown = visible_rows(&t.lines, folded);
        cell = shown.iter().position(|&r| r == row).map(|r| (r, col));
    }
    if let Some((key, row, col)) = jump.other {
        state.grids.entry(key).or_default().select(row, col);
    }
    Output::Navigate(jump.view, cell)
}

/// Which kinds are shown, kept in egui's memory (UI state only).
fn filter_id() -> egui::Id {
    egui::Id::unique("checks-filter")
}

fn search_id() -> egui::Id {
    egui::Id::unique("checks-search")
}

/// Whether a finding matches the search text (check, place, message or hint).
fn matches_search(f: &Finding, text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || [
            f.check,
            f.place.as_str(),
            f.message.as_str(),
            f.hint.as_str(),
        ]
        .iter()
        .any(|s| s.contains(t))
}

/// Draws the page.
pub fn checks_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    derived: &Derived,
    s: &mut UiState,
) -> Vec<Output> {
    let mut out = Vec::new();
    let findings = &derived.findings;
    ui.heading(format!("检查结果（{}）", findings.len()));
    let mut shown: [bool; 4] = ui.data(|d| d.get_temp(filter_id())).unwrap_or([true; 4]);
    ui.horizontal(|ui| {
        for (i, kind) in FindingKind::ALL.iter().enumerate() {
            let n = findings.iter().filter(|f| f.kind == *kind).count();
            if let Some(flag) = shown.get_mut(i) {
                ui.checkbox(flag, format!("{}（{n}）", kind.label()));
            }
        }
        ui.separator();
        let label = ui.label("筛选");
        let text = s.fields.entry(search_id()).or_default();
        ui.add(
            egui::TextEdit::singleline(text)
                .id(search_id())
                .desired_width(200.0)
                .hint_text("科目编码、项目名称……"),
        )
        .labelled_by(label.id);
    });
    ui.data_mut(|d| d.insert_temp(filter_id(), shown));
    let search = s.fields.get(&search_id()).cloned().unwrap_or_default();
    ui.separator();
    let mut jump = None;
    egui::ScrollArea::vertical()
        .id_salt("checks-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if findings.is_empty() {
                ui.label("没有发现问题：所有勾稽关系均成立。");
            }
            for (i, kind) in FindingKind::ALL.iter().enumerate() {
                if !shown.get(i).copied().unwrap_or(true) {
                    continue;
                }
                let group: Vec<&Finding> = findings
                    .iter()
                    .filter(|f| f.kind == *kind && matches_search(f, &search))
                    .collect();
                if group.is_empty() {
                    continue;
                }
                ui.add_space(6.0);
                ui.colored_label(
                    kind_color(*kind),
                    egui::RichText::new(format!("{}（{}）", kind.label(), group.len())).strong(),
                );
                for (n, f) in group.iter().enumerate() {
                    if let Some(j) = finding_ui(ui, ws, f, n) {
                        jump = Some(j);
                    }
                }
            }
        });
    if let Some(j) = jump {
        out.push(apply_jump(ws, s, j));
    }
    out
}

/// One finding; returns where to go when it was clicked.
fn finding_ui(ui: &mut egui::Ui, ws: &Workspace, f: &Finding, n: usize) -> Option<Jump> {
    let target = jump_for(ws, &f.location);
    let mut clicked = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(kind_color(f.kind), format!("{}. {}", n + 1, f.kind.label()));
            ui.strong(f.check);
            if target.is_some() {
                clicked |= ui.link(&f.place).on_hover_text("转到此处").clicked();
            } else {
                ui.label(&f.place);
            }
        });
        let sense = if target.is_some() {
            egui::Sense::click()
        } else {
            egui::Sense::hover()
        };
        clicked |= ui
            .add(egui::Label::new(&f.message).wrap().sense(sense))
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .clicked();
        if let (Some(l), Some(r)) = (&f.left, &f.right) {
            let diff = f
                .difference
                .map_or_else(String::new, |d| format!(" · 差额 {}", thousands(d)));
            ui.weak(format!(
                "{} {} · {} {}{diff}",
                l.label,
                thousands(l.amount),
                r.label,
                thousands(r.amount)
            ));
        }
        if !f.hint.is_empty() {
            ui.weak(format!("提示：{}", f.hint));
        }
    });
    if clicked { target } else { None }
}
