//! Real-style 项目支出绩效自评表 from several provinces' templates, each with the fault it must
//! catch: the money unit in the title or the 项目资金 header, a "总额" total row, a 0/0/0 total
//! over filled sources, 指标性质/度量单位/权重 columns with ≤ targets, 定性 words, `#NAME?` cells,
//! 得分 above 分值, a "（50分）" suffix that is not its sum, a 全年预算数 cut to the spend, whole-
//! point rounding, 执行率 printed before 分值. Expected figures are worked out by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod selfeval_support;

use calamine::Reader as _;
use jixiao::calc::score_evaluation;
use jixiao::import::selfeval::{FormOptions, FormRead, Severity, UnitSource, read_form};
use jixiao::import::{Sheet, TextEncoding};
use jixiao::model::{
    Amount, AmountUnit, Comparator, FundingSource, Rule, ScoringProfile, Workspace,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use selfeval_support::{Form, national, s};

fn opts() -> FormOptions {
    FormOptions {
        project_id: "p1".to_owned(),
        evaluation_id: "e1".to_owned(),
        ..FormOptions::default()
    }
}

/// Saves the form (xlsx or GBK CSV), reads it back through the importer's file reader and
/// reads the first sheet as a form.
fn read_saved(form: &Form, ext: &str, o: &FormOptions) -> FormRead {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("自评表.{ext}"));
    if ext == "csv" {
        form.save_gbk_csv(&path);
    } else {
        form.save_xlsx(&path);
    }
    let source = jixiao::import::read(&path, TextEncoding::Auto).unwrap();
    if ext == "csv" {
        assert_eq!(source.encoding, Some("GBK/GB18030"));
    }
    read_form(&source.sheets[0], o)
}

fn total_score(r: &FormRead) -> Decimal {
    let ws = Workspace {
        projects: vec![r.project.clone()],
        ..Workspace::default()
    };
    score_evaluation(&ws, &r.evaluation).total.score
}

fn leaf_score(r: &FormRead, name: &str) -> (Decimal, bool) {
    let ws = Workspace {
        projects: vec![r.project.clone()],
        ..Workspace::default()
    };
    let b = score_evaluation(&ws, &r.evaluation);
    let i = r
        .evaluation
        .indicators
        .iter()
        .position(|x| x.name == name)
        .unwrap();
    (b.nodes[i].score, b.nodes[i].unscored)
}

fn v(d: Decimal) -> Amount {
    Amount::Value(d)
}

fn findings_at(
    r: &FormRead,
    row: usize,
    severity: Severity,
) -> Vec<&jixiao::import::selfeval::FormFinding> {
    r.findings
        .iter()
        .filter(|f| f.row == row && f.severity == severity)
        .collect()
}

/// 河南式: "单位：元" on its own line under the title; the amounts are typed in 元.
#[test]
fn yuan_stated_in_the_title_is_converted_to_wanyuan() {
    let mut f = national();
    f.title = s(&["项目支出绩效自评表", "（2023年度）", "单位：元"]);
    f.funding_caption = String::from("项目资金");
    f.funding_rows = vec![
        s(&[
            "年度资金总额",
            "900000",
            "900000",
            "899740",
            "10",
            "99.97%",
            "10",
        ]),
        s(&[
            "其中：当年财政拨款",
            "900000",
            "900000",
            "899740",
            "—",
            "—",
            "—",
        ]),
    ];
    f.total = s(&["总分", "", "", "", "", "100", "100"]);
    let r = read_saved(&f, "xlsx", &opts());
    let unit = r.unit.as_ref().unwrap();
    assert_eq!(unit.unit, AmountUnit::Yuan);
    assert!(matches!(&unit.source, UnitSource::Stated(m) if m.len() == 1 && m[0].row == 3));
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("金额单位：元（表中写明：第 3 行 A 列“单位：元”）"))
    );
    // 900 000 元 = 90 万元; 899 740 元 = 89.974 万元.
    assert_eq!(r.project.budget_initial, v(dec!(90)));
    assert_eq!(r.project.budget_adjusted, v(dec!(90)));
    assert_eq!(r.project.executed, v(dec!(89.974)));
    assert_eq!(
        r.project.funding_sources,
        vec![FundingSource {
            label: "当年财政拨款".to_owned(),
            initial: v(dec!(90)),
            adjusted: v(dec!(90)),
            executed: v(dec!(89.974)),
        }]
    );
    assert_eq!(r.project.department, "某县交通运输局");
    assert_eq!(r.project.unit, "某县公路事业发展中心");
    assert_eq!(r.evaluation.goal_expected, "养护农村公路120公里");
    assert_eq!(r.evaluation.goal_actual, "完成养护126公里");
    // 89.974 / 90 = 99.971…% of 10 → 10.00: the published 10 and 99.97% hold.
    assert!(
        r.findings.iter().all(|f| f.severity == Severity::Info),
        "{:#?}",
        r.findings
    );
}

