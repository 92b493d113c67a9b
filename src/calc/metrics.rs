//! Budget metrics of DESIGN.md (预算执行率, 预算调整率, 结转结余率 …) for the department and
//! for projects, each with the figures it was computed from.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::num::{ratio, sum};
use crate::model::{
    AdjustmentDefinition, Amount, BudgetBook, Department, DepartmentMetric, DisbursementStage,
    ExecutionBase, Project, ProjectMetric,
};

/// A computed ratio with its two sides, or the reason it cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetricValue {
    /// 指标名称.
    pub name: &'static str,
    /// The formula in words ("预算完成数 / 调整后预算").
    pub formula: String,
    pub numerator: Option<Decimal>,
    pub denominator: Option<Decimal>,
    /// The exact ratio (0.9436…); `None` when a side is missing or the denominator is zero.
    pub ratio: Option<Decimal>,
    /// Why there is no ratio.
    pub missing: Option<String>,
}

impl MetricValue {
    fn from_sides(
        name: &'static str,
        formula: String,
        num: (Amount, &str),
        den: (Amount, &str),
    ) -> MetricValue {
        let (n, d) = (num.0.value(), den.0.value());
        let r = match (n, d) {
            (Some(n), Some(d)) => ratio(n, d),
            _ => None,
        };
        let missing = match (n, d) {
            (None, _) => Some(format!("缺少{}", num.1)),
            (_, None) => Some(format!("缺少{}", den.1)),
            (_, Some(d)) if d.is_zero() => Some(format!("{}为 0，无法计算", den.1)),
            _ if r.is_none() => Some("数值超出可计算的范围".to_owned()),
            _ => None,
        };
        MetricValue {
            name,
            formula,
            numerator: n,
            denominator: d,
            ratio: r,
            missing,
        }
    }
}

/// The settings metrics depend on (taken from an evaluation's profile).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MetricSettings {
    pub execution_base: ExecutionBase,
    pub adjustment_definition: AdjustmentDefinition,
}

/// The department budget the execution rate is measured against.
fn department_base(book: &BudgetBook, base: ExecutionBase) -> (Amount, &'static str) {
    let t = &book.totals;
    match base {
        ExecutionBase::Adjusted => (t.adjusted.total, "调整后预算"),
        ExecutionBase::Initial => (t.initial.total, "年初预算"),
        ExecutionBase::Received => (t.received, "实际到位资金"),
    }
}

