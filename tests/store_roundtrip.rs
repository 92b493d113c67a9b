//! Round trips of rich workspaces: what is saved loads back equal, and saving twice gives the
//! same bytes (a file kept in git only changes where the document changed).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use jixiao::model::*;
use jixiao::store;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

/// Exact decimals of every sign and scale, up to the 28 digits a decimal holds.
fn decimal() -> impl Strategy<Value = Decimal> {
    let max = 10i128.pow(28) - 1;
    prop_oneof![
        (-1_000_000i128..1_000_000, 0u32..=6),
        (-max..=max, 0u32..=28),
        (Just(0i128), 0u32..=4),
    ]
    .prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
}

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        1 => Just(Amount::Blank),
        1 => Just(Amount::Withheld),
        4 => decimal().prop_map(Amount::Value),
    ]
}

/// Text as people type it, plus the characters a RON writer must escape.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "",
            "郑州市工业和信息化局",
            "≥90%",
            "1200余名",
            "财预〔2020〕10号",
            "XXXX",
            "xxxx",
            "“三公”经费",
            "a \"quoted\" \\ path",
            "line one\nline two\r\n",
            "tab\there",
        ])
        .prop_map(str::to_owned),
        prop::collection::vec(any::<char>(), 0..10).prop_map(String::from_iter),
    ]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..3)
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1990i32..2100, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap()),
    )
}

fn opt_u32() -> impl Strategy<Value = Option<u32>> {
    prop::option::of(any::<u32>())
}

fn split() -> impl Strategy<Value = Split> {
    (amount(), amount(), amount()).prop_map(|(total, basic, project)| Split {
        total,
        basic,
        project,
    })
}

fn named_amounts() -> impl Strategy<Value = Vec<NamedAmount>> {
    prop::collection::vec(
        (text(), amount()).prop_map(|(name, amount)| NamedAmount {
            name,
            amount,
            ..Default::default()
        }),
        0..3,
    )
}

fn functional_line() -> impl Strategy<Value = FunctionalLine> {
    (
        text(),
        text(),
        select(vec![
            LineLevel::Total,
            LineLevel::Unit,
            LineLevel::Class,
            LineLevel::Section,
            LineLevel::Item,
        ]),
        prop::collection::vec(amount(), 9),
    )
        .prop_map(|(code, name, level, a)| FunctionalLine {
            code,
            name,
            level,
            total: a[0],
            basic: a[1],
            wages: a[2],
            family: a[3],
            goods: a[4],
            capital: a[5],
            project: a[6],
            operating: a[7],
            targeted: a[8],
            ..Default::default()
        })
}

fn economic_table() -> impl Strategy<Value = EconomicTable> {
    let line = (
        text(),
        text(),
        text(),
        text(),
        amount(),
        select(vec![CostCategory::Personnel, CostCategory::Public]),
    )
        .prop_map(
            |(dept_code, dept_name, gov_code, gov_name, amount, category)| EconomicLine {
                dept_code,
                dept_name,
                gov_code,
                gov_name,
                amount,
                category,
                ..Default::default()
            },
        );
    (
        text(),
        text(),
        (amount(), amount(), amount()),
        prop::collection::vec(line, 0..4),
    )
        .prop_map(
            |(name, note, (total, personnel, public), lines)| EconomicTable {
                name,
                note,
                total: EconomicTotals {
                    total,
                    personnel,
                    public,
                },
                lines,
            },
        )
}

