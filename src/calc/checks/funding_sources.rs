//! 资金来源 of a project (the 自评表's 其中 rows): the project's 年初预算数, 全年预算数 and
//! 全年执行数 against the sums of its sources, column by column, and a 全年预算数 cut to exactly
//! the spend (全年预算数 < 年初预算数 and 全年预算数 = 全年执行数, which makes 执行率 read 100%).

use rust_decimal::Decimal;

use crate::calc::num::{opt_pct_text, ratio, sum};
use crate::model::{Amount, FundingSource, ProjectColumn, Workspace};

use super::finding::{Finding, FindingKind, Location, ProjectField, Side};
use super::text::{money, project_label, project_place};

pub const NAME_SUM: &str = "资金来源合计";
pub const NAME_CUT: &str = "预算按支出调减";

/// A column compared: its name, the project field, the project's figure and the sources' one.
type Column = (
    &'static str,
    ProjectColumn,
    Amount,
    fn(&FundingSource) -> Amount,
);

/// The sources' sum of one column, when any source gives a figure.
fn column(sources: &[FundingSource], pick: fn(&FundingSource) -> Amount) -> Option<Decimal> {
    let values: Vec<Decimal> = sources.iter().filter_map(|s| pick(s).value()).collect();
    (!values.is_empty()).then(|| sum(values))
}

/// Each project's figures against the sums of its funding sources.
pub fn check_sum(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in ws.projects.iter().filter(|p| !p.funding_sources.is_empty()) {
        let columns: [Column; 3] = [
            (
                "年初预算数",
                ProjectColumn::BudgetInitial,
                p.budget_initial,
                |s| s.initial,
            ),
            (
                "全年预算数",
                ProjectColumn::BudgetAdjusted,
                p.budget_adjusted,
                |s| s.adjusted,
            ),
            (
                "全年执行数",
                ProjectColumn::Executed,
                p.executed,
                |s| s.executed,
            ),
        ];
        for (name, field, total, pick) in columns {
            let (Some(t), Some(s)) = (total.value(), column(&p.funding_sources, pick)) else {
                continue;
            };
            if t == s {
                continue;
            }
            let zero_total = t.is_zero();
            out.push(
                Finding::note(
                    NAME_SUM,
                    FindingKind::Error,
                    project_place(p),
                    Location::project_column(&p.id, field),
                    if zero_total {
                        format!(
                            "{}{name}为 0，而其中各资金来源合计 {}：总额未填写或公式失效，执行率将按 0 计算。",
                            project_label(p),
                            money(s)
                        )
                    } else {
                        format!(
                            "{}{name} {} 与其中各资金来源合计 {} 不符。",
                            project_label(p),
                            money(t),
                            money(s)
                        )
                    },
                    "核对项目资金总额与各资金来源（当年财政拨款、上年结转、其他资金等）。",
                )
                .with_sides(Side::new(name, t), Side::new("各资金来源之和", s)),
            );
        }
    }
    out
}

fn cut_to_spend(initial: Amount, adjusted: Amount, executed: Amount) -> Option<(Decimal, Decimal)> {
    let (i, a, e) = (initial.value()?, adjusted.value()?, executed.value()?);
    (a < i && a == e).then_some((i, a))
}

/// 全年预算数 cut to exactly the spend, for the project and each of its sources.
pub fn check_cut(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ws.projects {
        let mut one = |what: String, field: ProjectField, initial, adjusted, executed| {
            if let Some((i, a)) = cut_to_spend(initial, adjusted, executed) {
                out.push(
                    Finding::note(
                        NAME_CUT,
                        FindingKind::Warning,
                        project_place(p),
                        Location::project(&p.id, Some(field)),
                        format!(
                            "{what}全年预算数 {} 低于年初预算数 {}，且恰好等于全年执行数：预算可能按支出数调减，执行率因此为 100%（按年初预算数计为 {}）。",
                            money(a),
                            money(i),
                            opt_pct_text(ratio(a, i))
                        ),
                        "核对预算调整文件；需要时将评分方案的执行率口径改为年初预算。",
                    )
                    .with_sides(Side::new("全年预算数", a), Side::new("年初预算数", i)),
                );
            }
        };
        one(
            project_label(p),
            ProjectField::Column(ProjectColumn::BudgetAdjusted),
            p.budget_initial,
            p.budget_adjusted,
            p.executed,
        );
        for s in &p.funding_sources {
            one(
                format!("{}“{}”", project_label(p), s.label),
                ProjectField::Field("funding_sources"),
                s.initial,
                s.adjusted,
                s.executed,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;
    use rust_decimal_macros::dec;

    fn source(label: &str, i: Decimal, a: Decimal, e: Decimal) -> FundingSource {
        FundingSource {
            label: label.to_owned(),
            initial: Amount::Value(i),
            adjusted: Amount::Value(a),
            executed: Amount::Value(e),
        }
    }

    fn project(i: Decimal, a: Decimal, e: Decimal, sources: Vec<FundingSource>) -> Project {
        Project {
            id: "p".to_owned(),
            name: "养护".to_owned(),
            year: 2023,
            budget_initial: Amount::Value(i),
            budget_adjusted: Amount::Value(a),
            executed: Amount::Value(e),
            funding_sources: sources,
            ..Project::default()
        }
    }

    #[test]
    fn a_zero_total_over_filled_sources_is_an_error_per_column() {
        let ws = Workspace {
            projects: vec![project(
                dec!(0),
                dec!(0),
                dec!(0),
                vec![
                    source("财政资金", dec!(80), dec!(80), dec!(79.974)),
                    source("单位资金", dec!(10), dec!(10), dec!(10)),
                ],
            )],
            ..Workspace::default()
        };
        let f = check_sum(&ws);
        let rights: Vec<Decimal> = f.iter().map(|x| x.right.as_ref().unwrap().amount).collect();
        assert_eq!(rights, [dec!(90), dec!(90), dec!(89.974)]);
        assert!(f.iter().all(|x| x.kind == FindingKind::Error));
        assert!(f[2].message.contains("全年执行数为 0"));
    }

    #[test]
    fn a_budget_cut_to_the_spend_is_flagged_with_the_initial_basis_rate() {
        let ws = Workspace {
            projects: vec![project(dec!(100), dec!(86.2), dec!(86.2), Vec::new())],
            ..Workspace::default()
        };
        let f = check_cut(&ws);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("86.20%"), "{}", f[0].message);
        let ws = Workspace {
            projects: vec![project(dec!(100), dec!(100), dec!(86.2), Vec::new())],
            ..Workspace::default()
        };
        assert!(check_cut(&ws).is_empty());
    }
}
