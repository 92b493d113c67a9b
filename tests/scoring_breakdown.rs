//! Whole sheets: parent sums, 不适用 rescaling, overrides, rounding modes, grades, flags and
//! linked actuals. Expected numbers are worked by hand in the comments.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::calc::num::pct_text;
use jixiao::calc::{ScoreBreakdown, ScoreFlag, grade_of, score_evaluation};
use jixiao::model::{
    Actual, BudgetBook, Deduction, DepartmentMetric, Evaluation, GradeBand, Indicator, MetricRef,
    Project, ProjectMetric, QualitativeGrade, Rounding, Rule, ScoreOverride, ScoringProfile, Split,
    Target, Workspace, default_grades,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

// ---------------------------------------------------------------- building sheets

/// A parent row (一级 or 二级).
fn group(level: u8, name: &str, weight: Decimal) -> Indicator {
    Indicator {
        level,
        name: name.to_owned(),
        weight,
        ..Indicator::default()
    }
}

/// A 三级 row.
fn leaf(name: &str, weight: Decimal, target: &str, actual: Actual, rule: Rule) -> Indicator {
    Indicator {
        level: 3,
        name: name.to_owned(),
        weight,
        target: Target::parse(target),
        actual,
        rule,
        ..Indicator::default()
    }
}

/// A 三级 row with a manual score (the quickest way to put a known score on a row).
fn manual(name: &str, weight: Decimal, score: Decimal) -> Indicator {
    leaf(
        name,
        weight,
        "",
        Actual::default(),
        Rule::Manual {
            score: Some(score),
            reason: "专家评分".to_owned(),
        },
    )
}

fn typed(text: &str) -> Actual {
    Actual::typed(text)
}

fn evaluation(indicators: Vec<Indicator>) -> Evaluation {
    Evaluation {
        id: "t".to_owned(),
        name: "测试".to_owned(),
        year: 2021,
        indicators,
        ..Evaluation::default()
    }
}

/// A breakdown with the names of its rows (the breakdown itself refers to rows by index).
struct Scored {
    b: ScoreBreakdown,
    ev: Evaluation,
}

impl std::ops::Deref for Scored {
    type Target = ScoreBreakdown;
    fn deref(&self) -> &ScoreBreakdown {
        &self.b
    }
}

fn score(ws: &Workspace, ev: &Evaluation) -> Scored {
    Scored {
        b: score_evaluation(ws, ev),
        ev: ev.clone(),
    }
}

impl Scored {
    /// A row's explanation as the evaluator reads it.
    fn explain(&self, n: &jixiao::calc::NodeScore) -> String {
        n.explain(&self.ev).to_string()
    }
}

fn node_by_name<'a>(b: &'a Scored, name: &str) -> &'a jixiao::calc::NodeScore {
    b.nodes
        .iter()
        .find(|n| n.name(&b.ev) == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

/// Seed 000's 2021 budget figures (万元).
fn seed_000_book() -> BudgetBook {
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
    // 26,010.59 + 92,914.66 = 118,925.25.
    b.totals.executed = dec!(118925.25).into();
    b
}

fn department_link(metric: DepartmentMetric) -> Actual {
    Actual::Linked(MetricRef::Department { year: 2021, metric })
}

// ---------------------------------------------------------------- seed 000

/// A sheet whose rows reproduce seed 000's published 一级 scores. The report gives only the
/// 一级 figures, so the 三级 rows are chosen to add up to them, using most rules on the way.
fn seed_000_sheet() -> Evaluation {
    evaluation(vec![
        group(1, "投入管理指标", dec!(34)),
        group(2, "预算和财务管理", dec!(20)),
        // 118,925.25 / 126,038.75 = 94.3561…%; 10 × 0.943561… = 9.4356… → 9.44.
        leaf(
            "预算执行率",
            dec!(10),
            "",
            department_link(DepartmentMetric::ExecutionRate),
            Rule::ExecutionRate,
        ),
        // 11,508.81 / 114,529.94 = 10.05% ≤ 30%: full 4.
        leaf(
            "预算调整率",
            dec!(4),
            "≤30%",
            department_link(DepartmentMetric::AdjustmentRate),
            Rule::Inverse,
        ),
        // 6 − (2 + 1.5 + 0.8) = 1.7.
        leaf(
            "资金使用合规性",
            dec!(6),
            "合规",
            Actual::default(),
            Rule::Deductions {
                items: [dec!(2), dec!(1.5), dec!(0.8)]
                    .into_iter()
                    .map(|p| Deduction {
                        reason: "违规列支".to_owned(),
                        points: p,
                    })
                    .collect(),
            },
        ),
        group(2, "工作目标管理", dec!(14)),
        // 达成, default top of band: 8.
        leaf(
            "年度履职目标相关性",
            dec!(8),
            "相关",
            typed("相关"),
            Rule::Qualitative {
                grade: QualitativeGrade::Achieved,
                share_pct: None,
            },
        ),
        // 部分达成 at 70%: 6 × 0.7 = 4.2.
        leaf(
            "绩效指标合理性",
            dec!(6),
            "合理",
            typed("部分合理"),
            Rule::Qualitative {
                grade: QualitativeGrade::Partial,
                share_pct: Some(dec!(70)),
            },
        ),
        group(1, "产出指标", dec!(34)),
        group(2, "重点工作任务完成", dec!(34)),
        // 20 × 85 / 90 = 18.888… → 18.89.
        leaf(
            "重点工作任务完成率",
            dec!(20),
            "≥90%",
            typed("85%"),
            Rule::Proportional,
        ),
        // ≥100%, 0.2 per point below: (100 − 82.3) × 0.2 = 3.54; 14 − 3.54 = 10.46.
        leaf(
            "完成及时率",
            dec!(14),
            "≥100%",
            typed("82.3%"),
            Rule::LinearDeduction {
                threshold: dec!(100),
                points_per_step: dec!(0.2),
                step: dec!(1),
            },
        ),
        group(1, "效益指标", dec!(32)),
        group(2, "履职效益", dec!(12)),
        leaf(
            "社会效益",
            dec!(12),
            "显著",
            typed("显著"),
            Rule::Qualitative {
                grade: QualitativeGrade::Achieved,
                share_pct: None,
            },
        ),
        group(2, "满意度", dec!(20)),
        // 20 × 72 / 90 = 16.
        leaf(
            "服务企业满意度",
            dec!(20),
            "≥90%",
            typed("72%"),
            Rule::Proportional,
        ),
    ])
}

#[test]
fn seed_000_scores_84_69_good() {
    let ws = Workspace {
        budgets: vec![seed_000_book()],
        ..Workspace::default()
    };
    let b = score(&ws, &seed_000_sheet());
    let l1: Vec<_> = b.level1().collect();
    assert_eq!(l1.len(), 3);
    // 9.44 + 4.00 + 1.70 = 15.14; 8.00 + 4.20 = 12.20; 15.14 + 12.20 = 27.34.
    assert_eq!(node_by_name(&b, "预算执行率").score, dec!(9.44));
    assert_eq!(node_by_name(&b, "预算和财务管理").score, dec!(15.14));
    assert_eq!(node_by_name(&b, "工作目标管理").score, dec!(12.20));
    assert_eq!(l1[0].score, dec!(27.34));
    // 18.89 + 10.46 = 29.35.
    assert_eq!(l1[1].score, dec!(29.35));
    // 12.00 + 16.00 = 28.00.
    assert_eq!(l1[2].score, dec!(28.00));
    assert_eq!(l1[2].score.to_string(), "28.00");
    // 27.34 + 29.35 + 28.00 = 84.69.
    assert_eq!(b.total.score, dec!(84.69));
    assert_eq!(b.total.weight, dec!(100));
    assert_eq!(b.total.grade, "良");
    // 27.34/34 = 80.41%, 29.35/34 = 86.32%, 28/32 = 87.50%, 84.69/100 = 84.69%.
    let rates: Vec<String> = l1.iter().map(|n| pct_text(n.rate().unwrap())).collect();
    assert_eq!(rates, ["80.41%", "86.32%", "87.50%"]);
    assert_eq!(pct_text(b.total.rate.unwrap()), "84.69%");
    assert_eq!(b.unscored, 0);
    assert!(node_by_name(&b, "预算执行率").linked);
    assert_eq!(
        b.explain(node_by_name(&b, "预算执行率")),
        "执行率 94.36%，得 9.44（10 × 94.36%）"
    );
    assert_eq!(
        b.explain(node_by_name(&b, "预算调整率")),
        "实际 10.05% ≤ 目标 30%，得满分 4.00"
    );
    assert_eq!(b.explain(l1[0]), "2 项下级指标合计 27.34 分（满分 34）");
}

#[test]
fn children_and_roots_follow_the_outline() {
    let ws = Workspace {
        budgets: vec![seed_000_book()],
        ..Workspace::default()
    };
    let b = score(&ws, &seed_000_sheet());
    assert_eq!(b.roots, [0, 8, 12]);
    let names: Vec<&str> = b.children(0).map(|n| n.name(&b.ev)).collect();
    assert_eq!(names, ["预算和财务管理", "工作目标管理"]);
    let names: Vec<&str> = b.children(1).map(|n| n.name(&b.ev)).collect();
    assert_eq!(names, ["预算执行率", "预算调整率", "资金使用合规性"]);
    assert_eq!(b.children(2).count(), 0);
    assert_eq!(b.children(999).count(), 0);
    assert_eq!(node_by_name(&b, "工作目标管理").parent, Some(0));
    assert_eq!(
        b.children_weight(node_by_name(&b, "投入管理指标").index),
        Some(dec!(34))
    );
}

// ---------------------------------------------------------------- 不适用

#[test]
fn not_applicable_leaf_drops_out_and_the_rest_is_rescaled() {
    // A(30): a1 20 points scoring 18, a2 10 points 不适用; B(70): b1 scoring 56.
    let mut a2 = manual("a2", dec!(10), dec!(3));
    a2.not_applicable = true;
    let ev = evaluation(vec![
        group(1, "A", dec!(30)),
        manual("a1", dec!(20), dec!(18)),
        a2,
        group(1, "B", dec!(70)),
        manual("b1", dec!(70), dec!(56)),
    ]);
    let b = score(&Workspace::default(), &ev);
    // Applicable 20 + 70 = 90; raw 18 + 56 = 74; 74 × 100 / 90 = 82.222… → 82.22, 良.
    assert_eq!(b.total.applicable_weight, dec!(90));
    assert_eq!(b.total.raw, dec!(74));
    assert_eq!(b.total.score, dec!(82.22));
    assert_eq!(b.total.grade, "良");
    assert_eq!(pct_text(b.total.rate.unwrap()), "82.22%");
    let a = node_by_name(&b, "A");
    // A counts out of 20 now: 18 / 20 = 90%.
    assert_eq!((a.score, a.applicable_weight), (dec!(18), dec!(20)));
    assert_eq!(pct_text(a.rate().unwrap()), "90.00%");
    let a2 = node_by_name(&b, "a2");
    assert!(a2.not_applicable);
    assert_eq!(a2.score, dec!(0));
    assert_eq!(b.explain(a2), "不适用，不计分，其余指标按满分折算");
}

#[test]
fn not_applicable_subtree_drops_out_whole() {
    // A(40) 不适用 with its two rows; B(60): 30 + 15 = 45 → 45 × 100 / 60 = 75.00, 中.
    let mut a = group(1, "A", dec!(40));
    a.not_applicable = true;
    let ev = evaluation(vec![
        a,
        manual("a1", dec!(25), dec!(25)),
        manual("a2", dec!(15), dec!(15)),
        group(1, "B", dec!(60)),
        manual("b1", dec!(40), dec!(30)),
        manual("b2", dec!(20), dec!(15)),
    ]);
    let b = score(&Workspace::default(), &ev);
    assert!(node_by_name(&b, "a1").not_applicable);
    assert!(node_by_name(&b, "a2").not_applicable);
    assert_eq!(node_by_name(&b, "A").score, dec!(0));
    assert_eq!(
        b.children_weight(node_by_name(&b, "A").index),
        Some(dec!(40))
    );
    assert_eq!(b.total.applicable_weight, dec!(60));
    assert_eq!(b.total.score, dec!(75.00));
    assert_eq!(b.total.grade, "中");
}

#[test]
fn everything_not_applicable_scores_zero_without_dividing_by_zero() {
    let mut a = group(1, "A", dec!(100));
    a.not_applicable = true;
    let ev = evaluation(vec![a, manual("a1", dec!(100), dec!(90))]);
    let b = score(&Workspace::default(), &ev);
    assert_eq!(b.total.score, dec!(0));
    assert_eq!(b.total.applicable_weight, dec!(0));
}

// ---------------------------------------------------------------- overrides

#[test]
fn leaf_override_replaces_the_score_and_shows_both() {
    // 预算执行率 computes 9.44 (see seed 000); the evaluator sets 7.5.
    let ws = Workspace {
        budgets: vec![seed_000_book()],
        ..Workspace::default()
    };
    let mut ev = seed_000_sheet();
    ev.indicators[2].score_override = Some(ScoreOverride {
        score: dec!(7.5),
        reason: "部分支出未经审批".to_owned(),
    });
    let b = score(&ws, &ev);
    let n = node_by_name(&b, "预算执行率");
    assert!(n.overridden);
    assert_eq!((n.score, n.computed()), (dec!(7.50), Some(dec!(9.44))));
    assert_eq!(
        b.explain(n),
        "人工调整为 7.50（计算得分 9.44）：部分支出未经审批"
    );
    // The parents follow: 27.34 − 9.44 + 7.50 = 25.40; total 84.69 − 1.94 = 82.75.
    assert_eq!(node_by_name(&b, "投入管理指标").score, dec!(25.40));
    assert_eq!(b.total.score, dec!(82.75));
    assert!(b.flags.is_empty(), "{:?}", b.flags);
}

#[test]
fn parent_override_is_summed_by_its_own_parent() {
    // 二级 "重点工作任务完成" computes 29.35; overridden to 30; 一级 follows.
    let ws = Workspace {
        budgets: vec![seed_000_book()],
        ..Workspace::default()
    };
    let mut ev = seed_000_sheet();
    ev.indicators[9].score_override = Some(ScoreOverride {
        score: dec!(30),
        reason: "专家组复核".to_owned(),
    });
    let b = score(&ws, &ev);
    let n = node_by_name(&b, "重点工作任务完成");
    assert_eq!((n.score, n.computed()), (dec!(30.00), Some(dec!(29.35))));
    assert_eq!(node_by_name(&b, "产出指标").score, dec!(30.00));
    // 27.34 + 30.00 + 28.00 = 85.34.
    assert_eq!(b.total.score, dec!(85.34));
}

#[test]
fn overrides_are_clamped_and_a_missing_reason_is_flagged() {
    let mut over = manual("a1", dec!(10), dec!(5));
    over.score_override = Some(ScoreOverride {
        score: dec!(50),
        reason: String::new(),
    });
    let mut under = manual("a2", dec!(10), dec!(5));
    under.score_override = Some(ScoreOverride {
        score: dec!(-3),
        reason: "扣光".to_owned(),
    });
    let ev = evaluation(vec![group(1, "A", dec!(20)), over, under]);
    let b = score(&Workspace::default(), &ev);
    assert_eq!(node_by_name(&b, "a1").score, dec!(10.00));
    assert_eq!(node_by_name(&b, "a2").score, dec!(0.00));
    assert_eq!(
        b.explain(node_by_name(&b, "a1")),
        "人工调整为 10.00（计算得分 5.00）：（未填写理由）"
    );
    assert_eq!(b.flags, [ScoreFlag::MissingReason { index: 1 }]);
}

#[test]
fn flags_are_listed_in_sheet_order() {
    // A parent override without a reason (row 0) and a leaf one (row 2): row 0 first.
    let mut parent = group(1, "A", dec!(20));
    parent.score_override = Some(ScoreOverride {
        score: dec!(15),
        reason: String::new(),
    });
    let mut child = manual("a2", dec!(10), dec!(5));
    child.score_override = Some(ScoreOverride {
        score: dec!(4),
        reason: String::new(),
    });
    let ev = evaluation(vec![parent, manual("a1", dec!(10), dec!(9)), child]);
    let b = score(&Workspace::default(), &ev);
    assert_eq!(
        b.flags,
        [
            ScoreFlag::MissingReason { index: 0 },
            ScoreFlag::MissingReason { index: 2 }
        ]
    );
    // 9 + 4 = 13 computed, overridden to 15.
    assert_eq!(
        (b.nodes[0].score, b.nodes[0].computed()),
        (dec!(15.00), Some(dec!(13.00)))
    );
}

#[test]
fn override_of_an_unscored_leaf_has_no_computed_score() {
    let mut l = leaf(
        "a1",
        dec!(10),
        "≥90%",
        Actual::default(),
        Rule::Proportional,
    );
    l.score_override = Some(ScoreOverride {
        score: dec!(6),
        reason: "据访谈".to_owned(),
    });
    let b = score(&Workspace::default(), &evaluation(vec![l]));
    let n = &b.nodes[0];
    assert_eq!((n.score, n.computed()), (dec!(6.00), None));
    assert!(!n.unscored);
    assert_eq!(b.explain(n), "人工调整为 6.00：据访谈");
    assert_eq!(b.unscored, 0);
}

#[test]
fn override_of_a_not_applicable_row_is_ignored() {
    let mut l = manual("a1", dec!(10), dec!(5));
    l.not_applicable = true;
    l.score_override = Some(ScoreOverride {
        score: dec!(6),
        reason: "x".to_owned(),
    });
    let ev = evaluation(vec![l, manual("a2", dec!(10), dec!(8))]);
    let b = score(&Workspace::default(), &ev);
    assert!(!b.nodes[0].overridden);
    // 8 × 20 / 10 = 16.
    assert_eq!(b.total.score, dec!(16.00));
}

// ---------------------------------------------------------------- rounding

#[test]
fn parents_add_rounded_children() {
    // Two rows of 4.69 × 50% = 2.345 each → 2.35 + 2.35 = 4.70 (not round(4.69) = 4.69).
    let half = || {
        leaf(
            "q",
            dec!(4.69),
            "",
            Actual::default(),
            Rule::Qualitative {
                grade: QualitativeGrade::NotAchieved,
                share_pct: Some(dec!(50)),
            },
        )
    };
    let ev = evaluation(vec![group(1, "A", dec!(9.38)), half(), half()]);
    let b = score(&Workspace::default(), &ev);
    assert_eq!(b.nodes[1].score, dec!(2.35));
    assert_eq!(b.nodes[0].score, dec!(4.70));
    assert_eq!(b.total.score, dec!(4.70));
}

#[test]
fn whole_point_rounding_scores_86_2_percent_as_9() {
    // Two 10-point execution rows at 86.2%: 8.62 → 9 each, 18 in all (not 17.24).
    let row = || leaf("执行率", dec!(10), "", typed("86.2%"), Rule::ExecutionRate);
    let mut ev = evaluation(vec![group(1, "预算执行", dec!(20)), row(), row()]);
    ev.profile.rounding = Rounding::WholePoints;
    let b = score(&Workspace::default(), &ev);
    assert_eq!(b.nodes[1].score, dec!(9));
    assert_eq!(b.nodes[0].score, dec!(18));
    assert_eq!(b.explain(&b.nodes[1]), "执行率 86.2%，得 9（10 × 86.2%）");
    assert_eq!(b.total.score, dec!(18.00));
    // The same under 2-place rounding: 8.62 + 8.62 = 17.24.
    ev.profile.rounding = Rounding::Cents;
    assert_eq!(score(&Workspace::default(), &ev).total.score, dec!(17.24));
}

// ---------------------------------------------------------------- grades

#[test]
fn grade_boundaries_are_inclusive_lower_bounds() {
    let g = default_grades();
    assert_eq!(grade_of(dec!(100), &g), "优");
    assert_eq!(grade_of(dec!(90), &g), "优");
    assert_eq!(grade_of(dec!(89.99), &g), "良");
    assert_eq!(grade_of(dec!(80), &g), "良");
    assert_eq!(grade_of(dec!(79.99), &g), "中");
    assert_eq!(grade_of(dec!(60), &g), "中");
    assert_eq!(grade_of(dec!(59.99), &g), "差");
    assert_eq!(grade_of(dec!(0), &g), "差");
}

#[test]
fn sheet_totals_at_the_boundaries() {
    for (s, grade) in [
        (dec!(90), "优"),
        (dec!(89.99), "良"),
        (dec!(60), "中"),
        (dec!(59.99), "差"),
    ] {
        let ev = evaluation(vec![manual("all", dec!(100), s)]);
        let b = score(&Workspace::default(), &ev);
        assert_eq!((b.total.score, b.total.grade.as_str()), (s, grade));
    }
}

#[test]
fn custom_grade_labels_in_any_order() {
    let bands: Vec<GradeBand> = [(60, "合格"), (85, "优秀"), (0, "不合格"), (70, "良好")]
        .into_iter()
        .map(|(min, label)| GradeBand {
            min: Decimal::from(min),
            label: label.to_owned(),
        })
        .collect();
    assert_eq!(grade_of(dec!(85), &bands), "优秀");
    assert_eq!(grade_of(dec!(84.99), &bands), "良好");
    assert_eq!(grade_of(dec!(69.99), &bands), "合格");
    assert_eq!(grade_of(dec!(59.99), &bands), "不合格");
    let mut ev = evaluation(vec![manual("all", dec!(100), dec!(72))]);
    ev.profile.grades = bands;
    assert_eq!(score(&Workspace::default(), &ev).total.grade, "良好");
    // No band reached at all: no grade rather than a wrong one.
    assert_eq!(grade_of(dec!(-1), &default_grades()), "");
}

// ---------------------------------------------------------------- flags

#[test]
fn target_beaten_by_far_is_flagged_but_scores_full() {
    // Seed 002: 343 人次 planned, "1200余名" trained: 1200 ≥ 2 × 343.
    let ev = evaluation(vec![leaf(
        "培训人次",
        dec!(5),
        "≥343人次",
        typed("1200余名"),
        Rule::Proportional,
    )]);
    let b = score(&Workspace::default(), &ev);
    assert_eq!(b.nodes[0].score, dec!(5.00));
    assert_eq!(
        b.flags,
        [ScoreFlag::TargetBeatenByFar {
            index: 0,
            actual: dec!(1200),
            target: dec!(343),
            factor: dec!(2),
        }]
    );
    // 95% on ≥90%: beaten, but not by far.
    let ev = evaluation(vec![leaf(
        "合格率",
        dec!(5),
        "≥90%",
        typed("95%"),
        Rule::Proportional,
    )]);
    assert!(score(&Workspace::default(), &ev).flags.is_empty());
}

#[test]
fn over_execution_is_flagged() {
    // Seed 004: 7,309.62 / 6,800 = 107.49%.
    let ev = evaluation(vec![leaf(
        "预算执行率",
        dec!(10),
        "",
        typed("107.49%"),
        Rule::ExecutionRate,
    )]);
    let b = score(&Workspace::default(), &ev);
    assert_eq!(b.nodes[0].score, dec!(10.00));
    assert_eq!(
        b.flags,
        [ScoreFlag::OverExecution {
            index: 0,
            rate_pct: dec!(107.49),
        }]
    );
}

#[test]
fn manual_rule_without_reason_is_flagged() {
    let mut l = manual("a", dec!(10), dec!(8));
    l.rule = Rule::Manual {
        score: Some(dec!(8)),
        reason: String::new(),
    };
    let b = score(&Workspace::default(), &evaluation(vec![l]));
    assert_eq!(b.flags, [ScoreFlag::MissingReason { index: 0 }]);
}

#[test]
fn a_typed_actual_that_is_not_a_number_says_so() {
    let ev = evaluation(vec![leaf(
        "完成率",
        dec!(5),
        "≥90%",
        typed("基本完成"),
        Rule::Proportional,
    )]);
    let b = score(&Workspace::default(), &ev);
    assert!(b.nodes[0].unscored);
    assert_eq!(b.unscored, 1);
    assert_eq!(
        b.explain(&b.nodes[0]),
        "实际完成值“基本完成”不是数值，无法按正向比例计分，暂计 0 分"
    );
}

// ---------------------------------------------------------------- linked actuals

/// Seed 002: 企业服务活动专项经费, budget 207, executed 134.5343 (万元).
fn seed_002_workspace() -> Workspace {
    Workspace {
        projects: vec![Project {
            id: "qyfw".to_owned(),
            name: "企业服务活动专项经费".to_owned(),
            budget_initial: dec!(207).into(),
            budget_adjusted: dec!(207).into(),
            executed: dec!(134.5343).into(),
            ..Project::default()
        }],
        ..Workspace::default()
    }
}

/// A 自评表: 预算执行率 10 points linked to the project, everything else 90 points, full.
fn seed_002_sheet(project: &str) -> Evaluation {
    evaluation(vec![
        leaf(
            "预算执行率",
            dec!(10),
            "",
            Actual::Linked(MetricRef::Project {
                project: project.to_owned(),
                metric: ProjectMetric::ExecutionRate,
            }),
            Rule::ExecutionRate,
        ),
        manual("产出、效益、满意度", dec!(90), dec!(90)),
    ])
}

#[test]
fn seed_002_cannot_score_100() {
    // 134.5343 / 207 = 64.99%; 10 × 0.6499… = 6.50; 6.50 + 90 = 96.50, not the published 100.
    let b = score(&seed_002_workspace(), &seed_002_sheet("qyfw"));
    assert_eq!(b.nodes[0].score, dec!(6.50));
    assert!(b.nodes[0].linked);
    assert_eq!(b.total.score, dec!(96.50));
    assert_eq!(b.total.grade, "优");
}

#[test]
fn linked_actual_follows_a_budget_edit() {
    let mut ws = seed_002_workspace();
    let ev = seed_002_sheet("qyfw");
    assert_eq!(score(&ws, &ev).nodes[0].score, dec!(6.50));
    // The evaluator corrects the executed amount to 100: 100 / 207 = 48.31%; 10 × → 4.83.
    ws.projects[0].executed = dec!(100).into();
    let b = score(&ws, &ev);
    assert_eq!(b.nodes[0].score, dec!(4.83));
    assert_eq!(b.total.score, dec!(94.83));
    // Fully spent: 207 / 207 → 10.
    ws.projects[0].executed = dec!(207).into();
    assert_eq!(score(&ws, &ev).nodes[0].score, dec!(10.00));
    // And the denominator setting moves it too: against 实际到位资金 150, 120 / 150 = 80% → 8.
    ws.projects[0].executed = dec!(120).into();
    ws.projects[0].received = dec!(150).into();
    let mut ev = ev;
    ev.profile.execution_base = jixiao::model::ExecutionBase::Received;
    assert_eq!(score(&ws, &ev).nodes[0].score, dec!(8.00));
}

#[test]
fn broken_link_is_flagged_and_explained() {
    let b = score(&seed_002_workspace(), &seed_002_sheet("deleted"));
    let n = &b.nodes[0];
    assert!(n.linked && n.unscored);
    assert_eq!(n.score, dec!(0));
    assert_eq!(b.explain(n), "链接的项目 \"deleted\" 不存在，暂计 0 分");
    assert_eq!(
        b.flags,
        [ScoreFlag::BrokenLink {
            index: 0,
            reason: "链接的项目 \"deleted\" 不存在".to_owned(),
        }]
    );
    // A department link to a year without a budget book.
    let ev = evaluation(vec![leaf(
        "预算执行率",
        dec!(10),
        "",
        Actual::Linked(MetricRef::Department {
            year: 2030,
            metric: DepartmentMetric::ExecutionRate,
        }),
        Rule::ExecutionRate,
    )]);
    let b = score(&Workspace::default(), &ev);
    assert_eq!(
        b.explain(&b.nodes[0]),
        "链接的 2030 年度预算表不存在，暂计 0 分"
    );
}

#[test]
fn linked_metric_that_cannot_be_computed_says_why() {
    let mut ws = seed_002_workspace();
    ws.projects[0].budget_adjusted = dec!(0).into();
    let b = score(&ws, &seed_002_sheet("qyfw"));
    assert!(b.nodes[0].unscored);
    assert!(b.flags.is_empty());
    assert_eq!(
        b.explain(&b.nodes[0]),
        "链接的预算执行率无法计算：调整后预算为 0，无法计算，暂计 0 分"
    );
}

#[test]
fn profile_presets_grade_alike() {
    // Both shipped profiles use the national bands.
    for p in ScoringProfile::presets() {
        assert_eq!(grade_of(dec!(84.69), &p.grades), "良");
    }
}
