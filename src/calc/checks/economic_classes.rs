//! 经济分类归属 and 经济分类与功能分类: a line whose code class disagrees with its published
//! category (301/303 are 人员经费, 302/310 公用经费), and the class sums of a 基本支出 table
//! (Σ301, Σ302, Σ303, Σ310) against the 合计 row of the same funds' 功能分类 table.
//!
//! The category is what the table published, never derived from the code: seed 003 counts
//! 30239 其他交通费用 under 人员经费 although it is a 302 code, which is why its Σ301 is 176.2
//! below the 功能分类 表's 工资福利支出.

use rust_decimal::Decimal;

use crate::calc::num::sum;
use crate::model::{
    Amount, BudgetBook, CostCategory, EconomicColumn, EconomicLine, EconomicTable,
    FunctionalColumn, FunctionalLine, LineLevel, Workspace,
};

use super::balance::Balance;
use super::finding::{Finding, FindingKind, Location, RowRef, TableRef};
use super::text::{money, place, table_name, table_place};

pub const NAME_CATEGORY: &str = "经济分类归属";
pub const NAME_CROSS: &str = "经济分类与功能分类";

/// The economic classes a 基本支出 table splits into, with their 功能分类 column.
const CLASSES: [(&str, &str, FunctionalColumn, CostCategory); 4] = [
    (
        "301",
        "工资福利支出",
        FunctionalColumn::Wages,
        CostCategory::Personnel,
    ),
    (
        "302",
        "商品和服务支出",
        FunctionalColumn::Goods,
        CostCategory::Public,
    ),
    (
        "303",
        "对个人和家庭的补助",
        FunctionalColumn::Family,
        CostCategory::Personnel,
    ),
    (
        "310",
        "资本性支出",
        FunctionalColumn::Capital,
        CostCategory::Public,
    ),
];

/// The class (first three digits) of an economic code, with its name and expected category.
fn class_of(line: &EconomicLine) -> Option<(&'static str, &'static str, CostCategory)> {
    let code = line.dept_code.trim();
    CLASSES
        .iter()
        .find(|(c, ..)| code.starts_with(c))
        .map(|&(c, name, _, cat)| (c, name, cat))
}

/// True when the line's code belongs to `class`.
fn in_class(line: &EconomicLine, class: &str) -> bool {
    line.dept_code.trim().starts_with(class)
}

/// Lines counted under a category their code class does not belong to.
fn misclassified(table: &EconomicTable) -> impl Iterator<Item = (usize, &EconomicLine)> {
    table
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| class_of(l).is_some_and(|(_, _, cat)| cat != l.category))
}

pub fn check_category(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        for (ti, table) in book.economic.iter().enumerate() {
            for (i, line) in misclassified(table) {
                let Some((class, class_name, expected)) = class_of(line) else {
                    continue;
                };
                let code = line.dept_code.trim();
                out.push(Finding::note(
                    NAME_CATEGORY,
                    FindingKind::Warning,
                    place(&[
                        &table_place(book, TableRef::Economic(ti)),
                        &format!("{code} {}", line.dept_name.trim()),
                    ]),
                    Location::economic(
                        book.year,
                        ti,
                        RowRef::of(line, i),
                        EconomicColumn::Category,
                    ),
                    format!(
                        "科目 {code} {}（{}）属 {class} {class_name}，应为{}，却计入{}。",
                        line.dept_name.trim(),
                        super::text::amount_text(line.amount),
                        expected.label(),
                        line.category.label()
                    ),
                    format!(
                        "若公开表确实如此列示，保留原样即可，但按科目类汇总时{}与{}的金额会相应偏离功能分类表；否则请改正所属类别。",
                        line.category.label(),
                        expected.label()
                    ),
                ));
            }
        }
    }
    out
}

/// The 功能分类 table holding the same funds as a 基本支出 table: "一般公共预算基本支出表" pairs
/// with the table whose name contains "一般公共预算"; an unnamed one with the only table.
fn paired_table<'b>(
    book: &'b BudgetBook,
    econ: &EconomicTable,
) -> Option<(usize, &'b FunctionalLine)> {
    let name = econ.name.trim();
    let index = if let Some((prefix, _)) = name.split_once("基本支出") {
        let prefix = prefix.trim();
        if prefix.is_empty() {
            (book.functional.len() == 1).then_some(0)
        } else {
            book.functional.iter().position(|t| t.name.contains(prefix))
        }
    } else if name.is_empty() && book.functional.len() == 1 {
        Some(0)
    } else {
        None
    }?;
    let total = book
        .functional
        .get(index)?
        .lines
        .iter()
        .find(|l| l.level == LineLevel::Total)?;
    Some((index, total))
}

