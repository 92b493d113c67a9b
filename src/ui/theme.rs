//! The window's colours in one place: finding kinds, warning states (执行进度 bands), chart
//! tracks and grade bands (moved from `ui/pages/budget.rs` and `ui/charts/`, values unchanged).
//! The font and the light theme are set up in `ui/fonts.rs`.

use crate::calc::checks::FindingKind;
use crate::calc::series::WarningState;

/// The colour of a finding kind.
pub fn kind_color(kind: FindingKind) -> egui::Color32 {
    match kind {
        FindingKind::Error => egui::Color32::from_rgb(200, 40, 40),
        FindingKind::Rounding => egui::Color32::from_rgb(170, 120, 0),
        FindingKind::Warning => egui::Color32::from_rgb(200, 100, 0),
        FindingKind::Info => egui::Color32::from_rgb(60, 110, 170),
    }
}

/// The colour of a warning state.
pub fn state_colour(s: WarningState) -> egui::Color32 {
    match s {
        WarningState::Red => egui::Color32::from_rgb(205, 60, 60),
        WarningState::Yellow => egui::Color32::from_rgb(222, 165, 30),
        WarningState::Green => egui::Color32::from_rgb(46, 139, 87),
        WarningState::Unknown => egui::Color32::from_gray(150),
    }
}

/// A light fill of a warning state, for background bands.
pub fn state_fill(s: WarningState) -> egui::Color32 {
    state_colour(s).gamma_multiply(0.12)
}

/// Line colours per track (`Track::ALL` order).
pub const TRACK_COLOURS: [egui::Color32; 3] = [
    egui::Color32::from_rgb(40, 90, 200),
    egui::Color32::from_rgb(230, 120, 30),
    egui::Color32::from_rgb(140, 60, 170),
];

/// Grade colours from the best grade down (优, 良, 中, 差).
pub const GRADE_COLOURS: [egui::Color32; 4] = [
    egui::Color32::from_rgb(46, 139, 87),
    egui::Color32::from_rgb(40, 90, 200),
    egui::Color32::from_rgb(222, 165, 30),
    egui::Color32::from_rgb(205, 60, 60),
];