/// 湖北式: "项目资金（元）", the total row called "总额", 执行率 printed before 分值, sources
/// 本年财政拨款 and 上年结转资金.
#[test]
fn yuan_in_the_funding_header_and_a_total_called_zonge() {
    let mut f = national();
    f.funding_caption = String::from("项目资金（元）");
    f.funding_header = s(&[
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "执行率",
        "分值",
        "得分",
    ]);
    f.funding_rows = vec![
        s(&["总额", "2000000", "1800000", "1620000", "90%", "10", "9"]),
        s(&[
            "其中：本年财政拨款",
            "1500000",
            "1300000",
            "1200000",
            "—",
            "—",
            "—",
        ]),
        s(&["上年结转资金", "500000", "500000", "420000", "—", "—", "—"]),
        s(&["其他资金", "", "", "", "—", "—", "—"]),
    ];
    f.total = s(&["总分", "", "", "", "", "100", "99"]);
    let r = read_saved(&f, "xlsx", &opts());
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    assert_eq!(r.unit.as_ref().unwrap().unit, AmountUnit::Yuan);
    assert_eq!(
        (
            r.project.budget_initial,
            r.project.budget_adjusted,
            r.project.executed
        ),
        (v(dec!(200)), v(dec!(180)), v(dec!(162)))
    );
    let labels: Vec<&str> = r
        .project
        .funding_sources
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["本年财政拨款", "上年结转资金", "其他资金"]);
    assert_eq!(r.project.funding_sources[1].executed, v(dec!(42)));
    assert_eq!(r.project.funding_sources[2].initial, Amount::Blank);
    // 162 / 180 = 90% → 9 of 10, as published; 年初 basis 162 / 200 = 81%.
    assert_eq!(r.evaluation.indicators[0].weight, dec!(10));
    assert_eq!(r.evaluation.indicators[0].published_score, Some(dec!(9)));
    assert_eq!(leaf_score(&r, "预算执行率").0, dec!(9.00));
    assert!(r.findings.iter().any(|f| f.severity == Severity::Info
        && f.message.contains("按调整后预算计 90.00%")
        && f.message.contains("按年初预算数计 81.00%")));
    assert!(
        r.findings.iter().all(|f| f.severity == Severity::Info),
        "{:#?}",
        r.findings
    );
}

/// 山东式: the 年度资金总额 row left at 0 / 0 / 0 while 财政资金 and 单位资金 are filled; the
/// unit's form then shows 执行率 0% and 得分 0.
#[test]
fn a_zero_total_over_filled_sources_is_an_error_and_the_rate_uses_the_sources() {
    let mut f = national();
    f.funding_rows = vec![
        s(&["年度资金总额", "0", "0", "0", "10", "0%", "0"]),
        s(&["其中：财政资金", "80", "80", "79.974", "—", "—", "—"]),
        s(&["单位资金", "10", "10", "10", "—", "—", "—"]),
    ];
    f.total = s(&["总分", "", "", "", "", "100", "90"]);
    let r = read_saved(&f, "xlsx", &opts());
    let row = f.funding_row(0);
    let errors = findings_at(&r, row, Severity::Error);
    assert_eq!(errors.len(), 1, "{:#?}", r.findings);
    assert_eq!(errors[0].column, "C");
    assert!(errors[0].message.contains("0 / 0 / 0"));
    assert!(errors[0].message.contains("90 / 90 / 89.974"));
    // The project takes the sources' sums: 89.974 / 90 → 10 × 99.971% = 10.00, not 0.
    assert_eq!(r.project.executed, v(dec!(89.974)));
    assert_eq!(r.project.budget_adjusted, v(dec!(90)));
    assert_eq!(leaf_score(&r, "预算执行率").0, dec!(10.00));
    assert!(
        r.findings
            .iter()
            .any(|f| f.message.contains("依据：其中各项之和"))
    );
    // The published 0 and 0% are flagged against 10.00 and 99.97%.
    let warn = findings_at(&r, row, Severity::Warning);
    assert!(
        warn.iter()
            .any(|f| f.published == Some(dec!(0)) && f.computed == Some(dec!(10.00)))
    );
    assert!(
        warn.iter()
            .any(|f| f.published == Some(dec!(0)) && f.computed == Some(dec!(99.97)))
    );
}

