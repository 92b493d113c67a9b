//! The open document: the workspace with its undo/redo history, revision and dirty state.
//! Every change goes through [`Document::apply`], which applies an [`Edit`] and keeps its inverse.

use crate::model::Workspace;

use super::edit::{Edit, EditError, apply};

/// One undo step.
#[derive(Clone, Debug)]
struct Step {
    /// What undoing/redoing it does.
    edit: Edit,
    /// Shown in the menu ("撤销：粘贴").
    label: String,
    /// The state id this step leads back to.
    state: u64,
}

/// The open document: the workspace, where it lives, its revision and undo history.
#[derive(Debug)]
pub struct Document {
    pub ws: Workspace,
    /// Bumped on every change (edits, undo, redo): derived data is keyed by it.
    pub revision: u64,
    /// Identifies the document's content; undo returns to an earlier id, so undoing back to
    /// the saved state makes the document clean again.
    state: u64,
    next_state: u64,
    saved_state: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// Undo steps kept (the oldest are dropped beyond it).
pub const UNDO_LIMIT: usize = 200;

impl Document {
    /// The document of `ws`; rows that share an id (clones) get ids of their own.
    pub fn new(mut ws: Workspace) -> Document {
        ws.make_row_ids_unique();
        Document {
            ws,
            revision: 0,
            state: 0,
            next_state: 1,
            saved_state: 0,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// A document with unsaved content (e.g. the sample opened as a copy, or a recovery).
    pub fn new_unsaved(ws: Workspace) -> Document {
        let mut d = Document::new(ws);
        d.saved_state = u64::MAX;
        d
    }

    /// Applies an edit as one undo step.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) -> Result<(), EditError> {
        let inverse = apply(&mut self.ws, edit)?;
        self.undo.push(Step {
            edit: inverse,
            label: label.into(),
            state: self.state,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.state = self.next_state;
        self.next_state += 1;
        self.revision += 1;
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The label of the step Ctrl+Z would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// What Ctrl+Z would apply: the inverse of the last `apply` or `redo` (so it says, reversed,
    /// which rows that change moved).
    pub fn undo_edit(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// What Ctrl+Y would apply: the inverse of the last `undo`.
    pub fn redo_edit(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.replay(true)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.replay(false)
    }

    /// Applies the top step of the undo (or redo) stack and pushes its inverse on the other.
    /// An inverse that no longer applies means the history is inconsistent: that stack is
    /// dropped rather than the document corrupted.
    fn replay(&mut self, undoing: bool) -> bool {
        let (from, to) = if undoing {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        let Ok(inverse) = apply(&mut self.ws, step.edit) else {
            from.clear();
            return false;
        };
        to.push(Step {
            edit: inverse,
            label: step.label,
            state: self.state,
        });
        self.state = step.state;
        self.revision += 1;
        true
    }

    /// True when the content differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.state != self.saved_state
    }

    /// Marks the current content as saved (the content of `state` at the time of saving).
    pub fn mark_saved(&mut self, state: u64) {
        self.saved_state = state;
    }

    /// The id of the current content, to pass back to `mark_saved` once a save finishes.
    pub fn state(&self) -> u64 {
        self.state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Row, TableRef};
    use crate::model::Amount;
    use crate::model::{BudgetBook, FunctionalLine};
    use rust_decimal_macros::dec;

    fn ws() -> Workspace {
        let mut ws = Workspace::default();
        ws.budgets.push(BudgetBook {
            year: 2024,
            functional: vec![crate::model::FunctionalTable {
                name: "t".into(),
                lines: vec![FunctionalLine {
                    code: "208".into(),
                    ..FunctionalLine::default()
                }],
                ..Default::default()
            }],
            ..BudgetBook::default()
        });
        ws
    }

    #[test]
    fn rows_keep_their_ids_through_edits_deletes_and_undo_and_copies_get_new_ones() {
        use crate::model::HasRowId;
        let mut d = Document::new(ws());
        let table = TableRef::Functional {
            year: 2024,
            table: 0,
        };
        let lines = |d: &Document| d.ws.budgets[0].functional[0].lines.clone();
        let first = lines(&d)[0].row_id();
        // A cell edit copies the row and puts it back: the same row.
        let mut line = lines(&d)[0].clone();
        line.total = Amount::Value(dec!(1));
        d.apply(
            Edit::set_row(table.clone(), 0, Row::Functional(line)),
            "编辑",
        )
        .unwrap();
        assert_eq!(lines(&d)[0].row_id(), first);
        // A copy of it pasted above is another row.
        let copy = lines(&d)[0].clone();
        d.apply(
            Edit::Splice {
                table: table.clone(),
                at: 0,
                remove: 0,
                insert: vec![Row::Functional(copy)],
            },
            "粘贴",
        )
        .unwrap();
        let pasted = lines(&d)[0].row_id();
        assert_ne!(pasted, first);
        assert_eq!(lines(&d)[1].row_id(), first);
        // Deleted and undone: back with its id; redone and undone again: the same.
        d.apply(
            Edit::Splice {
                table,
                at: 1,
                remove: 1,
                insert: vec![],
            },
            "删除",
        )
        .unwrap();
        assert_eq!(lines(&d).len(), 1);
        assert!(d.undo());
        assert_eq!(
            lines(&d).iter().map(HasRowId::row_id).collect::<Vec<_>>(),
            [pasted, first]
        );
        assert!(d.redo());
        assert!(d.undo());
        assert_eq!(lines(&d)[1].row_id(), first);
    }

    #[test]
    fn set_cell_then_undo_restores_and_cleans() {
        let mut d = Document::new(ws());
        let table = TableRef::Functional {
            year: 2024,
            table: 0,
        };
        let mut line = d.ws.budgets[0].functional[0].lines[0].clone();
        line.total = Amount::Value(dec!(12.5));
        d.apply(
            Edit::set_row(table.clone(), 0, Row::Functional(line)),
            "编辑",
        )
        .unwrap();
        assert!(d.is_dirty());
        assert_eq!(
            d.ws.budgets[0].functional[0].lines[0].total,
            Amount::Value(dec!(12.5))
        );
        assert!(d.undo());
        assert_eq!(d.ws.budgets[0].functional[0].lines[0].total, Amount::Blank);
        assert!(!d.is_dirty(), "undo back to the saved content is clean");
        assert!(d.redo());
        assert_eq!(
            d.ws.budgets[0].functional[0].lines[0].total,
            Amount::Value(dec!(12.5))
        );
        assert!(d.is_dirty());
    }

    #[test]
    fn a_wrong_row_type_changes_nothing() {
        let mut d = Document::new(ws());
        let before = d.ws.clone();
        let r = d.apply(
            Edit::Splice {
                table: TableRef::Functional {
                    year: 2024,
                    table: 0,
                },
                at: 0,
                remove: 1,
                insert: vec![Row::Text("x".into())],
            },
            "x",
        );
        assert!(r.is_err());
        assert_eq!(d.ws, before);
        assert!(!d.can_undo());
    }

    #[test]
    fn a_failing_batch_rolls_back() {
        let mut d = Document::new(ws());
        let before = d.ws.clone();
        let table = TableRef::Functional {
            year: 2024,
            table: 0,
        };
        let edits = vec![
            Edit::Splice {
                table: table.clone(),
                at: 1,
                remove: 0,
                insert: vec![Row::Functional(FunctionalLine::default())],
            },
            Edit::Splice {
                table,
                at: 99,
                remove: 1,
                insert: vec![],
            },
        ];
        assert!(d.apply(Edit::Batch(edits), "粘贴").is_err());
        assert_eq!(d.ws, before);
    }

    #[test]
    fn insert_and_delete_rows_undo_as_one_step_each() {
        let mut d = Document::new(ws());
        let table = TableRef::KeyTasks;
        d.apply(
            Edit::Splice {
                table: table.clone(),
                at: 0,
                remove: 0,
                insert: vec![Row::Text("a".into()), Row::Text("b".into())],
            },
            "插入",
        )
        .unwrap();
        d.apply(
            Edit::Splice {
                table,
                at: 0,
                remove: 1,
                insert: vec![],
            },
            "删除",
        )
        .unwrap();
        assert_eq!(d.ws.department.key_tasks, ["b"]);
        d.undo();
        assert_eq!(d.ws.department.key_tasks, ["a", "b"]);
        d.undo();
        assert!(d.ws.department.key_tasks.is_empty());
    }
}