/// One department metric of a budget book.
pub fn department_metric(
    book: &BudgetBook,
    dept: &Department,
    metric: DepartmentMetric,
    s: MetricSettings,
) -> MetricValue {
    let t = &book.totals;
    let name = metric.label();
    match metric {
        DepartmentMetric::ExecutionRate => {
            let den = department_base(book, s.execution_base);
            MetricValue::from_sides(
                name,
                format!("预算完成数 / {}", den.1),
                (t.executed, "预算完成数（执行数）"),
                den,
            )
        }
        DepartmentMetric::AdjustmentRate => match s.adjustment_definition {
            AdjustmentDefinition::NetOverInitial => {
                let net = match (t.adjusted.total.value(), t.initial.total.value()) {
                    (Some(a), Some(i)) => Amount::Value(a.saturating_sub(i)),
                    _ => Amount::Blank,
                };
                MetricValue::from_sides(
                    name,
                    "(调整后预算数 − 年初预算数) / 年初预算数".to_owned(),
                    (net, "调整后预算数或年初预算数"),
                    (t.initial.total, "年初预算数"),
                )
            }
            AdjustmentDefinition::GrossOverAdjusted => {
                let gross = if t.increase.total.is_blank() && t.decrease.total.is_blank() {
                    Amount::Blank
                } else {
                    Amount::Value(
                        t.increase
                            .total
                            .or_zero()
                            .saturating_add(t.decrease.total.or_zero().abs()),
                    )
                };
                MetricValue::from_sides(
                    name,
                    "(调增 + 调减) / 调整后预算数".to_owned(),
                    (gross, "调增、调减数"),
                    (t.adjusted.total, "调整后预算数"),
                )
            }
        },
        DepartmentMetric::CarryoverRate => {
            let den = department_base(book, s.execution_base);
            MetricValue::from_sides(
                name,
                format!("结转结余总额 / {}", den.1),
                (t.carryover, "结转结余总额"),
                den,
            )
        }
        DepartmentMetric::ThreePublicControlRate => MetricValue::from_sides(
            name,
            "三公经费实际支出数 / 三公经费预算数".to_owned(),
            (book.three_public.actual, "三公经费实际支出数"),
            (book.three_public.total, "三公经费预算数"),
        ),
        DepartmentMetric::ProcurementExecutionRate => MetricValue::from_sides(
            name,
            "实际政府采购金额 / 政府采购预算数".to_owned(),
            (book.procurement.actual, "实际政府采购金额"),
            (book.procurement.budget, "政府采购预算数"),
        ),
        DepartmentMetric::SpecialFundDetailRate => MetricValue::from_sides(
            name,
            "已细化资金数 / 部门参与分配资金总数".to_owned(),
            (t.special_detailed, "已细化到市县和承担单位的资金数"),
            (t.special_allocated, "部门参与分配资金总数"),
        ),
        DepartmentMetric::ReceivedRate => {
            let (den, label) = if t.adjusted.total.is_blank() {
                (t.initial.total, "年初预算")
            } else {
                (t.adjusted.total, "调整后预算")
            };
            MetricValue::from_sides(
                name,
                format!("实际到位资金 / {label}"),
                (t.received, "实际到位资金"),
                (den, label),
            )
        }
        DepartmentMetric::StaffControlRate => {
            let h = &dept.headcount;
            let a = |v: Option<u32>| v.map_or(Amount::Blank, |v| Amount::Value(Decimal::from(v)));
            MetricValue::from_sides(
                name,
                "在职人员数 / 编制数".to_owned(),
                (a(h.on_duty), "在职人数"),
                (a(h.authorized), "编制数"),
            )
        }
    }
}

/// The project budget the execution rate is measured against, with its name.
pub fn project_base(p: &Project, base: ExecutionBase) -> (Amount, &'static str) {
    match base {
        ExecutionBase::Adjusted => (p.budget_adjusted, "调整后预算"),
        ExecutionBase::Initial => (p.budget_initial, "年初预算"),
        ExecutionBase::Received => (p.received, "实际到位资金"),
    }
}

/// The best-known budget of a project: 调整后, else 年初.
pub fn project_budget(p: &Project) -> Amount {
    if p.budget_adjusted.is_blank() {
        p.budget_initial
    } else {
        p.budget_adjusted
    }
}

/// 应拨付资金: the explicit figure, else the project budget.
pub fn disbursement_due(p: &Project) -> (Amount, &'static str) {
    if p.disbursement_due.is_blank() {
        (project_budget(p), "项目预算")
    } else {
        (p.disbursement_due, "应拨付资金")
    }
}

/// Σ of the disbursements of one stage (blank amounts count as nothing).
pub fn disbursed(p: &Project, stage: DisbursementStage) -> Decimal {
    sum(p
        .disbursements
        .iter()
        .filter(|d| d.stage == stage)
        .map(|d| d.amount.or_zero()))
}

/// True when the project has at least one disbursement of that stage.
pub fn has_disbursements(p: &Project, stage: DisbursementStage) -> bool {
    p.disbursements.iter().any(|d| d.stage == stage)
}

