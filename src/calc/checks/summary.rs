//! 收支总表平衡: 收入合计 = 支出合计; Σ 收入 lines = 收入合计; Σ 支出 lines = 支出合计; and in
//! 部门收入总体情况表, the 合计 row = Σ its top-level units, each unit = Σ its sub-units.
//!
//! Lines named "其中：…" break down the line above them and are not added (seed 003's
//! "其中：财政拨款" under 一般公共预算).
//!
//! Units nest by code (021 → 021001 …): a unit's sub-units are the rows whose code extends
//! its code, and the 合计 row is compared with the units no other row contains.

use crate::model::{Amount, BudgetBook, UnitIncome, UnitIncomeColumn, Workspace};

use super::balance::Balance;
use super::finding::{Finding, Location, RowRef, TableRef};
use super::text::{place, table_place};

pub const NAME: &str = "收支总表平衡";

const HINT_SUMMARY: &str = "核对收支总表各行金额与合计行；收入合计与支出合计应相等。";
const HINT_UNITS: &str = "核对各单位的收入金额，以及单位代码的层级（下级单位代码以上级代码开头）。";

pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        summary(book, &mut out);
        units(book, &mut out);
    }
    out
}

fn summary(book: &BudgetBook, out: &mut Vec<Finding>) {
    let s = &book.summary;
    let here = table_place(book, TableRef::Summary);
    let balance =
        |what: &str, column: &'static str, total_label: &str, parts_label: String| Balance {
            check: NAME,
            place: place(&[&here, what]),
            location: Location::budget_field(book.year, TableRef::Summary, column),
            total_label: total_label.to_owned(),
            parts_label,
            decimals: book.published_decimals,
            error_hint: HINT_SUMMARY,
        };
    out.extend(
        balance(
            "收支平衡",
            "expenditure_total",
            "本年收入合计",
            "本年支出合计".to_owned(),
        )
        .check(s.income_total, &[s.expenditure_total]),
    );
    let income: Vec<Amount> = s
        .income
        .iter()
        .filter(|l| !is_of_which(&l.name))
        .map(|l| l.amount)
        .collect();
    if !income.is_empty() {
        out.extend(
            balance(
                "收入",
                "income_total",
                "本年收入合计",
                format!("各收入项目（{} 行）之和", income.len()),
            )
            .check(s.income_total, &income),
        );
    }
    let spending: Vec<Amount> = s
        .expenditure
        .iter()
        .filter(|l| !is_of_which(&l.name))
        .map(|l| l.amount)
        .collect();
    if !spending.is_empty() {
        out.extend(
            balance(
                "支出",
                "expenditure_total",
                "本年支出合计",
                format!("各支出功能类（{} 行）之和", spending.len()),
            )
            .check(s.expenditure_total, &spending),
        );
    }
}

/// True for a "其中：…" line, a part of the line above it.
fn is_of_which(name: &str) -> bool {
    name.trim().starts_with("其中")
}

/// True when `inner`'s code extends `outer`'s (021001 within 021).
fn contains(outer: &UnitIncome, inner: &UnitIncome) -> bool {
    let (o, i) = (outer.code.trim(), inner.code.trim());
    !o.is_empty() && i.len() > o.len() && i.starts_with(o)
}

/// The direct sub-units of `parent` among `rows` (by index), or the top-level rows.
fn direct_children(rows: &[(usize, &UnitIncome)], parent: Option<&UnitIncome>) -> Vec<usize> {
    rows.iter()
        .filter(|(_, r)| parent.is_none_or(|p| contains(p, r)))
        .filter(|(_, r)| {
            !rows
                .iter()
                .any(|(_, mid)| parent.is_none_or(|p| contains(p, mid)) && contains(mid, r))
        })
        .map(|&(i, _)| i)
        .collect()
}

/// Reads one amount of a unit's row.
type UnitField = fn(&UnitIncome) -> Amount;

