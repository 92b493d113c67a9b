//! Property tests of the scoring engine on random sheets: scores stay in [0, 分值], parents
//! are the sums of their children, the total is the sum of the 一级 rows, and no input, however
//! extreme, makes scoring panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::calc::metrics::{MetricSettings, department_metric, project_metric, time_progress};
use jixiao::calc::num::{pct_text, round2};
use jixiao::calc::{ScoreBreakdown, score_evaluation};
use jixiao::model::{
    Actual, AdjustmentDefinition, Band, BudgetBook, Comparator, Deduction, Department,
    DepartmentMetric, Evaluation, ExecutionBase, GradeBand, Indicator, MetricRef, Project,
    ProjectMetric, QualitativeBands, QualitativeGrade, Rounding, Rule, ScoreOverride,
    ScoringProfile, Split, Target, Workspace,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

// ---------------------------------------------------------------- generators

/// An ordinary figure: up to ±100,000 with 0–4 places.
fn plain_decimal() -> BoxedStrategy<Decimal> {
    (-10_000_000_i64..10_000_000, 0_u32..=4)
        .prop_map(|(m, s)| Decimal::new(m, s))
        .boxed()
}

/// A 分值: 0 now and then, otherwise 0.01–40 with up to 2 places.
fn weight() -> BoxedStrategy<Decimal> {
    prop_oneof![
        1 => Just(Decimal::ZERO),
        6 => (1_i64..=4000).prop_map(|m| Decimal::new(m, 2)),
        2 => (1_i64..=40).prop_map(Decimal::from),
    ]
    .boxed()
}

/// Any decimal, with extremes over-represented.
fn extreme_decimal() -> BoxedStrategy<Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
        Just(Decimal::ONE_HUNDRED),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0_u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        plain_decimal(),
    ]
    .boxed()
}

fn comparator() -> impl Strategy<Value = Comparator> {
    prop_oneof![
        Just(Comparator::AtLeast),
        Just(Comparator::AtMost),
        Just(Comparator::Equal),
        Just(Comparator::Qualitative),
    ]
}

fn grade() -> impl Strategy<Value = QualitativeGrade> {
    prop_oneof![
        Just(QualitativeGrade::Achieved),
        Just(QualitativeGrade::Partial),
        Just(QualitativeGrade::NotAchieved),
    ]
}

/// Any rule, its numbers drawn from `num`.
fn rule<S>(num: S) -> impl Strategy<Value = Rule>
where
    S: Strategy<Value = Decimal> + Clone + 'static,
{
    prop_oneof![
        Just(Rule::Proportional),
        Just(Rule::Inverse),
        num.clone()
            .prop_map(|tolerance| Rule::Deviation { tolerance }),
        proptest::option::of(any::<bool>()).prop_map(|met| Rule::Threshold { met }),
        proptest::collection::vec((num.clone(), num.clone()), 0..4).prop_map(|v| Rule::Bands {
            bands: v
                .into_iter()
                .map(|(threshold, share_pct)| Band {
                    threshold,
                    share_pct,
                })
                .collect(),
        }),
        (grade(), proptest::option::of(num.clone()))
            .prop_map(|(grade, share_pct)| Rule::Qualitative { grade, share_pct }),
        proptest::collection::vec(num.clone(), 0..4).prop_map(|v| Rule::Deductions {
            items: v
                .into_iter()
                .map(|points| Deduction {
                    reason: "扣分".to_owned(),
                    points,
                })
                .collect(),
        }),
        (num.clone(), num.clone(), num.clone()).prop_map(|(threshold, points_per_step, step)| {
            Rule::LinearDeduction {
                threshold,
                points_per_step,
                step,
            }
        }),
        Just(Rule::ExecutionRate),
        proptest::option::of(num).prop_map(|score| Rule::Manual {
            score,
            reason: "评分".to_owned(),
        }),
    ]
}

/// What an actual can be: typed, missing, or linked (to something that exists or not).
fn actual<S>(num: S) -> impl Strategy<Value = Actual>
where
    S: Strategy<Value = Decimal> + Clone + 'static,
{
    prop_oneof![
        4 => proptest::option::of(num).prop_map(|value| Actual::Typed {
            value,
            text: String::new(),
        }),
        1 => Just(Actual::Linked(MetricRef::Project {
            project: "p".to_owned(),
            metric: ProjectMetric::ExecutionRate,
        })),
        1 => Just(Actual::Linked(MetricRef::Project {
            project: "gone".to_owned(),
            metric: ProjectMetric::ExecutionRate,
        })),
        1 => Just(Actual::Linked(MetricRef::Department {
            year: 2021,
            metric: DepartmentMetric::AdjustmentRate,
        })),
    ]
}

