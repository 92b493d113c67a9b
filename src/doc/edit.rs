//! Edit commands: every change to the document is one `Edit`, applied in one place, which
//! returns its inverse so undo/redo, the dirty flag and autosave cannot miss a change.
//! No egui here: the commands are plain data and tested without a window.

use crate::model::{
    BudgetBook, CostItem, Department, DepartmentTotals, Disbursement, EconomicLine, Evaluation,
    FunctionalLine, Indicator, Meta, NamedAmount, PerformanceTarget, Project, UnitIncome,
    Workspace,
};

/// A list of rows in the document that grids edit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TableRef {
    /// A 功能分类 table of the book of `year`.
    Functional {
        year: i32,
        table: usize,
    },
    /// An 经济分类 table.
    Economic {
        year: i32,
        table: usize,
    },
    /// 收支总表 income lines.
    Income {
        year: i32,
    },
    /// 收支总表 expenditure lines.
    Expenditure {
        year: i32,
    },
    /// 部门收入总体情况表 by unit.
    UnitIncome {
        year: i32,
    },
    /// All projects (views filter by year; indices are into `Workspace::projects`).
    Projects,
    CostItems {
        project: usize,
    },
    Disbursements {
        project: usize,
    },
    Targets {
        project: usize,
    },
    Indicators {
        evaluation: usize,
    },
    /// 存在问题.
    Findings {
        evaluation: usize,
    },
    /// 相关建议.
    Recommendations {
        evaluation: usize,
    },
    /// 年度重点工作任务.
    KeyTasks,
    Evaluations,
    Books,
}

/// One row of any table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Functional(FunctionalLine),
    Economic(EconomicLine),
    Named(NamedAmount),
    UnitIncome(UnitIncome),
    Project(Box<Project>),
    CostItem(CostItem),
    Disbursement(Disbursement),
    Target(PerformanceTarget),
    Indicator(Indicator),
    Text(String),
    Evaluation(Box<Evaluation>),
    Book(Box<BudgetBook>),
}

/// A change to the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Replace `remove` rows at `at` with `insert`: covers setting a cell (1 for 1), inserting,
    /// deleting, pasting and moving rows.
    Splice {
        table: TableRef,
        at: usize,
        remove: usize,
        insert: Vec<Row>,
    },
    Meta(Meta),
    Department(Department),
    /// 部门预算总额与调整、执行 of one book.
    Totals {
        year: i32,
        totals: Box<DepartmentTotals>,
    },
    /// Several edits as one undo step (a paste, an import).
    Batch(Vec<Edit>),
}

impl Edit {
    /// Replaces one row.
    pub fn set_row(table: TableRef, index: usize, row: Row) -> Edit {
        Edit::Splice {
            table,
            at: index,
            remove: 1,
            insert: vec![row],
        }
    }
}

/// Why an edit could not be applied (the document is unchanged).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct EditError(pub String);

fn err<T>(msg: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(msg.into()))
}

/// Splices a typed vector, checking every row has the right type before changing anything.
fn splice_vec<T: Clone>(
    v: &mut Vec<T>,
    at: usize,
    remove: usize,
    insert: Vec<Row>,
    unwrap: impl Fn(Row) -> Option<T>,
    wrap: impl Fn(T) -> Row,
) -> Result<Vec<Row>, EditError> {
    if at > v.len() || remove > v.len() - at {
        return err(format!(
            "行号超出范围（第 {} 行起 {} 行，共 {} 行）",
            at + 1,
            remove,
            v.len()
        ));
    }
    let mut typed = Vec::with_capacity(insert.len());
    for r in insert {
        match unwrap(r) {
            Some(t) => typed.push(t),
            None => return err("行的类型与表格不符"),
        }
    }
    let removed: Vec<Row> = v.splice(at..at + remove, typed).map(wrap).collect();
    Ok(removed)
}

fn book_mut(ws: &mut Workspace, year: i32) -> Result<&mut BudgetBook, EditError> {
    match ws.budgets.iter_mut().find(|b| b.year == year) {
        Some(b) => Ok(b),
        None => err(format!("没有 {year} 年度的预算表")),
    }
}

fn project_mut(ws: &mut Workspace, i: usize) -> Result<&mut Project, EditError> {
    match ws.projects.get_mut(i) {
        Some(p) => Ok(p),
        None => err("项目不存在"),
    }
}

fn evaluation_mut(ws: &mut Workspace, i: usize) -> Result<&mut Evaluation, EditError> {
    match ws.evaluations.get_mut(i) {
        Some(e) => Ok(e),
        None => err("评价不存在"),
    }
}

macro_rules! typed_splice {
    ($vec:expr, $at:expr, $remove:expr, $insert:expr, $variant:ident) => {
        splice_vec(
            $vec,
            $at,
            $remove,
            $insert,
            |r| {
                if let Row::$variant(x) = r {
                    Some(x)
                } else {
                    None
                }
            },
            Row::$variant,
        )
    };
}

