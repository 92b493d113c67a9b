//! Keeps the UI state on the same projects and evaluations when a change moves them: the view,
//! the score panel's evaluation, the selected indicator rows and the grid states are keyed by
//! list positions, so after every change (an edit, an undo, a redo) they are re-pointed by
//! the model's ids; what no longer exists is dropped (a page of a deleted item becomes
//! 部门概况), so nothing points at the wrong row. The folds of 功能分类 rows (kept by row
//! position) follow the rows an edit inserted or removed above them.

use std::collections::HashMap;

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
}

/// Old position → new position of the same id (`None`: gone).
fn moves(before: &[String], after: &[String]) -> Vec<Option<usize>> {
    before
        .iter()
        .map(|id| after.iter().position(|a| a == id))
        .collect()
}

/// `"project/3/costs"` with project 3 now at 2 → `"project/2/costs"`; `None` when project 3 is
/// gone. Keys of other pages are kept as they are.
fn rekey(key: &str, projects: &[Option<usize>], evaluations: &[Option<usize>]) -> Option<String> {
    for (prefix, map) in [("project/", projects), ("evaluation/", evaluations)] {
        if let Some(rest) = key.strip_prefix(prefix) {
            let (index, tail) = rest.split_once('/').unwrap_or((rest, ""));
            let Ok(i) = index.parse::<usize>() else {
                return Some(key.to_owned());
            };
            let new = (*map.get(i)?)?;
            return Some(format!("{prefix}{new}/{tail}"));
        }
    }
    Some(key.to_owned())
}

/// Re-points `state` from the positions of `before` to those of the same ids in `ws`.
pub fn follow(state: &mut UiState, before: &Ids, ws: &Workspace) {
    let after = Ids::of(ws);
    if after == *before {
        return;
    }
    let projects = moves(&before.projects, &after.projects);
    let evaluations = moves(&before.evaluations, &after.evaluations);
    let map = |m: &[Option<usize>], i: usize| m.get(i).copied().flatten();
    state.view = match state.view {
        View::Project(i) => map(&projects, i).map_or(View::Department, View::Project),
        View::Evaluation(i) => map(&evaluations, i).map_or(View::Department, View::Evaluation),
        ref v => v.clone(),
    };
    state.last_evaluation = state.last_evaluation.and_then(|i| map(&evaluations, i));
    state.selected_indicator = std::mem::take(&mut state.selected_indicator)
        .into_iter()
        .filter_map(|(e, row)| Some((map(&evaluations, e)?, row)))
        .collect();
    state.grids = std::mem::take(&mut state.grids)
        .into_iter()
        .filter_map(|(k, g)| Some((rekey(&k, &projects, &evaluations)?, g)))
        .collect::<HashMap<_, _>>();
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
    fn a_deleted_item_is_gone_and_the_ones_after_it_move_up() {
        assert_eq!(
            moves(&ids(&["a", "b", "c"]), &ids(&["a", "c"])),
            [Some(0), None, Some(1)]
        );
        let p = [Some(0), None, Some(1)];
        assert_eq!(
            rekey("project/2/costs", &p, &[]),
            Some("project/1/costs".into())
        );
        assert_eq!(rekey("project/1/costs", &p, &[]), None);
        assert_eq!(
            rekey("summary/2024/unit-income", &p, &[]),
            Some("summary/2024/unit-income".into())
        );
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