/// One row; `na` and `over` say how likely 不适用 and an override are (in tenths).
fn row<W, N>(weight: W, num: N, na: u32, over: u32) -> impl Strategy<Value = Indicator>
where
    W: Strategy<Value = Decimal> + Clone + 'static,
    N: Strategy<Value = Decimal> + Clone + 'static,
{
    (
        1_u8..=3,
        weight.clone(),
        comparator(),
        proptest::option::of(num.clone()),
        actual(num.clone()),
        rule(num),
        0_u32..10,
        (0_u32..10, weight),
    )
        .prop_map(
            move |(level, weight, comparator, target, actual, rule, na_roll, (over_roll, o))| {
                Indicator {
                    level,
                    name: String::new(),
                    weight,
                    target: Target {
                        comparator,
                        value: target,
                        unit: "%".to_owned(),
                        text: String::new(),
                    },
                    actual,
                    rule,
                    not_applicable: na_roll < na,
                    score_override: (over_roll < over).then(|| ScoreOverride {
                        // Sometimes above 分值, to see the clamp.
                        score: o.saturating_mul(Decimal::TWO),
                        reason: "复核".to_owned(),
                    }),
                    ..Indicator::default()
                }
            },
        )
}

fn profile<N>(num: N) -> impl Strategy<Value = ScoringProfile>
where
    N: Strategy<Value = Decimal> + Clone + 'static,
{
    (
        any::<bool>(),
        num.clone(),
        num.clone(),
        num.clone(),
        proptest::collection::vec(num, 0..4),
    )
        .prop_map(|(whole, achieved, partial, factor, mins)| ScoringProfile {
            rounding: if whole {
                Rounding::WholePoints
            } else {
                Rounding::Cents
            },
            qualitative: QualitativeBands {
                achieved_min_pct: achieved,
                partial_min_pct: partial,
            },
            overachievement_factor: factor,
            grades: mins
                .into_iter()
                .map(|min| GradeBand {
                    min,
                    label: "级".to_owned(),
                })
                .collect(),
            ..ScoringProfile::national()
        })
}

fn workspace<N>(num: N) -> impl Strategy<Value = Workspace>
where
    N: Strategy<Value = Decimal> + Clone + 'static,
{
    (num.clone(), num.clone(), num.clone(), num).prop_map(
        |(budget, executed, initial, adjusted)| {
            let mut book = BudgetBook {
                year: 2021,
                ..BudgetBook::default()
            };
            book.totals.initial = Split {
                total: initial.into(),
                ..Split::default()
            };
            book.totals.adjusted = Split {
                total: adjusted.into(),
                ..Split::default()
            };
            Workspace {
                budgets: vec![book],
                projects: vec![Project {
                    id: "p".to_owned(),
                    budget_adjusted: budget.into(),
                    executed: executed.into(),
                    ..Project::default()
                }],
                ..Workspace::default()
            }
        },
    )
}

fn evaluation(indicators: Vec<Indicator>, profile: ScoringProfile) -> Evaluation {
    Evaluation {
        indicators,
        profile,
        ..Evaluation::default()
    }
}

// ---------------------------------------------------------------- checks

/// The parent of every row, worked out independently of the engine: the nearest row above
/// with a lower level.
fn parents_of(sheet: &[Indicator]) -> Vec<Option<usize>> {
    (0..sheet.len())
        .map(|i| (0..i).rev().find(|&j| sheet[j].level < sheet[i].level))
        .collect()
}

