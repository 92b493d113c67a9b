//! 打印预览, 导出 PDF… and 导出 Excel… in the window, driven through the menu (kittest), with
//! the in-app file chooser standing in for the system dialog; the files are read back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calamine::Reader;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::store::session::Dirs;
use jixiao::ui::app::{Dialog, Startup, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::view::View;

fn harness(root: &std::path::Path) -> Harness<'static, WorkbenchApp> {
    let app = WorkbenchApp::new(Startup {
        dirs: Some(Dirs::under(root)),
        dialogs: Box::new(InAppOnly),
        open: None,
    });
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app);
    let eval = h
        .state()
        .doc
        .ws
        .evaluations
        .iter()
        .position(|e| e.id == "2021-dept")
        .unwrap();
    h.state_mut().ui.view = View::Evaluation(h.state().doc.ws.evaluations[eval].id.clone());
    h.run();
    h
}

fn menu(h: &mut Harness<'static, WorkbenchApp>, item: &str) {
    h.get_by_label("文件").click();
    h.run();
    // A menu item's accessible label also carries its shortcut text ("打印预览… Ctrl+Shift+P").
    h.get_by_label_contains(item).click();
    h.run();
}

/// Points the in-app chooser at `dir/name` and confirms.
fn choose(h: &mut Harness<'static, WorkbenchApp>, dir: &std::path::Path, name: &str) {
    match &mut h.state_mut().dialog {
        Some(Dialog::ExportChooser(c, _)) => {
            c.dir = dir.to_path_buf();
            name.clone_into(&mut c.name);
        }
        other => panic!("expected the export chooser, got {other:?}"),
    }
    h.run();
    h.get_by_label("确定").click();
    h.run();
}

fn text_of(pdf: &std::path::Path) -> String {
    let bytes = std::fs::read(pdf).unwrap();
    pdf_extract::extract_text_from_mem(&bytes)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn preview_shows_the_pages_and_its_export_writes_what_it_shows() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(root.path());
    menu(&mut h, "打印预览…");
    assert!(matches!(h.state().dialog, Some(Dialog::Preview(_))));
    h.get_by_label_contains("共 5 页");
    // The annex adds the consistency findings: more pages.
    h.get_by_label("附勾稽检查结果").click();
    h.run();
    assert!(h.query_by_label_contains("共 5 页").is_none());
    h.get_by_label("导出 PDF…").click();
    h.run();
    choose(&mut h, root.path(), "部门评价.pdf");
    let text = text_of(&root.path().join("部门评价.pdf"));
    assert!(text.contains("得分27.3429.3528.0084.69"), "{text}");
    assert!(text.contains("总分：84.69分等级：良"));
    assert!(
        text.contains("附件：勾稽检查结果"),
        "the preview's options are exported"
    );
    assert!(h.state().status.as_deref().unwrap_or("").contains("已导出"));
}

#[test]
fn export_excel_writes_the_workbook() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(root.path());
    menu(&mut h, "导出 Excel…");
    choose(&mut h, root.path(), "工作区");
    // The chooser adds the extension of the kind of file.
    let path = root.path().join("工作区.xlsx");
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert!(wb.sheet_names().contains(&"得分 2021-dept".to_owned()));
}

#[test]
fn an_export_to_a_missing_folder_says_why_and_writes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(root.path());
    menu(&mut h, "导出 PDF…");
    let missing = root.path().join("没有这个文件夹");
    choose(&mut h, &missing, "a.pdf");
    match &h.state().dialog {
        Some(Dialog::Message(m)) => assert!(m.contains("无法写入文件"), "{m}"),
        other => panic!("expected a message, got {other:?}"),
    }
    assert!(!missing.exists());
}
