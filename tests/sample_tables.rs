//! The budget tables and projects of the bundled sample workspace, checked against the seed
//! documents: row counts of each seed 003 table, the published totals, and the sums the seeds
//! say hold (or differ by rounding). Expected values are typed from the seeds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use jixiao::calc::metrics::{MetricSettings, department_metric, project_balance};
use jixiao::calc::num::pct_text;
use jixiao::model::{
    Amount, BudgetBook, Comparator, CostCategory, DepartmentMetric, ExecutionBase, LineLevel,
    ProjectKind, Target, TargetCategory, Workspace,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn sample() -> Workspace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/zhengzhou-gongxin.ron");
    jixiao::store::load_path(&path).expect("the sample workspace loads")
}

fn v(a: Amount) -> Decimal {
    a.value()
        .unwrap_or_else(|| panic!("expected a figure, got {a:?}"))
}

fn sum<I: IntoIterator<Item = Amount>>(it: I) -> Decimal {
    it.into_iter().map(Amount::or_zero).sum()
}

fn book(ws: &Workspace, year: i32) -> &BudgetBook {
    ws.budget(year).unwrap()
}

#[test]
fn meta_and_department_follow_seed_000() {
    let ws = sample();
    assert_eq!(ws.meta.title, "郑州市工业和信息化局 预算绩效评价（样例）");
    assert_eq!(ws.meta.fiscal_year, 2021);
    let d = &ws.department;
    assert_eq!(
        (d.name.as_str(), d.code.as_str()),
        ("郑州市工业和信息化局", "021")
    );
    let h = &d.headcount;
    assert_eq!(
        (h.authorized, h.authorized_admin, h.authorized_institution),
        (Some(355), Some(128), Some(227))
    );
    assert_eq!((h.on_duty, h.retired), (Some(319), Some(500)));
    assert_eq!((d.internal_units, d.subordinate_units), (Some(26), Some(8)));
    assert_eq!(d.key_tasks.len(), 10);
    assert_eq!(d.key_tasks[3], "推动铝工业转型升级");
}

#[test]
fn budget_2021_totals_of_seed_000() {
    let ws = sample();
    let b = book(&ws, 2021);
    assert_eq!(b.published_decimals, Some(2));
    let t = &b.totals;
    assert_eq!(v(t.initial.total), dec!(114529.94));
    assert_eq!(v(t.initial.basic) + v(t.initial.project), dec!(114529.94));
    assert_eq!(v(t.increase.basic) + v(t.increase.project), dec!(11508.81));
    assert_eq!(v(t.initial.total) + v(t.increase.total), dec!(126038.75));
    assert_eq!(v(t.adjusted.total), dec!(126038.75));
    // The adjusted split is not published.
    assert!(t.adjusted.basic.is_blank() && t.adjusted.project.is_blank());
    assert_eq!(v(t.executed_own) + v(t.executed_transfer), dec!(118925.25));
    assert_eq!(v(t.executed), dec!(118925.25));
    let s = MetricSettings::default();
    let exec = department_metric(b, &ws.department, DepartmentMetric::ExecutionRate, s);
    assert_eq!(pct_text(exec.ratio.unwrap()), "94.36%");
    let adj = department_metric(b, &ws.department, DepartmentMetric::AdjustmentRate, s);
    assert_eq!(pct_text(adj.ratio.unwrap()), "10.05%");
}

#[test]
fn budget_2024_summary_and_unit_income_tables() {
    let ws = sample();
    let b = book(&ws, 2024);
    assert_eq!(b.published_decimals, Some(1));
    assert_eq!(v(b.totals.initial.total), dec!(96262.5));
    assert_eq!(v(b.totals.initial.basic), dec!(10512.4));
    assert_eq!(v(b.totals.initial.project), dec!(85750.2));
    // 01表: nine income heads plus the "其中：财政拨款" line; 30 expenditure lines extracted.
    let s = &b.summary;
    assert_eq!(s.income.len(), 10);
    assert_eq!(s.expenditure.len(), 30);
    assert_eq!(v(s.income_total), dec!(96262.5));
    assert_eq!(v(s.expenditure_total), dec!(96262.5));
    let heads = s.income.iter().filter(|l| !l.name.starts_with("其中"));
    assert_eq!(sum(heads.map(|l| l.amount)), dec!(96262.5)); // 96,258.3 + 4.2
    assert_eq!(sum(s.expenditure.iter().map(|l| l.amount)), dec!(96262.5));
    assert_eq!(
        s.expenditure
            .iter()
            .filter(|l| !l.amount.is_blank())
            .count(),
        5
    );
    // 02表: 合计 and six units; the units sum 0.1 above the printed 合计 (rounding).
    assert_eq!(b.unit_income.len(), 7);
    let total = b.unit_income.iter().find(|u| u.is_total).unwrap();
    assert_eq!(
        (v(total.total), v(total.general_budget), v(total.other)),
        (dec!(96262.5), dec!(96258.3), dec!(4.2))
    );
    let units = b.unit_income.iter().filter(|u| !u.is_total);
    assert_eq!(sum(units.map(|u| u.total)), dec!(96262.6));
}

