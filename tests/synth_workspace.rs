//! The synthetic workspace generator: deterministic, exactly sized, valid, scoreable, and
//! stable through a save and a load.

// The helpers below are assertions called from tests; clippy's test allowances only cover the
// `#[test]` functions themselves.
#![allow(clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use jixiao::calc::{ScoreFlag, outline, score_evaluation};
use jixiao::model::{
    Actual, Amount, DisbursementStage, FunctionalColumn, FunctionalLine, LineLevel, MetricRef,
    ProjectKind, QualitativeGrade, Rule, Workspace,
};
use jixiao::store::{load_str, to_ron_string};
use jixiao::synth::{EVALUATION_ID, FUNCTIONAL_TABLE_NAME, SynthSpec, synth};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn spec(indicators: usize, budget_lines: usize, projects: usize, seed: u64) -> SynthSpec {
    SynthSpec {
        indicators,
        budget_lines,
        projects,
        seed,
        ..SynthSpec::default()
    }
}

fn lines(ws: &Workspace) -> &[FunctionalLine] {
    let table = &ws.budgets[0].functional[0];
    assert_eq!(table.name, FUNCTIONAL_TABLE_NAME);
    &table.lines
}

fn sum(it: impl IntoIterator<Item = Amount>) -> Decimal {
    it.into_iter().map(Amount::or_zero).sum()
}

/// Every check of the generator's promises, each failure naming its place.
fn assert_valid(ws: &Workspace) {
    let ev = ws.evaluation(EVALUATION_ID).expect("the evaluation");
    let inds = &ev.indicators;
    // 分值: every parent is the sum of its children, the 一级 add up to 100.
    let shape = outline(inds);
    for (i, ind) in inds.iter().enumerate() {
        assert!((1..=3).contains(&ind.level), "row {i}: level {}", ind.level);
        assert!(ind.weight >= Decimal::ZERO, "row {i}: negative 分值");
        assert!(
            ind.weight.scale() <= 2,
            "row {i}: 分值 {} finer than 0.01",
            ind.weight
        );
        let (parent, end) = shape[i];
        match parent {
            None => assert_eq!(ind.level, 1, "row {i}: a root that is not 一级"),
            Some(p) => assert_eq!(ind.level, inds[p].level + 1, "row {i}: skips a level"),
        }
        if end > i + 1 {
            let children: Decimal = (i + 1..end)
                .filter(|&k| shape[k].0 == Some(i))
                .map(|k| inds[k].weight)
                .sum();
            assert_eq!(children, ind.weight, "row {i} {}: Σ children", ind.name);
        }
        if let Some(o) = &ind.score_override {
            assert!(
                !o.reason.trim().is_empty(),
                "row {i}: override without reason"
            );
        }
    }
    if !inds.is_empty() {
        let roots: Decimal = inds.iter().filter(|i| i.level == 1).map(|i| i.weight).sum();
        assert_eq!(roots, dec!(100), "Σ 一级");
    }
    // Scores: each within [0, 分值]; no broken link, no missing reason, no over-execution.
    let b = score_evaluation(ws, ev);
    assert_eq!(b.nodes.len(), inds.len());
    for n in &b.nodes {
        assert!(
            n.score >= Decimal::ZERO && n.score <= n.weight,
            "row {} {}: score {} outside [0, {}]",
            n.index,
            n.name(ev),
            n.score,
            n.weight
        );
    }
    assert!(b.total.score >= Decimal::ZERO && b.total.score <= dec!(100));
    for f in &b.flags {
        assert!(
            !matches!(
                f,
                ScoreFlag::BrokenLink { .. }
                    | ScoreFlag::MissingReason { .. }
                    | ScoreFlag::OverExecution { .. }
            ),
            "unexpected flag {f:?}"
        );
    }
    // Links point at things that exist.
    for ind in inds {
        if let Actual::Linked(r) = &ind.actual {
            match r {
                MetricRef::Department { year, .. } => assert!(ws.budget(*year).is_some()),
                MetricRef::Project { project, .. } => assert!(ws.project(project).is_some()),
            }
        }
    }
    assert_functional_sums(lines(ws));
    assert_book_and_projects(ws);
}