fn budget_book() -> impl Strategy<Value = BudgetBook> {
    let totals = (
        prop::collection::vec(split(), 4),
        prop::collection::vec(amount(), 7),
        text(),
    )
        .prop_map(|(s, a, notes)| DepartmentTotals {
            initial: s[0],
            increase: s[1],
            decrease: s[2],
            adjusted: s[3],
            executed: a[0],
            executed_own: a[1],
            executed_transfer: a[2],
            received: a[3],
            carryover: a[4],
            special_allocated: a[5],
            special_detailed: a[6],
            notes,
        });
    let summary = (named_amounts(), amount(), named_amounts(), amount()).prop_map(
        |(income, income_total, expenditure, expenditure_total)| IncomeExpenditureSummary {
            income,
            income_total,
            expenditure,
            expenditure_total,
        },
    );
    let unit_income = (text(), text(), amount(), amount(), amount(), any::<bool>()).prop_map(
        |(code, name, total, general_budget, other, is_total)| UnitIncome {
            code,
            name,
            total,
            general_budget,
            other,
            is_total,
            ..Default::default()
        },
    );
    let functional = (
        text(),
        text(),
        prop::collection::vec(functional_line(), 0..5),
    )
        .prop_map(|(name, note, lines)| FunctionalTable { name, note, lines });
    let three_public = prop::collection::vec(amount(), 8).prop_map(|a| ThreePublic {
        total: a[0],
        abroad: a[1],
        vehicles: a[2],
        vehicle_purchase: a[3],
        vehicle_operation: a[4],
        reception: a[5],
        actual: a[6],
        prior_year: a[7],
    });
    let procurement = prop::collection::vec(amount(), 5).prop_map(|a| Procurement {
        budget: a[0],
        goods: a[1],
        services: a[2],
        works: a[3],
        actual: a[4],
    });
    (
        (
            any::<i32>(),
            select(AmountUnit::ALL.to_vec()),
            opt_u32(),
            text(),
        ),
        totals,
        summary,
        prop::collection::vec(unit_income, 0..3),
        prop::collection::vec(functional, 0..3),
        prop::collection::vec(economic_table(), 0..2),
        three_public,
        procurement,
    )
        .prop_map(
            |(
                (year, unit, published_decimals, source),
                totals,
                summary,
                unit_income,
                functional,
                economic,
                three_public,
                procurement,
            )| BudgetBook {
                year,
                unit,
                published_decimals,
                source,
                totals,
                summary,
                unit_income,
                functional,
                economic,
                three_public,
                procurement,
            },
        )
}

fn comparator() -> impl Strategy<Value = Comparator> {
    select(vec![
        Comparator::AtLeast,
        Comparator::AtMost,
        Comparator::Equal,
        Comparator::Qualitative,
    ])
}

fn target() -> impl Strategy<Value = Target> {
    (comparator(), prop::option::of(decimal()), text(), text()).prop_map(
        |(comparator, value, unit, text)| Target {
            comparator,
            value,
            unit,
            text,
        },
    )
}

fn project_metric() -> impl Strategy<Value = ProjectMetric> {
    select(ProjectMetric::ALL.to_vec())
}

fn project() -> impl Strategy<Value = Project> {
    let funding = prop::collection::vec(amount(), 6).prop_map(|a| ProjectFunding {
        general_budget: a[0],
        government_fund: a[1],
        state_capital: a[2],
        carryover: a[3],
        special_account: a[4],
        own_funds: a[5],
    });
    let cost_item = (text(), amount(), amount()).prop_map(|(name, budget, executed)| CostItem {
        name,
        budget,
        executed,
        ..Default::default()
    });
    let disbursement = (
        date(),
        amount(),
        select(DisbursementStage::ALL.to_vec()),
        text(),
    )
        .prop_map(|(date, amount, stage, note)| Disbursement {
            date,
            amount,
            stage,
            note,
            ..Default::default()
        });
    let performance_target = (
        select(vec![
            TargetCategory::Cost,
            TargetCategory::Output,
            TargetCategory::Benefit,
            TargetCategory::Satisfaction,
        ]),
        text(),
        target(),
    )
        .prop_map(|(category, name, target)| PerformanceTarget {
            category,
            name,
            target,
            ..Default::default()
        });
    let published =
        (project_metric(), decimal(), text()).prop_map(|(metric, value_pct, source)| {
            PublishedFigure {
                metric,
                value_pct,
                source,
            }
        });
    (
        (text(), text(), text(), text(), text(), any::<i32>()),
        select(vec![
            ProjectKind::Operating,
            ProjectKind::Targeted,
            ProjectKind::Unspecified,
        ]),
        prop::collection::vec(amount(), 5),
        funding,
        prop::collection::vec(cost_item, 0..3),
        prop::collection::vec(disbursement, 0..4),
        prop::collection::vec(performance_target, 0..3),
        prop::collection::vec(published, 0..2),
        (text(), text()),
        (
            text(),
            prop::collection::vec(
                (text(), amount(), amount(), amount()).prop_map(
                    |(label, initial, adjusted, executed)| FundingSource {
                        label,
                        initial,
                        adjusted,
                        executed,
                    },
                ),
                0..3,
            ),
        ),
    )
        .prop_map(
            |(
                (id, code, name, unit, unit_code, year),
                kind,
                a,
                funding,
                cost_items,
                disbursements,
                targets,
                published,
                (source, notes),
                (department, funding_sources),
            )| Project {
                department,
                funding_sources,
                id,
                code,
                name,
                unit,
                unit_code,
                year,
                kind,
                budget_initial: a[0],
                budget_adjusted: a[1],
                funding,
                received: a[2],
                executed: a[3],
                disbursement_due: a[4],
                cost_items,
                disbursements,
                targets,
                published,
                source,
                notes,
            },
        )
}