/// 浙江式 GBK CSV: 指标性质, 度量单位 and 权重 columns; a 反向指标 written as a bare 202.6.
#[test]
fn gbk_csv_with_nature_and_measure_columns_scores_at_most_targets_inversely() {
    let mut f = national();
    f.title = s(&["项目支出绩效自评表", "（2023年度）", "单位：万元"]);
    f.funding_caption = String::from("项目资金");
    f.indicator_header = s(&[
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权重",
        "实际完成值",
        "得分",
    ]);
    f.indicators = vec![
        s(&[
            "产出指标",
            "数量指标",
            "培训人次",
            "正向指标",
            "300",
            "人次",
            "20",
            "320",
            "20",
        ]),
        s(&[
            "产出指标",
            "成本指标",
            "项目成本",
            "反向指标",
            "202.6",
            "万元",
            "20",
            "210",
            "20",
        ]),
        s(&[
            "产出指标",
            "质量指标",
            "验收合格率",
            "=",
            "100",
            "%",
            "10",
            "100",
            "10",
        ]),
        s(&[
            "效益指标",
            "社会效益指标",
            "覆盖乡镇数",
            "≥",
            "8",
            "个",
            "30",
            "7",
            "26.25",
        ]),
        s(&[
            "满意度指标",
            "满意度指标",
            "群众满意度",
            "正向指标",
            "90",
            "%",
            "10",
            "95",
            "10",
        ]),
    ];
    f.total = s(&["总分", "", "", "", "", "", "100", "", "95.75"]);
    let r = read_saved(&f, "csv", &opts());
    assert_eq!(r.unit.as_ref().unwrap().unit, AmountUnit::WanYuan);
    let cost = r
        .evaluation
        .indicators
        .iter()
        .find(|i| i.name == "项目成本")
        .unwrap();
    assert_eq!(cost.target.comparator, Comparator::AtMost);
    assert_eq!(cost.target.value, Some(dec!(202.6)));
    assert_eq!(cost.target.unit, "万元");
    assert_eq!(cost.rule, Rule::Inverse);
    assert_eq!(cost.weight, dec!(20));
    // 20 × 202.6 / 210 = 19.2952… → 19.30; 30 × 7 / 8 = 26.25.
    assert_eq!(leaf_score(&r, "项目成本").0, dec!(19.30));
    assert_eq!(leaf_score(&r, "覆盖乡镇数").0, dec!(26.25));
    // 9.50 + 20 + 19.30 + 10 + 26.25 + 10.
    assert_eq!(total_score(&r), dec!(95.05));
    let w = findings_at(&r, f.indicator_row(1), Severity::Warning);
    assert_eq!(w.len(), 1, "{:#?}", r.findings);
    assert_eq!(w[0].column, "J");
    assert_eq!(
        (w[0].published, w[0].computed),
        (Some(dec!(20)), Some(dec!(19.30)))
    );
    assert!(
        w[0].message.contains("反向") || w[0].message.contains('>'),
        "{}",
        w[0].message
    );
}

