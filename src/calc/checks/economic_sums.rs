//! 经济分类汇总: in each 经济分类 table, Σ lines = 合计, Σ 人员经费 lines = 人员经费,
//! Σ 公用经费 lines = 公用经费, and 合计 = 人员经费 + 公用经费.

use crate::model::{Amount, BudgetBook, CostCategory, EconomicTable, Workspace};

use super::balance::Balance;
use super::finding::{Finding, Location, TableRef};
use super::text::{place, table_place};

pub const NAME: &str = "经济分类汇总";

const HINT: &str = "核对各经济分类科目的金额和所属类别（人员经费/公用经费）是否录入正确。";

pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        for (ti, table) in book.economic.iter().enumerate() {
            check_table(book, ti, table, &mut out);
        }
    }
    out
}

fn check_table(book: &BudgetBook, ti: usize, table: &EconomicTable, out: &mut Vec<Finding>) {
    let t = &table.total;
    if t.total.is_blank() && t.personnel.is_blank() && t.public.is_blank() {
        return;
    }
    let here = table_place(book, TableRef::Economic(ti));
    let balance = |column: &'static str, word: &str, parts_label: String| Balance {
        check: NAME,
        place: place(&[&here, "合计", word]),
        location: Location::budget_field(book.year, TableRef::Economic(ti), column),
        total_label: format!("合计行的{word}"),
        parts_label,
        decimals: book.published_decimals,
        error_hint: HINT,
    };
    let of = |cat: Option<CostCategory>| -> Vec<Amount> {
        table
            .lines
            .iter()
            .filter(|l| cat.is_none_or(|c| l.category == c))
            .map(|l| l.amount)
            .collect()
    };
    if !table.lines.is_empty() {
        let all = of(None);
        out.extend(
            balance("total", "合计", format!("{} 个科目之和", all.len())).check(t.total, &all),
        );
        for (cat, column) in [
            (CostCategory::Personnel, "personnel"),
            (CostCategory::Public, "public"),
        ] {
            let lines = of(Some(cat));
            let total = if cat == CostCategory::Personnel {
                t.personnel
            } else {
                t.public
            };
            out.extend(
                balance(
                    column,
                    cat.label(),
                    format!("计入{}的 {} 个科目之和", cat.label(), lines.len()),
                )
                .check(total, &lines),
            );
        }
    }
    out.extend(
        balance("total", "合计", "人员经费与公用经费之和".to_owned())
            .check(t.total, &[t.personnel, t.public]),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::finding::FindingKind;
    use crate::calc::checks::fixtures::{v, ws_with_book};
    use crate::model::{EconomicLine, EconomicTotals};
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    pub(crate) fn eline(code: &str, amount: Decimal, category: CostCategory) -> EconomicLine {
        EconomicLine {
            dept_code: code.to_owned(),
            dept_name: format!("科目{code}"),
            amount: v(amount),
            category,
            ..EconomicLine::default()
        }
    }

    fn book(total: [Decimal; 3], lines: Vec<EconomicLine>) -> BudgetBook {
        BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            economic: vec![EconomicTable {
                name: "一般公共预算基本支出表".to_owned(),
                note: String::new(),
                total: EconomicTotals {
                    total: v(total[0]),
                    personnel: v(total[1]),
                    public: v(total[2]),
                },
                lines,
            }],
            ..BudgetBook::default()
        }
    }

    #[test]
    fn sums_by_category() {
        let lines = vec![
            eline("30101", dec!(10.0), CostCategory::Personnel),
            eline("30201", dec!(5.0), CostCategory::Public),
            eline("30202", dec!(2.1), CostCategory::Public),
        ];
        let ok = book([dec!(17.1), dec!(10.0), dec!(7.1)], lines.clone());
        assert_eq!(check(&ws_with_book(ok)), vec![]);
        // 公用经费 printed 7.0: vs Σ 7.1 is rounding (tolerance 0.15), and 合计 17.1 vs
        // 10.0 + 7.0 = 17.0 is rounding too.
        let r = book([dec!(17.1), dec!(10.0), dec!(7.0)], lines.clone());
        let f = check(&ws_with_book(r));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::Rounding));
        // 人员经费 printed 11.0: 1.0 over Σ 10.0 is an error (and so is 合计 vs the two).
        let e = book([dec!(17.1), dec!(11.0), dec!(7.1)], lines);
        let f = check(&ws_with_book(e));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(1.0)));
        assert_eq!(f[1].difference, Some(dec!(-1.0)));
    }
}
