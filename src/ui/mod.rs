//! The eframe/egui window (issue: the desktop workbench).
