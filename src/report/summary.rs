//! The printed score summary of one evaluation, laid out into pages: title block, 总体得分情况表
//! and grade, the indicator table, the budget summary with the progress chart, the 得分率 chart,
//! findings and recommendations, and the consistency findings as an optional annex.

use super::blocks::{level_columns, or_dash, title_block};
use super::cells::{amount, indicator_cells, rate, score, summary_rows, weight};
use super::chart::{ProgressSeries, progress_chart, score_rate_chart, track_series};
use super::font::FontMetrics;
use super::layout::{Align, BODY, Column, Flow, Row, TABLE};
use super::page::{Document, Rgb};
use super::selfeval;
use super::text::flag_lines;
use crate::calc::links::settings_of;
use crate::calc::metrics::{cost_item_rate, department_metric, execution_rate, project_metric};
use crate::calc::num::round2;
use crate::calc::series::{Track, project_series};
use crate::calc::{Finding, ScoreBreakdown, score_evaluation};
use crate::model::{
    DepartmentMetric, DisbursementStage, Evaluation, EvaluationKind, ProjectMetric, Subject,
    Workspace,
};

/// Which form to print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReportLayout {
    /// 绩效评价得分汇总 (every kind of evaluation).
    #[default]
    Summary,
    /// The national 项目支出绩效自评表 (for 项目自评 evaluations; others print the summary).
    SelfEval,
}

/// What to print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    pub layout: ReportLayout,
    /// Append the consistency findings (勾稽检查) as an annex.
    pub annex_checks: bool,
}

/// Lays out the chosen evaluations one after another, each numbering its own pages.
/// `findings` feed the annex when `opts.annex_checks` is set (the window passes the ones it
/// already has).
pub fn layout_report(
    ws: &Workspace,
    evaluations: &[(&Evaluation, &ScoreBreakdown)],
    findings: &[Finding],
    opts: ReportOptions,
    fonts: &FontMetrics,
) -> Document {
    let mut flow = Flow::new(fonts);
    for (ev, b) in evaluations {
        flow.section();
        if opts.layout == ReportLayout::SelfEval && ev.kind == EvaluationKind::ProjectSelf {
            selfeval::layout(&mut flow, ws, ev, b);
        } else {
            layout_summary(&mut flow, ws, ev, b);
        }
        if opts.annex_checks {
            annex(&mut flow, findings);
        }
    }
    if evaluations.is_empty() {
        flow.section();
        flow.paragraph("工作区中没有评价。", BODY, 0.0);
    }
    let title = match evaluations {
        [(ev, _)] => ev.name.clone(),
        _ => format!("{} 绩效评价得分汇总", ws.department.name),
    };
    flow.finish(&title)
}

/// Scores and lays out the evaluation `id` (or all of them) and writes the PDF.
pub fn report_pdf(
    ws: &Workspace,
    id: Option<&str>,
    opts: ReportOptions,
) -> Result<(Document, Vec<u8>), super::ReportError> {
    let fonts = FontMetrics::bundled().ok_or(super::ReportError::Font)?;
    let chosen: Vec<&Evaluation> = crate::model::pick(&ws.evaluations, id, |e| &e.id, "评价")?;
    let scored: Vec<ScoreBreakdown> = chosen.iter().map(|e| score_evaluation(ws, e)).collect();
    let pairs: Vec<(&Evaluation, &ScoreBreakdown)> =
        chosen.iter().copied().zip(scored.iter()).collect();
    let findings = if opts.annex_checks {
        crate::calc::run_all(ws)
    } else {
        Vec::new()
    };
    let doc = layout_report(ws, &pairs, &findings, opts, &fonts);
    let bytes = super::pdf::write_pdf(&doc, &fonts)?;
    Ok((doc, bytes))
}

