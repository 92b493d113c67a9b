//! 部门项目执行与拨付图: every project's year-end 执行率 and 拨付率 as paired bars, coloured by
//! warning state, with the warning bands and a reference line; a click on a project's column
//! opens it.
//!
//! Each column (both bars of a project, full plot height) is also an accessible button named
//! "`name` 执行率 … 拨付率 …", drawn where the plot transform puts it, so a pointer click and
//! a test find the same place.

use egui_plot::{Bar, BarChart, GridMark, HLine, Legend, Plot, Polygon};

use super::data::ProjectProgress;
use super::to_f64;
use crate::calc::num::opt_pct_text;
use crate::calc::series::WarningState;
use crate::model::WarningBands;
use crate::ui::theme::{state_colour, state_fill};

/// Half the width of a project's column in slot units (bars at ±0.2, each 0.38 wide).
const COLUMN_HALF: f64 = 0.45;
/// Columns get their own accessible button while at most this many are visible.
const MAX_BUTTONS: usize = 300;

/// One project as the chart shows it.
pub struct BarItem<'a> {
    /// Index into `Workspace::projects`.
    pub project: usize,
    pub name: &'a str,
    pub progress: &'a ProjectProgress,
}

/// How the bars are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// 项目顺序 (as in the workspace).
    #[default]
    Workspace,
    /// 执行率 from low to high.
    Execution,
    /// 拨付率 from low to high.
    Disbursement,
}

impl SortBy {
    pub const ALL: [SortBy; 3] = [SortBy::Workspace, SortBy::Execution, SortBy::Disbursement];

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Workspace => "项目顺序",
            SortBy::Execution => "按执行率（低到高）",
            SortBy::Disbursement => "按拨付率（低到高）",
        }
    }
}