#[test]
fn budget_2024_functional_tables() {
    let ws = sample();
    let b = book(&ws, 2024);
    assert_eq!(b.functional.len(), 2);
    // 03表 部门支出总体情况表: 合计, the 021 unit row and 15 项 rows.
    let t03 = &b.functional[0];
    assert_eq!(t03.name, "部门支出总体情况表");
    assert_eq!(t03.lines.len(), 17);
    assert_eq!(t03.lines[0].level, LineLevel::Total);
    assert_eq!(
        (t03.lines[1].level, t03.lines[1].code.as_str()),
        (LineLevel::Unit, "021")
    );
    let items: Vec<_> = t03
        .lines
        .iter()
        .filter(|l| l.level == LineLevel::Item)
        .collect();
    assert_eq!(items.len(), 15);
    assert_eq!(items[0].code, "2080501");
    assert_eq!(sum(items.iter().map(|l| l.total)), dec!(96262.5));
    assert_eq!(sum(items.iter().map(|l| l.targeted)), dec!(83991.0));
    assert_eq!(sum(items.iter().map(|l| l.operating)), dec!(1759.2));
    // Blank cells stay blank: 2080501 has no 工资福利支出.
    assert!(items[0].wages.is_blank());
    // 05表 一般公共预算支出情况表: 合计 and 27 类/款/项 rows; printed 0.0 stays 0.0.
    let t05 = &b.functional[1];
    assert_eq!(t05.name, "一般公共预算支出情况表");
    assert_eq!(t05.note, "备注：本表仅含当年财政拨款安排的支出。");
    assert_eq!(t05.lines.len(), 28);
    let count = |lvl| t05.lines.iter().filter(|l| l.level == lvl).count();
    assert_eq!(
        (
            count(LineLevel::Class),
            count(LineLevel::Section),
            count(LineLevel::Item)
        ),
        (5, 7, 15)
    );
    let classes = t05.lines.iter().filter(|l| l.level == LineLevel::Class);
    assert_eq!(sum(classes.map(|l| l.total)), dec!(96258.3));
    assert_eq!(v(t05.lines[0].project), dec!(85746.0));
    let l208 = &t05.lines[1];
    assert_eq!(l208.code, "208");
    assert_eq!(l208.goods, Amount::Value(dec!(0.0)));
    // 2150501: 项目支出 and 其他运转类 blank, 特定目标类 printed 0.0.
    let l = t05.lines.iter().find(|l| l.code == "2150501").unwrap();
    assert!(l.project.is_blank() && l.operating.is_blank());
    assert_eq!(l.targeted, Amount::Value(dec!(0.0)));
}

#[test]
fn budget_2024_economic_three_public_and_procurement() {
    let ws = sample();
    let b = book(&ws, 2024);
    // 06表 一般公共预算基本支出表: 54 rows.
    let e = &b.economic[0];
    assert_eq!(e.name, "一般公共预算基本支出表");
    assert_eq!(e.lines.len(), 54);
    assert_eq!(
        (v(e.total.total), v(e.total.personnel), v(e.total.public)),
        (dec!(10512.4), dec!(8773.6), dec!(1738.8))
    );
    assert_eq!(sum(e.lines.iter().map(|l| l.amount)), dec!(10512.4));
    let by = |c| sum(e.lines.iter().filter(|l| l.category == c).map(|l| l.amount));
    // Rounding: 8,773.7 vs the printed 8,773.6, 1,738.7 vs 1,738.8.
    assert_eq!(by(CostCategory::Personnel), dec!(8773.7));
    assert_eq!(by(CostCategory::Public), dec!(1738.7));
    // 30239 其他交通费用 is printed under 人员经费, twice.
    let other_transport: Vec<_> = e.lines.iter().filter(|l| l.dept_code == "30239").collect();
    assert_eq!(other_transport.len(), 2);
    assert!(
        other_transport
            .iter()
            .all(|l| l.category == CostCategory::Personnel)
    );
    assert_eq!(
        other_transport
            .iter()
            .map(|l| v(l.amount))
            .collect::<Vec<_>>(),
        [dec!(116.3), dec!(60.0)]
    );
    // 08表 三公经费: 74.5 = 69.0 + 5.5; the blank cells stay blank.
    let t = &b.three_public;
    assert_eq!(v(t.total), dec!(74.5));
    assert_eq!(v(t.vehicles) + v(t.reception), dec!(74.5));
    assert_eq!(v(t.vehicle_operation), dec!(69.0));
    assert!(t.abroad.is_blank() && t.vehicle_purchase.is_blank());
    // 政府采购 666.9 = 281.9 + 385.0.
    let p = &b.procurement;
    assert_eq!(v(p.budget), dec!(666.9));
    assert_eq!(v(p.goods) + v(p.services), dec!(666.9));
}