/// The summary form.
fn layout_summary(flow: &mut Flow<'_>, ws: &Workspace, ev: &Evaluation, b: &ScoreBreakdown) {
    title_block(flow, ws, ev, "绩效评价得分汇总表");

    flow.heading("一、总体得分情况表", 11.0, 60.0);
    let rows = summary_rows(ev, b);
    let mut columns = vec![Column::new(&rows[0][0], 1.2, Align::Center)];
    columns.extend(
        rows[0][1..]
            .iter()
            .map(|h| Column::new(h, 1.0, Align::Right)),
    );
    flow.table(columns, BODY);
    for r in &rows[1..] {
        flow.row(&Row::new(r.clone()));
    }
    flow.end_table();
    flow.space(4.0);
    flow.paragraph(
        &format!(
            "总分：{} 分　　等级：{}",
            round2(b.total.score),
            or_dash(&b.total.grade)
        ),
        11.0,
        0.0,
    );
    if b.total.applicable_weight != b.total.weight {
        flow.paragraph(
            &format!(
                "（不适用指标已剔除：适用分值 {}，原始得分 {}，按满分 {} 折算）",
                b.total.applicable_weight.normalize(),
                round2(b.total.raw),
                b.total.weight.normalize()
            ),
            BODY,
            0.0,
        );
    }
    if b.unscored > 0 {
        flow.paragraph(
            &format!("尚有 {} 项指标未评分（暂计 0 分）。", b.unscored),
            BODY,
            0.0,
        );
    }

    flow.heading("二、得分率", 11.0, 0.0);
    #[allow(clippy::cast_precision_loss)]
    let h = 22.0 * (b.roots.len() + 1) as f32 + 26.0;
    let rect = flow.block(h);
    let items = score_rate_chart(flow.fonts, ev, b, rect);
    flow.draw(items);

    flow.heading("三、指标得分明细", 11.0, 60.0);
    indicator_table(flow, ws, ev, b);

    let mut n = 4;
    if budget_section(flow, ws, ev, chinese_number(n)) {
        n += 1;
    }
    for (title, list) in [
        ("存在问题", &ev.findings),
        ("相关建议", &ev.recommendations),
    ] {
        if list.is_empty() {
            continue;
        }
        flow.heading(&format!("{}、{title}", chinese_number(n)), 11.0, 30.0);
        n += 1;
        for (i, t) in list.iter().enumerate() {
            flow.numbered(i + 1, t, BODY);
        }
    }
    let flags = flag_lines(ev, b);
    if !flags.is_empty() {
        flow.heading(&format!("{}、评分提示", chinese_number(n)), 11.0, 30.0);
        for (i, t) in flags.iter().enumerate() {
            flow.numbered(i + 1, t, BODY);
        }
    }
}

/// 四, 五 … for section headings.
pub fn chinese_number(n: usize) -> &'static str {
    const N: [&str; 11] = [
        "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    N.get(n).copied().unwrap_or("十")
}

/// The indicator table: 一级/二级/三级, 分值, 指标值, 实际完成值, 得分, 扣分原因.
fn indicator_table(flow: &mut Flow<'_>, ws: &Workspace, ev: &Evaluation, b: &ScoreBreakdown) {
    flow.table(
        vec![
            Column::new("一级指标", 1.7, Align::Left),
            Column::new("二级指标", 2.0, Align::Left),
            Column::new("三级指标", 3.2, Align::Left),
            Column::new("分值", 0.9, Align::Right),
            Column::new("指标值", 1.8, Align::Left),
            Column::new("实际完成值", 2.5, Align::Left),
            Column::new("得分", 1.2, Align::Right),
            Column::new("扣分原因", 4.6, Align::Left),
        ],
        TABLE,
    );
    for n in &b.nodes {
        let c = indicator_cells(ws, ev, n);
        let reason = c.reason(n);
        let [l1, l2, l3] = level_columns(n.level, &c.name);
        let cells = vec![l1, l2, l3, c.weight, c.target, c.actual, c.score, reason];
        let row = if n.level <= 1 && !n.is_leaf {
            Row::filled(cells, Rgb::LEVEL1_FILL)
        } else {
            Row::new(cells)
        };
        flow.row(&row);
    }
    let total = vec![
        "合计".to_owned(),
        String::new(),
        String::new(),
        weight(b.total.weight),
        String::new(),
        String::new(),
        score(b.total.score),
        format!("等级：{}", or_dash(&b.total.grade)),
    ];
    flow.row(&Row::filled(total, Rgb::LEVEL1_FILL));
    flow.end_table();
}

