//! 勾稽关系: consistency checks, a list of named functions that all run.
//!
//! Every check is a plain function from the workspace to its findings; none stops the others.
//! Each finding says where it is (in words and as a [`Location`] the window can jump to), the
//! two amounts compared and their difference, one sentence and a hint. Differences the
//! published rounding explains are [`FindingKind::Rounding`], never errors (see [`tolerance`]).

pub mod balance;
pub mod finding;
pub mod text;
pub mod tolerance;

pub mod dates;
pub mod department_totals;
pub mod economic_classes;
pub mod economic_sums;
pub mod execution;
pub mod functional_hierarchy;
pub mod functional_rows;
pub mod funding_sources;
pub mod indicators;
pub mod project_rates;
pub mod project_sums;
pub mod published_scores;
pub mod summary;
pub mod three_public;

#[cfg(test)]
pub(crate) mod fixtures;

pub use finding::{
    BudgetColumn, Finding, FindingKind, Location, ProjectField, RowRef, Side, TableRef, Tally,
};
pub use tolerance::rounding_tolerance;

use crate::calc::breakdown::{ScoreBreakdown, score_all};
use crate::model::{Evaluation, Workspace};

/// What the checks read: the workspace and the score breakdown of each of its evaluations
/// (in the same order), computed once and shared, so that no check scores a sheet again.
#[derive(Clone, Copy, Debug)]
pub struct Scored<'a> {
    pub ws: &'a Workspace,
    pub breakdowns: &'a [ScoreBreakdown],
}

impl<'a> Scored<'a> {
    /// Each evaluation with its breakdown.
    pub fn sheets(&self) -> impl Iterator<Item = (&'a Evaluation, &'a ScoreBreakdown)> + use<'a> {
        self.ws.evaluations.iter().zip(self.breakdowns)
    }
}

/// A check: the workspace (with its breakdowns) in, its findings out.
pub type CheckFn = fn(&Scored<'_>) -> Vec<Finding>;

/// One entry of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    /// 检查名称 (also `Finding.check`).
    pub name: &'static str,
    /// What it verifies, one line.
    pub what: &'static str,
    pub run: CheckFn,
}

