//! 检查结果 (finding): what a consistency check reports, where, with both amounts.

use rust_decimal::Decimal;
use serde::Serialize;

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

/// Where a finding is, in a form the window can jump to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Location {
    /// 部门概况.
    Department,
    /// A cell (or row, or table) of the budget book of `year`. `row` indexes the table's lines
    /// (`None` for the table's own 合计 fields); `column` is the model's field name
    /// (`"goods"`, `"initial.basic"`, `"personnel"`, `"category"` …), or the economic class
    /// code (`"301"`) for the class sums of an 经济分类 table.
    Budget {
        year: i32,
        table: TableRef,
        row: Option<usize>,
        column: Option<String>,
    },
    /// A project, and the field concerned (`"executed"`, `"disbursements[2]"` …).
    Project { id: String, field: Option<String> },
    /// A row of an evaluation's indicator sheet.
    Indicator { evaluation: String, index: usize },
    /// An evaluation as a whole (its total, grade, dates).
    Evaluation { id: String },
}

impl Location {
    /// A budget-book location.
    pub fn budget(year: i32, table: TableRef, row: Option<usize>, column: Option<&str>) -> Self {
        Location::Budget {
            year,
            table,
            row,
            column: column.map(str::to_owned),
        }
    }

    /// A project location.
    pub fn project(id: &str, field: Option<&str>) -> Self {
        Location::Project {
            id: id.to_owned(),
            field: field.map(str::to_owned),
        }
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
