//! 项目支出合计 and 项目资金来源: Σ the 年初 budgets of a year's projects (the 项目支出预算表
//! rows) against the book's 年初 项目支出, deducing a single withheld ('XXXX') project; and each
//! project's 合计 against its funding columns.

use rust_decimal::Decimal;

use crate::calc::num::sum;
use crate::model::{BudgetBook, Project, ProjectColumn, Workspace};

use super::balance::Balance;
use super::finding::{BudgetColumn, Finding, FindingKind, Location, Side, TableRef};
use super::text::{money, place, project_label, project_place, table_place, tolerance_text};
use super::tolerance::{classify, rounding_tolerance};

pub const NAME_SUM: &str = "项目支出合计";
pub const NAME_FUNDING: &str = "项目资金来源";

pub fn check_sum(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        let projects: Vec<&Project> = ws.projects.iter().filter(|p| p.year == book.year).collect();
        let Some(department) = book.totals.initial.project.value() else {
            continue;
        };
        if projects.is_empty() {
            continue;
        }
        out.extend(sum_year(book, department, &projects));
    }
    out
}

fn sum_year(book: &BudgetBook, department: Decimal, projects: &[&Project]) -> Option<Finding> {
    let withheld: Vec<&&Project> = projects
        .iter()
        .filter(|p| p.budget_initial.is_withheld())
        .collect();
    let known_list: Vec<Decimal> = projects
        .iter()
        .filter_map(|p| p.budget_initial.value())
        .collect();
    let known = sum(known_list.iter().copied());
    let tolerance = rounding_tolerance(book.published_decimals, known_list.len());
    let here = place(&[&table_place(book, TableRef::Totals), "年初预算", "项目支出"]);
    let location = Location::budget_column(
        book.year,
        TableRef::Totals,
        BudgetColumn::Part("initial", "project"),
    );
    let dept_side = Side::new("部门年初项目支出", department);
    let known_side = |label: &str| Side::new(format!("{label}（{} 个）", known_list.len()), known);
    let finding = |kind, place: String, location: Location, message: String, hint: &str| {
        Finding::note(NAME_SUM, kind, place, location, message, hint.to_owned())
    };
    let difference = department.saturating_sub(known);
    match withheld.as_slice() {
        [only] => {
            let project_location = Location::project_column(&only.id, ProjectColumn::BudgetInitial);
            if difference < -tolerance {
                return Some(
                    finding(
                        FindingKind::Error,
                        project_place(only),
                        project_location,
                        format!(
                            "{}金额为 XXXX，但已公开项目合计 {} 已超过部门年初项目支出 {}，相差 {}。",
                            project_label(only),
                            money(known),
                            money(department),
                            money(difference.abs())
                        ),
                        "核对已公开项目的金额，或部门年初项目支出。",
                    )
                    .with_sides(dept_side, known_side("已公开项目合计")),
                );
            }
            Some(
                finding(
                    FindingKind::Info,
                    project_place(only),
                    project_location,
                    format!(
                        "{}金额为 XXXX（不予公开），按部门年初项目支出 {} 减已公开项目合计 {} 推算为 {}。",
                        project_label(only),
                        money(department),
                        money(known),
                        money(difference)
                    ),
                    "推算值假定项目支出预算表已全部录入、其余金额无误；可用功能分类表（如产业发展科目）印证。",
                )
                .with_sides(dept_side, known_side("已公开项目合计")),
            )
        }
        [] => {
            let kind = match classify(difference, tolerance)? {
                FindingKind::Error if difference > Decimal::ZERO => FindingKind::Warning,
                kind => kind,
            };
            let head = format!(
                "{} 年各项目年初预算之和 {} 与部门年初项目支出 {} 相差 {}",
                book.year,
                money(known),
                money(department),
                money(difference.abs())
            );
            let (message, hint) = match kind {
                FindingKind::Rounding => (
                    format!("{head}，在舍入容差 ±{} 之内。", tolerance_text(tolerance)),
                    "公开表金额各自舍入，属舍入差异，无需更正。",
                ),
                FindingKind::Warning => (
                    format!("{head}：项目合计低于部门项目支出。"),
                    "若项目支出预算表已全部录入，说明有项目金额错录；若只录入了部分项目，可忽略此提示。",
                ),
                _ => (
                    format!("{head}：项目合计超过部门项目支出。"),
                    "核对项目的年度和年初预算是否录错，是否重复录入了项目。",
                ),
            };
            Some(
                finding(kind, here, location, message, hint)
                    .with_sides(dept_side, known_side("项目年初预算之和")),
            )
        }
        several => {
            let over = difference < -tolerance;
            Some(
                finding(
                    if over { FindingKind::Error } else { FindingKind::Info },
                    here,
                    location,
                    format!(
                        "{} 年有 {} 个项目金额为 XXXX，无法核对项目合计；已公开项目合计 {}，部门年初项目支出 {}。",
                        book.year,
                        several.len(),
                        money(known),
                        money(department)
                    ),
                    if over {
                        "已公开项目合计已超过部门项目支出：核对项目金额。"
                    } else {
                        "涉密项目按规定不予公开，合计只能部分核对。"
                    },
                )
                .with_sides(dept_side, known_side("已公开项目合计")),
            )
        }
    }
}

