//! The bundled sample workspace, scored by the engine: the figures a user would check against
//! the seed documents. Expected values are the published ones (seed 000, 002, 004), or figures
//! derived by hand from them, never values read back from the code under test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use jixiao::calc::metrics::project_metric;
use jixiao::calc::num::pct_text;
use jixiao::calc::{ScoreBreakdown, ScoreFlag, score_evaluation};
use jixiao::model::{
    Actual, DisbursementStage, Evaluation, ExecutionBase, ProjectMetric, ScoringProfile, Workspace,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn sample() -> Workspace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/zhengzhou-gongxin.ron");
    jixiao::store::load_path(&path).expect("the sample workspace loads")
}

fn eval<'a>(ws: &'a Workspace, id: &str) -> &'a Evaluation {
    ws.evaluation(id)
        .unwrap_or_else(|| panic!("evaluation {id} missing"))
}

fn level1(b: &ScoreBreakdown, ev: &Evaluation) -> Vec<(String, Decimal, Decimal)> {
    b.level1()
        .map(|n| (n.name(ev).to_owned(), n.weight, n.score))
        .collect()
}

fn node<'a>(b: &'a ScoreBreakdown, ev: &Evaluation, name: &str) -> &'a jixiao::calc::NodeScore {
    b.nodes
        .iter()
        .find(|n| n.name(ev) == name)
        .unwrap_or_else(|| panic!("no indicator {name}"))
}

#[test]
fn seed_000_department_evaluation_reproduces_the_published_scores() {
    let ws = sample();
    let ev = eval(&ws, "2021-dept");
    assert_eq!(ev.profile, ScoringProfile::national());
    let b = score_evaluation(&ws, ev);
    // [000] 总体得分情况表: 分值 34 / 34 / 32, 得分 27.34 / 29.35 / 28, 合计 84.69, 良.
    assert_eq!(
        level1(&b, ev),
        vec![
            ("投入管理".to_owned(), dec!(34), dec!(27.34)),
            ("产出".to_owned(), dec!(34), dec!(29.35)),
            ("效益".to_owned(), dec!(32), dec!(28.00)),
        ]
    );
    assert_eq!(b.total.score, dec!(84.69));
    assert_eq!(b.total.weight, dec!(100));
    assert_eq!(b.total.grade, "良");
    // 得分率 80.41% / 86.32% / 87.5% / 84.69%.
    let rates: Vec<String> = b.level1().map(|n| pct_text(n.rate().unwrap())).collect();
    assert_eq!(rates, ["80.41%", "86.32%", "87.50%"]);
    assert_eq!(pct_text(b.total.rate.unwrap()), "84.69%");
    assert_eq!(b.unscored, 0);
    assert!(!b.flags.iter().any(|f| matches!(
        f,
        ScoreFlag::BrokenLink { .. } | ScoreFlag::MissingReason { .. }
    )));

    // The published record matches what the engine computes.
    let published = ev.published.as_ref().unwrap();
    assert_eq!(published.total, Some(dec!(84.69)));
    assert_eq!(published.grade, "良");
    for (p, (name, weight, score)) in published.level1.iter().zip(level1(&b, ev)) {
        assert_eq!((&p.name, p.weight, p.score), (&name, weight, score));
    }

    // Linked actuals follow the 2021 budget book ([000] 一、（二）).
    let exec = node(&b, ev, "预算执行率");
    assert!(exec.linked);
    assert_eq!(format!("{}%", exec.actual.unwrap().round_dp(2)), "94.36%");
    let adj = node(&b, ev, "预算调整率");
    assert!(adj.linked);
    assert_eq!(format!("{}%", adj.actual.unwrap().round_dp(2)), "10.05%");
    let staff = node(&b, ev, "在职人员控制率");
    assert_eq!(
        staff.actual.unwrap(),
        Decimal::from(319) * dec!(100) / Decimal::from(355)
    );
    // The three fund tasks follow the funds' 拨付率 ([000] 四、（三）二).
    for (name, rate) in [
        ("推动郑州市制造业高质量发展", dec!(71.33)),
        ("推动郑州市汽车产业发展", dec!(96.13)),
        ("推动铝工业转型升级", dec!(50.75)),
    ] {
        let n = node(&b, ev, name);
        assert!(n.linked, "{name}");
        assert_eq!(n.actual, Some(rate), "{name}");
    }
    // The 2021 facts [000] reports.
    assert_eq!(
        node(&b, ev, "全市规模以上工业增加值增速").actual,
        Some(dec!(10.4))
    );
    assert_eq!(node(&b, ev, "工业投资增速").actual, Some(dec!(-3.5)));
    assert_eq!(node(&b, ev, "工业投资增速").score, dec!(0));
    let energy = node(&b, ev, "产业结构调整情况（高耗能产业占规上工业增加值比重）");
    assert_eq!(energy.actual, Some(dec!(28.9)));
    assert!(energy.score < energy.weight);
}

