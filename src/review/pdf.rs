//! 复核意见: one letter per reviewed form, ready to send back to the unit: who it is for, what
//! was checked, where the published score does not hold, and what to correct. Laid out with
//! the shared page machinery, so the window can preview exactly what is printed.

use std::fmt::Write as _;

use crate::report::font::FontMetrics;
use crate::report::layout::{Align, BODY, Column, Flow, Row, TABLE};
use crate::report::page::Document;
use crate::report::blocks::info_grid;
use crate::report::summary::chinese_number;
use crate::review::text::{difference, grades, profile_sentence, published, score, unit_words};
use crate::review::{Batch, FormReview, Severity};

/// Lays out one 复核意见 per form, each numbering its own pages.
pub fn layout_review(batch: &Batch, fonts: &FontMetrics) -> Document {
    let mut flow = Flow::new(fonts);
    for f in &batch.forms {
        flow.section();
        opinion(&mut flow, f);
    }
    if batch.forms.is_empty() {
        flow.section();
        flow.paragraph("没有可复核的自评表。", BODY, 0.0);
    }
    flow.finish("项目支出绩效自评表复核意见")
}

/// Lays out and writes the PDF; returns the page count and the bytes.
pub fn review_pdf(batch: &Batch) -> Result<(usize, Vec<u8>), String> {
    let fonts = FontMetrics::bundled().ok_or_else(|| "内置字体无法读取".to_owned())?;
    let doc = layout_review(batch, &fonts);
    let bytes = crate::report::pdf::write_pdf(&doc, &fonts).map_err(|e| e.to_string())?;
    Ok((doc.pages.len(), bytes))
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_owned()
    } else {
        s.to_owned()
    }
}

fn opinion(flow: &mut Flow<'_>, f: &FormReview) {
    flow.title("项目支出绩效自评表复核意见", 15.0);
    flow.space(6.0);
    info_grid(flow);
    for cells in [
        [
            "致".to_owned(),
            or_dash(&f.unit_name),
            "主管部门".to_owned(),
            or_dash(&f.project.department),
        ],
        [
            "项目".to_owned(),
            or_dash(&f.project_name),
            "年度".to_owned(),
            year_words(f),
        ],
        [
            "报送文件".to_owned(),
            format!("{}（工作表“{}”）", f.file, f.sheet),
            "金额单位".to_owned(),
            unit_words(f),
        ],
        [
            "评分方案".to_owned(),
            f.profile.clone(),
            String::new(),
            String::new(),
        ],
    ] {
        flow.row(&Row::new(cells.to_vec()));
    }
    flow.end_table();
    flow.space(8.0);

    let leaves = f
        .rows
        .iter()
        .filter(|r| f.breakdown.nodes.get(r.index).is_some_and(|n| n.is_leaf))
        .count();
    flow.heading("一、复核内容", 11.0, 30.0);
    flow.paragraph(
        &format!(
            "对贵单位报送的《{}》项目支出绩效自评表，复核了项目资金（年初预算数、全年预算数、全年执行数）与执行率，按上列评分方案逐项重新计算了 {leaves} 项指标的得分，并核对了各级分值、总分与各项得分之和及等级。",
            or_dash(&f.project_name)
        ),
        BODY,
        0.0,
    );

    flow.heading("二、复核结果", 11.0, 30.0);
    flow.paragraph(
        &format!(
            "公布总分 {}，复核得分 {}，差异 {}；等级（公布/复核）{}。",
            published(f.published_total),
            score(f.recomputed_total),
            difference(f.difference),
            grades(f)
        ),
        BODY,
        0.0,
    );
    flow.paragraph(&format!("{}。", profile_sentence(f)), BODY, 0.0);
    let differing: Vec<_> = f
        .rows
        .iter()
        .filter(|r| r.difference.is_some_and(|d| !d.is_zero()) || r.needs_judgement)
        .collect();
    if differing.is_empty() {
        flow.paragraph("各项指标公布得分与复核得分一致。", BODY, 0.0);
    } else {
        flow.space(4.0);
        flow.table(
            vec![
                Column::new("表中行", 0.6, Align::Center),
                Column::new("指标", 2.4, Align::Left),
                Column::new("分值", 0.7, Align::Right),
                Column::new("公布得分", 0.8, Align::Right),
                Column::new("复核得分", 0.8, Align::Right),
                Column::new("差异", 0.7, Align::Right),
                Column::new("复核说明", 3.0, Align::Left),
            ],
            TABLE,
        );
        for r in differing {
            let why = if r.needs_judgement {
                format!("实际完成值“{}”需评价人判断（暂计 0 分）", r.actual)
            } else {
                r.explanation.clone()
            };
            flow.row(&Row::new(vec![
                r.place
                    .as_ref()
                    .map_or_else(String::new, |p| p.row.to_string()),
                r.name.clone(),
                r.weight.normalize().to_string(),
                published(r.published),
                score(r.recomputed),
                difference(r.difference),
                why,
            ]));
        }
        flow.end_table();
    }

    let mut n = 3;
    for (severity, title) in [
        (Severity::Error, "需要更正的问题"),
        (Severity::Warning, "请核实的事项"),
        (Severity::Judgement, "需补充说明的定性指标"),
    ] {
        let items: Vec<_> = f
            .findings
            .iter()
            .filter(|x| x.severity == severity)
            .collect();
        if items.is_empty() {
            continue;
        }
        flow.heading(&format!("{}、{title}", chinese_number(n)), 11.0, 30.0);
        n += 1;
        for (i, x) in items.iter().enumerate() {
            let mut text = String::new();
            if let Some(p) = &x.place {
                let _ = write!(text, "{p}，");
            }
            if !x.subject.is_empty() {
                let _ = write!(text, "{}：", x.subject);
            }
            text.push_str(&x.message);
            if !x.hint.is_empty() {
                text.push_str(&x.hint);
            }
            flow.numbered(i + 1, &text, BODY);
        }
    }

    flow.heading(&format!("{}、意见", chinese_number(n)), 11.0, 40.0);
    let ask = if f.errors() > 0 || f.difference.is_some_and(|d| !d.is_zero()) {
        "请对照上述问题核实更正自评表，按复核得分或补充依据后重新报送。"
    } else if f.judgements() > 0 {
        "请对上列定性指标补充完成情况的依据，以便确定得分。"
    } else {
        "自评表经复核无需更正。"
    };
    flow.paragraph(ask, BODY, 0.0);
    flow.space(18.0);
    flow.paragraph(
        "复核单位（盖章）：　　　　　　　　　　日期：　　年　　月　　日",
        BODY,
        0.0,
    );
}

fn year_words(f: &FormReview) -> String {
    if f.evaluation.year > 0 {
        format!("{}年", f.evaluation.year)
    } else {
        "—".to_owned()
    }
}
