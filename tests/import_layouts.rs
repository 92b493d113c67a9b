//! Each layout the import recognises, from fixture files the tests write themselves: 经济分类
//! with merged group headers, 三公, an indicator sheet with merged 一级/二级 cells and a 合计
//! row, a GBK CSV of a 功能分类 table in 元, the national 自评表, and paste-like TSV.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod import_support;

use import_support::{Cells, h, write_header, write_rows, write_title};
use jixiao::calc::checks::run_all;
use jixiao::import::{ImportOptions, Layout, RowKind, TextEncoding};
use jixiao::model::{
    Amount, CostCategory, Evaluation, EvaluationKind, LineLevel, ProjectMetric, Workspace,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use rust_xlsxwriter::Workbook;

fn plan_file(path: &std::path::Path, opts: &ImportOptions) -> jixiao::import::ImportPlan {
    let source = jixiao::import::read(path, TextEncoding::Auto).unwrap();
    jixiao::import::plan(&Workspace::default(), &source, opts).unwrap()
}

#[test]
fn economic_table_with_merged_group_headers_keeps_the_published_category() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("06.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let top = write_title(ws, "2024 年一般公共预算基本支出表", "单位：万元").unwrap();
    write_header(
        ws,
        &[
            h(0, 0, 1, 2, "部门预算支出经济分类科目"),
            h(0, 2, 1, 2, "政府预算支出经济分类科目编码"),
            h(0, 4, 1, 3, "本年一般公共预算基本支出"),
            h(1, 0, 1, 1, "科目编码"),
            h(1, 1, 1, 1, "科目名称"),
            h(1, 2, 1, 1, "科目编码"),
            h(1, 3, 1, 1, "科目名称"),
            h(1, 4, 1, 1, "合计"),
            h(1, 5, 1, 1, "人员经费"),
            h(1, 6, 1, 1, "公用经费"),
        ],
        top,
    )
    .unwrap();
    // Seed 003 06表, first rows: 30239 其他交通费用 printed under 人员经费 although a 302 code.
    write_rows(
        ws,
        &[
            &["合计", "", "", "", "10,512.4", "8,773.6", "1,738.8"],
            &[
                "30302",
                "退休费",
                "50905",
                "离退休费",
                "2,096.1",
                "2,096.1",
                "",
            ],
            &[
                "30239",
                "其他交通费用",
                "50201",
                "办公经费",
                "116.3",
                "116.3",
                "",
            ],
            &["30201", "办公费", "50201", "办公经费", "155.1", "", "155.1"],
        ],
        top + 2,
        4,
        Cells::Numbers,
    )
    .unwrap();
    wb.save(&path).unwrap();
    let plan = plan_file(&path, &ImportOptions::default());
    assert_eq!(plan.layout, Layout::Economic);
    let after = plan.apply(&Workspace::default());
    let t = &after.budget(2024).unwrap().economic[0];
    assert_eq!(t.name, "一般公共预算基本支出表");
    assert_eq!(t.total.personnel, Amount::Value(dec!(8773.6)));
    assert_eq!(t.lines.len(), 3);
    assert_eq!(t.lines[1].dept_code, "30239");
    assert_eq!(t.lines[1].gov_code, "50201");
    assert_eq!(t.lines[1].category, CostCategory::Personnel);
    assert_eq!(t.lines[2].category, CostCategory::Public);
    // The economic-class check sees the 302 code counted as 人员经费.
    assert!(
        plan.findings
            .iter()
            .any(|f| f.place.contains("30239") || f.message.contains("30239")),
        "{:#?}",
        plan.findings
    );
}

#[test]
fn three_public_table_reads_blank_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("08.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let top = write_title(ws, "2024 年一般公共预算“三公”经费支出情况表", "单位：万元").unwrap();
    write_header(
        ws,
        &[
            h(0, 0, 2, 1, "“三公”经费合计"),
            h(0, 1, 2, 1, "因公出国（境）费"),
            h(0, 2, 1, 3, "公务用车购置及运行费"),
            h(0, 5, 2, 1, "公务接待费"),
            h(1, 2, 1, 1, "小计"),
            h(1, 3, 1, 1, "公务用车购置费"),
            h(1, 4, 1, 1, "公务用车运行费"),
        ],
        top,
    )
    .unwrap();
    write_rows(
        ws,
        &[&["74.5", "", "69.0", "", "69.0", "5.5"]],
        top + 2,
        0,
        Cells::Numbers,
    )
    .unwrap();
    wb.save(&path).unwrap();
    let plan = plan_file(&path, &ImportOptions::default());
    assert_eq!(plan.layout, Layout::ThreePublic);
    let tp = plan.apply(&Workspace::default()).budgets[0]
        .three_public
        .clone();
    // As the sample has seed 003's 08表.
    let sample = jixiao::cli::sample_workspace().unwrap();
    let want = &sample.budget(2024).unwrap().three_public;
    assert_eq!(tp, *want);
    assert_eq!(tp.abroad, Amount::Blank);
}

/// A 功能分类 table in 元, written as CSV in GBK: converted exactly to 万元.
#[test]
fn gbk_csv_in_yuan_is_converted_exactly_to_wan_yuan() {
    let text = "2024年一般公共预算支出情况表\n单位：元\n科目编码,科目名称,合计,基本支出,项目支出\n,合计,\"962,583,000\",105124000,857459000\n2150501,行政运行,30194000,30194000,—\n2150517,产业发展,720260000,,720260000\n2150550,事业运行,7449123,5649123,1800000\n";
    let (gbk, _, bad) = encoding_rs::GB18030.encode(text);
    assert!(!bad);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("05表.csv");
    std::fs::write(&path, &gbk).unwrap();
    let plan = plan_file(&path, &ImportOptions::default());
    assert_eq!(plan.encoding, Some("GBK/GB18030"));
    assert_eq!(plan.layout, Layout::Functional);
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    let ws = plan.apply(&Workspace::default());
    let book = ws.budget(2024).unwrap();
    let lines = &book.functional[0].lines;
    assert_eq!(lines[0].level, LineLevel::Total);
    assert_eq!(lines[0].total, Amount::Value(dec!(96258.3)));
    assert_eq!(lines[1].project, Amount::Blank, "— is blank, not zero");
    assert_eq!(lines[2].basic, Amount::Blank);
    assert_eq!(lines[3].total, Amount::Value(dec!(744.9123)));
    // Whole 元 are exact to 0.0001 万元.
    assert_eq!(book.published_decimals, Some(4));
}

#[test]
fn indicator_sheet_with_merged_levels_keeps_published_scores() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("指标.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "2023年度部门整体绩效评价指标表")
        .unwrap();
    let top = 1;
    write_header(
        ws,
        &[
            h(0, 0, 1, 1, "一级指标"),
            h(0, 1, 1, 1, "二级指标"),
            h(0, 2, 1, 1, "三级指标"),
            h(0, 3, 1, 1, "分值"),
            h(0, 4, 1, 1, "年度指标值"),
            h(0, 5, 1, 1, "实际完成值"),
            h(0, 6, 1, 1, "得分"),
            h(0, 7, 1, 1, "扣分原因"),
            // merged 一级 and 二级 cells over their rows
            h(1, 0, 3, 1, "产出指标"),
            h(1, 1, 2, 1, "数量指标"),
            h(4, 0, 1, 1, "效益指标"),
            h(4, 1, 1, 1, "社会效益指标"),
        ],
        top,
    )
    .unwrap();
    write_rows(
        ws,
        &[
            &["", "", "培训人次", "20", "≥343人次", "1200余名", "20", ""],
            &["", "", "平台运行", "20", "平稳运行", "平稳运行", "20", ""],
            &[
                "",
                "质量指标",
                "问题办结率",
                "30",
                "≥96%",
                "90%",
                "28.13",
                "部分问题未办结",
            ],
            &["", "", "满意度", "30", "≥90%", "95%", "30", ""],
            &["合计", "", "", "100", "", "", "98.13", ""],
        ],
        top + 1,
        3,
        Cells::Numbers,
    )
    .unwrap();
    wb.save(&path).unwrap();
    let plan = plan_file(&path, &ImportOptions::default());
    assert_eq!(plan.layout, Layout::Indicators);
    assert_eq!(plan.count(RowKind::Total), 1);
    let ws = plan.apply(&Workspace::default());
    let e: &Evaluation = &ws.evaluations[0];
    let outline: Vec<(u8, &str, Decimal)> = e
        .indicators
        .iter()
        .map(|i| (i.level, i.name.as_str(), i.weight))
        .collect();
    assert_eq!(
        outline,
        [
            (1, "产出指标", dec!(70)),
            (2, "数量指标", dec!(40)),
            (3, "培训人次", dec!(20)),
            (3, "平台运行", dec!(20)),
            (2, "质量指标", dec!(30)),
            (3, "问题办结率", dec!(30)),
            (1, "效益指标", dec!(30)),
            (2, "社会效益指标", dec!(30)),
            (3, "满意度", dec!(30)),
        ]
    );
    assert_eq!(e.indicators[5].published_score, Some(dec!(28.13)));
    assert_eq!(e.indicators[5].note, "部分问题未办结");
    assert_eq!(e.published.as_ref().unwrap().total, Some(dec!(98.13)));
    // 90 / 96 × 30 = 28.125 → 28.13: the published row score agrees with the rule.
    let b = jixiao::calc::score_evaluation(&ws, e);
    assert_eq!(b.nodes[5].score, dec!(28.13));
}

/// The national 项目支出绩效自评表 (seed 002's project): becomes a project and a 项目自评, the
/// published 100 is kept as published, and `check` shows it disagrees with the rules.
#[test]
fn national_self_evaluation_form_imports_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("自评表.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("自评表").unwrap();
    let f = rust_xlsxwriter::Format::new();
    ws.merge_range(0, 0, 0, 9, "项目支出绩效自评表", &f)
        .unwrap();
    ws.merge_range(1, 0, 1, 9, "（2021年度）", &f).unwrap();
    ws.write_string(2, 0, "项目名称").unwrap();
    ws.merge_range(2, 1, 2, 9, "企业服务活动专项经费", &f)
        .unwrap();
    ws.write_string(3, 0, "主管部门").unwrap();
    ws.merge_range(3, 1, 3, 4, "郑州市工业和信息化局", &f)
        .unwrap();
    ws.write_string(3, 5, "实施单位").unwrap();
    ws.merge_range(3, 6, 3, 9, "郑州市工业和信息化局", &f)
        .unwrap();
    ws.merge_range(4, 0, 8, 0, "项目资金（万元）", &f).unwrap();
    for (c, t) in [
        "",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(4, u16::try_from(c + 1).unwrap(), *t)
            .unwrap();
    }
    write_rows(
        ws,
        &[
            &[
                "",
                "年度资金总额",
                "207",
                "207",
                "134.5343",
                "10",
                "64.99%",
                "10",
            ],
            &[
                "",
                "其中：当年财政拨款",
                "207",
                "207",
                "134.5343",
                "—",
                "—",
                "—",
            ],
            &["", "上年结转资金", "", "", "", "—", "—", "—"],
            &["", "其他资金", "", "", "", "—", "—", "—"],
        ],
        5,
        2,
        Cells::Numbers,
    )
    .unwrap();
    ws.merge_range(9, 0, 10, 0, "年度总体目标", &f).unwrap();
    ws.merge_range(9, 1, 9, 5, "预期目标", &f).unwrap();
    ws.merge_range(9, 6, 9, 9, "实际完成情况", &f).unwrap();
    ws.merge_range(10, 1, 10, 5, "举办企业家培训，服务企业发展", &f)
        .unwrap();
    ws.merge_range(10, 6, 10, 9, "培训企业家1200余名", &f)
        .unwrap();
    ws.merge_range(11, 0, 15, 0, "绩效指标", &f).unwrap();
    for (c, t) in [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(11, u16::try_from(c + 1).unwrap(), *t)
            .unwrap();
    }
    ws.merge_range(12, 1, 13, 1, "产出指标", &f).unwrap();
    ws.write_string(14, 1, "效益指标").unwrap();
    ws.write_string(15, 1, "满意度指标").unwrap();
    write_rows(
        ws,
        &[
            &[
                "",
                "",
                "数量指标",
                "培训人次",
                "≥343人次",
                "1200余名",
                "50",
                "50",
                "",
            ],
            &[
                "",
                "",
                "时效指标",
                "培训及时性",
                "及时",
                "及时",
                "0",
                "0",
                "",
            ],
            &[
                "",
                "",
                "社会效益指标",
                "企业家能力提升",
                "提升",
                "明显提升",
                "30",
                "30",
                "",
            ],
            &[
                "",
                "",
                "服务对象满意度指标",
                "参训企业满意度",
                "≥90%",
                "95%",
                "10",
                "10",
                "",
            ],
        ],
        12,
        6,
        Cells::Numbers,
    )
    .unwrap();
    ws.write_string(16, 0, "总分").unwrap();
    ws.write_number(16, 6, 100).unwrap();
    ws.write_number(16, 7, 100).unwrap();
    wb.save(&path).unwrap();

    let plan = plan_file(&path, &ImportOptions::default());
    assert_eq!(plan.layout, Layout::SelfEval);
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    let ws = plan.apply(&Workspace::default());
    let p = &ws.projects[0];
    assert_eq!(p.name, "企业服务活动专项经费");
    assert_eq!(
        (p.year, p.budget_adjusted, p.executed),
        (
            2021,
            Amount::Value(dec!(207)),
            Amount::Value(dec!(134.5343))
        )
    );
    assert_eq!(p.published[0].metric, ProjectMetric::ExecutionRate);
    let e = &ws.evaluations[0];
    assert_eq!(e.kind, EvaluationKind::ProjectSelf);
    assert_eq!(e.published.as_ref().unwrap().total, Some(dec!(100)));
    let b = jixiao::calc::score_evaluation(&ws, e);
    // 134.5343 / 207 = 64.99% of 10 → 6.50; the rest full: 96.50, not the published 100.
    assert_eq!(b.total.score, dec!(96.50));
    let findings = run_all(&ws);
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("100") && f.message.contains("96.5")),
        "{findings:#?}"
    );
}

#[test]
fn forced_layout_and_missing_columns_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    std::fs::write(&path, "项目名称,合计\n甲,1\n").unwrap();
    let source = jixiao::import::read(&path, TextEncoding::Auto).unwrap();
    let err = jixiao::import::plan(
        &Workspace::default(),
        &source,
        &ImportOptions {
            layout: Some(Layout::Functional),
            year: Some(2024),
            ..ImportOptions::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("缺少必需的列"), "{err}");
    assert!(err.contains("科目编码"), "{err}");
    let ok = jixiao::import::plan(
        &Workspace::default(),
        &source,
        &ImportOptions {
            year: Some(2024),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(ok.layout, Layout::Projects);
}