fn splice(
    ws: &mut Workspace,
    table: &TableRef,
    at: usize,
    remove: usize,
    insert: Vec<Row>,
) -> Result<Vec<Row>, EditError> {
    match table {
        TableRef::Functional { year, table } => {
            let b = book_mut(ws, *year)?;
            let Some(t) = b.functional.get_mut(*table) else {
                return err("功能分类表不存在");
            };
            typed_splice!(&mut t.lines, at, remove, insert, Functional)
        }
        TableRef::Economic { year, table } => {
            let b = book_mut(ws, *year)?;
            let Some(t) = b.economic.get_mut(*table) else {
                return err("经济分类表不存在");
            };
            typed_splice!(&mut t.lines, at, remove, insert, Economic)
        }
        TableRef::Income { year } => typed_splice!(
            &mut book_mut(ws, *year)?.summary.income,
            at,
            remove,
            insert,
            Named
        ),
        TableRef::Expenditure { year } => {
            typed_splice!(
                &mut book_mut(ws, *year)?.summary.expenditure,
                at,
                remove,
                insert,
                Named
            )
        }
        TableRef::UnitIncome { year } => typed_splice!(
            &mut book_mut(ws, *year)?.unit_income,
            at,
            remove,
            insert,
            UnitIncome
        ),
        TableRef::Projects => splice_vec(
            &mut ws.projects,
            at,
            remove,
            insert,
            |r| {
                if let Row::Project(p) = r {
                    Some(*p)
                } else {
                    None
                }
            },
            |p| Row::Project(Box::new(p)),
        ),
        TableRef::CostItems { project } => typed_splice!(
            &mut project_mut(ws, *project)?.cost_items,
            at,
            remove,
            insert,
            CostItem
        ),
        TableRef::Disbursements { project } => {
            typed_splice!(
                &mut project_mut(ws, *project)?.disbursements,
                at,
                remove,
                insert,
                Disbursement
            )
        }
        TableRef::Targets { project } => typed_splice!(
            &mut project_mut(ws, *project)?.targets,
            at,
            remove,
            insert,
            Target
        ),
        TableRef::Indicators { evaluation } => {
            typed_splice!(
                &mut evaluation_mut(ws, *evaluation)?.indicators,
                at,
                remove,
                insert,
                Indicator
            )
        }
        TableRef::Findings { evaluation } => typed_splice!(
            &mut evaluation_mut(ws, *evaluation)?.findings,
            at,
            remove,
            insert,
            Text
        ),
        TableRef::Recommendations { evaluation } => {
            typed_splice!(
                &mut evaluation_mut(ws, *evaluation)?.recommendations,
                at,
                remove,
                insert,
                Text
            )
        }
        TableRef::KeyTasks => typed_splice!(&mut ws.department.key_tasks, at, remove, insert, Text),
        TableRef::Evaluations => splice_vec(
            &mut ws.evaluations,
            at,
            remove,
            insert,
            |r| {
                if let Row::Evaluation(e) = r {
                    Some(*e)
                } else {
                    None
                }
            },
            |e| Row::Evaluation(Box::new(e)),
        ),
        TableRef::Books => splice_vec(
            &mut ws.budgets,
            at,
            remove,
            insert,
            |r| if let Row::Book(b) = r { Some(*b) } else { None },
            |b| Row::Book(Box::new(b)),
        ),
    }
}

/// Applies an edit and returns its inverse. On error the document is unchanged (a failing
/// step of a batch undoes the steps before it).
pub fn apply(ws: &mut Workspace, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Splice {
            table,
            at,
            remove,
            insert,
        } => {
            let inserted = insert.len();
            let removed = splice(ws, &table, at, remove, insert)?;
            Ok(Edit::Splice {
                table,
                at,
                remove: inserted,
                insert: removed,
            })
        }
        Edit::Meta(m) => Ok(Edit::Meta(std::mem::replace(&mut ws.meta, m))),
        Edit::Department(d) => Ok(Edit::Department(std::mem::replace(&mut ws.department, d))),
        Edit::Totals { year, totals } => {
            let b = book_mut(ws, year)?;
            let old = std::mem::replace(&mut b.totals, *totals);
            Ok(Edit::Totals {
                year,
                totals: Box::new(old),
            })
        }
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply(ws, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(e) => {
                        for inv in inverses.into_iter().rev() {
                            let _ = apply(ws, inv);
                        }
                        return Err(e);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
    }
}

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
    pub fn new(ws: Workspace) -> Document {
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

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        // An inverse that no longer applies means the history is inconsistent: drop it
        // rather than corrupt the document.
        let Ok(inverse) = apply(&mut self.ws, step.edit) else {
            self.undo.clear();
            return false;
        };
        self.redo.push(Step {
            edit: inverse,
            label: step.label,
            state: self.state,
        });
        self.state = step.state;
        self.revision += 1;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let Ok(inverse) = apply(&mut self.ws, step.edit) else {
            self.redo.clear();
            return false;
        };
        self.undo.push(Step {
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
    use crate::model::Amount;
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
