//! Charts drawn with `egui_plot`: a project's progress against the calendar, the department's
//! rates per project, and score rates per 一级指标. The geometry (floats) is computed once per
//! document revision in `data.rs`; the drawing functions only read it.

pub mod data;
pub mod department;
pub mod project;
pub mod score;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive as _;

use crate::calc::series::WarningState;
pub use crate::ui::theme::{state_colour, state_fill};

/// Decimal → f64, for drawing only.
pub fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// A share (fraction) as percent points, for drawing only.
pub fn pct_f64(share: Decimal) -> f64 {
    to_f64(share) * 100.0
}

/// A slot index (bar position) as a plot coordinate.
#[allow(clippy::cast_precision_loss)] // slot counts are far below 2^52
pub fn slot_x(i: usize) -> f64 {
    i as f64
}

/// A state label in its colour.
pub fn state_label_ui(ui: &mut egui::Ui, s: WarningState) -> egui::Response {
    ui.colored_label(state_colour(s), s.label())
}
