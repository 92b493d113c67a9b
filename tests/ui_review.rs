//! 批量复核 in the real window (kittest, no GPU): 文件 → 批量复核… asks for a folder, the
//! folder's forms are reviewed, the summary reads as `jixiao review` prints it (figures as
//! worked out by hand in `review_support`), a column title sorts, a project opens its detail, and two chosen forms import as projects with their
//! 项目自评 in one undo step.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod review_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::model::Workspace;
use jixiao::ui::app::{Dialog, Startup, WorkbenchApp};
use jixiao::ui::dialogs::{ChooserMode, InAppOnly};
use jixiao::store::session::Dirs;
use jixiao::ui::view::View;
use rust_decimal_macros::dec;

fn harness(app: WorkbenchApp) -> Harness<'static, WorkbenchApp> {
    Harness::builder()
        .with_size(egui::vec2(1800.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

fn files_in_order(h: &Harness<'static, WorkbenchApp>) -> Vec<String> {
    let page = h.state().ui.review.as_ref().unwrap();
    let batch = page.batch.as_ref().unwrap();
    page.order
        .iter()
        .map(|&i| batch.forms[i].file.clone())
        .collect()
}

#[test]
fn review_a_folder_sort_open_a_form_and_import_two() {
    let root = tempfile::tempdir().unwrap();
    let forms = root.path().join("自评表");
    std::fs::create_dir(&forms).unwrap();
    review_support::write_folder(&forms);
    let ws_path = root.path().join("复核.ron");
    jixiao::store::save_path(&Workspace::default(), &ws_path).unwrap();
    let app = WorkbenchApp::new(Startup {
        dirs: Some(Dirs::under(root.path())),
        dialogs: Box::new(InAppOnly),
        open: Some(ws_path),
    });
    let mut h = harness(app);
    h.run();

    // 文件 → 批量复核… opens the in-app chooser in folder mode (no system dialog here).
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("批量复核…").click();
    h.run();
    match &h.state().dialog {
        Some(Dialog::Chooser(c, _)) => assert_eq!(c.mode, ChooserMode::Folder),
        other => panic!("expected the folder chooser, got {other:?}"),
    }
    h.get_by_label("取消").click();
    h.run();

    // What the chooser's 确定 ends in: review the folder, then show the summary.
    h.state_mut().open_review(&forms);
    h.state_mut().ui.review.as_mut().unwrap().wait();
    h.run();
    assert_eq!(h.state().ui.view, View::Review);
    assert!(
        h.query_by_label_contains("5 个文件：4 张自评表已复核，1 处无法复核")
            .is_some()
    );
    // The form whose published 100 does not hold: 8 + 40 + 30 + 10 = 88.00, 良, +12.00.
    h.get_by_label("区县/03-区文化馆.csv");
    h.get_by_label("乡村文化站设备购置");
    h.get_by_label("88.00");
    h.get_by_label("+12.00");
    h.get_by_label("优/良");
    // The 元 form: 862,000 / 1,000,000 = 86.2% → 8.62, so 98.62 against the published 99.
    h.get_by_label("98.62");
    h.get_by_label("+0.38");
    // The 定性 row no catalogue knows waits for judgement: 10 + 50 + 0 + 10 = 70.00, 中.
    h.get_by_label("70.00");
    h.get_by_label("优/中");
    assert!(
        h.query_by_label_contains("05-损坏.xlsx：").is_some(),
        "the broken file is listed with its reason"
    );
    assert_eq!(
        files_in_order(&h),
        [
            "01-市工信局.xlsx",
            "02-县交通局.xlsx",
            "区县/03-区文化馆.csv",
            "区县/04-区体育局.csv"
        ]
    );

    // 复核得分 sorts ascending (70.00, 88.00, 98.62, 99.00), then descending on a second
    // click; 差异 by its size.
    h.get_by_label("复核得分").click();
    h.run();
    assert_eq!(
        files_in_order(&h),
        [
            "区县/04-区体育局.csv",
            "区县/03-区文化馆.csv",
            "02-县交通局.xlsx",
            "01-市工信局.xlsx"
        ]
    );
    h.get_by_label("复核得分 ▲").click();
    h.run();
    assert_eq!(files_in_order(&h)[0], "01-市工信局.xlsx");
    h.get_by_label("差异").click();
    h.run();
    h.get_by_label("差异 ▲").click();
    h.run();
    assert_eq!(
        files_in_order(&h),
        [
            "区县/04-区体育局.csv",
            "区县/03-区文化馆.csv",
            "02-县交通局.xlsx",
            "01-市工信局.xlsx"
        ]
    );

    // A project name opens the form's detail: findings and the rows compared.
    h.get_by_label("乡村文化站设备购置").click();
    h.run();
    assert!(h.query_by_label_contains("复核发现（错误 1").is_some());
    assert!(
        h.query_by_label_contains("公布的总分为 100，按评分规则计算为 88.00")
            .is_some()
    );
    h.get_by_label("购置设备的文化站数");
    h.get_by_label("+10.00");
    h.get_by_label("+2.00");
    h.get_by_label("← 返回汇总").click();
    h.run();

    // Tick two forms and import them: two projects and two 项目自评, one undo step.
    h.get_by_label("01-市工信局.xlsx").click();
    h.run();
    h.get_by_label("区县/03-区文化馆.csv").click();
    h.run();
    h.get_by_label("导入所选（2）为项目与项目自评").click();
    h.run();
    let ws = &h.state().doc.ws;
    assert_eq!(ws.projects.len(), 2);
    assert_eq!(ws.projects[0].name, "企业服务活动专项经费");
    assert_eq!(ws.projects[1].name, "乡村文化站设备购置");
    assert_eq!(ws.evaluations.len(), 2);
    let e = &ws.evaluations[1];
    assert_eq!(e.published.as_ref().unwrap().total, Some(dec!(100)));
    let b = jixiao::calc::score_evaluation(ws, e);
    assert_eq!(b.total.score, dec!(88.00));
    assert_eq!(h.state().ui.view, View::Evaluation(0));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().doc.ws.projects.is_empty());
    assert!(h.state().doc.ws.evaluations.is_empty());
}

/// A form that states no money unit is listed as not reviewed until the evaluator chooses
/// one on the page (never read as 万元 quietly).
#[test]
fn the_window_asks_for_the_unit_a_form_does_not_state() {
    let root = tempfile::tempdir().unwrap();
    let mut form = review_support::national();
    form.money_header = "项目资金";
    form.write_xlsx(&root.path().join("无单位.xlsx"));
    let app = WorkbenchApp::new(Startup {
        dirs: None,
        dialogs: Box::new(InAppOnly),
        open: None,
    });
    let mut h = harness(app);
    h.state_mut().open_review(root.path());
    h.state_mut().ui.review.as_mut().unwrap().wait();
    h.run();
    assert!(
        h.query_by_label_contains("1 个文件：0 张自评表已复核，1 处无法复核")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("无单位.xlsx（工作表“自评表”）：")
            .is_some()
    );
    h.get_by_label("金额单位（所有表）").click();
    h.run();
    h.get_by_label("万元").click();
    h.run();
    h.state_mut().ui.review.as_mut().unwrap().wait();
    h.run();
    assert!(
        h.query_by_label_contains("1 个文件：1 张自评表已复核，0 处无法复核")
            .is_some()
    );
    h.get_by_label("万元（指定）");
    h.get_by_label("99.00");
}