/// 广东式 xlsx: 定性 words 未完成 / 部分达成 / 存在超支, and a `#NAME?` 指标值.
#[test]
fn qualitative_words_are_judged_and_unknown_ones_wait_unscored() {
    let mut f = national();
    f.indicators = vec![
        s(&[
            "产出指标",
            "数量指标",
            "养护里程",
            "≥120公里",
            "126公里",
            "30",
            "30",
            "",
        ]),
        s(&[
            "产出指标",
            "质量指标",
            "工程验收",
            "完成",
            "未完成",
            "10",
            "10",
            "",
        ]),
        s(&[
            "产出指标",
            "时效指标",
            "按时完工",
            "按时完成",
            "部分达成",
            "10",
            "10",
            "",
        ]),
        s(&[
            "效益指标",
            "社会效益指标",
            "出行条件",
            "效果明显",
            "存在超支",
            "20",
            "20",
            "",
        ]),
        s(&[
            "效益指标",
            "可持续影响指标",
            "长效机制",
            "#NAME?",
            "建立",
            "10",
            "10",
            "",
        ]),
        s(&[
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度",
            "≥90%",
            "95%",
            "10",
            "10",
            "",
        ]),
    ];
    f.total = s(&["总分", "", "", "", "", "100", "99.5", ""]);
    let r = read_saved(&f, "xlsx", &opts());
    // 未完成 → 未达成 band, top 60% of 10; 部分达成 → 80% of 10.
    assert_eq!(leaf_score(&r, "工程验收"), (dec!(6.00), false));
    assert_eq!(leaf_score(&r, "按时完工"), (dec!(8.00), false));
    assert_eq!(leaf_score(&r, "出行条件"), (dec!(0), true));
    assert_eq!(leaf_score(&r, "长效机制"), (dec!(0), true));
    // 9.50 + 30 + 6 + 8 + 0 + 0 + 10.
    assert_eq!(total_score(&r), dec!(63.50));
    let names: Vec<(&str, usize)> = r
        .judgements
        .iter()
        .map(|j| (j.name.as_str(), j.row))
        .collect();
    assert_eq!(
        names,
        [
            ("出行条件", f.indicator_row(3)),
            ("长效机制", f.indicator_row(4))
        ]
    );
    assert!(r.judgements[0].why.contains("存在超支"));
    assert!(r.judgements[1].why.contains("#NAME?"));
    let p: Vec<(usize, &str)> = r
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(p, [(f.indicator_row(4), "E")]);
    let ws = Workspace {
        projects: vec![r.project.clone()],
        ..Workspace::default()
    };
    let b = score_evaluation(&ws, &r.evaluation);
    assert_eq!(b.needs_judgement().count(), 2);
}

/// 四川式: "产出指标（50分）" over 45 points of indicators, a 得分 of 12 on a 分值 of 10, a 总分
/// that is not the sum, and a 全年预算数 cut to exactly the spend.
#[test]
fn form_arithmetic_faults_are_found_at_their_cells() {
    let mut f = national();
    f.funding_rows = vec![
        s(&["年度资金总额", "100", "86.2", "86.2", "10", "100%", "10"]),
        s(&["其中：财政拨款", "100", "86.2", "86.2", "—", "—", "—"]),
    ];
    f.indicators = vec![
        s(&[
            "产出指标（50分）",
            "数量指标",
            "建设点位",
            "≥10个",
            "10个",
            "20",
            "20",
            "",
        ]),
        s(&[
            "产出指标（50分）",
            "质量指标",
            "合格率",
            "≥95%",
            "96%",
            "25",
            "25",
            "",
        ]),
        s(&[
            "效益指标（30分）",
            "社会效益指标",
            "受益人数",
            "≥8000人",
            "8000人",
            "30",
            "30",
            "",
        ]),
        s(&[
            "满意度指标（10分）",
            "满意度指标",
            "满意度",
            "≥90%",
            "95%",
            "10",
            "12",
            "",
        ]),
    ];
    f.total = s(&["总分", "", "", "", "", "95", "100", ""]);
    let r = read_saved(&f, "xlsx", &opts());
    let names: Vec<&str> = r
        .evaluation
        .indicators
        .iter()
        .filter(|i| i.level == 1)
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["预算执行率", "产出指标", "效益指标", "满意度指标"]);
    let suffix = findings_at(&r, f.indicator_row(0), Severity::Error);
    assert_eq!(suffix.len(), 1, "{:#?}", r.findings);
    assert_eq!(suffix[0].column, "B");
    assert_eq!(
        (suffix[0].published, suffix[0].computed),
        (Some(dec!(50)), Some(dec!(45)))
    );
    let over = findings_at(&r, f.indicator_row(3), Severity::Error);
    assert_eq!(over.len(), 1, "{:#?}", r.findings);
    assert_eq!(over[0].column, "H");
    assert_eq!(
        (over[0].published, over[0].computed),
        (Some(dec!(12)), Some(dec!(10)))
    );
    // 10 + 20 + 25 + 30 + 12 = 97, not 100.
    let total = findings_at(&r, f.total_row(), Severity::Error);
    assert!(
        total
            .iter()
            .any(|t| t.published == Some(dec!(100)) && t.computed == Some(dec!(97)))
    );
    let cut = findings_at(&r, f.funding_row(0), Severity::Warning);
    assert!(
        cut.iter()
            .any(|c| c.column == "D" && c.message.contains("86.20%")),
        "{cut:#?}"
    );
    assert!(
        findings_at(&r, f.funding_row(1), Severity::Warning)
            .iter()
            .any(|c| c.message.contains("财政拨款"))
    );
}

