//! Edit commands: every change to the document is one `Edit`, applied in one place
//! ([`apply`]), which returns its inverse so undo/redo, the dirty flag and autosave cannot miss
//! a change. No egui here: the commands are plain data and tested without a window.
//! Rows travel with their row ids (`model::row_id`): the inverse of a delete carries the rows
//! themselves, so an undo puts them back with their ids; an inserted row whose id another row
//! of its table already has (a copy) gets a fresh one.

use crate::model::row_id;
use crate::model::{
    BudgetBook, CostItem, Department, DepartmentTotals, Disbursement, EconomicLine, EconomicTable,
    Evaluation, FunctionalLine, FunctionalTable, Indicator, Meta, NamedAmount, PerformanceTarget,
    Project, ThreePublic, UnitIncome, Workspace,
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
    /// The 功能分类 tables of the book of `year` (adding or replacing a whole table).
    FunctionalTables {
        year: i32,
    },
    /// The 经济分类 tables of the book of `year`.
    EconomicTables {
        year: i32,
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
    FunctionalTable(Box<FunctionalTable>),
    EconomicTable(Box<EconomicTable>),
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
    /// 三公经费 of one book.
    ThreePublic {
        year: i32,
        three: Box<ThreePublic>,
    },
    /// The decimal places one book's tables were published with.
    PublishedDecimals {
        year: i32,
        decimals: Option<u32>,
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
pub enum EditError {
    /// The rows to replace lie outside the table.
    #[error("行号超出范围（第 {} 行起 {remove} 行，共 {len} 行）", at + 1)]
    OutOfRange {
        at: usize,
        remove: usize,
        len: usize,
    },
    /// A row of another table's type.
    #[error("行的类型与表格不符")]
    WrongRowType,
    /// No budget book of that year.
    #[error("没有 {year} 年度的预算表")]
    NoBook { year: i32 },
    /// The table, project or evaluation the edit names does not exist.
    #[error("{0}不存在")]
    Missing(&'static str),
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
        return Err(EditError::OutOfRange {
            at,
            remove,
            len: v.len(),
        });
    }
    let mut typed = Vec::with_capacity(insert.len());
    for r in insert {
        match unwrap(r) {
            Some(t) => typed.push(t),
            None => return Err(EditError::WrongRowType),
        }
    }
    let removed: Vec<Row> = v.splice(at..at + remove, typed).map(wrap).collect();
    Ok(removed)
}

fn book_mut(ws: &mut Workspace, year: i32) -> Result<&mut BudgetBook, EditError> {
    match ws.budgets.iter_mut().find(|b| b.year == year) {
        Some(b) => Ok(b),
        None => Err(EditError::NoBook { year }),
    }
}

fn project_mut(ws: &mut Workspace, i: usize) -> Result<&mut Project, EditError> {
    match ws.projects.get_mut(i) {
        Some(p) => Ok(p),
        None => Err(EditError::Missing("项目")),
    }
}

fn evaluation_mut(ws: &mut Workspace, i: usize) -> Result<&mut Evaluation, EditError> {
    match ws.evaluations.get_mut(i) {
        Some(e) => Ok(e),
        None => Err(EditError::Missing("评价")),
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
    let n = insert.len();
    match table {
        TableRef::Functional { year, table } => {
            let b = book_mut(ws, *year)?;
            let Some(t) = b.functional.get_mut(*table) else {
                return Err(EditError::Missing("功能分类表"));
            };
            let removed = typed_splice!(&mut t.lines, at, remove, insert, Functional)?;
            row_id::renew_copies(&mut t.lines, at, n);
            Ok(removed)
        }
        TableRef::Economic { year, table } => {
            let b = book_mut(ws, *year)?;
            let Some(t) = b.economic.get_mut(*table) else {
                return Err(EditError::Missing("经济分类表"));
            };
            let removed = typed_splice!(&mut t.lines, at, remove, insert, Economic)?;
            row_id::renew_copies(&mut t.lines, at, n);
            Ok(removed)
        }
        TableRef::FunctionalTables { year } => {
            let tables = &mut book_mut(ws, *year)?.functional;
            let removed = splice_vec(
                tables,
                at,
                remove,
                insert,
                |r| {
                    if let Row::FunctionalTable(t) = r {
                        Some(*t)
                    } else {
                        None
                    }
                },
                |t| Row::FunctionalTable(Box::new(t)),
            )?;
            for t in tables.iter_mut().skip(at).take(n) {
                row_id::make_unique(&mut t.lines);
            }
            Ok(removed)
        }
        TableRef::EconomicTables { year } => {
            let tables = &mut book_mut(ws, *year)?.economic;
            let removed = splice_vec(
                tables,
                at,
                remove,
                insert,
                |r| {
                    if let Row::EconomicTable(t) = r {
                        Some(*t)
                    } else {
                        None
                    }
                },
                |t| Row::EconomicTable(Box::new(t)),
            )?;
            for t in tables.iter_mut().skip(at).take(n) {
                row_id::make_unique(&mut t.lines);
            }
            Ok(removed)
        }
        TableRef::Income { year } => {
            let rows = &mut book_mut(ws, *year)?.summary.income;
            let removed = typed_splice!(rows, at, remove, insert, Named)?;
            row_id::renew_copies(rows, at, n);
            Ok(removed)
        }
        TableRef::Expenditure { year } => {
            let rows = &mut book_mut(ws, *year)?.summary.expenditure;
            let removed = typed_splice!(rows, at, remove, insert, Named)?;
            row_id::renew_copies(rows, at, n);
            Ok(removed)
        }
        TableRef::UnitIncome { year } => {
            let rows = &mut book_mut(ws, *year)?.unit_income;
            let removed = typed_splice!(rows, at, remove, insert, UnitIncome)?;
            row_id::renew_copies(rows, at, n);
            Ok(removed)
        }
        TableRef::Projects => {
            let removed = splice_vec(
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
            )?;
            for p in ws.projects.iter_mut().skip(at).take(n) {
                p.make_row_ids_unique();
            }
            Ok(removed)
        }
        TableRef::CostItems { project } => {
            let rows = &mut project_mut(ws, *project)?.cost_items;
            let removed = typed_splice!(rows, at, remove, insert, CostItem)?;
            row_id::renew_copies(rows, at, n);
            Ok(removed)
        }
        TableRef::Disbursements { project } => {
            let rows = &mut project_mut(ws, *project)?.disbursements;
            let removed = typed_splice!(rows, at, remove, insert, Disbursement)?;
            row_id::renew_copies(rows, at, n);
            Ok(removed)
        }
        TableRef::Targets { project } => {
            let rows = &mut project_mut(ws, *project)?.targets;
            let removed = typed_splice!(rows, at, remove, insert, Target)?;
            row_id::renew_copies(rows, at, n);
            Ok(removed)
        }
        TableRef::Indicators { evaluation } => {
            let rows = &mut evaluation_mut(ws, *evaluation)?.indicators;
            let removed = typed_splice!(rows, at, remove, insert, Indicator)?;
            row_id::renew_copies(rows, at, n);
            Ok(removed)
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
        TableRef::Evaluations => {
            let removed = splice_vec(
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
            )?;
            for e in ws.evaluations.iter_mut().skip(at).take(n) {
                row_id::make_unique(&mut e.indicators);
            }
            Ok(removed)
        }
        TableRef::Books => {
            let removed = splice_vec(
                &mut ws.budgets,
                at,
                remove,
                insert,
                |r| if let Row::Book(b) = r { Some(*b) } else { None },
                |b| Row::Book(Box::new(b)),
            )?;
            for b in ws.budgets.iter_mut().skip(at).take(n) {
                b.make_row_ids_unique();
            }
            Ok(removed)
        }
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
        Edit::ThreePublic { year, three } => {
            let b = book_mut(ws, year)?;
            let old = std::mem::replace(&mut b.three_public, *three);
            Ok(Edit::ThreePublic {
                year,
                three: Box::new(old),
            })
        }
        Edit::PublishedDecimals { year, decimals } => {
            let b = book_mut(ws, year)?;
            let old = std::mem::replace(&mut b.published_decimals, decimals);
            Ok(Edit::PublishedDecimals {
                year,
                decimals: old,
            })
        }
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply(ws, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(e) => {
                        for inv in inverses.into_iter().rev() {
                            // The inverse of a step just applied always applies; if it did
                            // not, the document would be left half-changed: a bug.
                            let undone = apply(ws, inv);
                            debug_assert!(
                                undone.is_ok(),
                                "rolling back a failed batch failed: {undone:?}"
                            );
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
