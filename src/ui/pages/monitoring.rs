//! 双监控 page of a year: at a monitoring date (default 31 July), each project's 执行进度
//! against 序时进度 with its warning state, and each indicator's progress towards its target
//! with 偏差原因 and 完成可能性, edited through the usual `Edit` (undoable, saved).

use chrono::NaiveDate;

use crate::calc::num::{opt_pct_text, pct_text, thousands};
use crate::calc::series::{default_monitoring_date, fiscal_year_of, indicator_progress};
use crate::doc::{Edit, Row, TableRef};
use crate::model::{
    DeviationReason, Evaluation, EvaluationKind, Indicator, Likelihood, Monitoring, Workspace,
};
use crate::ui::charts::state_label_ui;
use crate::ui::derived::Derived;
use crate::ui::form;
use crate::ui::pages::progress::display_name;
use crate::ui::state::UiState;
use crate::ui::view::{Output, View};

fn date_id(year: i32) -> egui::Id {
    egui::Id::unique(("monitoring-date", year))
}

/// The monitoring date of the page: the one chosen here (UI state), else the 监控时点 of the
/// year's 绩效监控 evaluation, else 31 July of the year.
pub fn monitoring_date(ctx: &egui::Context, ws: &Workspace, year: i32) -> NaiveDate {
    ctx.data(|d| d.get_temp(date_id(year)))
        .or_else(|| {
            ws.evaluations
                .iter()
                .filter(|e| e.kind == EvaluationKind::Monitoring && e.year == year)
                .find_map(|e| e.monitoring_date)
        })
        .unwrap_or_else(|| default_monitoring_date(year))
}

/// Draws the page.
pub fn monitoring_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    derived: &Derived,
    state: &mut UiState,
    year: i32,
) -> Vec<Output> {
    let mut out = Vec::new();
    let ctx = ui.ctx().clone();
    let date = monitoring_date(&ctx, ws, year);
    ui.horizontal(|ui| {
        ui.heading(format!("{year} 年度双监控"));
        let id = egui::Id::unique(("monitoring-date-field", year));
        if let Some(text) = form::text_field(
            ui,
            &mut state.fields,
            id,
            "监控时点",
            &date.to_string(),
            110.0,
        ) {
            match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
                Ok(d) => {
                    ctx.data_mut(|m| {
                        m.insert_temp(date_id(year), d);
                    });
                }
                Err(_) => out.push(Output::Status(format!(
                    "监控时点“{text}”无法识别：请写作 YYYY-MM-DD，如 {year}-07-31"
                ))),
            }
        }
    });
    egui::ScrollArea::both()
        .id_salt(("monitoring-scroll", year))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.strong("预算执行进度");
            projects_grid_ui(ui, ws, derived, year, date, &mut out);
            ui.add_space(8.0);
            ui.strong("绩效目标实现程度");
            let evaluations: Vec<usize> = (0..ws.evaluations.len())
                .filter(|&i| ws.evaluations[i].year == year)
                .collect();
            if evaluations.is_empty() {
                ui.label("这一年度没有评价：新建一项“绩效监控”评价后，在这里填写各指标的偏差原因与完成可能性。");
            }
            for e in evaluations {
                let ev = &ws.evaluations[e];
                // The leaf indicators (those without children), from the scores of this revision.
                let rows: Vec<usize> = derived.breakdowns.get(e).map_or_else(Vec::new, |b| {
                    b.nodes.iter().filter(|n| n.is_leaf).map(|n| n.index).collect()
                });
                egui::CollapsingHeader::new(format!("{}（{} 项指标）", ev.name, rows.len()))
                    .id_salt(("monitoring-eval", e))
                    .default_open(rows.len() <= 200)
                    .show(ui, |ui| {
                        indicators_grid_ui(ui, state, ev, e, &rows, &mut out);
                    });
            }
        });
    out
}