/// "30239 其他交通费用 共 176.3（2 行）计入人员经费" for every misclassified code.
fn misclassified_words(table: &EconomicTable) -> Vec<String> {
    let mut codes: Vec<(&str, &str, CostCategory, Vec<Decimal>)> = Vec::new();
    for (_, l) in misclassified(table) {
        let code = l.dept_code.trim();
        match codes
            .iter_mut()
            .find(|(c, _, cat, _)| *c == code && *cat == l.category)
        {
            Some(entry) => entry.3.push(l.amount.or_zero()),
            None => codes.push((
                code,
                l.dept_name.trim(),
                l.category,
                vec![l.amount.or_zero()],
            )),
        }
    }
    codes
        .into_iter()
        .map(|(code, name, cat, amounts)| {
            format!(
                "{code} {name} 共 {}（{} 行）计入{}",
                money(sum(amounts.iter().copied())),
                amounts.len(),
                cat.label()
            )
        })
        .collect()
}

pub fn check_cross(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        for (ei, econ) in book.economic.iter().enumerate() {
            if econ.lines.is_empty() {
                continue;
            }
            let Some((fi, total_row)) = paired_table(book, econ) else {
                continue;
            };
            cross_table(book, ei, econ, fi, total_row, &mut out);
        }
    }
    out
}

