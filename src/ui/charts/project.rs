//! 项目进度图: cumulative 执行 and 拨付 per stage (percent of the budget) against the 序时进度
//! line, the warning bands shaded, a marker per disbursement, exact figures on hover, and a
//! date cursor reading the state on any day.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use egui_plot::{
    GridMark, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Polygon,
    VLine,
};

use super::data::{ProjectProgress, day_x, x_date};
use crate::calc::num::{opt_pct_text, pct_text, thousands};
use crate::calc::series::{
    ProjectSeries, SeriesEvent, SeriesPoint, Track, WarningState, default_monitoring_date,
};
use crate::model::{Disbursement, DisbursementStage};
use crate::ui::theme::{TRACK_COLOURS, state_colour, state_fill};

/// Markers closer than this (points, both axes) to the one drawn before are not drawn.
const MARKER_GAP: f32 = 2.0;

/// Pointer distance (points) within which a marker counts as hovered.
const HOVER_RADIUS: f32 = 8.0;

/// The UI-state id of a project chart's date cursor.
pub fn cursor_id(project: usize) -> egui::Id {
    egui::Id::unique(("progress-cursor", project))
}

/// The cursor date of a project chart (default 31 July of the fiscal year).
pub fn cursor_date(ctx: &egui::Context, project: usize, year: i32) -> NaiveDate {
    ctx.data(|d| d.get_temp::<NaiveDate>(cursor_id(project)))
        .unwrap_or_else(|| default_monitoring_date(year))
}

fn set_cursor(ctx: &egui::Context, project: usize, date: NaiveDate) {
    ctx.data_mut(|d| d.insert_temp(cursor_id(project), date));
}

/// Month starts as x grid marks (x = 0 is the start of 1 January).
fn month_marks(year: i32, input: &egui_plot::GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let mut marks = Vec::new();
    for y in [year - 1, year, year + 1] {
        for m in 1..=12 {
            let Some(first) = NaiveDate::from_ymd_opt(y, m, 1) else {
                continue;
            };
            let x = day_x(first, year) - 1.0;
            if x >= lo && x <= hi {
                marks.push(GridMark {
                    value: x,
                    step_size: if m == 1 { 365.0 } else { 30.0 },
                });
            }
        }
    }
    marks
}

/// The markers worth drawing: a marker within `MARKER_GAP` points (on screen) of the last one
/// kept is left out, since it would be drawn under it. A stage's markers run in date order with
/// a growing running total, so neighbours in the list are neighbours on screen; 10,000
/// payments on 365 days then cost a few hundred circles instead of 10,000. Hovering still finds
/// every payment (`hovered_event` searches them all).
pub fn thin_markers(points: &[PlotPoint], transform: &egui_plot::PlotTransform) -> Vec<PlotPoint> {
    let mut kept: Vec<PlotPoint> = Vec::with_capacity(points.len().min(4096));
    let mut last: Option<egui::Pos2> = None;
    for p in points {
        let pos = transform.position_from_point(p);
        if last
            .is_some_and(|l| (l.x - pos.x).abs() < MARKER_GAP && (l.y - pos.y).abs() < MARKER_GAP)
        {
            continue;
        }
        last = Some(pos);
        kept.push(*p);
    }
    kept
}

/// The marker nearest to `pos` (screen) within `HOVER_RADIUS`, as an index into `events`.
fn hovered_event(
    pp: &ProjectProgress,
    transform: &egui_plot::PlotTransform,
    pos: egui::Pos2,
) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (points, events) in pp.geometry.markers.iter().zip(&pp.geometry.marker_events) {
        for (p, &e) in points.iter().zip(events) {
            let d = transform.position_from_point(p).distance(pos);
            if d <= HOVER_RADIUS && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, e));
            }
        }
    }
    best.map(|(_, e)| e)
}

/// The hover text of one disbursement.
pub fn event_text(s: &ProjectSeries, e: &SeriesEvent, unit: &str, note: &str) -> String {
    let mut t = format!(
        "{}  {}\n本笔 {} {unit}\n累计 {} {unit}（{}）",
        e.date,
        e.stage.label(),
        thousands(e.amount),
        thousands(e.cumulative.amount),
        e.cumulative.share_text(),
    );
    if !note.is_empty() {
        t.push('\n');
        t.push_str(note);
    }
    if e.date.year() != s.fiscal_year {
        t.push_str("\n（不在项目年度内）");
    }
    t
}

/// The state on a date in one line per figure.
pub fn state_text(s: &ProjectSeries, p: &SeriesPoint, unit: &str) -> String {
    let mut t = format!("{}  序时进度 {}", p.date, pct_text(p.time_progress));
    for track in Track::ALL {
        let c = p.track(track);
        if track == Track::Executed {
            let _ = write!(
                t,
                "\n执行（{}）{} {unit}（{}）",
                s.execution_stage.label(),
                thousands(c.amount),
                c.share_text()
            );
        } else {
            let _ = write!(
                t,
                "\n{} {} {unit}（{}）",
                track.label(),
                thousands(c.amount),
                c.share_text()
            );
        }
    }
    let ratio = opt_pct_text(p.execution_to_time);
    let _ = write!(t, "\n执行进度 ÷ 序时进度 {ratio}：{}", p.state.label());
    t
}

