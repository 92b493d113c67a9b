//! The eframe/egui window: app shell, navigator, grids, pages, edit commands.

pub mod actions;
pub mod app;
pub mod charts;
pub mod derived;
pub mod dialogs;
pub mod exports;
pub mod follow;
pub mod fonts;
pub mod form;
pub mod grid;
pub mod import_dialog;
pub mod locate;
pub mod nav;
pub mod new_evaluation;
pub mod pages;
pub mod print_preview;
pub mod review;
pub mod score_panel;
pub mod state;
pub mod table;
pub mod theme;
pub mod view;

use std::path::PathBuf;

use app::{Startup, WorkbenchApp};

/// Opens the window (glow renderer) and runs until it closes.
pub fn run(open: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("绩效评价工作台")
            .with_app_id("jixiao")
            .with_inner_size([1440.0, 880.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    let startup = Startup {
        dirs: crate::store::session::Dirs::platform(),
        dialogs: Box::new(dialogs::NativeDialogs::default()),
        open,
    };
    eframe::run_native("绩效评价工作台", options, Box::new(move |cc| {
        fonts::setup(&cc.egui_ctx);
        Ok(Box::new(WorkbenchApp::new(startup)))
    }))
        .map_err(|e| format!("无法打开窗口：{e}\n（没有图形界面时可使用命令行：jixiao score 文件.ron 等，见 jixiao --help）"))
}