fn cross_table(
    book: &BudgetBook,
    ei: usize,
    econ: &EconomicTable,
    fi: usize,
    total_row: &FunctionalLine,
    out: &mut Vec<Finding>,
) {
    let econ_name = table_name(book, TableRef::Economic(ei));
    let func_name = table_name(book, TableRef::Functional(fi));
    let here = format!("{}年 {econ_name}与{func_name}", book.year);
    let causes = misclassified_words(econ);
    let class_hint = if causes.is_empty() {
        "核对经济分类科目的金额与编码，以及功能分类表合计行的该列。".to_owned()
    } else {
        format!(
            "{}：这些科目的编码类与所计类别不符，功能分类表按所计类别汇总，而按科目类汇总时被计入另一类。",
            causes.join("；")
        )
    };
    for (class, class_name, column, _) in CLASSES {
        let parts: Vec<Amount> = econ
            .lines
            .iter()
            .filter(|l| in_class(l, class))
            .map(|l| l.amount)
            .collect();
        let b = Balance {
            check: NAME_CROSS,
            place: place(&[&here, class_name]),
            location: Location::budget_field(book.year, TableRef::Economic(ei), class),
            total_label: format!("{func_name}合计行的{}", column.label()),
            parts_label: format!("{econ_name}中 {class} 类 {} 个科目之和", parts.len()),
            decimals: book.published_decimals,
            error_hint: &class_hint,
        };
        out.extend(b.check(total_row.get(column), &parts));
    }
    let t = &econ.total;
    let categories = [
        (
            "人员经费",
            "personnel",
            t.personnel,
            [FunctionalColumn::Wages, FunctionalColumn::Family],
        ),
        (
            "公用经费",
            "public",
            t.public,
            [FunctionalColumn::Goods, FunctionalColumn::Capital],
        ),
    ];
    let hint = "核对两张表的人员经费、公用经费是否取自同一口径。";
    for (word, key, printed, columns) in categories {
        let b = Balance {
            check: NAME_CROSS,
            place: place(&[&here, word]),
            location: Location::budget_field(book.year, TableRef::Economic(ei), key),
            total_label: format!("{econ_name}的{word}"),
            parts_label: format!(
                "{func_name}合计行的{}与{}之和",
                columns[0].label(),
                columns[1].label()
            ),
            decimals: book.published_decimals,
            error_hint: hint,
        };
        out.extend(b.check(printed, &columns.map(|c| total_row.get(c))));
    }
    let b = Balance {
        check: NAME_CROSS,
        place: place(&[&here, "合计"]),
        location: Location::budget_field(book.year, TableRef::Economic(ei), "total"),
        total_label: format!("{econ_name}的合计"),
        parts_label: format!("{func_name}合计行的基本支出"),
        decimals: book.published_decimals,
        error_hint: hint,
    };
    out.extend(b.check(t.total, &[total_row.basic]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::fixtures::{v, ws_with_book};
    use crate::model::{EconomicTotals, FunctionalTable};
    use rust_decimal_macros::dec;

    fn eline(code: &str, name: &str, amount: Decimal, category: CostCategory) -> EconomicLine {
        EconomicLine {
            dept_code: code.to_owned(),
            dept_name: name.to_owned(),
            amount: v(amount),
            category,
            ..EconomicLine::default()
        }
    }

    /// A miniature of seed 003's 06 表: 301 lines 100.0, 30239 其他交通费用 10.0 + 5.0 counted
    /// under 人员经费, 302 办公费 20.0, 303 退休费 30.0, 310 设备 4.0.
    fn book(total_row: FunctionalLine) -> BudgetBook {
        use CostCategory::{Personnel, Public};
        let lines = vec![
            eline("30101", "基本工资", dec!(100.0), Personnel),
            eline("30239", "其他交通费用", dec!(10.0), Personnel),
            eline("30201", "办公费", dec!(20.0), Public),
            eline("30302", "退休费", dec!(30.0), Personnel),
            eline("31002", "办公设备购置", dec!(4.0), Public),
            eline("30239", "其他交通费用", dec!(5.0), Personnel),
        ];
        BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            economic: vec![EconomicTable {
                name: "一般公共预算基本支出表".to_owned(),
                note: String::new(),
                total: EconomicTotals {
                    total: v(dec!(169.0)),
                    personnel: v(dec!(145.0)),
                    public: v(dec!(24.0)),
                },
                lines,
            }],
            functional: vec![FunctionalTable {
                name: "一般公共预算支出情况表".to_owned(),
                note: String::new(),
                lines: vec![total_row],
            }],
            ..BudgetBook::default()
        }
    }

    fn total_row(wages: Decimal, goods: Decimal) -> FunctionalLine {
        FunctionalLine {
            level: LineLevel::Total,
            name: "合计".to_owned(),
            basic: v(dec!(169.0)),
            wages: v(wages),
            family: v(dec!(30.0)),
            goods: v(goods),
            capital: v(dec!(4.0)),
            ..FunctionalLine::default()
        }
    }

    #[test]
    fn a_302_code_under_personnel_is_named_once_per_line() {
        let f = check_category(&ws_with_book(book(total_row(dec!(115.0), dec!(20.0)))));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::Warning));
        assert!(f[0].message.contains("30239"), "{}", f[0].message);
        assert!(f[0].message.contains("302 商品和服务支出"));
        assert!(f[0].message.contains("计入人员经费"));
        assert_eq!(f[1].location.to_string(), "2024 Economic(0) [5].category");
    }

    #[test]
    fn class_sums_against_the_functional_total_row() {
        // The 功能分类 表 follows the published categories: 工资福利 = 100 + 15 = 115,
        // 商品和服务 = 20. By code class Σ301 = 100 (15 short) and Σ302 = 35 (15 over).
        let f = check_cross(&ws_with_book(book(total_row(dec!(115.0), dec!(20.0)))));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(115.0));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(100.0));
        assert_eq!(f[0].difference, Some(dec!(15.0)));
        assert!(
            f[0].hint
                .contains("30239 其他交通费用 共 15.0（2 行）计入人员经费"),
            "{}",
            f[0].hint
        );
        assert_eq!(f[1].difference, Some(dec!(-15.0)));
        assert!(f[1].place.ends_with("商品和服务支出"));
    }

    #[test]
    fn a_table_following_the_codes_agrees() {
        // If the 功能分类 表 had followed the codes (工资福利 100, 商品和服务 35), the class
        // sums agree but the category totals (人员 145 vs 100 + 30) do not.
        let f = check_cross(&ws_with_book(book(total_row(dec!(100.0), dec!(35.0)))));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(
            f[0].left.as_ref().unwrap().label,
            "一般公共预算基本支出表的人员经费"
        );
        assert_eq!(f[0].difference, Some(dec!(15.0)));
    }
}
