//! Budget metrics (预算执行率 and its three denominators, both 预算调整率 definitions,
//! 结转结余率, 三公经费控制率 …) and 序时进度, checked against the seeds and hand arithmetic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use jixiao::calc::metrics::{
    MetricSettings, department_metric, project_balance, project_metric, time_progress,
};
use jixiao::calc::num::pct_text;
use jixiao::model::{
    AdjustmentDefinition, Amount, BudgetBook, Department, DepartmentMetric, Disbursement,
    DisbursementStage, ExecutionBase, Headcount, Project, ProjectMetric, Split,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn total(v: Decimal) -> Split {
    Split {
        total: v.into(),
        ..Split::default()
    }
}

/// Seed 000's 2021 figures (万元).
fn seed_000() -> BudgetBook {
    let mut b = BudgetBook {
        year: 2021,
        ..BudgetBook::default()
    };
    b.totals.initial = total(dec!(114529.94));
    b.totals.increase = total(dec!(11508.81));
    b.totals.adjusted = total(dec!(126038.75));
    b.totals.executed = dec!(118925.25).into();
    b.totals.received = dec!(120000).into();
    b
}

fn settings(base: ExecutionBase) -> MetricSettings {
    MetricSettings {
        execution_base: base,
        ..MetricSettings::default()
    }
}

fn dept(book: &BudgetBook, m: DepartmentMetric, s: MetricSettings) -> Option<String> {
    department_metric(book, &Department::default(), m, s)
        .ratio
        .map(pct_text)
}

#[test]
fn execution_rate_three_denominators() {
    let b = seed_000();
    // 调整后: 118,925.25 / 126,038.75 = 0.943561… → 94.36% (seed 000).
    assert_eq!(
        dept(
            &b,
            DepartmentMetric::ExecutionRate,
            settings(ExecutionBase::Adjusted)
        )
        .as_deref(),
        Some("94.36%")
    );
    // 年初: 118,925.25 / 114,529.94 = 1.038377… → 103.84%.
    assert_eq!(
        dept(
            &b,
            DepartmentMetric::ExecutionRate,
            settings(ExecutionBase::Initial)
        )
        .as_deref(),
        Some("103.84%")
    );
    // 实际到位: 118,925.25 / 120,000 = 0.99104375 → 99.10%.
    assert_eq!(
        dept(
            &b,
            DepartmentMetric::ExecutionRate,
            settings(ExecutionBase::Received)
        )
        .as_deref(),
        Some("99.10%")
    );
    let m = department_metric(
        &b,
        &Department::default(),
        DepartmentMetric::ExecutionRate,
        settings(ExecutionBase::Initial),
    );
    assert_eq!(m.formula, "预算完成数 / 年初预算");
    assert_eq!(
        (m.numerator, m.denominator),
        (Some(dec!(118925.25)), Some(dec!(114529.94)))
    );
}

#[test]
fn adjustment_rate_both_definitions() {
    let b = seed_000();
    // (126,038.75 − 114,529.94) / 114,529.94 = 11,508.81 / 114,529.94 = 10.05% (seed 000).
    let net = MetricSettings::default();
    assert_eq!(
        dept(&b, DepartmentMetric::AdjustmentRate, net).as_deref(),
        Some("10.05%")
    );
    let m = department_metric(
        &b,
        &Department::default(),
        DepartmentMetric::AdjustmentRate,
        net,
    );
    assert_eq!(m.numerator, Some(dec!(11508.81)));
    // 2013 national: 调整数 / 预算数 = 11,508.81 / 126,038.75 = 9.13%.
    let gross = MetricSettings {
        adjustment_definition: AdjustmentDefinition::GrossOverAdjusted,
        ..MetricSettings::default()
    };
    assert_eq!(
        dept(&b, DepartmentMetric::AdjustmentRate, gross).as_deref(),
        Some("9.13%")
    );
    // With a 调减 of 500 as well: (11,508.81 + 500) / 126,038.75 = 9.53%; the net rate is
    // unchanged, because it reads 调整后 and 年初 only.
    let mut b = b;
    b.totals.decrease = total(dec!(500));
    assert_eq!(
        dept(&b, DepartmentMetric::AdjustmentRate, gross).as_deref(),
        Some("9.53%")
    );
    assert_eq!(
        dept(&b, DepartmentMetric::AdjustmentRate, net).as_deref(),
        Some("10.05%")
    );
}

#[test]
fn missing_or_zero_denominators_give_no_rate_and_a_reason() {
    let mut b = seed_000();
    b.totals.initial.total = Amount::Blank;
    let m = department_metric(
        &b,
        &Department::default(),
        DepartmentMetric::AdjustmentRate,
        MetricSettings::default(),
    );
    assert_eq!(m.ratio, None);
    assert_eq!(m.missing.as_deref(), Some("缺少调整后预算数或年初预算数"));
    b.totals.adjusted.total = dec!(0).into();
    let m = department_metric(
        &b,
        &Department::default(),
        DepartmentMetric::ExecutionRate,
        MetricSettings::default(),
    );
    assert_eq!(m.ratio, None);
    assert_eq!(m.missing.as_deref(), Some("调整后预算为 0，无法计算"));
    // A withheld ('XXXX') amount is missing too.
    b.totals.adjusted.total = Amount::Withheld;
    let m = department_metric(
        &b,
        &Department::default(),
        DepartmentMetric::ExecutionRate,
        MetricSettings::default(),
    );
    assert_eq!(m.missing.as_deref(), Some("缺少调整后预算"));
    // Regression (found by the property tests): a ratio too large to represent had neither a
    // value nor a reason.
    b.totals.adjusted.total = Decimal::new(1, 28).into();
    b.totals.executed = Decimal::MAX.into();
    let m = department_metric(
        &b,
        &Department::default(),
        DepartmentMetric::ExecutionRate,
        MetricSettings::default(),
    );
    assert_eq!(m.ratio, None);
    assert_eq!(m.missing.as_deref(), Some("数值超出可计算的范围"));
}

#[test]
fn other_department_rates() {
    let mut b = seed_000();
    // 结转结余率: 7,113.50 / 126,038.75 = 5.64% (126,038.75 − 118,925.25 = 7,113.50).
    b.totals.carryover = dec!(7113.50).into();
    // 三公经费控制率: 60 / 74.5 = 80.54%.
    b.three_public.total = dec!(74.5).into();
    b.three_public.actual = dec!(60).into();
    // 政府采购执行率: 600 / 666.9 = 89.97%.
    b.procurement.budget = dec!(666.9).into();
    b.procurement.actual = dec!(600).into();
    // 专项资金细化率: 9,000 / 10,000 = 90%.
    b.totals.special_allocated = dec!(10000).into();
    b.totals.special_detailed = dec!(9000).into();
    let settings = MetricSettings::default();
    let r = |metric| dept(&b, metric, settings);
    assert_eq!(r(DepartmentMetric::CarryoverRate).as_deref(), Some("5.64%"));
    assert_eq!(
        r(DepartmentMetric::ThreePublicControlRate).as_deref(),
        Some("80.54%")
    );
    assert_eq!(
        r(DepartmentMetric::ProcurementExecutionRate).as_deref(),
        Some("89.97%")
    );
    assert_eq!(
        r(DepartmentMetric::SpecialFundDetailRate).as_deref(),
        Some("90.00%")
    );
    // 资金到位率: 120,000 / 126,038.75 = 95.21%.
    assert_eq!(r(DepartmentMetric::ReceivedRate).as_deref(), Some("95.21%"));
    // 在职人员控制率: 105 / 100 = 105%.
    let d = Department {
        headcount: Headcount {
            authorized: Some(100),
            on_duty: Some(105),
            ..Headcount::default()
        },
        ..Department::default()
    };
    let m = department_metric(&b, &d, DepartmentMetric::StaffControlRate, settings);
    assert_eq!(m.ratio.map(pct_text).as_deref(), Some("105.00%"));
}

#[test]
fn project_execution_three_denominators() {
    // Seed 004: executed 7,309.62 against 年初 6,800 = 107.49% (over budget: a finding).
    let p = Project {
        budget_initial: dec!(6800).into(),
        budget_adjusted: dec!(8000).into(),
        received: dec!(7309.62).into(),
        executed: dec!(7309.62).into(),
        ..Project::default()
    };
    let rate = |base| {
        project_metric(&p, ProjectMetric::ExecutionRate, base)
            .ratio
            .map(pct_text)
    };
    assert_eq!(rate(ExecutionBase::Initial).as_deref(), Some("107.49%"));
    // 7,309.62 / 8,000 = 91.37%.
    assert_eq!(rate(ExecutionBase::Adjusted).as_deref(), Some("91.37%"));
    // Everything received was spent: 100%.
    assert_eq!(rate(ExecutionBase::Received).as_deref(), Some("100.00%"));
}

#[test]
fn seed_002_balance_and_rate() {
    let p = Project {
        budget_initial: dec!(207).into(),
        executed: dec!(134.5343).into(),
        ..Project::default()
    };
    // 207 − 134.5343 = 72.4657, with all four places kept.
    let bal = project_balance(&p, ExecutionBase::Initial).unwrap();
    assert_eq!(bal.to_string(), "72.4657");
    // 134.5343 / 207 = 64.99%.
    let r = project_metric(&p, ProjectMetric::ExecutionRate, ExecutionBase::Initial);
    assert_eq!(r.ratio.map(pct_text).as_deref(), Some("64.99%"));
    assert_eq!(project_balance(&p, ExecutionBase::Adjusted), None);
}

#[test]
fn disbursement_stages_are_kept_apart() {
    // 6,800 due; 6,800 passed to districts (100%), 3,451 reached firms: 3,451 / 6,800 = 50.75%.
    let d = |amount: Decimal, stage| Disbursement {
        amount: amount.into(),
        stage,
        ..Disbursement::default()
    };
    let p = Project {
        budget_initial: dec!(6800).into(),
        disbursements: vec![
            d(dec!(4000), DisbursementStage::ToDistricts),
            d(dec!(2800), DisbursementStage::ToDistricts),
            d(dec!(3000), DisbursementStage::ToBeneficiaries),
            d(dec!(451), DisbursementStage::ToBeneficiaries),
        ],
        ..Project::default()
    };
    let r = |stage| {
        project_metric(
            &p,
            ProjectMetric::DisbursementRate(stage),
            ExecutionBase::Adjusted,
        )
        .ratio
        .map(pct_text)
    };
    assert_eq!(
        r(DisbursementStage::ToDistricts).as_deref(),
        Some("100.00%")
    );
    assert_eq!(
        r(DisbursementStage::ToBeneficiaries).as_deref(),
        Some("50.75%")
    );
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn time_progress_common_and_leap_years() {
    // 2021 (365 days): 31 July is day 212 → 212 / 365 = 58.08%.
    assert_eq!(pct_text(time_progress(day(2021, 7, 31), 2021)), "58.08%");
    // 2020 (366 days): 31 July is day 213 → 213 / 366 = 58.20%.
    assert_eq!(pct_text(time_progress(day(2020, 7, 31), 2020)), "58.20%");
    // 29 February 2020 is day 60: 60 / 366 = 16.39%; 28 February 2021, day 59: 16.16%.
    assert_eq!(pct_text(time_progress(day(2020, 2, 29), 2020)), "16.39%");
    assert_eq!(pct_text(time_progress(day(2021, 2, 28), 2021)), "16.16%");
    // 2000 is a leap year (divisible by 400): 1 March is day 61 of 366 = 16.67%.
    assert_eq!(pct_text(time_progress(day(2000, 3, 1), 2000)), "16.67%");
    // 2100 is not (divisible by 100): 1 March is day 60 of 365 = 16.44%.
    assert_eq!(pct_text(time_progress(day(2100, 3, 1), 2100)), "16.44%");
    // Year ends are 100%, whatever the year length.
    assert_eq!(time_progress(day(2020, 12, 31), 2020), Decimal::ONE);
    assert_eq!(time_progress(day(2021, 12, 31), 2021), Decimal::ONE);
    // Outside the fiscal year: 0 before, 100% after.
    assert_eq!(time_progress(day(2020, 12, 31), 2021), Decimal::ZERO);
    assert_eq!(time_progress(day(2022, 1, 1), 2021), Decimal::ONE);
}
