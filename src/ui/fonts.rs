//! The look of the window: the bundled CJK font (Noto Sans CJK SC cut to GBK, OFL 1.1; see
//! fonts/OFL.txt) ahead of egui's default fonts so Chinese and digits share one face, and the
//! light theme office users expect of a spreadsheet.

use std::sync::Arc;

/// fonts/NotoSansSC-Regular-GBK.otf, embedded once (the printed report uses the same bytes).
pub use crate::report::font::CJK_FONT;

/// Installs the bundled font for both families.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans-sc".to_owned(),
        Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.insert(0, "noto-sans-sc".to_owned());
    }
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Monospace) {
        family.push("noto-sans-sc".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Font and theme: what the window and the test harness both set up before the first frame.
pub fn setup(ctx: &egui::Context) {
    install(ctx);
    ctx.set_theme(egui::Theme::Light);
}
