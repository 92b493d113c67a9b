//! What the headless frame benchmarks (`charts_frame`, `ui_frame`) share: the app in a window
//! of the size `ui::run` opens, the per-frame input, percentiles and the command line.

use std::time::Duration;

use egui::{Event, Pos2, RawInput, Rect};
use jixiao::doc::Document;
use jixiao::model::Workspace;
use jixiao::ui::app::{Startup, UiState, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::view::View;

/// The window size the app opens with (`ui::run`).
pub const WINDOW: egui::Vec2 = egui::vec2(1440.0, 880.0);
pub const PIXELS_PER_POINT: f32 = 1.0;
/// 60 frames a second of simulated time.
pub const FRAME_DT: f64 = 1.0 / 60.0;

/// The app showing `ws` on `view` (in-app dialogs only), and a context with the app's fonts.
pub fn app_and_context(ws: Workspace, view: View) -> (WorkbenchApp, egui::Context) {
    let mut app = WorkbenchApp::new(Startup {
        dirs: None,
        dialogs: Box::new(InAppOnly),
        open: None,
    });
    app.doc = Document::new(ws);
    app.ui = UiState::default();
    app.ui.view = view;
    let ctx = egui::Context::default();
    jixiao::ui::fonts::setup(&ctx);
    (app, ctx)
}

/// The input of one frame at `time` with these events, for the whole window.
pub fn input(time: f64, events: Vec<Event>) -> RawInput {
    let mut raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
        time: Some(time),
        predicted_dt: 1.0 / 60.0,
        focused: true,
        events,
        ..RawInput::default()
    };
    raw.viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(PIXELS_PER_POINT);
    raw
}

/// Percentile (nearest rank) of sorted durations, in milliseconds.
pub fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a few hundred samples"
    )]
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    ms(sorted[rank.clamp(1, sorted.len()) - 1])
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The value after `name` on the command line, if it parses.
pub fn arg<T: std::str::FromStr>(args: &[String], name: &str) -> Option<T> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

/// The 1, 5 and 15 minute load averages (`?` where /proc/loadavg cannot be read).
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "?".to_owned(),
        |s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}
