//! 预算表 pages: 收支总表 and totals, 功能分类 and 经济分类 grids, 三公经费 and 政府采购.

use crate::model::Workspace;
use crate::ui::app::UiState;
use crate::ui::derived::Derived;
use crate::ui::view::Output;

pub fn summary_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _d: &Derived,
    _s: &mut UiState,
    year: i32,
) -> Vec<Output> {
    ui.heading(format!("{year} 年度 收支总表"));
    Vec::new()
}

pub fn functional_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _d: &Derived,
    _s: &mut UiState,
    year: i32,
    _table: usize,
) -> Vec<Output> {
    ui.heading(format!("{year} 年度 功能分类"));
    Vec::new()
}

pub fn economic_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _d: &Derived,
    _s: &mut UiState,
    year: i32,
    _table: usize,
) -> Vec<Output> {
    ui.heading(format!("{year} 年度 经济分类"));
    Vec::new()
}

pub fn three_public_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _d: &Derived,
    _s: &mut UiState,
    year: i32,
) -> Vec<Output> {
    ui.heading(format!("{year} 年度 三公经费与政府采购"));
    Vec::new()
}