/// One project metric.
pub fn project_metric(p: &Project, metric: ProjectMetric, base: ExecutionBase) -> MetricValue {
    let name = metric.label();
    match metric {
        ProjectMetric::ExecutionRate => {
            let den = project_base(p, base);
            MetricValue::from_sides(
                name,
                format!("执行数 / {}", den.1),
                (p.executed, "执行数"),
                den,
            )
        }
        ProjectMetric::ReceivedRate => {
            let den = if p.budget_adjusted.is_blank() {
                (p.budget_initial, "年初预算")
            } else {
                (p.budget_adjusted, "调整后预算")
            };
            MetricValue::from_sides(
                name,
                format!("实际到位资金 / {}", den.1),
                (p.received, "实际到位资金"),
                den,
            )
        }
        ProjectMetric::DisbursementRate(stage) => {
            let due = disbursement_due(p);
            let paid = if has_disbursements(p, stage) {
                Amount::Value(disbursed(p, stage))
            } else {
                Amount::Blank
            };
            MetricValue::from_sides(
                name,
                format!("已{} / {}", stage.label(), due.1),
                (paid, "拨付记录"),
                due,
            )
        }
        ProjectMetric::SpendingRate => {
            let den = if p.received.is_blank() {
                (project_budget(p), "项目预算")
            } else {
                (p.received, "实际到位资金")
            };
            MetricValue::from_sides(
                name,
                format!("执行数 / {}", den.1),
                (p.executed, "执行数"),
                den,
            )
        }
    }
}

/// 执行率 against the evaluation's base; a project without an adjustment (调整后预算 blank) is
/// measured against its 年初预算, which is then its adjusted budget too.
pub fn execution_rate(p: &Project, base: ExecutionBase) -> Option<Decimal> {
    let base = if base == ExecutionBase::Adjusted && p.budget_adjusted.is_blank() {
        ExecutionBase::Initial
    } else {
        base
    };
    project_metric(p, ProjectMetric::ExecutionRate, base).ratio
}

/// 执行率 of one cost item (成本明细): executed / budget, when both are given and the budget
/// is not zero.
pub fn cost_item_rate(item: &crate::model::CostItem) -> Option<Decimal> {
    ratio(item.executed.value()?, item.budget.value()?)
}

/// 结余: budget (per the base) minus executed (seed 002: 207 − 134.5343 = 72.4657).
pub fn project_balance(p: &Project, base: ExecutionBase) -> Option<Decimal> {
    Some(
        project_base(p, base)
            .0
            .value()?
            .saturating_sub(p.executed.value()?),
    )
}