fn projects_grid_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    derived: &Derived,
    year: i32,
    date: NaiveDate,
    out: &mut Vec<Output>,
) {
    egui::Grid::new(("monitoring-projects", year))
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            for h in [
                "项目",
                "累计执行（万元）",
                "执行进度",
                "序时进度",
                "执行进度÷序时进度",
                "预警",
                "拨付至最终受益对象",
                "拨付进度",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for (i, p) in ws.projects.iter().enumerate() {
                if fiscal_year_of(ws, p) != year {
                    continue;
                }
                let Some(pp) = derived.progress.projects.get(i) else {
                    continue;
                };
                let at = pp.series.state_at(date);
                ui.horizontal(|ui| {
                    if ui.link(display_name(p)).clicked() {
                        out.push(Output::Navigate(View::Project(p.id.clone()), None));
                    }
                    if pp.series.events.is_empty() {
                        ui.weak("（无拨付记录）");
                    }
                });
                ui.label(thousands(at.executed.amount));
                ui.label(at.executed.share_text());
                ui.label(pct_text(at.time_progress));
                ui.label(opt_pct_text(at.execution_to_time));
                state_label_ui(ui, at.state);
                ui.label(thousands(at.to_beneficiaries.amount));
                ui.label(at.to_beneficiaries.share_text());
                ui.end_row();
            }
        });
}

fn indicators_grid_ui(
    ui: &mut egui::Ui,
    state: &mut UiState,
    ev: &Evaluation,
    e: usize,
    rows: &[usize],
    out: &mut Vec<Output>,
) {
    egui::Grid::new(("monitoring-indicators", e))
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for h in [
                "指标",
                "指标值",
                "执行情况",
                "完成进度",
                "偏差原因",
                "完成可能性",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for &i in rows {
                let ind = &ev.indicators[i];
                let m = ind.monitoring.clone().unwrap_or_default();
                let name = ui.label(&ind.name);
                ui.label(&ind.target.text);
                let id = egui::Id::unique(("monitoring-progress", e, i));
                let typed = ui
                    .scope(|ui| {
                        ui.set_min_width(150.0);
                        form::decimal_field(ui, &mut state.fields, id, "数值", m.progress_value)
                    })
                    .inner;
                if let Some(v) = typed {
                    let mut m2 = m.clone();
                    m2.progress_value = v;
                    out.push(Output::Edit(set_monitoring(e, i, ind, m2, "修改执行情况")));
                }
                ui.label(opt_pct_text(indicator_progress(ind)));
                let reason = m.deviation_reason;
                let mut chosen = reason;
                egui::ComboBox::from_id_salt(("monitoring-reason", e, i))
                    .selected_text(reason.map_or("（未选）", DeviationReason::label))
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(reason.is_none(), "（未选）").clicked() {
                            chosen = None;
                        }
                        for r in DeviationReason::ALL {
                            if ui.selectable_label(reason == Some(r), r.label()).clicked() {
                                chosen = Some(r);
                            }
                        }
                    })
                    .response
                    .labelled_by(name.id);
                if chosen != reason {
                    let mut m2 = m.clone();
                    m2.deviation_reason = chosen;
                    out.push(Output::Edit(set_monitoring(e, i, ind, m2, "修改偏差原因")));
                }
                let likely = m.likelihood;
                let mut chosen = likely;
                egui::ComboBox::from_id_salt(("monitoring-likelihood", e, i))
                    .selected_text(likely.map_or("（未选）", Likelihood::label))
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(likely.is_none(), "（未选）").clicked() {
                            chosen = None;
                        }
                        for l in Likelihood::ALL {
                            if ui.selectable_label(likely == Some(l), l.label()).clicked() {
                                chosen = Some(l);
                            }
                        }
                    })
                    .response
                    .labelled_by(name.id);
                if chosen != likely {
                    let mut m2 = m;
                    m2.likelihood = chosen;
                    out.push(Output::Edit(set_monitoring(
                        e,
                        i,
                        ind,
                        m2,
                        "修改完成可能性",
                    )));
                }
                ui.end_row();
            }
        });
}

/// The edit that replaces an indicator's monitoring record (dropped when it becomes empty).
pub fn set_monitoring(
    evaluation: usize,
    index: usize,
    ind: &Indicator,
    m: Monitoring,
    label: &str,
) -> (Edit, String) {
    let mut row = ind.clone();
    row.monitoring = (m != Monitoring::default()).then_some(m);
    (
        Edit::set_row(
            TableRef::Indicators { evaluation },
            index,
            Row::Indicator(row),
        ),
        label.to_owned(),
    )
}