/// 86.2% execution scored 9 by the unit: the 自评表 profile gives 8.62 and says whole points
/// give the published 9; the whole-point profile reproduces it.
#[test]
fn whole_point_rounding_reproduces_the_units_nine() {
    let mut f = national();
    f.funding_rows = vec![
        s(&["年度资金总额", "100", "100", "86.2", "10", "86.2%", "9"]),
        s(&["其中：当年财政拨款", "100", "100", "86.2", "—", "—", "—"]),
    ];
    f.total = s(&["总分", "", "", "", "", "100", "99", ""]);
    let r = read_saved(&f, "xlsx", &opts());
    assert_eq!(leaf_score(&r, "预算执行率").0, dec!(8.62));
    let w = findings_at(&r, f.funding_row(0), Severity::Warning);
    assert_eq!(w.len(), 1, "{:#?}", r.findings);
    assert!(w[0].message.contains("按整数计分则为公布值"));
    let whole = FormOptions {
        profile: ScoringProfile::by_name("selfeval-whole"),
        ..opts()
    };
    let r = read_saved(&f, "xlsx", &whole);
    assert_eq!(leaf_score(&r, "预算执行率").0, dec!(9));
    assert!(findings_at(&r, f.funding_row(0), Severity::Warning).is_empty());
    assert_eq!(total_score(&r), dec!(99));
}

/// A form that states no unit is refused unless the evaluator names one; a form whose places
/// disagree is refused too.
#[test]
fn an_unknown_or_contradictory_unit_is_refused_not_guessed() {
    let mut f = national();
    f.funding_caption = String::from("项目资金");
    let r = read_saved(&f, "xlsx", &opts());
    let refusal = r.unit.as_ref().unwrap_err();
    assert!(refusal.message.contains("没有写明金额单位"));
    assert!(refusal.message.contains("--unit"));
    assert_eq!(r.project.budget_adjusted, Amount::Blank);
    let chosen = FormOptions {
        unit: Some(AmountUnit::WanYuan),
        ..opts()
    };
    let r = read_saved(&f, "xlsx", &chosen);
    assert_eq!(r.project.budget_adjusted, v(dec!(100)));
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("万元（评价人指定；表中未写明单位）"))
    );

    f.title = s(&["项目支出绩效自评表", "（2023年度）", "单位：万元"]);
    f.funding_caption = String::from("项目资金（元）");
    let r = read_saved(&f, "xlsx", &opts());
    let refusal = r.unit.as_ref().unwrap_err();
    assert!(refusal.message.contains("不一致"));
    assert_eq!(refusal.mentions.len(), 2);
}

/// A 万元 form whose amounts were typed in 元 is warned about.
#[test]
fn amounts_that_look_like_the_other_unit_are_warned() {
    let mut f = national();
    f.funding_rows = vec![
        s(&[
            "年度资金总额",
            "900000",
            "900000",
            "899740",
            "10",
            "99.97%",
            "10",
        ]),
        s(&[
            "其中：当年财政拨款",
            "900000",
            "900000",
            "899740",
            "—",
            "—",
            "—",
        ]),
    ];
    let r = read_saved(&f, "xlsx", &opts());
    assert!(
        findings_at(&r, f.funding_row(0), Severity::Warning)
            .iter()
            .any(|w| w.message.contains("可能是以元填写的"))
    );
    // A 元 form whose amounts are all below 100 元 (90 / 90 / 85 typed in 万元).
    let mut f = national();
    f.funding_caption = String::from("项目资金（元）");
    f.funding_rows = vec![
        s(&["年度资金总额", "90", "90", "85", "10", "94.44%", "9.44"]),
        s(&["其中：当年财政拨款", "90", "90", "85", "—", "—", "—"]),
    ];
    let r = read_saved(&f, "xlsx", &opts());
    assert_eq!(r.project.executed, v(dec!(0.0085)));
    assert!(
        findings_at(&r, f.funding_row(0), Severity::Warning)
            .iter()
            .any(|w| w.message.contains("可能是以万元填写的"))
    );
}