/// 四、预算执行情况: the department's totals and its projects of the year (or the project and
/// its cost items), then the progress chart. False when there is nothing to show.
fn budget_section(flow: &mut Flow<'_>, ws: &Workspace, ev: &Evaluation, number: &str) -> bool {
    let settings = settings_of(&ev.profile);
    let mut rows: Vec<Row> = Vec::new();
    let mut series: Vec<ProgressSeries> = Vec::new();
    let project_row = |p: &crate::model::Project| -> Vec<String> {
        vec![
            p.name.clone(),
            amount(p.budget_initial),
            amount(p.budget_adjusted),
            amount(p.executed),
            rate(execution_rate(p, settings.execution_base)),
            rate(
                project_metric(
                    p,
                    ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries),
                    settings.execution_base,
                )
                .ratio,
            ),
        ]
    };
    match &ev.subject {
        Subject::Department => {
            if let Some(book) = ws.budget(ev.year) {
                let t = &book.totals;
                let execution = department_metric(
                    book,
                    &ws.department,
                    DepartmentMetric::ExecutionRate,
                    settings,
                )
                .ratio;
                rows.push(Row::filled(
                    vec![
                        "部门合计".to_owned(),
                        amount(t.initial.total),
                        amount(t.adjusted.total),
                        amount(t.executed),
                        rate(execution),
                        "—".to_owned(),
                    ],
                    Rgb::LEVEL1_FILL,
                ));
            }
            for p in ws.projects.iter().filter(|p| p.year == ev.year) {
                rows.push(Row::new(project_row(p)));
                let ps = project_series(ws, p);
                let track = Track::Disbursed(DisbursementStage::ToBeneficiaries);
                if let Some(s) = track_series(&ps, track, p.name.clone()) {
                    series.push(s);
                }
            }
        }
        Subject::Project(id) => {
            if let Some(p) = ws.project(id) {
                rows.push(Row::filled(project_row(p), Rgb::LEVEL1_FILL));
                for item in &p.cost_items {
                    rows.push(Row::new(vec![
                        format!("　{}", item.name),
                        String::new(),
                        amount(item.budget),
                        amount(item.executed),
                        rate(cost_item_rate(item)),
                        String::new(),
                    ]));
                }
                // 执行 follows the first payment stage (calc::series), so that stage's line
                // would repeat it: draw 执行进度 named after it, then the other stage.
                let ps = project_series(ws, p);
                let followed = Track::Disbursed(ps.execution_stage);
                for track in Track::ALL {
                    let name = if track == Track::Executed {
                        format!("执行进度（{}）", ps.execution_stage.label())
                    } else {
                        track.label().to_owned()
                    };
                    if track != followed
                        && let Some(s) = track_series(&ps, track, name)
                    {
                        series.push(s);
                    }
                }
            }
        }
    }
    if rows.is_empty() && series.is_empty() {
        return false;
    }
    flow.heading(
        &format!("{number}、预算执行情况（{}）", ws.meta.unit.label()),
        11.0,
        50.0,
    );
    if !rows.is_empty() {
        flow.table(
            vec![
                Column::new("项目", 4.0, Align::Left),
                Column::new("年初预算", 1.6, Align::Right),
                Column::new("调整后预算", 1.6, Align::Right),
                Column::new("执行数", 1.6, Align::Right),
                Column::new("执行率", 1.2, Align::Right),
                Column::new("拨付率（至受益对象）", 1.5, Align::Right),
            ],
            TABLE,
        );
        for r in &rows {
            flow.row(r);
        }
        flow.end_table();
        flow.paragraph(
            &format!(
                "执行率 = 执行数 / {}（未调整的项目为年初预算）；拨付率 = 已拨付至最终受益对象 / 应拨付资金。",
                settings.execution_base.label()
            ),
            8.0,
            0.0,
        );
    }
    if !series.is_empty() {
        flow.space(4.0);
        let title = if matches!(ev.subject, Subject::Department) {
            "各项目拨付至最终受益对象进度与序时进度"
        } else {
            "执行与拨付进度与序时进度"
        };
        flow.heading(title, 9.5, 0.0);
        let rect = flow.block(200.0);
        let items = progress_chart(flow.fonts, ev.year, &series, rect);
        flow.draw(items);
    }
    true
}

/// 附件：勾稽检查结果.
fn annex(flow: &mut Flow<'_>, findings: &[Finding]) {
    flow.heading("附件：勾稽检查结果", 11.0, 30.0);
    if findings.is_empty() {
        flow.paragraph("未发现不一致。", BODY, 0.0);
        return;
    }
    for (i, f) in findings.iter().enumerate() {
        flow.numbered(
            i + 1,
            &format!("［{}］{}：{}", f.kind.label(), f.place, f.message),
            8.5,
        );
    }
}