#[test]
fn seed_000_findings_and_recommendations_are_all_there() {
    let ws = sample();
    let ev = eval(&ws, "2021-dept");
    // 四、存在问题: （一）2 + （二）3 + （三）3 + （四）3 numbered items.
    assert_eq!(ev.findings.len(), 11);
    // 五、相关建议: four sections of three.
    assert_eq!(ev.recommendations.len(), 12);
    assert!(ev.findings.iter().any(|f| f.contains("61.59万元")));
    assert!(ev.findings.iter().any(|f| f.contains("28.9%")));
    assert!(ev.notes.contains("示意"));
}

#[test]
fn seed_002_self_evaluation_scores_96_50_not_the_published_100() {
    let ws = sample();
    let ev = eval(&ws, "2021-qyfw-self");
    assert_eq!(
        ev.profile,
        ScoringProfile {
            execution_base: ExecutionBase::Initial,
            ..ScoringProfile::self_evaluation()
        }
    );
    let p = ws.project("2021-qyfw").unwrap();
    // 134.5343 / 207 = 64.99% (not stated in [002]; computed from its figures).
    let rate = project_metric(p, ProjectMetric::ExecutionRate, ExecutionBase::Initial);
    assert_eq!(pct_text(rate.ratio.unwrap()), "64.99%");

    let b = score_evaluation(&ws, ev);
    let exec = node(&b, ev, "预算执行率");
    assert!(exec.linked);
    assert_eq!(exec.score, dec!(6.50));
    assert_eq!(
        level1(&b, ev),
        vec![
            ("预算执行率".to_owned(), dec!(10), dec!(6.50)),
            ("产出指标".to_owned(), dec!(50), dec!(50)),
            ("效益指标".to_owned(), dec!(30), dec!(30)),
            ("满意度指标".to_owned(), dec!(10), dec!(10)),
        ]
    );
    assert_eq!(b.total.score, dec!(96.50));
    assert_eq!(b.total.grade, "优");
    // Published: 100 分, “优秀” ([002] 四、评价结论) — the difference a reviewer must see.
    let published = ev.published.as_ref().unwrap();
    assert_eq!(published.total, Some(dec!(100)));
    assert_eq!(published.grade, "优秀");
    assert_ne!(published.total, Some(b.total.score));
    // 21 绩效目标: 预算执行率 plus twenty 三级 rows.
    let leaves = b.nodes.iter().filter(|n| n.is_leaf).count();
    assert_eq!(leaves, 21);
    // 343 人次 planned, "1200余名" trained: flagged as a target set too low.
    assert!(b.flags.iter().any(|f| matches!(
        f,
        ScoreFlag::TargetBeatenByFar { actual, target, .. }
            if *actual == dec!(1200) && *target == dec!(343)
    )));
}

#[test]
fn seed_004_self_evaluation_scores_100_and_flags_over_execution() {
    let ws = sample();
    let ev = eval(&ws, "2021-lv-self");
    let b = score_evaluation(&ws, ev);
    assert_eq!(b.total.score, dec!(100.00));
    assert_eq!(ev.published.as_ref().unwrap().total, Some(dec!(100)));
    // 7,309.62 / 6,800 = 107.49% ([004] 一、（三）).
    let exec = node(&b, ev, "预算执行率");
    assert_eq!(format!("{}%", exec.actual.unwrap().round_dp(2)), "107.49%");
    assert_eq!(exec.score, dec!(10.00));
    assert!(
        b.flags
            .iter()
            .any(|f| matches!(f, ScoreFlag::OverExecution { .. }))
    );
    // 14 年度绩效目标 plus 预算执行率.
    assert_eq!(b.nodes.iter().filter(|n| n.is_leaf).count(), 15);
    assert_eq!(
        node(&b, ev, "铝及铝精深加工产业规模以上工业增加值").actual,
        Some(dec!(17.1))
    );
    assert_eq!(node(&b, ev, "铝材产量增长率").actual, Some(dec!(17.4)));
    assert_eq!(node(&b, ev, "受补贴企业满意度").actual, Some(dec!(100)));
}