fn check_sheet(sheet: &[Indicator], b: &ScoreBreakdown) -> Result<(), TestCaseError> {
    prop_assert_eq!(b.nodes.len(), sheet.len());
    let parents = parents_of(sheet);
    for (i, n) in b.nodes.iter().enumerate() {
        prop_assert_eq!(n.parent, parents[i], "parent of row {}", i);
        let kids: Vec<usize> = (0..sheet.len())
            .filter(|&k| parents[k] == Some(i))
            .collect();
        prop_assert_eq!(n.is_leaf, kids.is_empty());
        if n.not_applicable {
            prop_assert_eq!(n.score, Decimal::ZERO);
            continue;
        }
        // 0 ≤ 得分 ≤ 分值 (the applicable 分值).
        prop_assert!(n.score >= Decimal::ZERO, "row {} score {}", i, n.score);
        prop_assert!(
            n.score <= n.applicable_weight.max(Decimal::ZERO),
            "row {} score {} > {}",
            i,
            n.score,
            n.applicable_weight
        );
        if n.is_leaf {
            prop_assert_eq!(n.applicable_weight, sheet[i].weight);
            // Rounded to 2 places at most (whole points are checked by the caller).
            prop_assert_eq!(n.score, round2(n.score));
            prop_assert!(n.score.scale() <= 2);
        } else {
            let applicable: Decimal = kids.iter().map(|&k| b.nodes[k].applicable_weight).sum();
            prop_assert_eq!(n.applicable_weight, applicable);
            let children: Vec<usize> = b.children(i).map(|c| c.index).collect();
            prop_assert_eq!(&children, &kids);
            if !n.overridden {
                let sum: Decimal = kids.iter().map(|&k| b.nodes[k].score).sum();
                prop_assert_eq!(n.score, sum, "row {} is not the sum of its children", i);
            }
        }
    }
    let roots: Vec<usize> = (0..sheet.len()).filter(|&i| parents[i].is_none()).collect();
    prop_assert_eq!(&b.roots, &roots);
    let sum_l1: Decimal = roots.iter().map(|&i| b.nodes[i].score).sum();
    prop_assert_eq!(b.total.raw, sum_l1);
    if !b.nodes.iter().any(|n| n.not_applicable) {
        // Nothing 不适用: the total is the plain sum of the 一级 rows.
        prop_assert_eq!(b.total.score, sum_l1);
    }
    prop_assert!(b.total.score >= Decimal::ZERO);
    prop_assert!(b.total.score <= b.total.weight.max(Decimal::ZERO));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_sheets_keep_the_invariants(
        sheet in proptest::collection::vec(row(weight(), plain_decimal(), 2, 2), 0..40),
        profile in profile(plain_decimal()),
        ws in workspace(plain_decimal()),
    ) {
        let ev = evaluation(sheet, profile);
        let b = score_evaluation(&ws, &ev);
        check_sheet(&ev.indicators, &b)?;
        // Whole-point rounding keeps computed leaf scores whole.
        if ev.profile.rounding == Rounding::WholePoints {
            for n in b.nodes.iter().filter(|n| n.is_leaf && !n.overridden) {
                prop_assert_eq!(n.score.fract(), Decimal::ZERO);
            }
        }
        // Every explanation renders.
        for n in &b.nodes {
            prop_assert!(!n.explain(&ev).to_string().is_empty());
        }
    }

    #[test]
    fn sheets_without_not_applicable_total_the_level_1_rows(
        sheet in proptest::collection::vec(row(weight(), plain_decimal(), 0, 3), 1..30),
    ) {
        let ev = evaluation(sheet, ScoringProfile::national());
        let b = score_evaluation(&Workspace::default(), &ev);
        let sum_l1: Decimal = b.level1().map(|n| n.score).sum();
        prop_assert_eq!(b.total.score, sum_l1);
        let leaf_weight: Decimal = ev.indicators.iter().enumerate()
            .filter(|&(i, _)| b.nodes[i].is_leaf)
            .map(|(_, r)| r.weight)
            .sum();
        prop_assert_eq!(b.total.weight, leaf_weight);
        check_sheet(&ev.indicators, &b)?;
    }

    #[test]
    fn extreme_decimals_never_panic(
        sheet in proptest::collection::vec(row(extreme_decimal(), extreme_decimal(), 2, 3), 0..16),
        profile in profile(extreme_decimal()),
        ws in workspace(extreme_decimal()),
    ) {
        let ev = evaluation(sheet, profile);
        let b = score_evaluation(&ws, &ev);
        for (n, r) in b.nodes.iter().zip(&ev.indicators) {
            prop_assert!(n.score >= Decimal::ZERO);
            if n.is_leaf && !n.not_applicable {
                prop_assert!(n.score <= r.weight.max(Decimal::ZERO));
            }
            let _ = n.explain(&ev).to_string();
        }
        let _ = b.total.rate.map(pct_text);
    }

    #[test]
    fn metrics_never_panic(
        a in extreme_decimal(),
        b in extreme_decimal(),
        c in extreme_decimal(),
        d in extreme_decimal(),
        day in 0_u32..400,
        year in 1900_i32..2200,
    ) {
        let mut book = BudgetBook::default();
        book.totals.initial = Split { total: a.into(), ..Split::default() };
        book.totals.increase = Split { total: b.into(), ..Split::default() };
        book.totals.decrease = Split { total: c.into(), ..Split::default() };
        book.totals.adjusted = Split { total: d.into(), ..Split::default() };
        book.totals.executed = b.into();
        book.totals.received = c.into();
        book.totals.carryover = a.into();
        let dept = Department::default();
        for base in [ExecutionBase::Adjusted, ExecutionBase::Initial, ExecutionBase::Received] {
            for def in [AdjustmentDefinition::NetOverInitial, AdjustmentDefinition::GrossOverAdjusted] {
                let s = MetricSettings { execution_base: base, adjustment_definition: def };
                for m in DepartmentMetric::ALL {
                    let v = department_metric(&book, &dept, m, s);
                    // Either a ratio or the reason there is none.
                    prop_assert!(v.ratio.is_some() != v.missing.is_some(), "{:?}", v);
                }
            }
            let p = Project {
                budget_initial: a.into(),
                budget_adjusted: d.into(),
                received: c.into(),
                executed: b.into(),
                ..Project::default()
            };
            for m in ProjectMetric::ALL {
                let v = project_metric(&p, m, base);
                prop_assert!(v.ratio.is_some() != v.missing.is_some(), "{:?}", v);
                if let Some(r) = v.ratio { let _ = pct_text(r); }
            }
        }
        let date = chrono::NaiveDate::from_yo_opt(year, 1).unwrap() + chrono::Days::new(u64::from(day));
        let t = time_progress(date, year);
        prop_assert!(t >= Decimal::ZERO && t <= Decimal::ONE);
    }
}
