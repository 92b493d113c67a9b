//! Words for findings: amounts, places ("2024年 一般公共预算支出情况表 · 21505 …") and the
//! machine names of columns.

use rust_decimal::Decimal;

use crate::calc::num::thousands;
use crate::model::{Amount, BudgetBook, FunctionalLine, LineLevel, Project};

use super::finding::TableRef;

/// An amount with thousands separators, as typed (`85750.2` → `85,750.2`).
pub fn money(v: Decimal) -> String {
    thousands(v)
}

/// A cell as shown: blank, 'XXXX' or the figure.
pub fn amount_text(a: Amount) -> String {
    match a {
        Amount::Blank => "空白".to_owned(),
        Amount::Withheld => "XXXX".to_owned(),
        Amount::Value(v) => money(v),
    }
}

/// A tolerance without trailing zeros (`0.20` → `0.2`).
pub fn tolerance_text(v: Decimal) -> String {
    v.normalize().to_string()
}

/// Joins the parts of a place with " · ".
pub fn place(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "2024年 一般公共预算支出情况表".
pub fn table_place(book: &BudgetBook, table: TableRef) -> String {
    format!("{}年 {}", book.year, table_name(book, table))
}

/// The table's published name, or a fallback when it has none.
pub fn table_name(book: &BudgetBook, table: TableRef) -> String {
    let named = |name: Option<&String>, fallback: String| match name {
        Some(n) if !n.trim().is_empty() => n.trim().to_owned(),
        _ => fallback,
    };
    match table {
        TableRef::Totals => "部门预算总额".to_owned(),
        TableRef::Summary => "部门收支总体情况表".to_owned(),
        TableRef::UnitIncome => "部门收入总体情况表".to_owned(),
        TableRef::Functional(i) => named(
            book.functional.get(i).map(|t| &t.name),
            format!("功能分类表 {}", i.saturating_add(1)),
        ),
        TableRef::Economic(i) => named(
            book.economic.get(i).map(|t| &t.name),
            format!("经济分类表 {}", i.saturating_add(1)),
        ),
        TableRef::ThreePublic => "“三公”经费支出情况表".to_owned(),
        TableRef::Procurement => "政府采购预算".to_owned(),
    }
}

/// A 功能分类 row in words: "21505 工业和信息产业监管", "合计".
pub fn line_label(line: &FunctionalLine) -> String {
    let name = line.name.trim();
    match (line.level, line.code.trim()) {
        (LineLevel::Total, _) => {
            if name.is_empty() {
                "合计".to_owned()
            } else {
                name.to_owned()
            }
        }
        (_, "") => name.to_owned(),
        (_, code) if name.is_empty() => code.to_owned(),
        (_, code) => format!("{code} {name}"),
    }
}

/// "项目「铝工业转型升级专项资金」" (the id when the project has no name).
pub fn project_label(p: &Project) -> String {
    let name = if p.name.trim().is_empty() {
        p.id.trim()
    } else {
        p.name.trim()
    };
    format!("项目「{name}」")
}

/// "2021年 项目「…」".
pub fn project_place(p: &Project) -> String {
    format!("{}年 {}", p.year, project_label(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn words() {
        assert_eq!(money(dec!(85750.2)), "85,750.2");
        assert_eq!(amount_text(Amount::Withheld), "XXXX");
        assert_eq!(amount_text(Amount::Blank), "空白");
        assert_eq!(tolerance_text(dec!(0.20)), "0.2");
        assert_eq!(place(&["a", "", "b"]), "a · b");
        let line = FunctionalLine {
            code: "21505".to_owned(),
            name: "工业和信息产业监管".to_owned(),
            level: LineLevel::Section,
            ..FunctionalLine::default()
        };
        assert_eq!(line_label(&line), "21505 工业和信息产业监管");
    }
}