/// Every scoring rule, with its parameters.
fn rule() -> impl Strategy<Value = Rule> {
    let grade = select(vec![
        QualitativeGrade::Achieved,
        QualitativeGrade::Partial,
        QualitativeGrade::NotAchieved,
    ]);
    prop_oneof![
        Just(Rule::Proportional),
        Just(Rule::Inverse),
        decimal().prop_map(|tolerance| Rule::Deviation { tolerance }),
        prop::option::of(any::<bool>()).prop_map(|met| Rule::Threshold { met }),
        prop::collection::vec(
            (decimal(), decimal()).prop_map(|(threshold, share_pct)| Band {
                threshold,
                share_pct
            }),
            0..4
        )
        .prop_map(|bands| Rule::Bands { bands }),
        (grade, prop::option::of(decimal()))
            .prop_map(|(grade, share_pct)| Rule::Qualitative { grade, share_pct }),
        prop::collection::vec(
            (text(), decimal()).prop_map(|(reason, points)| Deduction { reason, points }),
            0..3
        )
        .prop_map(|items| Rule::Deductions { items }),
        (decimal(), decimal(), decimal()).prop_map(|(threshold, points_per_step, step)| {
            Rule::LinearDeduction {
                threshold,
                points_per_step,
                step,
            }
        }),
        Just(Rule::ExecutionRate),
        Just(Rule::QualitativeText),
        (prop::option::of(decimal()), text())
            .prop_map(|(score, reason)| Rule::Manual { score, reason }),
    ]
}

fn actual() -> impl Strategy<Value = Actual> {
    prop_oneof![
        (prop::option::of(decimal()), text())
            .prop_map(|(value, text)| Actual::Typed { value, text }),
        (any::<i32>(), select(DepartmentMetric::ALL.to_vec()))
            .prop_map(|(year, metric)| Actual::Linked(MetricRef::Department { year, metric })),
        (text(), project_metric())
            .prop_map(|(project, metric)| Actual::Linked(MetricRef::Project { project, metric })),
    ]
}

fn monitoring() -> impl Strategy<Value = Monitoring> {
    (
        text(),
        prop::option::of(decimal()),
        prop::option::of(select(vec![
            DeviationReason::Funding,
            DeviationReason::Rules,
            DeviationReason::Staffing,
            DeviationReason::Facilities,
            DeviationReason::Other,
        ])),
        prop::option::of(select(vec![
            Likelihood::Certain,
            Likelihood::Possible,
            Likelihood::Impossible,
        ])),
        text(),
    )
        .prop_map(
            |(progress_text, progress_value, deviation_reason, likelihood, explanation)| {
                Monitoring {
                    progress_text,
                    progress_value,
                    deviation_reason,
                    likelihood,
                    explanation,
                }
            },
        )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        (any::<u8>(), text(), decimal()),
        target(),
        actual(),
        rule(),
        any::<bool>(),
        prop::option::of(
            (decimal(), text()).prop_map(|(score, reason)| ScoreOverride { score, reason }),
        ),
        (text(), text()),
        prop::option::of(decimal()),
        prop::option::of(monitoring()),
    )
        .prop_map(
            |(
                (level, name, weight),
                target,
                actual,
                rule,
                not_applicable,
                score_override,
                (note, evidence),
                published_score,
                monitoring,
            )| Indicator {
                level,
                name,
                weight,
                target,
                actual,
                rule,
                not_applicable,
                score_override,
                note,
                evidence,
                published_score,
                monitoring,
                ..Default::default()
            },
        )
}