static CATALOGUE: &[Check] = &[
    Check {
        name: functional_hierarchy::NAME,
        what: "功能分类表：类 = Σ款 = Σ项，单位行 = Σ其下各行，合计 = Σ顶层行（九列逐列）",
        run: |s| functional_hierarchy::check(s.ws),
    },
    Check {
        name: functional_rows::NAME,
        what: "功能分类表每行：合计 = 基本 + 项目；基本 = 人员经费 + 公用经费；项目 = 其他运转类 + 特定目标类",
        run: |s| functional_rows::check(s.ws),
    },
    Check {
        name: summary::NAME,
        what: "收支总表：收入合计 = 支出合计 = 各行之和；收入总表：合计 = 各单位之和",
        run: |s| summary::check(s.ws),
    },
    Check {
        name: department_totals::NAME,
        what: "年初 + 调增 − 调减 = 调整后；基本 + 项目 = 合计；执行数 = 本级 + 转移支付；年初预算与预算表一致",
        run: |s| department_totals::check(s.ws),
    },
    Check {
        name: economic_sums::NAME,
        what: "经济分类表：各科目之和 = 合计，人员经费、公用经费分别相符",
        run: |s| economic_sums::check(s.ws),
    },
    Check {
        name: economic_classes::NAME_CATEGORY,
        what: "科目编码类与所计类别一致（301/303 人员经费，302/310 公用经费）",
        run: |s| economic_classes::check_category(s.ws),
    },
    Check {
        name: economic_classes::NAME_CROSS,
        what: "基本支出表按科目类汇总（Σ301/302/303/310）与功能分类表合计行各列一致",
        run: |s| economic_classes::check_cross(s.ws),
    },
    Check {
        name: three_public::NAME,
        what: "“三公”经费合计 = 因公出国 + 公务用车 + 公务接待；公务用车 = 购置 + 运行",
        run: |s| three_public::check(s.ws),
    },
    Check {
        name: project_sums::NAME_SUM,
        what: "当年各项目年初预算之和 = 部门年初项目支出；推算唯一的涉密项目金额",
        run: |s| project_sums::check_sum(s.ws),
    },
    Check {
        name: project_sums::NAME_FUNDING,
        what: "项目支出预算表：合计 = 各资金来源之和",
        run: |s| project_sums::check_funding(s.ws),
    },
    Check {
        name: funding_sources::NAME_SUM,
        what: "自评表资金来源：年初预算数、全年预算数、全年执行数 = 其中各资金来源之和",
        run: |s| funding_sources::check_sum(s.ws),
    },
    Check {
        name: funding_sources::NAME_CUT,
        what: "全年预算数低于年初预算数且恰好等于执行数（预算按支出调减）",
        run: |s| funding_sources::check_cut(s.ws),
    },
    Check {
        name: execution::NAME_OVER,
        what: "执行数超过预算（部门与项目）",
        run: |s| execution::check_over(s.ws),
    },
    Check {
        name: execution::NAME_DISBURSED,
        what: "各阶段已拨付资金超过应拨付资金",
        run: |s| execution::check_disbursed(s.ws),
    },
    Check {
        name: execution::NAME_COST,
        what: "成本明细的预算数、执行数之和与项目预算、执行数一致",
        run: |s| execution::check_cost_items(s.ws),
    },
    Check {
        name: project_rates::NAME_GAP,
        what: "资金已全部支出，而拨付至最终受益对象的比率偏低",
        run: |s| project_rates::check_gap(s.ws),
    },
    Check {
        name: project_rates::NAME_PUBLISHED,
        what: "报告公布的项目比率与按数据计算的结果一致",
        run: |s| project_rates::check_published(s.ws),
    },
    Check {
        name: dates::NAME,
        what: "拨付日期、监控时点、评价日期与年度相符",
        run: |s| dates::check(s.ws),
    },
    Check {
        name: indicators::NAME_WEIGHTS,
        what: "下级指标分值之和 = 上级分值；一级指标分值之和 = 满分；符合评分方案的一级权重",
        run: indicators::check_weights,
    },
    Check {
        name: indicators::NAME_BASIS,
        what: "人工评分和得分调整均有理由；链接的实际完成值有效",
        run: indicators::check_basis,
    },
    Check {
        name: indicators::NAME_ACTUALS,
        what: "实际完成值远超目标（目标可能偏低）；预算执行率超过 100%",
        run: indicators::check_actuals,
    },
    Check {
        name: published_scores::NAME,
        what: "公布的总分、等级、一级指标得分和指标得分与计算结果一致",
        run: published_scores::check,
    },
];

/// Every check, in the order findings are listed.
pub fn catalogue() -> &'static [Check] {
    CATALOGUE
}

/// Runs every check. Findings come by check (catalogue order), then by place in published
/// order (table, row, column), so the list is stable from one run to the next.
pub fn run_all(ws: &Workspace) -> Vec<Finding> {
    run_all_scored(&Scored {
        ws,
        breakdowns: &score_all(ws),
    })
}

/// Runs one check on a workspace, scoring its evaluations first (for tests of one check).
#[cfg(test)]
pub(crate) fn run_one(check: CheckFn, ws: &Workspace) -> Vec<Finding> {
    check(&Scored {
        ws,
        breakdowns: &score_all(ws),
    })
}

