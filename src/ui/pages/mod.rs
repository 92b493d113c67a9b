//! The pages of the central area, one module each, drawn from the document and the derived
//! data; they return `Output`s and never change the document themselves.

pub mod budget;
pub mod checks;
pub mod department;
pub mod evaluation;
pub mod lists;
pub mod monitoring;
pub mod progress;
pub mod projects;

use super::derived::Derived;
use super::state::UiState;
use super::view::{Output, View};
use crate::model::Workspace;

/// The key of a page's main grid in `UiState::grids` (navigation selects cells in it).
pub fn grid_key_for(view: &View) -> String {
    match view {
        View::Department => "department/tasks".to_owned(),
        View::Summary { year } => format!("summary/{year}/income"),
        View::Functional { year, table } => format!("functional/{year}/{table}"),
        View::Economic { year, table } => format!("economic/{year}/{table}"),
        View::ThreePublic { year } => format!("three-public/{year}"),
        View::Projects { year } => format!("projects/{year}"),
        View::Project(id) => format!("project/{id}/disbursements"),
        View::Evaluation(id) => format!("evaluation/{id}/indicators"),
        View::Checks => "checks".to_owned(),
        View::Progress { year } => format!("progress/{year}"),
        View::Monitoring { year } => format!("monitoring/{year}"),
        View::Review => "review".to_owned(),
    }
}

/// The page of a project or evaluation that no longer exists (what its page says when its
/// index is out of range).
fn gone_ui(ui: &mut egui::Ui, text: &str) -> Vec<Output> {
    ui.label(text);
    Vec::new()
}

/// Draws the current page.
pub fn page_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    derived: &Derived,
    state: &mut UiState,
) -> Vec<Output> {
    match state.view.clone() {
        View::Department => department::department_ui(ui, ws, state),
        View::Summary { year } => budget::summary_ui(ui, ws, derived, state, year),
        View::Functional { year, table } => {
            budget::functional_ui(ui, ws, derived, state, year, table)
        }
        View::Economic { year, table } => budget::economic_ui(ui, ws, derived, state, year, table),
        View::ThreePublic { year } => budget::three_public_ui(ui, ws, derived, state, year),
        View::Projects { year } => projects::projects_table_ui(ui, ws, derived, state, year),
        View::Project(id) => match ws.projects.iter().position(|p| p.id == id) {
            Some(i) => projects::project_ui(ui, ws, derived, state, i),
            None => gone_ui(ui, "项目不存在"),
        },
        View::Evaluation(id) => match ws.evaluations.iter().position(|e| e.id == id) {
            Some(i) => evaluation::evaluation_ui(ui, ws, derived, state, i),
            None => gone_ui(ui, "评价不存在"),
        },
        View::Checks => checks::checks_ui(ui, ws, derived, state),
        View::Progress { year } => progress::department_progress_ui(ui, ws, derived, state, year),
        View::Monitoring { year } => monitoring::monitoring_ui(ui, ws, derived, state, year),
        View::Review => crate::ui::review::review_ui(ui, ws, &mut state.review),
    }
}
