//! 检查结果 page: every consistency finding; a click jumps to its place.

use crate::model::Workspace;
use crate::ui::app::UiState;
use crate::ui::derived::Derived;
use crate::ui::view::Output;

pub fn checks_ui(
    ui: &mut egui::Ui,
    _ws: &Workspace,
    derived: &Derived,
    _s: &mut UiState,
) -> Vec<Output> {
    ui.heading(format!("检查结果（{}）", derived.findings.len()));
    Vec::new()
}
