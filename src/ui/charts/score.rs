//! 得分率图: 得分率 per 一级指标 as bars over the evaluation's grade bands (优/良/中/差 as shares
//! of the full total), with the exact 得分 / 分值 on hover.

use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, Span, Text};

use super::{pct_f64, slot_x, to_f64};
use rust_decimal::Decimal;

use crate::calc::num::{opt_pct_text, plain, round2};
use crate::calc::{ScoreBreakdown, grade_index};
use crate::model::Evaluation;
use crate::ui::theme::GRADE_COLOURS;

/// Bar colour: the fill of the grade band (等级) a 一级指标's 得分率 would earn as a total.
fn band_index(ev: &Evaluation, rate: Decimal) -> usize {
    grade_index(rate.saturating_mul(ev.profile.total), &ev.profile.grades)
        .unwrap_or(ev.profile.grades.len().saturating_sub(1))
}

/// Draws the chart of one evaluation's breakdown.
pub fn score_chart_ui(ui: &mut egui::Ui, ev: &Evaluation, b: &ScoreBreakdown, height: f32) {
    let level1: Vec<_> = b.level1().collect();
    if level1.is_empty() {
        return;
    }
    let n = level1.len();
    let total = to_f64(ev.profile.total).max(f64::MIN_POSITIVE);
    let names: Vec<String> = level1
        .iter()
        .map(|node| node.name(ev).chars().take(4).collect())
        .collect();
    let bars: Vec<Bar> = level1
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            let exact = node.rate()?;
            let rate = pct_f64(exact);
            let k = band_index(ev, exact).min(GRADE_COLOURS.len() - 1);
            Some(
                Bar::new(slot_x(i), rate)
                    .width(0.6)
                    .fill(GRADE_COLOURS[k].gamma_multiply(0.8))
                    .name(format!(
                        "{}：得分 {} / 分值 {}，得分率 {}",
                        node.name(ev),
                        round2(node.score),
                        plain(node.weight),
                        opt_pct_text(node.rate())
                    )),
            )
        })
        .collect();
    Plot::new(("score-rates", ev.id.as_str()))
        .height(height)
        .allow_boxed_zoom(false)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_y(105.0)
        .include_x(-0.5)
        .include_x(slot_x(n) - 0.5)
        .x_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            (0..n)
                .map(slot_x)
                .filter(|v| *v >= lo && *v <= hi)
                .map(|value| GridMark {
                    value,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            if mark.value.fract().abs() > 1e-9 || mark.value < 0.0 {
                return String::new();
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            names.get(mark.value as usize).cloned().unwrap_or_default()
        })
        .y_axis_formatter(|mark, _| format!("{}%", mark.value))
        .show(ui, |plot| {
            let mut upper = 105.0_f64;
            for (k, g) in ev.profile.grades.iter().enumerate() {
                let lower = (to_f64(g.min) / total * 100.0).max(0.0);
                if lower < upper {
                    let colour = GRADE_COLOURS[k.min(GRADE_COLOURS.len() - 1)];
                    plot.span(
                        Span::new("", lower..=upper)
                            .axis(egui_plot::Axis::Y)
                            .fill(colour.gamma_multiply(0.10)),
                    );
                    plot.text(
                        Text::new(
                            g.label.clone(),
                            PlotPoint::new(slot_x(n) - 0.5, f64::midpoint(lower, upper)),
                            egui::RichText::new(&g.label).color(colour).size(11.0),
                        )
                        .anchor(egui::Align2::RIGHT_CENTER),
                    );
                }
                upper = lower;
            }
            plot.bar_chart(
                BarChart::new("得分率", bars)
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
        });
}