/// 项目支出预算表: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营 + 结转结余 + 财政专户 + 单位资金.
pub fn check_funding(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ws.projects {
        let f = &p.funding;
        let parts = [
            f.general_budget,
            f.government_fund,
            f.state_capital,
            f.carryover,
            f.special_account,
            f.own_funds,
        ];
        if p.budget_initial.is_withheld() || parts.iter().all(|a| a.is_blank()) {
            continue;
        }
        let decimals = ws.budget(p.year).and_then(|b| b.published_decimals);
        let b = Balance {
            check: NAME_FUNDING,
            place: place(&[&project_place(p), "资金来源"]),
            location: Location::project_field(&p.id, "funding"),
            total_label: "年初预算合计".to_owned(),
            parts_label: "各资金来源之和".to_owned(),
            decimals,
            error_hint: "核对项目支出预算表该行的合计与各资金来源列。",
        };
        out.extend(b.check(p.budget_initial, &parts));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::fixtures::{project, v};
    use crate::model::{Amount, ProjectFunding};
    use rust_decimal_macros::dec;

    fn ws(department: Decimal, budgets: &[Amount]) -> Workspace {
        let mut book = BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            ..BudgetBook::default()
        };
        book.totals.initial.project = v(department);
        Workspace {
            budgets: vec![book],
            projects: budgets
                .iter()
                .enumerate()
                .map(|(i, a)| project(&format!("p{i}"), 2024, *a))
                .collect(),
            ..Workspace::default()
        }
    }

    #[test]
    fn matching_sum_gives_nothing_and_other_years_are_ignored() {
        let mut w = ws(dec!(30.0), &[v(dec!(10.0)), v(dec!(20.0))]);
        w.projects.push(project("old", 2023, v(dec!(999.0))));
        assert_eq!(check_sum(&w), vec![]);
    }

    #[test]
    fn one_withheld_project_is_deduced() {
        // Seed 003: 85,750.2 − 79,118.2 disclosed = 6,632.0.
        let w = ws(
            dec!(85750.2),
            &[v(dec!(40000.0)), v(dec!(39118.2)), Amount::Withheld],
        );
        let f = check_sum(&w);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FindingKind::Info);
        assert_eq!(f[0].difference, Some(dec!(6632.0)));
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(85750.2));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(79118.2));
        assert!(f[0].message.contains("推算为 6,632.0"), "{}", f[0].message);
        assert_eq!(
            f[0].location,
            Location::project_column("p2", ProjectColumn::BudgetInitial)
        );
    }

    #[test]
    fn several_withheld_cannot_be_verified() {
        let w = ws(
            dec!(100.0),
            &[v(dec!(10.0)), Amount::Withheld, Amount::Withheld],
        );
        let f = check_sum(&w);
        assert_eq!(f[0].kind, FindingKind::Info);
        assert!(f[0].message.contains("无法核对"));
    }

    #[test]
    fn gaps_by_size_and_sign() {
        // 0.1 within 0.05 × 3: rounding.
        let f = check_sum(&ws(dec!(30.1), &[v(dec!(10.0)), v(dec!(20.0))]));
        assert_eq!(f[0].kind, FindingKind::Rounding);
        // Projects 1.0 above the department: error.
        let f = check_sum(&ws(dec!(29.0), &[v(dec!(10.0)), v(dec!(20.0))]));
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(-1.0)));
        // Projects below: perhaps not all typed in, a warning.
        let f = check_sum(&ws(dec!(31.0), &[v(dec!(10.0)), v(dec!(20.0))]));
        assert_eq!(f[0].kind, FindingKind::Warning);
    }

    #[test]
    fn funding_columns_add_up() {
        let mut p = project("p", 2024, v(dec!(4.2)));
        p.funding = ProjectFunding {
            special_account: v(dec!(4.2)),
            ..ProjectFunding::default()
        };
        let mut w = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        assert_eq!(check_funding(&w), vec![]);
        w.projects[0].funding.general_budget = v(dec!(1.0));
        let f = check_funding(&w);
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(-1.0)));
    }
}
