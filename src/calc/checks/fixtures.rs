//! Small hand-built fixtures for the checks' unit tests (test builds only).

use rust_decimal::Decimal;

use crate::model::{
    Amount, BudgetBook, FunctionalLine, FunctionalTable, LineLevel, Project, Workspace,
};

/// A value cell.
pub fn v(d: Decimal) -> Amount {
    Amount::Value(d)
}

/// A consistent 功能分类 row: 基本支出 all 工资福利, 项目支出 all 特定目标类.
pub fn fline(
    code: &str,
    level: LineLevel,
    total: Decimal,
    basic: Decimal,
    project: Decimal,
) -> FunctionalLine {
    FunctionalLine {
        code: code.to_owned(),
        name: format!("名称{code}"),
        level,
        total: v(total),
        basic: v(basic),
        wages: v(basic),
        family: v(Decimal::ZERO),
        goods: v(Decimal::ZERO),
        capital: v(Decimal::ZERO),
        project: v(project),
        operating: v(Decimal::ZERO),
        targeted: v(project),
        ..Default::default()
    }
}

/// A book of `year` with one 一般公共预算支出情况表.
pub fn book_with(year: i32, decimals: Option<u32>, lines: Vec<FunctionalLine>) -> BudgetBook {
    BudgetBook {
        year,
        published_decimals: decimals,
        functional: vec![FunctionalTable {
            name: "一般公共预算支出情况表".to_owned(),
            note: String::new(),
            lines,
        }],
        ..BudgetBook::default()
    }
}

/// A workspace holding one book.
pub fn ws_with_book(book: BudgetBook) -> Workspace {
    Workspace {
        budgets: vec![book],
        ..Workspace::default()
    }
}

/// A project of `year` with a 年初预算.
pub fn project(id: &str, year: i32, budget_initial: Amount) -> Project {
    Project {
        id: id.to_owned(),
        name: format!("项目{id}"),
        year,
        budget_initial,
        ..Project::default()
    }
}