fn profile() -> impl Strategy<Value = ScoringProfile> {
    (
        text(),
        select(vec![Rounding::Cents, Rounding::WholePoints]),
        select(vec![
            ExecutionBase::Adjusted,
            ExecutionBase::Initial,
            ExecutionBase::Received,
        ]),
        select(vec![
            AdjustmentDefinition::NetOverInitial,
            AdjustmentDefinition::GrossOverAdjusted,
        ]),
        (decimal(), decimal()),
        prop::collection::vec(
            (decimal(), text()).prop_map(|(min, label)| GradeBand { min, label }),
            0..5,
        ),
        (decimal(), decimal()),
        prop::collection::vec(
            (text(), decimal()).prop_map(|(name, weight)| ExpectedWeight { name, weight }),
            0..4,
        ),
    )
        .prop_map(
            |(
                name,
                rounding,
                execution_base,
                adjustment_definition,
                (achieved_min_pct, partial_min_pct),
                grades,
                (total, overachievement_factor),
                expected_level1,
            )| ScoringProfile {
                name,
                rounding,
                execution_base,
                adjustment_definition,
                qualitative: QualitativeBands {
                    achieved_min_pct,
                    partial_min_pct,
                },
                grades,
                total,
                overachievement_factor,
                expected_level1,
            },
        )
}

fn evaluation() -> impl Strategy<Value = Evaluation> {
    let published = (
        prop::option::of(decimal()),
        text(),
        prop::collection::vec(
            (text(), decimal(), decimal()).prop_map(|(name, weight, score)| PublishedLevel1 {
                name,
                weight,
                score,
            }),
            0..4,
        ),
        text(),
    )
        .prop_map(|(total, grade, level1, source)| PublishedScore {
            total,
            grade,
            level1,
            source,
        });
    (
        (text(), text(), any::<i32>()),
        prop_oneof![Just(Subject::Department), text().prop_map(Subject::Project)],
        select(vec![
            EvaluationKind::DepartmentWhole,
            EvaluationKind::ProjectExpenditure,
            EvaluationKind::ProjectSelf,
            EvaluationKind::Monitoring,
        ]),
        profile(),
        prop::collection::vec(indicator(), 0..6),
        (texts(), texts(), text()),
        (date(), date()),
        prop::option::of(published),
        (text(), text(), text(), text()),
    )
        .prop_map(
            |(
                (id, name, year),
                subject,
                kind,
                profile,
                indicators,
                (findings, recommendations, evaluator),
                (date, monitoring_date),
                published,
                (notes, goal_expected, goal_actual, deviation_analysis),
            )| Evaluation {
                goal_expected,
                goal_actual,
                deviation_analysis,
                id,
                name,
                year,
                subject,
                kind,
                profile,
                indicators,
                findings,
                recommendations,
                evaluator,
                date,
                monitoring_date,
                published,
                notes,
            },
        )
}