/// Days in a calendar (fiscal) year: 366 in a leap year, else 365.
pub fn days_in_year(year: i32) -> u32 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// 序时进度: the share of the fiscal year elapsed at the end of `date`
/// (1 January → 1/365; 31 December → 100%; before the year 0, after it 100%).
pub fn time_progress(date: NaiveDate, fiscal_year: i32) -> Decimal {
    if date.year() < fiscal_year {
        return Decimal::ZERO;
    }
    if date.year() > fiscal_year {
        return Decimal::ONE;
    }
    Decimal::from(date.ordinal()) / Decimal::from(days_in_year(fiscal_year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::num::pct_text;
    use crate::model::{Disbursement, Split};
    use rust_decimal_macros::dec;

    fn book_2021() -> BudgetBook {
        let mut b = BudgetBook {
            year: 2021,
            ..BudgetBook::default()
        };
        b.totals.initial = Split {
            total: dec!(114529.94).into(),
            ..Split::default()
        };
        b.totals.increase = Split {
            total: dec!(11508.81).into(),
            ..Split::default()
        };
        b.totals.adjusted = Split {
            total: dec!(126038.75).into(),
            ..Split::default()
        };
        b.totals.executed = dec!(118925.25).into();
        b
    }

    #[test]
    fn seed_000_department_rates() {
        let b = book_2021();
        let d = Department::default();
        let s = MetricSettings::default();
        let exec = department_metric(&b, &d, DepartmentMetric::ExecutionRate, s);
        assert_eq!(pct_text(exec.ratio.unwrap()), "94.36%");
        let adj = department_metric(&b, &d, DepartmentMetric::AdjustmentRate, s);
        assert_eq!(pct_text(adj.ratio.unwrap()), "10.05%");
        let gross = MetricSettings {
            adjustment_definition: AdjustmentDefinition::GrossOverAdjusted,
            ..s
        };
        let adj2 = department_metric(&b, &d, DepartmentMetric::AdjustmentRate, gross);
        assert_eq!(pct_text(adj2.ratio.unwrap()), "9.13%"); // 11,508.81 / 126,038.75
    }

    #[test]
    fn missing_sides_say_what_is_missing() {
        let b = BudgetBook::default();
        let m = department_metric(
            &b,
            &Department::default(),
            DepartmentMetric::CarryoverRate,
            MetricSettings::default(),
        );
        assert_eq!(m.ratio, None);
        assert_eq!(m.missing.as_deref(), Some("缺少结转结余总额"));
        let mut b = book_2021();
        b.totals.adjusted.total = dec!(0).into();
        let m = department_metric(
            &b,
            &Department::default(),
            DepartmentMetric::ExecutionRate,
            MetricSettings::default(),
        );
        assert_eq!(m.missing.as_deref(), Some("调整后预算为 0，无法计算"));
    }

    #[test]
    fn project_rates_follow_the_base() {
        let p = Project {
            budget_initial: dec!(6800).into(),
            executed: dec!(7309.62).into(),
            disbursements: vec![Disbursement {
                amount: dec!(3451).into(),
                stage: DisbursementStage::ToBeneficiaries,
                ..Disbursement::default()
            }],
            ..Project::default()
        };
        let e = project_metric(&p, ProjectMetric::ExecutionRate, ExecutionBase::Initial);
        assert_eq!(pct_text(e.ratio.unwrap()), "107.49%");
        let e = project_metric(&p, ProjectMetric::ExecutionRate, ExecutionBase::Adjusted);
        assert_eq!(e.ratio, None);
        let d = project_metric(
            &p,
            ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries),
            ExecutionBase::Adjusted,
        );
        assert_eq!(pct_text(d.ratio.unwrap()), "50.75%");
        let none = project_metric(
            &p,
            ProjectMetric::DisbursementRate(DisbursementStage::ToDistricts),
            ExecutionBase::Adjusted,
        );
        assert_eq!(none.missing.as_deref(), Some("缺少拨付记录"));
    }

    #[test]
    fn seed_002_cost_items() {
        let item = |b, e| crate::model::CostItem {
            name: String::new(),
            budget: Amount::Value(b),
            executed: Amount::Value(e),
            ..Default::default()
        };
        // 培训费 54.2543 / 108 = 50.2354…%; 维修(护)费 53.28 / 72 = 74%; 会议费 27 / 27 = 100%.
        assert_eq!(
            pct_text(cost_item_rate(&item(dec!(108), dec!(54.2543))).unwrap()),
            "50.24%"
        );
        assert_eq!(
            pct_text(cost_item_rate(&item(dec!(72), dec!(53.28))).unwrap()),
            "74.00%"
        );
        assert_eq!(
            pct_text(cost_item_rate(&item(dec!(27), dec!(27))).unwrap()),
            "100.00%"
        );
        assert_eq!(cost_item_rate(&item(dec!(0), dec!(1))), None);
    }

    #[test]
    fn seed_002_balance() {
        let p = Project {
            budget_initial: dec!(207).into(),
            executed: dec!(134.5343).into(),
            ..Project::default()
        };
        assert_eq!(
            project_balance(&p, ExecutionBase::Initial),
            Some(dec!(72.4657))
        );
        let r = project_metric(&p, ProjectMetric::ExecutionRate, ExecutionBase::Initial);
        assert_eq!(pct_text(r.ratio.unwrap()), "64.99%");
    }

    #[test]
    fn time_progress_runs_over_the_year() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(time_progress(d(2021, 12, 31), 2021), Decimal::ONE);
        assert_eq!(time_progress(d(2020, 12, 31), 2020), Decimal::ONE);
        assert_eq!(time_progress(d(2021, 1, 1), 2021), Decimal::ONE / dec!(365));
        assert_eq!(time_progress(d(2020, 12, 31), 2021), Decimal::ZERO);
        assert_eq!(time_progress(d(2022, 1, 1), 2021), Decimal::ONE);
        // 31 July: 212 days of 365.
        assert_eq!(pct_text(time_progress(d(2021, 7, 31), 2021)), "58.08%");
    }
}
