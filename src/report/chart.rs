//! The report's two charts as vector drawings: 得分率 by 一级指标, and the progress of execution
//! and disbursement (the project series of `calc::series`, as shares by date) against 序时进度.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::font::FontMetrics;
use super::page::{Item, Rgb};
use crate::calc::ScoreBreakdown;
use crate::calc::metrics::{days_in_year, time_progress};
use crate::calc::num::opt_pct_text;
use crate::calc::series::{ProjectSeries, Track, year_end_date, year_start_date};
use crate::model::Evaluation;

/// Series colours (blue, orange, green, red, purple, brown), then grey.
const PALETTE: [Rgb; 6] = [
    Rgb(31, 119, 180),
    Rgb(230, 120, 20),
    Rgb(44, 150, 44),
    Rgb(200, 40, 40),
    Rgb(140, 90, 180),
    Rgb(140, 86, 75),
];

/// The colour of series `i`.
pub fn series_color(i: usize) -> Rgb {
    PALETTE.get(i).copied().unwrap_or(Rgb::GREY)
}

fn f(v: Decimal) -> f32 {
    v.to_f32().unwrap_or(0.0)
}

fn text(x: f32, y: f32, size: f32, t: &str) -> Item {
    Item::Text {
        x,
        y,
        size,
        text: t.to_owned(),
        color: Rgb::BLACK,
    }
}

fn line(from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) -> Item {
    Item::Line {
        from,
        to,
        width,
        color,
        dashed: false,
    }
}

/// 得分率 of each 一级指标 and the total as horizontal bars (0–100%), in `rect` (x, y, w, h).
pub fn score_rate_chart(
    fonts: &FontMetrics,
    ev: &Evaluation,
    breakdown: &ScoreBreakdown,
    rect: (f32, f32, f32, f32),
) -> Vec<Item> {
    let (left, top0, width, height) = rect;
    let size = 8.0;
    let mut bars: Vec<(String, Option<Decimal>)> = breakdown
        .level1()
        .map(|n| (n.name(ev).to_owned(), n.rate()))
        .collect();
    bars.push(("合计".to_owned(), breakdown.total.rate));
    let label_w = bars
        .iter()
        .map(|(n, _)| fonts.width(n, size))
        .fold(0.0_f32, f32::max)
        .min(width * 0.35)
        + 6.0;
    let value_w = fonts.width("100.00%", size) + 6.0;
    let plot_x = left + label_w;
    let plot_w = (width - label_w - value_w).max(10.0);
    let top = top0 + 4.0;
    let axis_h = size + 6.0;
    #[allow(clippy::cast_precision_loss)]
    let slot = ((height - 8.0 - axis_h) / bars.len().max(1) as f32).max(6.0);
    let mut items = Vec::new();
    // Grid at 0, 20 … 100%.
    for k in 0..=5 {
        #[allow(clippy::cast_precision_loss)]
        let gx = plot_x + plot_w * k as f32 / 5.0;
        #[allow(clippy::cast_precision_loss)]
        let bottom = top + slot * bars.len() as f32;
        items.push(Item::Line {
            from: (gx, top),
            to: (gx, bottom),
            width: 0.3,
            color: Rgb(190, 190, 190),
            dashed: k > 0,
        });
        let label = format!("{}%", k * 20);
        let lw = fonts.width(&label, size);
        items.push(text(gx - lw / 2.0, bottom + size + 2.0, size, &label));
    }
    for (i, (name, r)) in bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let by = top + slot * i as f32;
        let share = r.map_or(0.0, |r| f(r).clamp(0.0, 1.0));
        let color = if i + 1 == bars.len() {
            Rgb(60, 60, 60)
        } else {
            series_color(0)
        };
        items.push(Item::Rect {
            x: plot_x,
            y: by + slot * 0.2,
            w: plot_w * share,
            h: slot * 0.6,
            fill: Some(color),
            stroke: None,
        });
        let ty = by + slot / 2.0 + size * 0.35;
        let nw = fonts.width(name, size);
        items.push(text(plot_x - 4.0 - nw, ty, size, name));
        let value = opt_pct_text(*r);
        items.push(text(plot_x + plot_w * share + 3.0, ty, size, &value));
    }
    items
}

/// One line of the progress chart: its name and (date, cumulative share) points.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressSeries {
    pub name: String,
    pub points: Vec<(NaiveDate, Decimal)>,
}

/// One track of a project's `calc::series` (执行 or 拨付 at one stage) as chart points, when
/// the project has records for it and a denominator to measure against.
pub fn track_series(ps: &ProjectSeries, track: Track, name: String) -> Option<ProgressSeries> {
    let has_records = match track {
        Track::Executed => !ps.events.is_empty(),
        Track::Disbursed(stage) => ps.events.iter().any(|e| e.stage == stage),
    };
    if !has_records {
        return None;
    }
    let points: Vec<(NaiveDate, Decimal)> = ps
        .points
        .iter()
        .filter_map(|p| Some((p.date, p.track(track).share?)))
        .collect();
    (!points.is_empty()).then_some(ProgressSeries { name, points })
}