/// Runs every check on breakdowns the caller already has (the window keeps them).
pub fn run_all_scored(scored: &Scored<'_>) -> Vec<Finding> {
    CATALOGUE.iter().flat_map(|c| (c.run)(scored)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Actual, Amount, BudgetBook, CostItem, Disbursement, EconomicLine, EconomicTable,
        Evaluation, FunctionalLine, FunctionalTable, Indicator, LineLevel, Project, ProjectMetric,
        PublishedFigure, PublishedScore, Target,
    };
    use rust_decimal::Decimal;
    use std::collections::HashSet;

    #[test]
    fn catalogue_names_are_unique_and_name_every_finding() {
        let names: HashSet<&str> = catalogue().iter().map(|c| c.name).collect();
        assert_eq!(names.len(), catalogue().len());
        assert!(catalogue().iter().all(|c| !c.what.is_empty()));
        assert_eq!(run_all(&Workspace::default()), vec![]);
    }

    /// A workspace of absurd figures: the largest decimals, negatives, withheld cells.
    fn absurd() -> Workspace {
        let max = Amount::Value(Decimal::MAX);
        let min = Amount::Value(Decimal::MIN);
        let line = |code: &str, level| FunctionalLine {
            code: code.to_owned(),
            level,
            total: max,
            basic: min,
            wages: max,
            family: max,
            goods: Amount::Withheld,
            capital: max,
            project: max,
            operating: min,
            targeted: max,
            ..FunctionalLine::default()
        };
        let mut book = BudgetBook {
            year: 2024,
            published_decimals: Some(u32::MAX),
            functional: vec![FunctionalTable {
                lines: vec![
                    line("", LineLevel::Total),
                    line("021", LineLevel::Unit),
                    line("215", LineLevel::Class),
                    line("21505", LineLevel::Section),
                    line("2150501", LineLevel::Item),
                    line("2150502", LineLevel::Item),
                ],
                ..FunctionalTable::default()
            }],
            economic: vec![EconomicTable {
                lines: vec![
                    EconomicLine {
                        dept_code: "30239".to_owned(),
                        amount: max,
                        ..EconomicLine::default()
                    };
                    3
                ],
                ..EconomicTable::default()
            }],
            ..BudgetBook::default()
        };
        book.totals.initial.total = min;
        book.totals.initial.project = max;
        book.totals.adjusted.total = max;
        book.totals.executed = max;
        let project = Project {
            id: "p".to_owned(),
            year: 2024,
            budget_initial: Amount::Value(Decimal::new(1, 28)),
            executed: max,
            disbursements: vec![
                Disbursement {
                    amount: max,
                    ..Disbursement::default()
                };
                2
            ],
            cost_items: vec![
                CostItem {
                    budget: max,
                    executed: min,
                    ..CostItem::default()
                };
                2
            ],
            published: vec![PublishedFigure {
                metric: ProjectMetric::SpendingRate,
                value_pct: Decimal::MAX,
                source: String::new(),
            }],
            ..Project::default()
        };
        let indicator = |level: u8| Indicator {
            level,
            name: "指标".to_owned(),
            weight: Decimal::MAX,
            target: Target::parse("≥0.0000000000000000000000000001"),
            actual: Actual::typed("79228162514264337593543950335"),
            published_score: Some(Decimal::MIN),
            ..Indicator::default()
        };
        let evaluation = Evaluation {
            id: "e".to_owned(),
            year: 2024,
            indicators: vec![indicator(1), indicator(3), indicator(3), indicator(1)],
            published: Some(PublishedScore {
                total: Some(Decimal::MAX),
                grade: "优秀".to_owned(),
                ..PublishedScore::default()
            }),
            ..Evaluation::default()
        };
        Workspace {
            budgets: vec![book],
            projects: vec![project.clone(), project],
            evaluations: vec![evaluation],
            ..Workspace::default()
        }
    }

    #[test]
    fn absurd_figures_never_panic_and_serialise_with_english_names() {
        let f = run_all(&absurd());
        assert!(!f.is_empty());
        let json = serde_json::to_string(&f).unwrap();
        for field in [
            "\"check\"",
            "\"kind\"",
            "\"place\"",
            "\"difference\"",
            "\"location\"",
        ] {
            assert!(json.contains(field), "{field}");
        }
        let t = Tally::of(&f);
        assert_eq!(t.errors + t.rounding + t.warnings + t.info, f.len());
    }
}
