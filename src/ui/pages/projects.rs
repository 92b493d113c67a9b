//! 项目 pages: the 项目支出预算表 of a year and one project's summary, cost items,
//! disbursements and performance targets.

use crate::model::Workspace;
use crate::ui::app::UiState;
use crate::ui::derived::Derived;
use crate::ui::view::Output;

pub fn projects_table_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    _d: &Derived,
    _s: &mut UiState,
    year: i32,
) -> Vec<Output> {
    ui.heading(format!("{year} 年度 项目支出预算表"));
    Vec::new()
}

pub fn project_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    _d: &Derived,
    _s: &mut UiState,
    index: usize,
) -> Vec<Output> {
    if let Some(p) = ws.projects.get(index) {
        ui.heading(&p.name);
    }
    Vec::new()
}