/// A formula saved without its value (a generated file) is unknown, not 0; blank 主管部门 stays
/// blank; 偏差原因分析 as a closing section is kept.
#[test]
fn uncached_formulas_blank_fields_and_the_deviation_section() {
    let mut f = national();
    f.department = String::new();
    f.total = s(&["总分", "", "", "", "", "100", "=SUM(H10:H12)", ""]);
    f.deviation = String::from("养护里程超出计划，因新增两条通村道路");
    let r = read_saved(&f, "xlsx", &opts());
    assert_eq!(r.project.department, "");
    assert_eq!(r.project.unit, "某县公路事业发展中心");
    assert_eq!(
        r.evaluation.deviation_analysis,
        "养护里程超出计划，因新增两条通村道路"
    );
    let p: Vec<(usize, &str)> = r
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(p, [(f.total_row(), "H")]);
    assert!(r.problems[0].message.contains("没有保存计算结果"));
    assert_eq!(r.evaluation.published, None);
}

/// The command line refuses a form without a unit, says how to answer, and imports it with
/// `--unit`, printing the unit used.
#[test]
fn cli_import_refuses_without_unit_and_accepts_unit_flag() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = national();
    f.funding_caption = String::from("项目资金");
    let path = dir.path().join("form.xlsx");
    f.save_xlsx(&path);
    let ws = dir.path().join("ws.ron");
    let run = |extra: &[&str]| {
        let mut args: Vec<std::ffi::OsString> = vec![
            "jixiao".into(),
            "import".into(),
            path.clone().into(),
            "--into".into(),
            ws.clone().into(),
        ];
        args.extend(extra.iter().map(|a| std::ffi::OsString::from(*a)));
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = jixiao::cli::run_with(&args, &mut out, &mut err);
        (code, String::from_utf8(out).unwrap())
    };
    let (code, out) = run(&[]);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("金额单位不明，未导入"), "{out}");
    assert!(!ws.exists());
    let (code, out) = run(&["--unit", "元", "--profile", "selfeval-whole"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("金额单位：元（评价人指定"), "{out}");
    let saved = jixiao::store::load_path(&ws).unwrap();
    // 100 元 = 0.01 万元.
    assert_eq!(saved.projects[0].budget_adjusted, v(dec!(0.01)));
    assert_eq!(
        saved.evaluations[0].profile.name,
        "项目支出绩效自评表（整数计分）"
    );
}

/// The same figures written in 万元 and in 元 read to the same amounts.
fn form_with(unit_line: &str, amounts: &[String; 3]) -> Sheet {
    let mut f = national();
    f.title = s(&["项目支出绩效自评表", "（2023年度）", unit_line]);
    f.funding_caption = String::from("项目资金");
    f.funding_rows = vec![
        vec![
            "年度资金总额".to_owned(),
            amounts[0].clone(),
            amounts[1].clone(),
            amounts[2].clone(),
            "10".to_owned(),
            String::new(),
            String::new(),
        ],
        vec![
            "其中：当年财政拨款".to_owned(),
            amounts[0].clone(),
            amounts[1].clone(),
            amounts[2].clone(),
        ],
    ];
    Sheet::from_texts("自评表", &f.grid())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn yuan_and_wanyuan_forms_read_the_same_amounts(
        cents in prop::array::uniform3(0i64..100_000_000_000i64)
    ) {
        // Amounts in 元 with 2 places (分), i.e. 万元 with 6.
        let yuan: [Decimal; 3] = cents.map(|c| Decimal::new(c, 2));
        let wan: [Decimal; 3] = yuan.map(|y| y / Decimal::from(10_000));
        let a = read_form(&form_with("单位：元", &yuan.map(|d| d.to_string())), &opts());
        let b = read_form(&form_with("单位：万元", &wan.map(|d| d.to_string())), &opts());
        let c = read_form(
            &form_with("单位：千元", &yuan.map(|d| (d / Decimal::ONE_THOUSAND).to_string())),
            &opts(),
        );
        for r in [&a, &b, &c] {
            prop_assert_eq!(r.project.budget_initial, Amount::Value(wan[0]));
            prop_assert_eq!(r.project.budget_adjusted, Amount::Value(wan[1]));
            prop_assert_eq!(r.project.executed, Amount::Value(wan[2]));
            prop_assert_eq!(r.project.funding_sources[0].executed, Amount::Value(wan[2]));
        }
    }
}

