//! Keeps the UI state on the same things after every change (an edit, an undo, a redo): the
//! view, the score panel's evaluation, the selected indicator rows and the project/evaluation
//! grid keys name projects and evaluations by id, so only what no longer exists is dropped (a
//! page of a deleted item becomes 部门概况). Rows have ids too (`model::row_id`): the folds of
//! 功能分类 rows and the selected indicator rows are kept by row id, and the cursor of a grid
//! whose rows have ids moves with the row it was on when rows are inserted or removed above it.

use std::collections::HashSet;

use super::locate::visible_rows;
use super::state::UiState;
use super::view::View;
use crate::model::{HasRowId, RowId, Workspace};

/// The ids of the projects and evaluations, in workspace order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids {
    projects: Vec<String>,
    evaluations: Vec<String>,
}

/// What names a grid row: its row id, or the id of the project it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RowKey {
    Row(RowId),
    Project(String),
}

/// What the UI points at before a change: the projects and evaluations, and the row under
/// the cursor of every grid whose rows have ids (an indicator sheet's selected row).
#[derive(Clone, Debug)]
pub struct Before {
    ids: Ids,
    cursors: Vec<(String, RowKey)>,
}

impl Before {
    pub fn of(state: &UiState, ws: &Workspace) -> Before {
        let cursors = state
            .grids
            .iter()
            .filter_map(|(key, g)| {
                // An indicator sheet follows its selected row (the side editor's), also while
                // that row is deleted, so undoing the delete selects it again.
                let selected = key
                    .strip_prefix("evaluation/")
                    .and_then(|rest| rest.strip_suffix("/indicators"))
                    .and_then(|ev| state.selected_indicator.get(ev));
                if let Some(id) = selected {
                    return Some((key.clone(), RowKey::Row(*id)));
                }
                let rows = grid_rows(state, ws, key)?;
                Some((key.clone(), rows.get(g.cursor.0)?.clone()))
            })
            .collect();
        Before {
            ids: Ids::of(ws),
            cursors,
        }
    }
}

impl Ids {
    pub fn of(ws: &Workspace) -> Ids {
        Ids {
            projects: ws.projects.iter().map(|p| p.id.clone()).collect(),
            evaluations: ws.evaluations.iter().map(|e| e.id.clone()).collect(),
        }
    }

    fn has_project(&self, id: &str) -> bool {
        self.projects.iter().any(|p| p == id)
    }

    fn has_evaluation(&self, id: &str) -> bool {
        self.evaluations.iter().any(|e| e == id)
    }
}

/// Whether a grid key still names something that exists: `"project/{id}/{grid}"` and
/// `"evaluation/{id}/{grid}"` only while that project or evaluation does (the grid's name has
/// no `/`, an id may); keys of other pages always.
fn key_holds(key: &str, ids: &Ids) -> bool {
    if let Some(rest) = key.strip_prefix("project/") {
        return ids.has_project(rest.rsplit_once('/').map_or(rest, |(id, _)| id));
    }
    if let Some(rest) = key.strip_prefix("evaluation/") {
        return ids.has_evaluation(rest.rsplit_once('/').map_or(rest, |(id, _)| id));
    }
    true
}

