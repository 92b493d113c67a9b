//! 检查结果 (finding): what a consistency check reports, where, with both amounts.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{
    DisbursementColumn, EconomicColumn, FunctionalLineColumn, HasRowId, ProjectColumn, RowId,
    UnitIncomeColumn,
};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum FindingKind {
    /// 错误: the figures contradict each other beyond rounding.
    Error,
    /// 舍入差异: a difference the published rounding explains.
    Rounding,
    /// 提示: not an arithmetic error, but the evaluator should look (超预算执行, 拨付滞后 …).
    Warning,
    /// 说明: something the checks worked out or could not verify (推算的涉密金额 …).
    Info,
}

impl FindingKind {
    pub const ALL: [FindingKind; 4] = [
        FindingKind::Error,
        FindingKind::Rounding,
        FindingKind::Warning,
        FindingKind::Info,
    ];

    /// The word shown in the findings list.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Error => "错误",
            FindingKind::Rounding => "舍入差异",
            FindingKind::Warning => "提示",
            FindingKind::Info => "说明",
        }
    }
}

/// One side of a comparison: what the figure is and its amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    /// 名称, e.g. "款 21505 印刷数" or "其下各项之和".
    pub label: String,
    pub amount: Decimal,
}

impl Side {
    pub fn new(label: impl Into<String>, amount: Decimal) -> Side {
        Side {
            label: label.into(),
            amount,
        }
    }
}

/// A table of a budget book, for locations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum TableRef {
    /// 部门预算总额与调整、执行 (`BudgetBook.totals`).
    Totals,
    /// 部门收支总体情况表.
    Summary,
    /// 部门收入总体情况表 (by unit).
    UnitIncome,
    /// A 功能分类 table, by its index in `BudgetBook.functional`.
    Functional(usize),
    /// An 经济分类 table, by its index in `BudgetBook.economic`.
    Economic(usize),
    /// "三公"经费.
    ThreePublic,
    /// 政府采购.
    Procurement,
}

/// A row a finding points at: its stable id (what the window follows) and its position when
/// the checks ran (what the location's words say: `"disbursements[2]"`, `"row": 2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RowRef {
    pub id: RowId,
    pub index: usize,
}

impl RowRef {
    /// Row `index` of `rows`, as it is now.
    pub fn at<T: HasRowId>(rows: &[T], index: usize) -> Option<RowRef> {
        rows.get(index).map(|r| RowRef {
            id: r.row_id(),
            index,
        })
    }

    /// A row with its position.
    pub fn of<T: HasRowId>(row: &T, index: usize) -> RowRef {
        RowRef {
            id: row.row_id(),
            index,
        }
    }

    /// Where the row is in `rows` now (`None` once it is gone).
    pub fn find<T: HasRowId>(self, rows: &[T]) -> Option<usize> {
        crate::model::row_id::position(rows, self.id)
    }
}

/// The column of a budget-book location, by the table's own column enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BudgetColumn {
    Functional(FunctionalLineColumn),
    Economic(EconomicColumn),
    UnitIncome(UnitIncomeColumn),
    /// A field of a table the window shows as a form, not a grid of rows (部门预算总额
    /// `"initial.project"`, 收支总表, 三公, an 经济分类 table's 合计 `"total"`/`"personnel"`/`"public"`
    /// and its class sums `"301"`): the model's field name.
    Field(&'static str),
    /// A part of a group of fields (部门预算总额 `"adjusted.basic"`: the split, then the part).
    Part(&'static str, &'static str),
}

impl std::fmt::Display for BudgetColumn {
    /// The model's field name, as locations have always been written (`"goods"`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BudgetColumn::Functional(c) => f.write_str(c.key()),
            BudgetColumn::Economic(c) => f.write_str(c.key()),
            BudgetColumn::UnitIncome(c) => f.write_str(c.key()),
            BudgetColumn::Field(name) => f.write_str(name),
            BudgetColumn::Part(group, part) => write!(f, "{group}.{part}"),
        }
    }
}

/// What of a project a finding concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectField {
    /// The project's cell in a column of the 项目支出预算表 (`"executed"`, `"budget_initial"` …).
    Column(ProjectColumn),
    /// A field or a whole list not on that table (`"funding"`, `"funding_sources"`,
    /// `"disbursements"`, `"cost_items.budget"` …): the model's field name.
    Field(&'static str),
    /// A 拨付 record (`None`: the record as a whole, shown on its amount) or one of its cells.
    Disbursement {
        row: RowRef,
        column: Option<DisbursementColumn>,
    },
    /// A published figure (`Project::published`), by position.
    Published(usize),
}

