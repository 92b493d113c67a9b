//! The printed score summary, read back from the PDF bytes with a PDF text extractor: the
//! labels an evaluator checks, the sample's 84.69 and 良, every indicator row exactly once
//! across pages, the page footers, and a stable page count.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::report::{ReportLayout, ReportOptions, report_pdf};

/// A text without its white space, as it is compared with the extracted pages.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn sample() -> jixiao::model::Workspace {
    jixiao::cli::sample_workspace().unwrap()
}

/// The text of each page, with all white space removed (Chinese has none, and the extractor
/// puts breaks where lines wrap inside a cell).
fn page_texts(bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(bytes)
        .unwrap()
        .into_iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

#[test]
fn department_summary_has_the_labels_the_total_and_the_grade() {
    let ws = sample();
    let (doc, bytes) = report_pdf(&ws, Some("2021-dept"), ReportOptions::default()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = page_texts(&bytes);
    assert_eq!(pages.len(), doc.pages.len());
    let first = &pages[0];
    for label in [
        "2021年度郑州市工业和信息化局部门整体支出绩效评价",
        "绩效评价得分汇总表",
        "评价对象",
        "郑州市工业和信息化局",
        "年度2021年",
        "评价类型部门整体评价",
        "评价人/机构",
        "日期",
        "总体得分情况表",
        // Seed 000's table, row by row: 指标 / 分值 / 得分 / 得分率.
        "指标投入管理产出效益合计",
        "分值34343210",
        "得分27.3429.3528.0084.69",
        "得分率80.41%86.32%87.50%84.69%",
        "总分：84.69分等级：良",
    ] {
        assert!(first.contains(label), "page 1 lacks {label}: {first}");
    }
    let all: String = pages.concat();
    for label in [
        "指标得分明细",
        "一级指标二级指标三级指标分值指标值实际完成值得分扣分原因",
        "预算执行情况（万元）",
        "与序时进度",
        "存在问题",
        "相关建议",
        "合计",
        "等级：良",
    ] {
        assert!(all.contains(label), "the summary lacks {label}");
    }
    // Every indicator of the sheet is printed.
    for ind in &ws.evaluation("2021-dept").unwrap().indicators {
        assert!(
            all.contains(&squash(&ind.name)),
            "missing indicator {}",
            ind.name
        );
    }
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains(&format!("第{}页共{n}页", i + 1)),
            "footer of page {}",
            i + 1
        );
    }
}

/// Golden: the sample department summary is this many A4 pages. A change in layout that moves
/// it must be looked at (render it with `pdftoppm`) and the number updated on purpose.
const SAMPLE_DEPARTMENT_PAGES: usize = 5;

#[test]
fn sample_department_page_count_is_stable() {
    let (doc, _) = report_pdf(&sample(), Some("2021-dept"), ReportOptions::default()).unwrap();
    assert_eq!(doc.pages.len(), SAMPLE_DEPARTMENT_PAGES);
}

#[test]
fn every_indicator_row_appears_exactly_once_across_pages() {
    let spec = jixiao::synth::SynthSpec {
        indicators: 400,
        budget_lines: 0,
        projects: 4,
        ..jixiao::synth::SynthSpec::default()
    };
    let mut ws = jixiao::synth::synth(&spec);
    let ev = &mut ws.evaluations[0];
    // Names that cannot occur inside one another or in other text.
    for (i, ind) in ev.indicators.iter_mut().enumerate() {
        ind.name = format!("行号{i:05}");
    }
    let id = ev.id.clone();
    let count = ev.indicators.len();
    let (doc, bytes) = report_pdf(&ws, Some(&id), ReportOptions::default()).unwrap();
    let pages = page_texts(&bytes);
    assert!(pages.len() > 8, "{} pages", pages.len());
    // The indicator table: from its heading to the next section (一级 names also appear in the
    // 总体得分情况表 and the 得分率 chart above it).
    let all = pages.concat();
    let from = all.find("指标得分明细").unwrap();
    let to = from + all[from..].find("预算执行情况").unwrap();
    let table = &all[from..to];
    let mut last = 0;
    for i in 0..count {
        let tag = format!("行号{i:05}");
        assert_eq!(table.matches(&tag).count(), 1, "{tag}");
        let at = table.find(&tag).unwrap();
        assert!(at >= last, "{tag} out of order");
        last = at;
    }
    // The header row opens every page of the indicator table after the first one.
    let header = "一级指标二级指标三级指标分值指标值实际完成值得分扣分原因";
    let first_table_page = pages.iter().position(|p| p.contains(header)).unwrap();
    let last_row_page = pages.iter().rposition(|p| p.contains("行号")).unwrap();
    for (k, p) in pages
        .iter()
        .enumerate()
        .take(last_row_page + 1)
        .skip(first_table_page)
    {
        assert!(p.contains(header), "page {} has no header", k + 1);
    }
    assert_eq!(pages.len(), doc.pages.len());
}

