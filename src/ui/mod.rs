//! The eframe/egui window: app shell, navigator, grids, views, edit commands.

pub mod grid;