/// Orders the items (missing rates first: they need attention too).
pub fn sort_items(items: &mut [BarItem<'_>], by: SortBy) {
    match by {
        SortBy::Workspace => {}
        SortBy::Execution => items.sort_by_key(|i| i.progress.rates.execution_rate),
        SortBy::Disbursement => items.sort_by_key(|i| i.progress.rates.disbursement_rate),
    }
}

/// The accessible name of a project's column.
pub fn column_label(name: &str, p: &ProjectProgress) -> String {
    format!(
        "{name} 执行率 {} 拨付率 {}",
        opt_pct_text(p.rates.execution_rate),
        opt_pct_text(p.rates.disbursement_rate)
    )
}

fn bar_colour(s: WarningState, light: bool) -> egui::Color32 {
    if light {
        state_colour(s).gamma_multiply(0.45)
    } else {
        state_colour(s)
    }
}

/// A short name for an axis label.
fn short(name: &str) -> String {
    let n: String = name.chars().take(6).collect();
    if name.chars().count() > 6 {
        format!("{n}…")
    } else {
        n
    }
}

/// The slot under an x coordinate, when it lies within a column.
pub fn slot_at(x: f64, count: usize) -> Option<usize> {
    let slot = x.round();
    #[allow(clippy::cast_precision_loss)]
    let in_range = slot >= 0.0 && slot < count as f64 && (x - slot).abs() <= COLUMN_HALF;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    in_range.then_some(slot as usize)
}

/// Draws the chart; returns the project clicked, if any.
pub fn department_chart_ui(
    ui: &mut egui::Ui,
    items: &[BarItem<'_>],
    bands: &WarningBands,
    reference_pct: rust_decimal::Decimal,
    height: f32,
) -> Option<usize> {
    let count = items.len();
    let names: Vec<String> = if count <= 40 {
        items.iter().map(|i| short(i.name)).collect()
    } else {
        Vec::new()
    };
    let mut y_max: f64 = 110.0;
    let mut exec = Vec::with_capacity(count);
    let mut disb = Vec::with_capacity(count);
    for (slot, it) in items.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x = slot as f64;
        let [e, d] = it.progress.bars;
        let rates = &it.progress.rates;
        if let Some(e) = e {
            y_max = y_max.max(e);
            exec.push(
                Bar::new(x - 0.2, e)
                    .width(0.38)
                    .fill(bar_colour(rates.execution_state, false)),
            );
        }
        if let Some(d) = d {
            y_max = y_max.max(d);
            disb.push(
                Bar::new(x + 0.2, d)
                    .width(0.38)
                    .fill(bar_colour(rates.disbursement_state, true))
                    .stroke(egui::Stroke::new(
                        1.0,
                        state_colour(rates.disbursement_state),
                    )),
            );
        }
    }
    let red = to_f64(bands.red_below_pct);
    let yellow = to_f64(bands.yellow_below_pct);
    let reference = to_f64(reference_pct);
    #[allow(clippy::cast_precision_loss)]
    let right = (count.max(1) as f64) - 0.5;
    let response = Plot::new("department-progress")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .allow_boxed_zoom(false)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .include_x(-0.5)
        .include_x(right)
        .include_y(0.0)
        .include_y(y_max + 35.0)
        .x_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            if count > 40 {
                return egui_plot::uniform_grid_spacer(|_| [1.0, 10.0, 100.0])(input);
            }
            (0..count)
                .map(|i| {
                    #[allow(clippy::cast_precision_loss)]
                    let v = i as f64;
                    v
                })
                .filter(|v| *v >= lo && *v <= hi)
                .map(|value| GridMark {
                    value,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let v = mark.value;
            if v.fract().abs() > 1e-9 || v < 0.0 {
                return String::new();
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let i = v as usize;
            names
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("{}", i + 1))
        })
        .y_axis_formatter(|mark, _| format!("{}%", mark.value))
        .show(ui, |plot| {
            let band = |lo: f64, hi: f64| vec![[-0.5, lo], [right, lo], [right, hi], [-0.5, hi]];
            plot.polygon(
                Polygon::new(
                    format!("红色预警（低于{}%）", bands.red_below_pct.normalize()),
                    band(0.0, red),
                )
                .fill_color(state_fill(WarningState::Red))
                .stroke(egui::Stroke::new(0.0, state_colour(WarningState::Red)))
                .allow_hover(false),
            );
            plot.polygon(
                Polygon::new(
                    format!("黄色预警（低于{}%）", bands.yellow_below_pct.normalize()),
                    band(red, yellow),
                )
                .fill_color(state_fill(WarningState::Yellow))
                .stroke(egui::Stroke::new(0.0, state_colour(WarningState::Yellow)))
                .allow_hover(false),
            );
            plot.bar_chart(
                BarChart::new("执行率", exec)
                    .color(egui::Color32::from_gray(90))
                    .allow_hover(false),
            );
            plot.bar_chart(
                BarChart::new("拨付率（至最终受益对象）", disb)
                    .color(egui::Color32::from_gray(170))
                    .allow_hover(false),
            );
            plot.hline(
                HLine::new(format!("参考线 {}%", reference_pct.normalize()), reference)
                    .color(egui::Color32::from_rgb(40, 90, 200))
                    .style(egui_plot::LineStyle::dashed_loose())
                    .allow_hover(false),
            );
        });

    let transform = &response.transform;
    let frame = *transform.frame();
    let bounds = transform.bounds();
    let mut clicked = None;
    let (lo, hi) = (bounds.min()[0], bounds.max()[0]);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let first = lo.ceil().max(0.0) as usize;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let last = (hi.floor().max(0.0) as usize).min(count.saturating_sub(1));
    let visible = if count == 0 || first > last {
        0
    } else {
        last - first + 1
    };
    if visible > 0 && visible <= MAX_BUTTONS {
        for slot in first..=last {
            let Some(it) = items.get(slot) else { continue };
            #[allow(clippy::cast_precision_loss)]
            let x = slot as f64;
            let l = transform.position_from_point_x(x - COLUMN_HALF);
            let r = transform.position_from_point_x(x + COLUMN_HALF);
            let rect = egui::Rect::from_x_y_ranges(l..=r, frame.y_range()).intersect(frame);
            if !rect.is_positive() {
                continue;
            }
            let id = egui::Id::unique(("department-progress-column", it.project));
            let resp = ui.interact(rect, id, egui::Sense::click());
            let label = column_label(it.name, it.progress);
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label)
            });
            if resp.hovered() {
                ui.painter().rect_filled(
                    rect,
                    0.0,
                    egui::Color32::from_rgba_unmultiplied(40, 90, 200, 18),
                );
            }
            let resp = resp.on_hover_text(format!("{label}\n（点击打开项目）"));
            if resp.clicked() {
                clicked = Some(it.project);
            }
        }
    } else if response.response.clicked()
        && let Some(pos) = response.response.interact_pointer_pos()
    {
        let x = transform.value_from_position(pos).x;
        clicked = slot_at(x, count)
            .and_then(|s| items.get(s))
            .map(|i| i.project);
    }
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_under_the_pointer() {
        assert_eq!(slot_at(0.0, 3), Some(0));
        assert_eq!(slot_at(1.44, 3), Some(1));
        assert_eq!(slot_at(1.46, 3), None);
        assert_eq!(slot_at(2.3, 3), Some(2));
        assert_eq!(slot_at(3.0, 3), None);
        assert_eq!(slot_at(-0.4, 3), Some(0));
        assert_eq!(slot_at(-0.6, 3), None);
    }
}
