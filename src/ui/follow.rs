//! Keeps the UI state on the same things after every change (an edit, an undo, a redo): the
//! view, the score panel's evaluation, the selected indicator rows and the project/evaluation
//! grid keys name projects and evaluations by id, so only what no longer exists is dropped (a
//! page of a deleted item becomes 部门概况). The folds of 功能分类 rows, which have no ids and
//! are kept by row position, follow the rows an edit inserted or removed above them.

use super::state::UiState;
use super::view::View;
use crate::doc::{Edit, TableRef};
use crate::model::Workspace;

/// The ids of the projects and evaluations, in workspace order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids {
    projects: Vec<String>,
    evaluations: Vec<String>,
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

/// Drops from `state` what names a project or evaluation that `ws` no longer has (the page of
/// a deleted item becomes 部门概况). Views, the score panel's evaluation, the selected
/// indicator rows and the grid keys are keyed by ids, so what still exists needs no change.
pub fn follow(state: &mut UiState, before: &Ids, ws: &Workspace) {
    let after = Ids::of(ws);
    if after == *before {
        return;
    }
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

/// Rows a change removed and inserted at one place of one table, in the order applied.
struct Shift<'a> {
    table: &'a TableRef,
    at: usize,
    removed: usize,
    inserted: usize,
}

/// The shifts of the change whose inverse is `inverse` (a splice's inverse puts back what it
/// removed; a batch's inverse lists the inverses last step first).
fn shifts<'a>(inverse: &'a Edit, out: &mut Vec<Shift<'a>>) {
    match inverse {
        Edit::Splice {
            table,
            at,
            remove,
            insert,
        } => out.push(Shift {
            table,
            at: *at,
            removed: insert.len(),
            inserted: *remove,
        }),
        Edit::Batch(edits) => {
            for e in edits.iter().rev() {
                shifts(e, out);
            }
        }
        _ => {}
    }
}

/// A position after a shift: the same row further up or down, or `None` when the row itself
/// was removed (a one-for-one replacement keeps it).
fn moved(i: usize, s: &Shift<'_>) -> Option<usize> {
    if i < s.at || s.removed == s.inserted {
        Some(i)
    } else if i < s.at + s.removed {
        None
    } else {
        Some(i + s.inserted - s.removed)
    }
}

/// Moves the folds of 功能分类 rows and tables with the rows and tables a change inserted or
/// removed; `inverse` is the change's inverse (`Document::undo_edit` after an edit or a redo,
/// `Document::redo_edit` after an undo).
pub fn follow_rows(state: &mut UiState, inverse: &Edit) {
    let mut all = Vec::new();
    shifts(inverse, &mut all);
    for s in &all {
        match s.table {
            TableRef::Functional { year, table } => {
                if let Some(rows) = state.collapsed.get_mut(&(*year, *table)) {
                    *rows = rows.iter().filter_map(|r| moved(*r, s)).collect();
                }
            }
            TableRef::FunctionalTables { year } => {
                state.collapsed = std::mem::take(&mut state.collapsed)
                    .into_iter()
                    .filter_map(|((y, t), rows)| {
                        if y == *year {
                            Some(((y, moved(t, s)?), rows))
                        } else {
                            Some(((y, t), rows))
                        }
                    })
                    .collect();
            }
            _ => {}
        }
    }
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

    #[test]
    fn folds_move_with_the_rows_inserted_or_removed_above_them() {
        let table = TableRef::Functional {
            year: 2024,
            table: 0,
        };
        let mut state = UiState::default();
        state
            .collapsed
            .insert((2024, 0), [1, 5, 9].into_iter().collect());
        // Two rows inserted at 3: the inverse removes them.
        let inverse = Edit::Splice {
            table: table.clone(),
            at: 3,
            remove: 2,
            insert: vec![],
        };
        follow_rows(&mut state, &inverse);
        assert_eq!(
            state.collapsed[&(2024, 0)],
            [1, 7, 11].into_iter().collect()
        );
        // Row 7 deleted (one row): the inverse puts one back at 7.
        let inverse = Edit::Splice {
            table,
            at: 7,
            remove: 0,
            insert: vec![crate::doc::Row::Text(String::new())],
        };
        follow_rows(&mut state, &inverse);
        assert_eq!(state.collapsed[&(2024, 0)], [1, 10].into_iter().collect());
    }
}