#[test]
fn projects_2024_of_tables_11_and_13() {
    let ws = sample();
    let projects: Vec<_> = ws.projects.iter().filter(|p| p.year == 2024).collect();
    // 11表: 20 project rows (one withheld).
    assert_eq!(projects.len(), 20);
    let withheld: Vec<_> = projects
        .iter()
        .filter(|p| p.budget_initial.is_withheld())
        .collect();
    assert_eq!(withheld.len(), 1);
    assert_eq!(withheld[0].name, "涉密项目按规定不予公开");
    assert_eq!(withheld[0].kind, ProjectKind::Unspecified);
    assert!(withheld[0].funding.general_budget.is_withheld());
    // Σ disclosed = 79,118.2; the withheld project is 85,750.2 − 79,118.2 = 6,632.0.
    let disclosed = sum(projects.iter().map(|p| p.budget_initial));
    assert_eq!(disclosed, dec!(79118.2));
    assert_eq!(dec!(85750.2) - disclosed, dec!(6632.0));
    let general = sum(projects.iter().map(|p| p.funding.general_budget));
    assert_eq!(dec!(85746.0) - general, dec!(6632.0));
    // The 4.2 万元 project is 单位资金.
    let retired = projects
        .iter()
        .find(|p| p.name == "退休干部财政代管资金专项经费")
        .unwrap();
    assert_eq!(retired.funding.own_funds, Amount::Value(dec!(4.2)));
    assert!(retired.funding.general_budget.is_blank());
    // 10 其他运转类 rows summing to 03表's 其他运转类 1,759.2; 9 disclosed 特定目标类 rows, which
    // with the withheld 6,632.0 make 03表's 特定目标类 83,991.0.
    let kind = |k| projects.iter().filter(|p| p.kind == k).count();
    assert_eq!(
        (kind(ProjectKind::Operating), kind(ProjectKind::Targeted)),
        (10, 9)
    );
    let of_kind = |k| {
        sum(projects
            .iter()
            .filter(|p| p.kind == k)
            .map(|p| p.budget_initial))
    };
    assert_eq!(of_kind(ProjectKind::Operating), dec!(1759.2));
    assert_eq!(of_kind(ProjectKind::Targeted) + dec!(6632.0), dec!(83991.0));
    // 13表: 18 projects have targets; each target is its parsed text.
    assert_eq!(
        projects.iter().filter(|p| !p.targets.is_empty()).count(),
        18
    );
    for p in &projects {
        for t in &p.targets {
            assert_eq!(
                t.target,
                Target::parse(&t.target.text),
                "{} / {}",
                p.name,
                t.name
            );
        }
    }
    // 企业服务活动专项经费 (420.0): the 13表 block as published.
    let q = projects
        .iter()
        .find(|p| p.name == "企业服务活动专项经费")
        .unwrap();
    assert_eq!(v(q.budget_initial), dec!(420.0));
    assert_eq!(q.code, "410100240000000054426");
    let per = |c| q.targets.iter().filter(|t| t.category == c).count();
    assert_eq!(
        (
            per(TargetCategory::Cost),
            per(TargetCategory::Output),
            per(TargetCategory::Benefit),
            per(TargetCategory::Satisfaction)
        ),
        (2, 4, 3, 1)
    );
    let cost = &q.targets[0];
    assert_eq!(cost.name, "培训人均成本");
    assert_eq!(
        (
            cost.target.comparator,
            cost.target.value,
            cost.target.unit.as_str()
        ),
        (Comparator::AtMost, Some(dec!(450)), "元/人、天")
    );
    let sat = q
        .targets
        .iter()
        .find(|t| t.category == TargetCategory::Satisfaction)
        .unwrap();
    assert_eq!(sat.target.text, "≥90%");
}

#[test]
fn projects_2021_of_seeds_002_and_004() {
    let ws = sample();
    let q = ws.project("2021-qyfw").unwrap();
    // [002]: 27 + 108 + 72 = 207; 27 + 54.2543 + 53.28 = 134.5343; 结余 72.4657.
    assert_eq!(sum(q.cost_items.iter().map(|c| c.budget)), dec!(207));
    assert_eq!(sum(q.cost_items.iter().map(|c| c.executed)), dec!(134.5343));
    assert_eq!(v(q.executed), dec!(134.5343));
    assert_eq!(
        project_balance(q, ExecutionBase::Initial),
        Some(dec!(72.4657))
    );
    assert_eq!(v(q.received), dec!(207));
    assert!(q.budget_adjusted.is_blank());
    let lv = ws.project("2021-lvgongye").unwrap();
    assert_eq!(
        (v(lv.budget_initial), v(lv.executed)),
        (dec!(6800), dec!(7309.62))
    );
    // [000] says the fund was increased mid-year but gives no figure.
    assert!(lv.budget_adjusted.is_blank());
    assert_eq!(ws.projects.iter().filter(|p| p.year == 2021).count(), 4);
}