#[test]
fn both_project_evaluations_print_and_the_self_evaluation_form_has_its_columns() {
    let ws = sample();
    let mut projects: Vec<&str> = ws
        .evaluations
        .iter()
        .filter(|e| e.subject != jixiao::model::Subject::Department)
        .map(|e| e.id.as_str())
        .collect();
    projects.sort_unstable();
    // The totals the seeds give: [002] 96.50 (not the published 100), [004] 100.00; both 优.
    let known = [
        ("2021-lv-self", "100.00", "优"),
        ("2021-qyfw-self", "96.50", "优"),
    ];
    assert_eq!(
        projects,
        known.map(|k| k.0),
        "the sample's project evaluations"
    );
    for (id, score, grade) in known {
        let ev = ws.evaluation(id).unwrap();
        for layout in [ReportLayout::Summary, ReportLayout::SelfEval] {
            let opts = ReportOptions {
                layout,
                annex_checks: false,
            };
            let (_, bytes) = report_pdf(&ws, Some(id), opts).unwrap();
            let all = page_texts(&bytes).concat();
            assert!(all.contains(&squash(&ev.name)), "{id}");
            let total = match layout {
                ReportLayout::Summary => format!("总分：{score}分等级：{grade}"),
                ReportLayout::SelfEval => format!("总分100{score}等级：{grade}"),
            };
            assert!(all.contains(&total), "{id}: {total}");
            if layout == ReportLayout::SelfEval
                && ev.kind == jixiao::model::EvaluationKind::ProjectSelf
            {
                for label in [
                    "项目支出绩效自评表",
                    "年初预算数全年预算数全年执行数分值执行率得分",
                    "年度资金总额",
                    "偏差原因分析及改进措施",
                    "总分",
                ] {
                    assert!(all.contains(label), "{id} self form lacks {label}");
                }
            }
        }
    }
}

#[test]
fn all_evaluations_go_into_one_pdf_each_numbering_its_pages() {
    let ws = sample();
    let (doc, bytes) = report_pdf(&ws, None, ReportOptions::default()).unwrap();
    let pages = page_texts(&bytes);
    assert_eq!(pages.len(), doc.pages.len());
    let firsts = pages.iter().filter(|p| p.contains("第1页共")).count();
    assert_eq!(firsts, ws.evaluations.len());
    for ev in &ws.evaluations {
        assert!(pages.concat().contains(&squash(&ev.name)), "{}", ev.name);
    }
}

#[test]
fn annex_lists_the_consistency_findings() {
    let ws = sample();
    let opts = ReportOptions {
        layout: ReportLayout::Summary,
        annex_checks: true,
    };
    let (_, bytes) = report_pdf(&ws, Some("2021-dept"), opts).unwrap();
    let all = page_texts(&bytes).concat();
    assert!(all.contains("附件：勾稽检查结果"));
    let findings = jixiao::calc::run_all(&ws);
    assert!(!findings.is_empty());
    let first: String = findings[0]
        .message
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(all.contains(&first), "{first}");
}

#[test]
fn an_unknown_evaluation_is_refused_with_the_ids() {
    let err = report_pdf(&sample(), Some("nope"), ReportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("nope") && err.contains("2021-dept"), "{err}");
}