impl std::fmt::Display for ProjectField {
    /// The field as locations have always been written (`"disbursements[2].date"`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProjectField::Column(c) => f.write_str(c.key()),
            ProjectField::Field(name) => f.write_str(name),
            ProjectField::Disbursement { row, column: None } => {
                write!(f, "disbursements[{}]", row.index)
            }
            ProjectField::Disbursement {
                row,
                column: Some(c),
            } => write!(f, "disbursements[{}].{}", row.index, c.key()),
            ProjectField::Published(i) => write!(f, "published[{i}]"),
        }
    }
}

/// Where a finding is, in a form the window can jump to: the table, the row by its id, the
/// column by the table's column enum.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// 部门概况.
    Department,
    /// A cell (or row, or table) of the budget book of `year`. `row` is a line of the table
    /// (`None` for the table's own 合计 fields).
    Budget {
        year: i32,
        table: TableRef,
        row: Option<RowRef>,
        column: Option<BudgetColumn>,
    },
    /// A project, and the field concerned.
    Project {
        id: String,
        field: Option<ProjectField>,
    },
    /// A row of an evaluation's indicator sheet.
    Indicator { evaluation: String, row: RowRef },
    /// An evaluation as a whole (its total, grade, dates).
    Evaluation { id: String },
}

impl Location {
    /// A field of a budget table shown as a form, or a table's 合计 (`"executed"`).
    pub fn budget_field(year: i32, table: TableRef, field: &'static str) -> Self {
        Location::budget_column(year, table, BudgetColumn::Field(field))
    }

    /// A field of a budget table as a whole (no row).
    pub fn budget_column(year: i32, table: TableRef, column: BudgetColumn) -> Self {
        Location::Budget {
            year,
            table,
            row: None,
            column: Some(column),
        }
    }

    /// A row (and column) of 功能分类 table `table`.
    pub fn functional(
        year: i32,
        table: usize,
        row: RowRef,
        column: Option<FunctionalLineColumn>,
    ) -> Self {
        Location::Budget {
            year,
            table: TableRef::Functional(table),
            row: Some(row),
            column: column.map(BudgetColumn::Functional),
        }
    }

    /// A cell of 经济分类 table `table`.
    pub fn economic(year: i32, table: usize, row: RowRef, column: EconomicColumn) -> Self {
        Location::Budget {
            year,
            table: TableRef::Economic(table),
            row: Some(row),
            column: Some(BudgetColumn::Economic(column)),
        }
    }

    /// A cell of the 部门收入总体情况表.
    pub fn unit_income(year: i32, row: RowRef, column: UnitIncomeColumn) -> Self {
        Location::Budget {
            year,
            table: TableRef::UnitIncome,
            row: Some(row),
            column: Some(BudgetColumn::UnitIncome(column)),
        }
    }

    /// A project location.
    pub fn project(id: &str, field: Option<ProjectField>) -> Self {
        Location::Project {
            id: id.to_owned(),
            field,
        }
    }

    /// Row `index` of evaluation `e`'s indicator sheet (the evaluation as a whole when the
    /// sheet has no such row).
    pub fn indicator(e: &crate::model::Evaluation, index: usize) -> Self {
        match RowRef::at(&e.indicators, index) {
            Some(row) => Location::Indicator {
                evaluation: e.id.clone(),
                row,
            },
            None => Location::Evaluation { id: e.id.clone() },
        }
    }

    /// A project's cell in the 项目支出预算表.
    pub fn project_column(id: &str, column: ProjectColumn) -> Self {
        Location::project(id, Some(ProjectField::Column(column)))
    }

    /// A project's field (not on the 项目支出预算表) by its model name (`"funding"`).
    pub fn project_field(id: &str, field: &'static str) -> Self {
        Location::project(id, Some(ProjectField::Field(field)))
    }
}

impl std::fmt::Display for Location {
    /// The place in the words locations were written with before they were typed: the
    /// table, the row's position when the checks ran and the model's field name
    /// (`2024 Functional(0) [3].goods`, `project 2021-lvgongye.disbursements[2].date`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Department => f.write_str("Department"),
            Location::Budget {
                year,
                table,
                row,
                column,
            } => {
                write!(f, "{year} {table:?}")?;
                if let Some(r) = row {
                    write!(f, " [{}]", r.index)?;
                }
                if let Some(c) = column {
                    write!(f, ".{c}")?;
                }
                Ok(())
            }
            Location::Project { id, field } => {
                write!(f, "project {id}")?;
                if let Some(field) = field {
                    write!(f, ".{field}")?;
                }
                Ok(())
            }
            Location::Indicator { evaluation, row } => {
                write!(f, "evaluation {evaluation} [{}]", row.index)
            }
            Location::Evaluation { id } => write!(f, "evaluation {id}"),
        }
    }
}