/// The progress chart in `rect`: each series as a step line of its cumulative share through
/// the fiscal year, and 序时进度 (the share of the year elapsed) as a dashed diagonal.
pub fn progress_chart(
    fonts: &FontMetrics,
    year: i32,
    series: &[ProgressSeries],
    rect: (f32, f32, f32, f32),
) -> Vec<Item> {
    let (left, top, width, height) = rect;
    let size = 8.0;
    let mut items = Vec::new();
    // Legend on top (wraps to a second line when long).
    let mut lx = left + 30.0;
    let mut ly = top + size;
    let mut legend: Vec<(String, Rgb, bool)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.clone(), series_color(i), false))
        .collect();
    legend.push(("序时进度".to_owned(), Rgb::GREY, true));
    for (name, color, dashed) in &legend {
        let lw = fonts.width(name, size) + 26.0;
        if lx + lw > left + width {
            lx = left + 30.0;
            ly += size + 4.0;
        }
        items.push(Item::Line {
            from: (lx, ly - size * 0.35),
            to: (lx + 14.0, ly - size * 0.35),
            width: 1.5,
            color: *color,
            dashed: *dashed,
        });
        items.push(text(lx + 17.0, ly, size, name));
        lx += lw;
    }
    let max_share = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| f(p.1)))
        .fold(1.0_f32, f32::max)
        .min(3.0);
    let top_pct = (max_share * 4.0).ceil() / 4.0; // a multiple of 25%
    let plot_x = left + 30.0;
    let plot_y = ly + 8.0;
    let plot_w = width - 36.0;
    let plot_h = (top + height - size - 6.0) - plot_y;
    let start = year_start_date(year);
    #[allow(clippy::cast_precision_loss)]
    let days = days_in_year(year) as f32;
    #[allow(clippy::cast_precision_loss)]
    let px = |d: NaiveDate| -> f32 {
        let day = (d - start).num_days().clamp(0, 365) as f32;
        plot_x + plot_w * (day + 1.0).min(days) / days
    };
    let py = |share: f32| -> f32 { plot_y + plot_h * (1.0 - (share / top_pct).clamp(0.0, 1.0)) };
    // Horizontal grid every 25%.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let steps = (top_pct * 4.0).round() as u32;
    for k in 0..=steps {
        #[allow(clippy::cast_precision_loss)]
        let share = k as f32 / 4.0;
        let gy = py(share);
        items.push(Item::Line {
            from: (plot_x, gy),
            to: (plot_x + plot_w, gy),
            width: 0.3,
            color: Rgb(190, 190, 190),
            dashed: k > 0,
        });
        let label = format!("{}%", k * 25);
        let lw = fonts.width(&label, size);
        items.push(text(plot_x - 3.0 - lw, gy + size * 0.35, size, &label));
    }
    // Month ticks.
    for m in 1..=12 {
        if let Some(d) = NaiveDate::from_ymd_opt(year, m, 1) {
            let gx = px(d) - plot_w / days;
            items.push(line(
                (gx, plot_y + plot_h),
                (gx, plot_y + plot_h + 3.0),
                0.5,
                Rgb::RULE,
            ));
            let label = format!("{m}月");
            items.push(text(gx + 2.0, plot_y + plot_h + size + 3.0, size, &label));
        }
    }
    items.push(Item::Rect {
        x: plot_x,
        y: plot_y,
        w: plot_w,
        h: plot_h,
        fill: None,
        stroke: Some((0.5, Rgb::RULE)),
    });
    // 序时进度: the diagonal, sampled monthly from calc::metrics::time_progress.
    let mut diag = vec![(plot_x, py(0.0))];
    for m in 1..=12 {
        let end = NaiveDate::from_ymd_opt(year, m + 1, 1)
            .or_else(|| NaiveDate::from_ymd_opt(year + 1, 1, 1))
            .and_then(|d| d.pred_opt());
        if let Some(d) = end {
            diag.push((px(d), py(f(time_progress(d, year)))));
        }
    }
    items.push(Item::Polyline {
        points: diag,
        width: 0.8,
        color: Rgb::GREY,
        dashed: true,
    });
    let year_end = year_end_date(year);
    for (i, s) in series.iter().enumerate() {
        let mut pts = vec![(plot_x, py(0.0))];
        let mut last = 0.0;
        for &(d, share) in &s.points {
            let day = if d.year() < year { start } else { d };
            let xx = px(day);
            pts.push((xx, py(last)));
            last = f(share);
            pts.push((xx, py(last)));
        }
        pts.push((px(year_end), py(last)));
        items.push(Item::Polyline {
            points: pts,
            width: 1.4,
            color: series_color(i),
            dashed: false,
        });
    }
    items
}