/// 类 = Σ 款 = Σ 项 and 合计 = Σ 类 in every column, plus each row's own subtotals, computed
/// here from the codes alone.
fn assert_functional_sums(lines: &[FunctionalLine]) {
    use FunctionalColumn as F;
    let mut by_code: BTreeMap<&str, &FunctionalLine> = BTreeMap::new();
    let mut total_row = None;
    for l in lines {
        match l.level {
            LineLevel::Total => total_row = Some(l),
            LineLevel::Class | LineLevel::Section | LineLevel::Item => {
                assert_eq!(
                    LineLevel::from_code(&l.code),
                    Some(l.level),
                    "code {}",
                    l.code
                );
                assert!(
                    by_code.insert(&l.code, l).is_none(),
                    "duplicate code {}",
                    l.code
                );
            }
            LineLevel::Unit => panic!("unexpected 单位 row"),
        }
        let c = |col| l.get(col).or_zero();
        assert_eq!(
            c(F::Basic),
            c(F::Wages) + c(F::Family) + c(F::Goods) + c(F::Capital)
        );
        assert_eq!(
            c(F::Project),
            c(F::Operating) + c(F::Targeted),
            "{}",
            l.code
        );
        assert_eq!(c(F::Total), c(F::Basic) + c(F::Project), "{}", l.code);
    }
    for (code, line) in &by_code {
        let child_len = match line.level {
            LineLevel::Class => 5,
            LineLevel::Section => 7,
            _ => continue,
        };
        let children: Vec<&&FunctionalLine> = by_code
            .range::<str, _>((std::ops::Bound::Excluded(*code), std::ops::Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(code))
            .filter(|(k, _)| k.len() == child_len)
            .map(|(_, l)| l)
            .collect();
        if children.is_empty() {
            continue;
        }
        for col in FunctionalColumn::ALL {
            assert_eq!(
                line.get(col).or_zero(),
                sum(children.iter().map(|l| l.get(col))),
                "{code} {col:?}"
            );
            // A parent is blank exactly when all its children are.
            assert_eq!(
                line.get(col).is_blank(),
                children.iter().all(|l| l.get(col).is_blank()),
                "{code} {col:?} blank"
            );
        }
    }
    if let Some(t) = total_row {
        for col in FunctionalColumn::ALL {
            let classes = by_code.values().filter(|l| l.level == LineLevel::Class);
            assert_eq!(
                t.get(col).or_zero(),
                sum(classes.map(|l| l.get(col))),
                "合计 {col:?}"
            );
        }
    }
}

fn assert_book_and_projects(ws: &Workspace) {
    let book = &ws.budgets[0];
    let t = &book.totals;
    let v = Amount::or_zero;
    for s in [&t.initial, &t.increase, &t.decrease, &t.adjusted] {
        assert_eq!(v(s.total), v(s.basic) + v(s.project));
    }
    assert_eq!(
        v(t.adjusted.total),
        v(t.initial.total) + v(t.increase.total) - v(t.decrease.total)
    );
    assert_eq!(
        v(t.adjusted.project),
        v(t.initial.project) + v(t.increase.project) - v(t.decrease.project)
    );
    assert!(v(t.executed) <= v(t.adjusted.total), "超预算执行");
    assert_eq!(v(t.executed), v(t.executed_own) + v(t.executed_transfer));
    assert_eq!(v(t.carryover), v(t.adjusted.total) - v(t.executed));
    assert_eq!(
        v(t.initial.total),
        sum(book.summary.income.iter().map(|n| n.amount))
    );
    assert_eq!(book.summary.income_total, book.summary.expenditure_total);
    assert_eq!(
        v(book.summary.expenditure_total),
        sum(book.summary.expenditure.iter().map(|n| n.amount))
    );
    let units: Vec<_> = book.unit_income.iter().filter(|u| !u.is_total).collect();
    assert_eq!(v(t.initial.total), sum(units.iter().map(|u| u.total)));
    let tp = &book.three_public;
    assert_eq!(
        v(tp.vehicles),
        v(tp.vehicle_purchase) + v(tp.vehicle_operation)
    );
    assert_eq!(v(tp.total), v(tp.abroad) + v(tp.vehicles) + v(tp.reception));
    let pr = &book.procurement;
    assert_eq!(v(pr.budget), v(pr.goods) + v(pr.services) + v(pr.works));
    // The table's 项目支出 is what the projects add up to, kind by kind.
    let lines = lines(ws);
    let col_sum = |col: FunctionalColumn| -> Decimal {
        let classes = lines.iter().filter(|l| l.level == LineLevel::Class);
        sum(classes.map(|l| l.get(col)))
    };
    if !lines.is_empty() {
        assert_eq!(v(t.initial.project), col_sum(FunctionalColumn::Project));
        assert_eq!(v(t.initial.basic), col_sum(FunctionalColumn::Basic));
        let by_kind = |k: ProjectKind| {
            sum(ws
                .projects
                .iter()
                .filter(|p| p.kind == k)
                .map(|p| p.budget_initial))
        };
        assert_eq!(
            by_kind(ProjectKind::Operating),
            col_sum(FunctionalColumn::Operating)
        );
        assert_eq!(
            by_kind(ProjectKind::Targeted),
            col_sum(FunctionalColumn::Targeted)
        );
        let econ = &book.economic[0];
        let personnel = col_sum(FunctionalColumn::Wages) + col_sum(FunctionalColumn::Family);
        assert_eq!(v(econ.total.personnel), personnel);
        assert_eq!(v(econ.total.total), col_sum(FunctionalColumn::Basic));
        assert_eq!(
            v(econ.total.total),
            sum(econ.lines.iter().map(|l| l.amount))
        );
    }
    assert_eq!(
        v(t.initial.project),
        sum(ws.projects.iter().map(|p| p.budget_initial))
    );
    assert_eq!(
        v(t.adjusted.project),
        sum(ws.projects.iter().map(|p| p.budget_adjusted))
    );
    for p in &ws.projects {
        assert!(v(p.executed) <= v(p.budget_adjusted), "{}: 超预算", p.id);
        assert!(v(p.executed) <= v(p.received), "{}: 支出超过到位资金", p.id);
        assert_eq!(
            v(p.budget_adjusted),
            sum(p.cost_items.iter().map(|c| c.budget))
        );
        assert_eq!(v(p.executed), sum(p.cost_items.iter().map(|c| c.executed)));
        for stage in DisbursementStage::ALL {
            let paid = sum(p
                .disbursements
                .iter()
                .filter(|d| d.stage == stage)
                .map(|d| d.amount));
            assert!(paid <= v(p.budget_adjusted), "{}: 拨付超过预算", p.id);
        }
        for d in &p.disbursements {
            let date = d.date.expect("dated");
            assert_eq!(
                chrono::Datelike::year(&date),
                ws.meta.fiscal_year,
                "{}",
                p.id
            );
        }
    }
}

#[test]
fn same_seed_same_workspace() {
    let s = spec(300, 500, 6, 42);
    assert_eq!(synth(&s), synth(&s));
    assert_ne!(synth(&s), synth(&spec(300, 500, 6, 43)));
}

#[test]
fn sizes_are_exact() {
    for (n, m, p) in [
        (0, 0, 0),
        (1, 1, 1),
        (2, 2, 2),
        (3, 3, 0),
        (4, 4, 3),
        (5, 5, 1),
        (7, 13, 2),
        (30, 60, 8),
        (101, 1_001, 40),
    ] {
        let ws = synth(&spec(n, m, p, 7));
        assert_eq!(ws.evaluations[0].indicators.len(), n, "indicators {n}");
        assert_eq!(lines(&ws).len(), m, "budget lines {m}");
        assert_eq!(ws.projects.len(), p, "projects {p}");
        assert_valid(&ws);
    }
}

#[test]
fn benchmark_sizes_are_exact_and_valid() {
    let ws = synth(&spec(10_000, 100_000, 50, 1));
    assert_eq!(ws.evaluations[0].indicators.len(), 10_000);
    assert_eq!(lines(&ws).len(), 100_000);
    assert_valid(&ws);
}

#[test]
fn every_rule_and_kind_of_actual_occurs() {
    let ws = synth(&spec(2_000, 100, 10, 3));
    let inds = &ws.evaluations[0].indicators;
    let labels: std::collections::BTreeSet<&str> = inds.iter().map(|i| i.rule.label()).collect();
    for rule in [
        Rule::Proportional,
        Rule::Inverse,
        Rule::Deviation { tolerance: dec!(0) },
        Rule::Threshold { met: None },
        Rule::Bands { bands: vec![] },
        Rule::Qualitative {
            grade: QualitativeGrade::default(),
            share_pct: None,
        },
        Rule::Deductions { items: vec![] },
        Rule::LinearDeduction {
            threshold: dec!(0),
            points_per_step: dec!(0),
            step: dec!(0),
        },
        Rule::ExecutionRate,
        Rule::Manual {
            score: None,
            reason: String::new(),
        },
    ] {
        assert!(labels.contains(rule.label()), "no {}", rule.label());
    }
    let linked = |dept: bool| {
        inds.iter().any(|i| match &i.actual {
            Actual::Linked(MetricRef::Department { .. }) => dept,
            Actual::Linked(MetricRef::Project { .. }) => !dept,
            Actual::Typed { .. } => false,
        })
    };
    assert!(linked(true) && linked(false));
    assert!(inds.iter().any(|i| i.not_applicable));
    assert!(inds.iter().any(|i| i.score_override.is_some()));
    assert!(
        inds.iter()
            .any(|i| i.target.comparator == jixiao::model::Comparator::Qualitative)
    );
    let b = score_evaluation(&ws, &ws.evaluations[0]);
    assert!(
        b.unscored * 100 <= inds.len(),
        "{} of {} unscored",
        b.unscored,
        inds.len()
    );
    assert!(b.total.score > dec!(50), "total {}", b.total.score);
}

#[test]
fn round_trips_through_ron() {
    let ws = synth(&spec(500, 2_000, 12, 9));
    let text = to_ron_string(&ws).expect("save");
    let back = load_str(&text).expect("load");
    assert_eq!(back, ws);
    assert_eq!(to_ron_string(&back).expect("save again"), text);
}

#[test]
fn spec_check_refuses_oversized_requests() {
    assert!(SynthSpec::new(10_000, 100_000).check().is_ok());
    assert!(SynthSpec::new(usize::MAX, 1).check().is_err());
    assert!(SynthSpec::new(1, usize::MAX).check().is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_small_spec_is_valid(n in 0usize..400, m in 0usize..600, p in 0usize..15, seed: u64) {
        let ws = synth(&spec(n, m, p, seed));
        prop_assert_eq!(ws.evaluations[0].indicators.len(), n);
        prop_assert_eq!(lines(&ws).len(), m);
        assert_valid(&ws);
    }
}