/// Draws the chart of project `index` (`disbursements` give the notes shown on hover).
pub fn project_chart_ui(
    ui: &mut egui::Ui,
    pp: &ProjectProgress,
    index: usize,
    unit: &str,
    disbursements: &[Disbursement],
    height: f32,
) {
    let s = &pp.series;
    let g = &pp.geometry;
    let year = s.fiscal_year;
    let ctx = ui.ctx().clone();
    let mut cursor = cursor_date(&ctx, index, year);

    ui.horizontal(|ui| {
        let mut day = day_x(cursor, year).clamp(1.0, g.year_days);
        let slider = egui::Slider::new(&mut day, 1.0..=g.year_days)
            .step_by(1.0)
            .custom_formatter(move |x, _| x_date(x, year).to_string())
            .custom_parser(move |t| {
                NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                    .ok()
                    .map(|d| day_x(d, year))
            })
            .text("时点");
        if ui.add(slider).changed() {
            cursor = x_date(day, year);
            set_cursor(&ctx, index, cursor);
        }
        let at = s.state_at(cursor);
        ui.colored_label(state_colour(at.state), at.state.label())
            .on_hover_text(state_text(s, &at, unit));
        ui.weak(format!(
            "浅红、浅黄区域：执行进度低于序时进度的 {}%、{}%（红色、黄色预警）；点击图中任一天移动时点",
            s.bands.red_below_pct.normalize(),
            s.bands.yellow_below_pct.normalize()
        ));
    });

    let bands = &s.bands;
    let red = super::to_f64(bands.red_below_pct);
    let yellow = super::to_f64(bands.yellow_below_pct);
    let yd = g.year_days;
    let top = g.y_max.max(100.0) * 1.05;
    let response = Plot::new(("project-progress", index))
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .allow_boxed_zoom(false)
        .allow_scroll(false)
        .include_x(0.0)
        .include_x(yd)
        .include_y(0.0)
        .include_y(top)
        .x_grid_spacer(move |input| month_marks(year, &input))
        .x_axis_formatter(move |mark, _| {
            let d = x_date(mark.value + 1.0, year);
            if d.month() == 1 {
                format!("{}年1月", d.year())
            } else {
                format!("{}月", d.month())
            }
        })
        .y_axis_formatter(|mark, _| format!("{}%", mark.value))
        .show(ui, |plot| {
            // Warning bands of 执行进度: below red% of 序时进度, then up to yellow%.
            plot.polygon(
                Polygon::new("", vec![[0.0, 0.0], [yd, 0.0], [yd, red]])
                    .fill_color(state_fill(WarningState::Red))
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
            plot.polygon(
                Polygon::new("", vec![[0.0, 0.0], [yd, red], [yd, yellow]])
                    .fill_color(state_fill(WarningState::Yellow))
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
            plot.line(
                Line::new("序时进度", vec![[0.0, 0.0], [yd, 100.0]])
                    .color(egui::Color32::from_gray(110))
                    .style(LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            for ((t, points), colour) in Track::ALL.iter().zip(&g.tracks).zip(TRACK_COLOURS) {
                if points.is_empty() {
                    continue;
                }
                let width = if *t == Track::Executed { 4.0 } else { 2.0 };
                let colour = if *t == Track::Executed {
                    colour.gamma_multiply(0.6)
                } else {
                    colour
                };
                let name = if *t == Track::Executed {
                    format!("执行进度（{}）", s.execution_stage.label())
                } else {
                    t.label().to_owned()
                };
                plot.line(
                    Line::new(name, PlotPoints::Borrowed(points))
                        .allow_band(false)
                        .color(colour)
                        .width(width)
                        .allow_hover(false),
                );
            }
            let transform = *plot.transform();
            for k in 0..DisbursementStage::ALL.len() {
                if g.markers[k].is_empty() {
                    continue;
                }
                plot.points(
                    Points::new(
                        "",
                        PlotPoints::Owned(thin_markers(&g.markers[k], &transform)),
                    )
                    .shape(MarkerShape::Circle)
                    .radius(3.0)
                    .color(TRACK_COLOURS[k + 1])
                    .allow_hover(false),
                );
            }
            plot.vline(
                VLine::new("", day_x(cursor, year) - 0.5)
                    .color(egui::Color32::from_rgb(170, 30, 30))
                    .width(1.5)
                    .allow_hover(false),
            );
        });

    let r = &response.response;
    if r.clicked()
        && let Some(pos) = r.interact_pointer_pos()
    {
        let x = response.transform.value_from_position(pos).x;
        cursor = x_date(x, year);
        set_cursor(&ctx, index, cursor);
    }
    if let Some(pos) = r.hover_pos() {
        let text = if let Some(e) = hovered_event(pp, &response.transform, pos) {
            s.events.get(e).map(|ev| {
                let note = disbursements.get(ev.index).map_or("", |d| d.note.as_str());
                event_text(s, ev, unit, note)
            })
        } else {
            let PlotPoint { x, .. } = response.transform.value_from_position(pos);
            Some(state_text(s, &s.state_at(x_date(x, year)), unit))
        };
        if let Some(text) = text {
            r.clone().on_hover_text_at_pointer(text);
        }
    }

    let at = s.state_at(cursor);
    ui.label(state_text(s, &at, unit).replace('\n', "；"));
    if s.points.is_empty() {
        ui.weak("没有带日期的拨付记录：在下面的拨付记录中录入日期与金额后，这里画出累计进度。");
    }
    for n in &s.notes {
        if n.is_warning() {
            ui.colored_label(state_colour(WarningState::Yellow), n.message());
        } else {
            ui.weak(n.message());
        }
    }
}