/// The ids of the rows of the grid `key`, in the order the grid shows them (a 功能分类 grid
/// shows the rows its folds leave, a 项目支出预算表 the projects of its year); `None` for
/// grids whose rows have no ids.
fn grid_rows(state: &UiState, ws: &Workspace, key: &str) -> Option<Vec<RowKey>> {
    fn ids<T: HasRowId>(rows: &[T]) -> Vec<RowKey> {
        rows.iter().map(|r| RowKey::Row(r.row_id())).collect()
    }
    let parts: Vec<&str> = key.split('/').collect();
    match parts.as_slice() {
        ["functional", year, table] => {
            let (year, table): (i32, usize) = (year.parse().ok()?, table.parse().ok()?);
            let lines = &ws.budget(year)?.functional.get(table)?.lines;
            Some(match state.collapsed.get(&(year, table)) {
                Some(folded) if !folded.is_empty() => visible_rows(lines, folded)
                    .into_iter()
                    .filter_map(|i| lines.get(i).map(|l| RowKey::Row(l.row_id())))
                    .collect(),
                _ => ids(lines),
            })
        }
        ["economic", year, table] => Some(ids(&ws
            .budget(year.parse().ok()?)?
            .economic
            .get(table.parse::<usize>().ok()?)?
            .lines)),
        ["summary", year, "unit-income"] => Some(ids(&ws.budget(year.parse().ok()?)?.unit_income)),
        ["summary", year, "income"] => Some(ids(&ws.budget(year.parse().ok()?)?.summary.income)),
        ["summary", year, "expenditure"] => {
            Some(ids(&ws.budget(year.parse().ok()?)?.summary.expenditure))
        }
        ["projects", year] => {
            let year: i32 = year.parse().ok()?;
            Some(
                ws.projects
                    .iter()
                    .filter(|p| p.year == year)
                    .map(|p| RowKey::Project(p.id.clone()))
                    .collect(),
            )
        }
        _ => {
            // "project/{id}/{grid}" and "evaluation/{id}/{grid}": the id may hold '/'.
            let (page, rest) = key.split_once('/')?;
            let (id, grid) = rest.rsplit_once('/')?;
            match (page, grid) {
                ("project", "disbursements") => Some(ids(&ws.project(id)?.disbursements)),
                ("project", "costs") => Some(ids(&ws.project(id)?.cost_items)),
                ("project", "targets") => Some(ids(&ws.project(id)?.targets)),
                ("evaluation", "indicators") => Some(ids(&ws.evaluation(id)?.indicators)),
                _ => None,
            }
        }
    }
}

/// Drops from `state` what names a project or evaluation that `ws` no longer has (the page of
/// a deleted item becomes 部门概况), and moves each grid's cursor to where its row now is.
/// Views, the score panel's evaluation, the selected indicator rows, the folds and the grid
/// keys are keyed by ids, so what still exists needs no change.
pub fn follow(state: &mut UiState, before: &Before, ws: &Workspace) {
    let after = Ids::of(ws);
    if after != before.ids {
        let gone = match &state.view {
            View::Project(id) => !after.has_project(id),
            View::Evaluation(id) => !after.has_evaluation(id),
            _ => false,
        };
        if gone {
            state.view = View::Department;
        }
        state.last_evaluation = state
            .last_evaluation
            .take()
            .filter(|id| after.has_evaluation(id));
        state
            .selected_indicator
            .retain(|id, _| after.has_evaluation(id));
        state.grids.retain(|k, _| key_holds(k, &after));
    }
    refold(state, ws);
    for (key, id) in &before.cursors {
        let Some(now) =
            grid_rows(state, ws, key).and_then(|rows| rows.iter().position(|r| r == id))
        else {
            continue;
        };
        if let Some(g) = state.grids.get_mut(key)
            && g.cursor.0 != now
        {
            let was = g.cursor.0;
            g.anchor.0 = (g.anchor.0 + now).saturating_sub(was);
            g.cursor.0 = now;
        }
    }
}

/// Moves the folds of a 功能分类 table that moved (a table inserted or removed before it)
/// to its new place: folds are row ids, found in whichever table of the year now holds them.
fn refold(state: &mut UiState, ws: &Workspace) {
    let moved: Vec<((i32, usize), usize)> = state
        .collapsed
        .iter()
        .filter_map(|(&(year, table), folded)| {
            let first = folded.iter().next()?;
            let tables = &ws.budget(year)?.functional;
            let holds =
                |t: &crate::model::FunctionalTable| t.lines.iter().any(|l| l.row_id() == *first);
            if tables.get(table).is_some_and(holds) {
                return None;
            }
            Some(((year, table), tables.iter().position(holds)?))
        })
        .collect();
    let taken: Vec<((i32, usize), HashSet<RowId>)> = moved
        .iter()
        .filter_map(|((year, from), to)| {
            state
                .collapsed
                .remove(&(*year, *from))
                .map(|f| ((*year, *to), f))
        })
        .collect();
    state.collapsed.extend(taken);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_grid_key_holds_while_its_project_or_evaluation_exists() {
        let known = Ids {
            projects: ids(&["a", "c"]),
            evaluations: ids(&["e"]),
        };
        assert!(key_holds("project/c/costs", &known));
        assert!(!key_holds("project/b/costs", &known));
        assert!(key_holds("evaluation/e/存在问题", &known));
        assert!(!key_holds("evaluation/a/indicators", &known));
        assert!(key_holds("summary/2024/unit-income", &known));
        let slashed = Ids {
            projects: ids(&["2021/a"]),
            evaluations: vec![],
        };
        assert!(key_holds("project/2021/a/costs", &slashed));
        assert!(!key_holds("project/2021/costs", &slashed));
    }
}