/// The words of a location (the JSON of `jixiao check --json`): positions and field names,
/// exactly as before locations were typed.
#[derive(Serialize)]
enum LocationWords<'a> {
    Department,
    Budget {
        year: i32,
        table: TableRef,
        row: Option<usize>,
        column: Option<String>,
    },
    Project {
        id: &'a str,
        field: Option<String>,
    },
    Indicator {
        evaluation: &'a str,
        index: usize,
    },
    Evaluation {
        id: &'a str,
    },
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let words = match self {
            Location::Department => LocationWords::Department,
            Location::Budget {
                year,
                table,
                row,
                column,
            } => LocationWords::Budget {
                year: *year,
                table: *table,
                row: row.map(|r| r.index),
                column: column.map(|c| c.to_string()),
            },
            Location::Project { id, field } => LocationWords::Project {
                id,
                field: field.map(|f| f.to_string()),
            },
            Location::Indicator { evaluation, row } => LocationWords::Indicator {
                evaluation,
                index: row.index,
            },
            Location::Evaluation { id } => LocationWords::Evaluation { id },
        };
        words.serialize(s)
    }
}

/// One finding of one check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The check's Chinese name, e.g. "功能分类层级汇总".
    pub check: &'static str,
    pub kind: FindingKind,
    /// Where, in words: "2024年 一般公共预算支出情况表 · 21505 工业和信息产业监管 · 商品和服务支出".
    pub place: String,
    /// The printed (or published) side.
    pub left: Option<Side>,
    /// The computed side (a sum, a ratio, a score).
    pub right: Option<Side>,
    /// `left − right`, when both are amounts.
    pub difference: Option<Decimal>,
    /// One Chinese sentence.
    pub message: String,
    /// What to look at, or the likely cause.
    pub hint: String,
    pub location: Location,
}

impl Finding {
    /// A finding without amounts.
    pub fn note(
        check: &'static str,
        kind: FindingKind,
        place: String,
        location: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Finding {
        Finding {
            check,
            kind,
            place,
            left: None,
            right: None,
            difference: None,
            message: message.into(),
            hint: hint.into(),
            location,
        }
    }

    /// Adds both sides and their difference (`left − right`, saturating).
    #[must_use]
    pub fn with_sides(mut self, left: Side, right: Side) -> Finding {
        self.difference = Some(left.amount.saturating_sub(right.amount));
        self.left = Some(left);
        self.right = Some(right);
        self
    }
}

/// How many findings of each kind (for the status bar).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub errors: usize,
    pub rounding: usize,
    pub warnings: usize,
    pub info: usize,
}

impl Tally {
    pub fn of(findings: &[Finding]) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            match f.kind {
                FindingKind::Error => t.errors += 1,
                FindingKind::Rounding => t.rounding += 1,
                FindingKind::Warning => t.warnings += 1,
                FindingKind::Info => t.info += 1,
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Disbursement, FunctionalColumn};

    /// A location is written as it was before it was typed: the position of its row when the
    /// checks ran and the model's field name.
    #[test]
    fn locations_are_written_with_positions_and_field_names() {
        let rows = vec![Disbursement::default(), Disbursement::default()];
        let row = RowRef::at(&rows, 1).unwrap_or_else(|| RowRef::of(&rows[0], 0));
        let loc = Location::project(
            "p",
            Some(ProjectField::Disbursement {
                row,
                column: Some(DisbursementColumn::Date),
            }),
        );
        assert_eq!(
            serde_json::to_string(&loc).ok().as_deref(),
            Some(r#"{"Project":{"id":"p","field":"disbursements[1].date"}}"#)
        );
        assert_eq!(loc.to_string(), "project p.disbursements[1].date");
        let loc = Location::functional(
            2024,
            1,
            RowRef::of(&crate::model::FunctionalLine::default(), 13),
            Some(FunctionalLineColumn::Amount(FunctionalColumn::Goods)),
        );
        assert_eq!(
            serde_json::to_string(&loc).ok().as_deref(),
            Some(r#"{"Budget":{"year":2024,"table":{"Functional":1},"row":13,"column":"goods"}}"#)
        );
        let loc = Location::budget_column(
            2021,
            TableRef::Totals,
            BudgetColumn::Part("adjusted", "total"),
        );
        assert_eq!(
            serde_json::to_string(&loc).ok().as_deref(),
            Some(
                r#"{"Budget":{"year":2021,"table":"Totals","row":null,"column":"adjusted.total"}}"#
            )
        );
        assert_eq!(
            serde_json::to_string(&Location::Department).ok().as_deref(),
            Some(r#""Department""#)
        );
        // A row that is gone is found nowhere.
        assert_eq!(row.find(&rows), Some(1));
        assert_eq!(row.find(&rows[..1]), None);
    }
}