fn units(book: &BudgetBook, out: &mut Vec<Finding>) {
    let all = &book.unit_income;
    let rows: Vec<(usize, &UnitIncome)> = all
        .iter()
        .enumerate()
        .filter(|(_, u)| !u.is_total)
        .collect();
    let here = table_place(book, TableRef::UnitIncome);
    let mut parents: Vec<(usize, &UnitIncome, Vec<usize>)> = Vec::new();
    if let Some((ti, total)) = all.iter().enumerate().find(|(_, u)| u.is_total) {
        parents.push((ti, total, direct_children(&rows, None)));
    }
    for &(i, u) in &rows {
        let kids = direct_children(&rows, Some(u));
        if !kids.is_empty() {
            parents.push((i, u, kids));
        }
    }
    for (pi, parent, kids) in parents {
        if kids.is_empty() {
            continue;
        }
        let who = if parent.is_total {
            "合计行".to_owned()
        } else {
            format!("{} {}", parent.code.trim(), parent.name.trim())
        };
        let columns: [(&str, UnitIncomeColumn, UnitField); 3] = [
            ("合计", UnitIncomeColumn::Total, |u| u.total),
            ("一般公共预算", UnitIncomeColumn::GeneralBudget, |u| {
                u.general_budget
            }),
            ("其他收入", UnitIncomeColumn::Other, |u| u.other),
        ];
        for (label, key, get) in columns {
            let parts: Vec<Amount> = kids.iter().filter_map(|&k| all.get(k)).map(get).collect();
            let balance = Balance {
                check: NAME,
                place: place(&[&here, who.trim(), label]),
                location: Location::unit_income(book.year, RowRef::of(parent, pi), key),
                total_label: format!("{}的{label}", who.trim()),
                parts_label: format!("其下 {} 个单位之和", kids.len()),
                decimals: book.published_decimals,
                error_hint: HINT_UNITS,
            };
            out.extend(balance.check(get(parent), &parts));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::finding::FindingKind;
    use crate::calc::checks::fixtures::{v, ws_with_book};
    use crate::model::NamedAmount;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn unit(code: &str, total: Decimal, is_total: bool) -> UnitIncome {
        UnitIncome {
            code: code.to_owned(),
            name: format!("单位{code}"),
            total: v(total),
            general_budget: v(total),
            other: Amount::Blank,
            is_total,
            ..Default::default()
        }
    }

    fn named(name: &str, d: Decimal) -> NamedAmount {
        NamedAmount {
            name: name.to_owned(),
            amount: v(d),
            ..Default::default()
        }
    }

    #[test]
    fn balanced_summary_gives_nothing_and_a_gap_is_an_error() {
        let mut book = BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            ..BudgetBook::default()
        };
        // Seed 003 01 表: 96,258.3 + 4.2 = 96,262.5.
        book.summary.income = vec![
            named("一般公共预算", dec!(96258.3)),
            named("其中：财政拨款", dec!(96258.3)),
            named("其他收入", dec!(4.2)),
        ];
        book.summary.income_total = v(dec!(96262.5));
        book.summary.expenditure = vec![named("社会保障和就业", dec!(2974.0))];
        book.summary.expenditure_total = v(dec!(96262.5));
        let f = check(&ws_with_book(book.clone()));
        // Only the one expenditure line typed: 96,262.5 vs 2,974.0 is an error.
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(93288.5)));
        book.summary.expenditure = vec![named("社会保障和就业", dec!(96262.5))];
        assert_eq!(check(&ws_with_book(book)), vec![]);
    }

    #[test]
    fn units_nest_by_code_and_rounding_is_tolerated() {
        // Seed 003 02 表 shape: 合计, 021, then its sub-units; 0.1 over six units is rounding.
        let mut book = BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            ..BudgetBook::default()
        };
        book.unit_income = vec![
            unit("", dec!(30.0), true),
            unit("021", dec!(30.0), false),
            unit("021001", dec!(10.0), false),
            unit("021002", dec!(10.0), false),
            unit("021014", dec!(10.1), false),
        ];
        let f = check(&ws_with_book(book.clone()));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::Rounding));
        assert_eq!(f[0].total_place_row(), Some(1));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(30.1));
        // 合计 vs 021 agrees; a whole unit missing is an error.
        book.unit_income[4].total = v(dec!(1.0));
        book.unit_income[4].general_budget = v(dec!(1.0));
        let f = check(&ws_with_book(book));
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(9.0)));
    }

    impl Finding {
        fn total_place_row(&self) -> Option<usize> {
            match &self.location {
                Location::Budget { row, .. } => row.map(|r| r.index),
                _ => None,
            }
        }
    }
}