/// The imported form, printed as a 自评表 PDF and exported as xlsx, keeps every field: 主管部门,
/// each funding source with its three figures, 年度总体目标, 偏差原因分析, and the 年初 basis.
#[test]
fn the_printed_form_and_the_export_keep_every_field() {
    let mut f = national();
    f.funding_caption = String::from("项目资金（元）");
    f.funding_rows = vec![
        s(&["总额", "2000000", "1800000", "1620000", "10", "90%", "9"]),
        s(&[
            "其中：本年财政拨款",
            "1500000",
            "1300000",
            "1200000",
            "—",
            "—",
            "—",
        ]),
        s(&["上年结转资金", "500000", "500000", "420000", "—", "—", "—"]),
    ];
    f.deviation = String::from("部分路段因汛期推迟施工");
    let r = read_saved(&f, "xlsx", &opts());
    let mut ws = Workspace::default();
    ws.projects.push(r.project.clone());
    ws.evaluations.push(r.evaluation.clone());
    let opts = jixiao::report::ReportOptions {
        layout: jixiao::report::ReportLayout::SelfEval,
        ..jixiao::report::ReportOptions::default()
    };
    let (_, bytes) = jixiao::report::report_pdf(&ws, Some("e1"), opts).unwrap();
    let text: String = pdf_extract::extract_text_from_mem(&bytes)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for expected in [
        "某县交通运输局",
        "某县公路事业发展中心",
        "其中：本年财政拨款150130120",
        "上年结转资金505042",
        "养护农村公路120公里",
        "完成养护126公里",
        "偏差原因分析及改进措施：部分路段因汛期推迟施工",
        "执行率按调整后预算计90.00%；按年初预算数计81.00%",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    let xlsx = jixiao::report::xlsx::workbook_bytes(&ws).unwrap();
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = wb.worksheet_range("项目预算执行").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(rows[2][1], "资金来源：本年财政拨款");
    assert_eq!(rows[2][2..5], ["150", "130", "120"]);
    assert_eq!(rows[3][1], "资金来源：上年结转资金");
    assert_eq!(rows[3][4], "42");
}

/// Text in a numeric column is a problem at its cell (never a silent 0); 权重 written as a
/// percentage is read as points.
#[test]
fn text_in_numeric_columns_is_a_problem_at_its_cell() {
    let mut f = national();
    f.indicators = vec![
        s(&[
            "产出指标",
            "数量指标",
            "养护里程",
            "≥120公里",
            "126公里",
            "五十",
            "50",
            "",
        ]),
        s(&[
            "效益指标",
            "社会效益指标",
            "群众出行条件",
            "改善",
            "明显改善",
            "30%",
            "30",
            "",
        ]),
        s(&[
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度",
            "≥90%",
            "95%",
            "10",
            "满分",
            "",
        ]),
    ];
    let r = read_saved(&f, "xlsx", &opts());
    let p: Vec<(usize, &str)> = r
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(p, [(f.indicator_row(0), "G"), (f.indicator_row(2), "H")]);
    let w = r
        .evaluation
        .indicators
        .iter()
        .find(|i| i.name == "群众出行条件")
        .unwrap()
        .weight;
    assert_eq!(w, dec!(30));
}

/// `jixiao profiles` lists the shipped profiles; `score --profile` rescoring a form imported
/// with a 定性 row the catalogue does not know says it waits for judgement; an unknown profile
/// name is refused with the names.
#[test]
fn cli_profiles_and_score_with_a_profile() {
    let run = |args: &[&std::ffi::OsStr]| {
        let mut all: Vec<std::ffi::OsString> = vec!["jixiao".into()];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = jixiao::cli::run_with(&all, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    };
    let (code, out, _) = run(&["profiles".as_ref()]);
    assert_eq!(code, 0);
    for key in ["national", "selfeval", "selfeval-whole", "selfeval-50"] {
        assert!(out.contains(key), "{out}");
    }
    let dir = tempfile::tempdir().unwrap();
    let mut f = national();
    f.funding_rows = vec![
        s(&["年度资金总额", "100", "100", "86.2", "10", "86.2%", "9"]),
        s(&["其中：当年财政拨款", "100", "100", "86.2", "—", "—", "—"]),
    ];
    f.indicators[1] = s(&[
        "效益指标",
        "社会效益指标",
        "群众出行条件",
        "改善",
        "存在超支",
        "30",
        "30",
        "",
    ]);
    let form = dir.path().join("f.xlsx");
    f.save_xlsx(&form);
    let ws = dir.path().join("ws.ron");
    let (code, out, _) = run(&[
        "import".as_ref(),
        form.as_os_str(),
        "--into".as_ref(),
        ws.as_os_str(),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("[待判定]"), "{out}");
    let (code, out, _) = run(&[
        "score".as_ref(),
        ws.as_os_str(),
        "--profile".as_ref(),
        "selfeval-whole".as_ref(),
    ]);
    assert_eq!(code, 0);
    // 9 (whole points) + 50 + 0 (awaiting judgement) + 10.
    assert!(out.contains("总分：69.00"), "{out}");
    assert!(
        out.contains("其中 1 项定性指标待评价人判定（不计分）：群众出行条件"),
        "{out}"
    );
    let (code, _, err) = run(&[
        "score".as_ref(),
        ws.as_os_str(),
        "--profile".as_ref(),
        "nosuch".as_ref(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("selfeval-whole"), "{err}");
}

/// A form without a 总分 line, closed by its signature line: the signature is not an indicator.
#[test]
fn signature_lines_after_the_table_are_not_indicators() {
    let mut f = national();
    f.total = s(&["填表人：张三", "", "联系电话：12345678"]);
    let r = read_saved(&f, "xlsx", &opts());
    let names: Vec<&str> = r
        .evaluation
        .indicators
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "预算执行率",
            "产出指标",
            "数量指标",
            "养护里程",
            "效益指标",
            "社会效益指标",
            "群众出行条件",
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度"
        ]
    );
    assert!(r.judgements.is_empty(), "{:#?}", r.judgements);
    assert_eq!(r.evaluation.published, None);
    // 9.50 + 50 + 30 (明显改善 repeats 改善) + 10.
    assert_eq!(total_score(&r), dec!(99.50));
}

/// 江苏式: a funding block with only the three amounts (no 分值/执行率/得分) and a 年度绩效目标
/// section: the 执行率 line gets the 自评表's 10 points, said as a warning.
#[test]
fn a_funding_block_without_points_gets_ten_and_says_so() {
    let mut f = national();
    f.funding_header = s(&["年初预算数", "全年预算数", "全年执行数"]);
    f.funding_rows = vec![
        s(&["资金总额：", "100", "100", "95"]),
        s(&["其中：财政拨款", "100", "100", "95"]),
    ];
    f.indicators[0][5] = "40".to_owned();
    f.indicators[0][6] = "40".to_owned();
    f.total = s(&["总分", "", "", "", "", "90", "80", ""]);
    let r = read_saved(&f, "xlsx", &opts());
    assert_eq!(r.evaluation.indicators[0].weight, dec!(10));
    assert!(
        r.findings
            .iter()
            .any(|x| x.severity == Severity::Warning && x.message.contains("按自评表方案计 10 分"))
    );
    // 10 × 95% = 9.50, + 40 + 30 + 10.
    assert_eq!(total_score(&r), dec!(89.50));
}

/// 县级式: "填报单位（盖章）：某局　单位：元" in one subtitle cell, and the funding columns
/// 年初预算 / 调整后预算数 / 预算执行数 / 预算执行率 / 权重 / 得分.
#[test]
fn the_unit_after_another_danwei_and_budget_execution_headers() {
    let mut f = national();
    f.title = s(&[
        "2023年度项目支出绩效自评表",
        "填报单位（盖章）：某县交通运输局　　　　单位：元",
    ]);
    f.funding_caption = String::from("预算执行情况（10分）");
    f.funding_header = s(&[
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
    ]);
    f.funding_rows = vec![
        s(&[
            "资金总额：",
            "2000000",
            "1800000",
            "1710000",
            "95%",
            "10",
            "9.5",
        ]),
        s(&[
            "其中：本年财政拨款",
            "2000000",
            "1800000",
            "1710000",
            "",
            "",
            "",
        ]),
    ];
    let r = read_saved(&f, "xlsx", &opts());
    assert_eq!(r.unit.as_ref().unwrap().unit, AmountUnit::Yuan);
    assert_eq!(
        (
            r.project.budget_initial,
            r.project.budget_adjusted,
            r.project.executed
        ),
        (v(dec!(200)), v(dec!(180)), v(dec!(171)))
    );
    // 171 / 180 = 95% of 10, as published.
    assert_eq!(leaf_score(&r, "预算执行率").0, dec!(9.50));
    assert_eq!(r.evaluation.indicators[0].published_score, Some(dec!(9.5)));
}