fn workspace() -> impl Strategy<Value = Workspace> {
    let meta = (
        text(),
        any::<i32>(),
        text(),
        text(),
        select(vec![AmountUnit::WanYuan, AmountUnit::Yuan]),
        text(),
    )
        .prop_map(
            |(title, fiscal_year, evaluator, organization, unit, notes)| Meta {
                title,
                fiscal_year,
                evaluator,
                organization,
                unit,
                notes,
                ..Meta::default()
            },
        );
    let department = (
        (text(), text()),
        (opt_u32(), opt_u32(), opt_u32(), opt_u32(), opt_u32()),
        (opt_u32(), opt_u32()),
        text(),
        texts(),
    )
        .prop_map(
            |(
                (name, code),
                (authorized, authorized_admin, authorized_institution, on_duty, retired),
                (internal_units, subordinate_units),
                duties,
                key_tasks,
            )| Department {
                name,
                code,
                headcount: Headcount {
                    authorized,
                    authorized_admin,
                    authorized_institution,
                    on_duty,
                    retired,
                },
                internal_units,
                subordinate_units,
                duties,
                key_tasks,
            },
        );
    (
        meta,
        department,
        prop::collection::vec(budget_book(), 0..3),
        prop::collection::vec(project(), 0..3),
        prop::collection::vec(evaluation(), 0..3),
    )
        .prop_map(
            |(meta, department, budgets, projects, evaluations)| Workspace {
                format_version: FORMAT_VERSION,
                meta,
                department,
                budgets,
                projects,
                evaluations,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn what_is_saved_loads_back_equal(ws in workspace()) {
        let text = store::to_ron_string(&ws).unwrap();
        let back = store::load_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &ws);
        // Saving twice, or saving what was loaded, gives the same bytes.
        prop_assert_eq!(store::to_ron_string(&ws).unwrap(), text.clone());
        prop_assert_eq!(store::to_ron_string(&back).unwrap(), text);
    }

    #[test]
    fn amounts_keep_their_scale(v in decimal()) {
        let mut ws = Workspace::default();
        ws.projects.push(Project { executed: Amount::Value(v), ..Project::default() });
        let back = store::load_str(&store::to_ron_string(&ws).unwrap()).unwrap();
        let Amount::Value(got) = back.projects[0].executed else {
            return Err(TestCaseError::fail("the amount came back blank or withheld"));
        };
        prop_assert_eq!(got.scale(), v.scale());
        prop_assert_eq!(got.mantissa(), v.mantissa());
    }
}

/// One indicator per scoring rule, so every variant's spelling is checked on every run.
#[test]
fn every_rule_round_trips() {
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let rules = vec![
        Rule::Proportional,
        Rule::Inverse,
        Rule::Deviation {
            tolerance: d("0.5"),
        },
        Rule::Threshold { met: Some(false) },
        Rule::Bands {
            bands: vec![Band {
                threshold: d("95"),
                share_pct: d("100"),
            }],
        },
        Rule::Qualitative {
            grade: QualitativeGrade::Partial,
            share_pct: Some(d("70")),
        },
        Rule::Deductions {
            items: vec![Deduction {
                reason: "资料不全".to_owned(),
                points: d("0.5"),
            }],
        },
        Rule::LinearDeduction {
            threshold: d("5"),
            points_per_step: d("0.2"),
            step: d("1"),
        },
        Rule::ExecutionRate,
        Rule::Manual {
            score: Some(d("8.5")),
            reason: "抽查".to_owned(),
        },
    ];
    let mut ws = Workspace::default();
    ws.evaluations.push(Evaluation {
        indicators: rules
            .into_iter()
            .map(|rule| Indicator {
                level: 3,
                rule,
                ..Indicator::default()
            })
            .collect(),
        ..Evaluation::default()
    });
    let text = store::to_ron_string(&ws).unwrap();
    assert_eq!(store::load_str(&text).unwrap(), ws);
    for spelled in [
        "rule: Proportional,",
        "rule: Deviation(\n",
        "tolerance: \"0.5\"",
        "rule: ExecutionRate,",
        "grade: Partial,",
    ] {
        assert!(text.contains(spelled), "{spelled:?} not in\n{text}");
    }
}

#[test]
fn the_file_starts_with_the_header_and_the_version() {
    let text = store::to_ron_string(&Workspace::default()).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(store::HEADER));
    assert!(store::HEADER.starts_with("// 绩效评价工作台"));
    assert_eq!(lines.next(), Some("("));
    assert_eq!(lines.next(), Some("  format_version: 1,"));
    assert!(text.ends_with(")\n"));
    assert!(!text.contains('\r'));
}

#[test]
fn a_document_with_another_version_number_is_saved_as_the_current_format() {
    let ws = Workspace {
        format_version: 0,
        ..Workspace::default()
    };
    let back = store::load_str(&store::to_ron_string(&ws).unwrap()).unwrap();
    assert_eq!(back.format_version, FORMAT_VERSION);
}

#[test]
fn table_rows_are_one_line_each() {
    let mut ws = Workspace::default();
    ws.budgets.push(BudgetBook {
        functional: vec![FunctionalTable {
            lines: vec![
                FunctionalLine {
                    code: "2150517".to_owned(),
                    name: "产业发展".to_owned(),
                    total: Amount::Value("54.2543".parse().unwrap()),
                    ..FunctionalLine::default()
                };
                2
            ],
            ..FunctionalTable::default()
        }],
        ..BudgetBook::default()
    });
    let text = store::to_ron_string(&ws).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("2150517")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0]
            .trim_start()
            .starts_with("(code: \"2150517\", name: \"产业发展\"")
    );
    assert!(rows[0].contains("total: \"54.2543\""));
    assert!(rows[0].trim_end().ends_with("),"));
}
