//! The import preview in the real window (kittest, no GPU): open a file, remap a column the
//! headers did not name, skip nothing, import, see the rows in the grid, undo once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::model::{Amount, Workspace};
use jixiao::store::session::Dirs;
use jixiao::ui::app::{Dialog, Startup, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::view::View;
use rust_decimal_macros::dec;

fn harness(app: WorkbenchApp) -> Harness<'static, WorkbenchApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

/// A 功能分类 CSV whose 工资福利支出 column is headed “人员工资”, a word the import does not know.
const CSV: &str = "2024年一般公共预算支出情况表\n单位：万元\n科目编码,科目名称,合计,基本支出,人员工资,项目支出\n,合计,\"1,000.0\",600.0,600.0,400.0\n2150501,行政运行,600.0,600.0,600.0,\n2150517,产业发展,400.0,,,400.0\n";

#[test]
fn import_through_the_preview_remap_a_column_then_undo_it_all() {
    let root = tempfile::tempdir().unwrap();
    let ws_path = root.path().join("空.ron");
    jixiao::store::save_path(&Workspace::default(), &ws_path).unwrap();
    let csv = root.path().join("05表.csv");
    std::fs::write(&csv, CSV).unwrap();
    let app = WorkbenchApp::new(Startup {
        dirs: Some(Dirs::under(root.path())),
        dialogs: Box::new(InAppOnly),
        open: Some(ws_path),
    });
    let mut h = harness(app);
    h.run();
    assert!(h.state().doc.ws.budgets.is_empty());

    // 文件 → 导入表格… opens the in-app chooser (no system dialog here) on the import types.
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label_contains("导入表格…").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Chooser(..))));
    h.get_by_label("取消").click();
    h.run();
    // Ctrl+I does the same.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Chooser(..))));
    h.get_by_label("取消").click();
    h.run();

    // The test hook the chooser's 确定 also ends in: read the file and show the preview.
    h.state_mut().open_import(&csv);
    h.run();
    assert!(
        h.query_all_by_label_contains("识别为：功能分类支出表")
            .count()
            >= 1
    );
    // The unknown column maps to nothing until the evaluator says what it is. (Accessibility
    // clicks: the modal re-centres as its content grows, so pointer positions from the
    // previous frame can land on the next row.)
    h.get_by_label("E 列映射").click_accesskit();
    h.run();
    h.get_by_label("工资福利支出").click_accesskit();
    h.run();
    let Some(Dialog::Import(d)) = &h.state().dialog else {
        panic!("the preview stays open")
    };
    let plan = d.plan().unwrap();
    assert_eq!(
        plan.header.as_ref().unwrap().mapping[4],
        Some(jixiao::import::Field::Wages)
    );
    assert!(plan.is_ready());
    assert!(h.state().doc.ws.budgets.is_empty(), "nothing imported yet");

    h.get_by_label("导入").click();
    h.run();
    h.run();
    assert!(h.state().dialog.is_none());
    let ws = &h.state().doc.ws;
    let table = &ws.budget(2024).unwrap().functional[0];
    assert_eq!(table.name, "一般公共预算支出情况表");
    assert_eq!(table.lines.len(), 3);
    assert_eq!(table.lines[1].wages, Amount::Value(dec!(600.0)));
    assert_eq!(table.lines[0].total, Amount::Value(dec!(1000.0)));
    assert_eq!(
        h.state().ui.view,
        View::Functional {
            year: 2024,
            table: 0
        }
    );
    // The grid shows the imported rows.
    let cell = h.get_by_label("第2行 工资福利支出（万元）");
    assert_eq!(cell.value().as_deref(), Some("600.0"));

    // One undo takes the whole import away.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().doc.ws.budgets.is_empty());
    assert!(!h.state().doc.can_undo());
}