#[test]
fn the_three_funds_disbursement_rates_match_seed_000() {
    let ws = sample();
    let stage = ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries);
    for (id, published) in [
        ("2021-zhizaoye", "71.33%"),
        ("2021-lvgongye", "50.75%"),
        ("2021-qiche", "96.13%"),
    ] {
        let p = ws.project(id).unwrap();
        let m = project_metric(p, stage, ExecutionBase::Adjusted);
        assert_eq!(pct_text(m.ratio.unwrap()), published, "{id}");
        // The recorded published figure says the same.
        let fig = p.published.iter().find(|f| f.metric == stage).unwrap();
        assert_eq!(format!("{}%", fig.value_pct), published);
        // Every event is dated within 2021.
        for d in &p.disbursements {
            assert_eq!(chrono::Datelike::year(&d.date.unwrap()), 2021, "{id}");
        }
    }
    // 铝工业: 3,451.00 of the 年初 6,800 reached firms; all 7,309.62 went to the districts
    // before October 2021 ([004] 六).
    let lv = ws.project("2021-lvgongye").unwrap();
    assert_eq!(
        jixiao::calc::metrics::disbursed(lv, DisbursementStage::ToBeneficiaries),
        dec!(3451.00)
    );
    assert_eq!(
        jixiao::calc::metrics::disbursed(lv, DisbursementStage::ToDistricts),
        dec!(7309.62)
    );
    let october = chrono::NaiveDate::from_ymd_opt(2021, 10, 1).unwrap();
    assert!(
        lv.disbursements
            .iter()
            .filter(|d| d.stage == DisbursementStage::ToDistricts)
            .all(|d| d.date.unwrap() < october)
    );
    // The published rates of [004] are kept for the checks.
    let figs: Vec<(ProjectMetric, Decimal)> = lv
        .published
        .iter()
        .map(|f| (f.metric, f.value_pct))
        .collect();
    assert!(figs.contains(&(ProjectMetric::ExecutionRate, dec!(107.49))));
    assert!(figs.contains(&(ProjectMetric::ReceivedRate, dec!(100))));
    assert!(figs.contains(&(ProjectMetric::SpendingRate, dec!(100))));
}

#[test]
fn illustrative_figures_are_labelled() {
    let ws = sample();
    for id in ["2021-zhizaoye", "2021-qiche", "2021-lvgongye"] {
        assert!(ws.project(id).unwrap().notes.contains("示意"), "{id}");
    }
    for ev in &ws.evaluations {
        assert!(ev.notes.contains("示意"), "{}", ev.id);
    }
    assert!(ws.meta.notes.contains("示意"));
}

#[test]
fn sheets_are_consistent_outlines() {
    let ws = sample();
    for ev in &ws.evaluations {
        let b = score_evaluation(&ws, ev);
        assert_eq!(b.total.weight, dec!(100), "{}", ev.id);
        assert_eq!(
            b.level1().map(|n| n.weight).sum::<Decimal>(),
            dec!(100),
            "{}",
            ev.id
        );
        for n in b.nodes.iter().filter(|n| !n.is_leaf) {
            assert_eq!(
                b.children_weight(n.index),
                Some(n.weight),
                "{} / {}",
                ev.id,
                n.name(ev)
            );
        }
        assert_eq!(b.unscored, 0, "{}", ev.id);
        // Targets are their parsed text (parents and 预算执行率 have none) …
        for ind in ev.indicators.iter().filter(|i| !i.target.text.is_empty()) {
            assert_eq!(
                ind.target,
                jixiao::model::Target::parse(&ind.target.text),
                "{} / {}",
                ev.id,
                ind.name
            );
        }
        // … and typed actuals carry the number their text reads as.
        for ind in &ev.indicators {
            if let Actual::Typed { text, .. } = &ind.actual {
                assert_eq!(ind.actual, Actual::typed(text), "{} / {}", ev.id, ind.name);
            }
        }
    }
}
