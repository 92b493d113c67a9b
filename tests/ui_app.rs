//! The real window driven headlessly (`egui_kittest`, no GPU): what an evaluator does, checked
//! on the document and the score breakdown rather than on pixels.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::model::{Actual, Workspace};
use jixiao::store::session::{self, Dirs};
use jixiao::ui::app::{Dialog, Startup, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::view::View;
use rust_decimal::Decimal;

fn startup(root: &Path) -> Startup {
    Startup {
        dirs: Some(Dirs::under(root)),
        dialogs: Box::new(InAppOnly),
        open: None,
    }
}

fn harness(app: WorkbenchApp) -> Harness<'static, WorkbenchApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

fn evaluation_index(ws: &Workspace, id: &str) -> usize {
    ws.evaluations.iter().position(|e| e.id == id).unwrap()
}

fn total(app: &WorkbenchApp, eval: usize) -> (Decimal, String) {
    let b = &app.derived.breakdowns[eval];
    (b.total.score, b.total.grade.clone())
}

/// Row of the first typed (not linked) leaf whose actual we can change to move the total.
fn typed_leaf_row(ws: &Workspace, eval: usize) -> usize {
    let ev = &ws.evaluations[eval];
    let shape = jixiao::calc::outline(&ev.indicators);
    ev.indicators
        .iter()
        .enumerate()
        .position(|(i, ind)| {
            shape[i].1 == i + 1
                && matches!(&ind.actual, Actual::Typed { value: Some(v), .. } if *v > Decimal::ZERO)
                && matches!(ind.rule, jixiao::model::Rule::Proportional)
        })
        .expect("the sample has a typed 正向比例 indicator")
}

#[test]
fn opens_on_the_sample_and_editing_an_actual_moves_total_and_grade_and_undo_restores() {
    let root = tempfile::tempdir().unwrap();
    let app = WorkbenchApp::new(startup(root.path()));
    assert!(
        app.file.is_sample,
        "with no recent file the sample opens as a copy"
    );
    let mut h = harness(app);
    let eval = evaluation_index(&h.state().doc.ws, "2021-dept");
    h.state_mut().ui.view = View::Evaluation(h.state().doc.ws.evaluations[eval].id.clone());
    h.run();
    assert_eq!(
        total(h.state(), eval),
        (Decimal::new(8469, 2), "良".to_owned())
    );
    h.get_by_label("84.69");

    let row = typed_leaf_row(&h.state().doc.ws, eval);
    // Jump to the row the way a click on a finding does: the grid scrolls it into view.
    let id = h.state().doc.ws.evaluations[eval].id.clone();
    h.state_mut()
        .apply_outputs(vec![jixiao::ui::view::Output::Navigate(
            View::Evaluation(id),
            Some((row, 3)),
        )]);
    h.run();
    let cell = format!("第{}行 实际完成值", row + 1);
    h.get_by_label(&cell).click();
    h.run();
    h.key_press(egui::Key::F2);
    h.run();
    // Replace what is there with 0: the indicator scores nothing.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(&cell).type_text("0");
    h.key_press(egui::Key::Enter);
    h.run();
    let (after, grade) = total(h.state(), eval);
    assert!(after < Decimal::new(8469, 2), "total moved: {after}");
    assert_ne!(grade, "", "a grade is shown");
    assert!(h.state().doc.is_dirty());
    h.get_by_label(&after.to_string());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        total(h.state(), eval),
        (Decimal::new(8469, 2), "良".to_owned())
    );
}

#[test]
fn a_bad_number_shows_an_error_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(WorkbenchApp::new(startup(root.path())));
    let eval = evaluation_index(&h.state().doc.ws, "2021-dept");
    h.state_mut().ui.view = View::Evaluation(h.state().doc.ws.evaluations[eval].id.clone());
    h.run();
    let before = h.state().doc.ws.clone();
    let cell = "第2行 分值";
    h.get_by_label(cell).click();
    h.run();
    h.get_by_label(cell).type_text("1.234,5");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label_contains("欧式");
    assert_eq!(h.state().doc.ws, before);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn save_to_a_folder_and_reopen_gives_identical_scores() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(WorkbenchApp::new(startup(root.path())));
    h.run();
    let path = root.path().join("保存测试.ron");
    let ctx = h.ctx.clone();
    h.state_mut().start_save(path.clone(), None);
    h.state_mut().finish_save_blocking(&ctx);
    h.run();
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().file.path.as_deref(), Some(path.as_path()));
    let scores: Vec<_> = h
        .state()
        .derived
        .breakdowns
        .iter()
        .map(|b| b.total.clone())
        .collect();

    let reopened = WorkbenchApp::new(Startup {
        open: Some(path.clone()),
        ..startup(root.path())
    });
    let mut h2 = harness(reopened);
    h2.run();
    let again: Vec<_> = h2
        .state()
        .derived
        .breakdowns
        .iter()
        .map(|b| b.total.clone())
        .collect();
    assert_eq!(scores, again);
    // The recent list remembers it, so a plain start opens it again.
    assert_eq!(session::recent(&Dirs::under(root.path()))[0], path);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(WorkbenchApp::new(startup(root.path())));
    h.state_mut().ui.view = View::Department;
    h.run();
    // Any edit will do: change the workspace title.
    let mut meta = h.state().doc.ws.meta.clone();
    meta.title.push_str("（已改）");
    h.state_mut()
        .doc
        .apply(jixiao::doc::Edit::Meta(meta), "改标题")
        .unwrap();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved(_))));
    h.get_by_label("保存更改？");
    h.get_by_label("不保存");
    h.get_by_label("取消").click();
    h.run();
    assert!(h.state().dialog.is_none());
    assert!(h.state().doc.is_dirty(), "cancel keeps the work");
}

#[test]
fn a_recovery_copy_left_by_a_crash_is_offered_and_restores_the_work() {
    let root = tempfile::tempdir().unwrap();
    let dirs = Dirs::under(root.path());
    // A previous run crashed with unsaved work on the sample copy (no path: "untitled").
    let mut ws = jixiao::cli::sample_workspace().unwrap();
    ws.meta.title = "崩溃前未保存的标题".to_owned();
    session::write_recovery(&dirs, None, &ws).unwrap();

    let mut h = harness(WorkbenchApp::new(startup(root.path())));
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Recovery { .. })));
    h.get_by_label("发现未保存的工作");
    h.get_by_label("恢复").click();
    h.run();
    assert_eq!(h.state().doc.ws.meta.title, "崩溃前未保存的标题");
    assert!(
        h.state().doc.is_dirty(),
        "recovered work is unsaved until saved"
    );
}

/// Findings of the 指标分值结构 check for one evaluation.
fn weight_findings(app: &WorkbenchApp, eval_id: &str) -> usize {
    app.derived
        .findings
        .iter()
        .filter(|f| f.check == "指标分值结构")
        .filter(|f| match &f.location {
            jixiao::calc::Location::Indicator { evaluation, .. }
            | jixiao::calc::Location::Evaluation { id: evaluation } => evaluation == eval_id,
            _ => false,
        })
        .count()
}

#[test]
fn adding_and_indenting_an_indicator_makes_the_weights_check_react() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(WorkbenchApp::new(startup(root.path())));
    let eval = evaluation_index(&h.state().doc.ws, "2021-dept");
    h.state_mut().ui.view = View::Evaluation(h.state().doc.ws.evaluations[eval].id.clone());
    h.run();
    assert_eq!(
        weight_findings(h.state(), "2021-dept"),
        0,
        "the sample's weights add up"
    );
    let rows_before = h.state().doc.ws.evaluations[eval].indicators.len();

    // Row 3 is a 三级 indicator: insert a new row below it.
    h.get_by_label("第3行 指标").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.ws.evaluations[eval].indicators.len(),
        rows_before + 1
    );
    let new = &h.state().doc.ws.evaluations[eval].indicators[3];
    assert_eq!((new.level, new.weight), (3, Decimal::ZERO));
    assert_eq!(
        weight_findings(h.state(), "2021-dept"),
        0,
        "a 0-point row changes no sum"
    );

    // Give it 2 points: its parent's children now add to 2 more than the parent.
    h.get_by_label("第4行 分值").click();
    h.run();
    h.get_by_label("第4行 分值").type_text("2");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.ws.evaluations[eval].indicators[3].weight,
        Decimal::TWO
    );
    let with_weight = weight_findings(h.state(), "2021-dept");
    assert!(with_weight > 0, "the weights check reacts");

    // Outdent it to a 二级 indicator, then indent it back: the findings follow the outline.
    h.get_by_label("第4行 指标").click();
    h.run();
    h.key_press_modifiers(
        egui::Modifiers::ALT | egui::Modifiers::SHIFT,
        egui::Key::ArrowLeft,
    );
    h.run();
    assert_eq!(h.state().doc.ws.evaluations[eval].indicators[3].level, 2);
    h.key_press_modifiers(
        egui::Modifiers::ALT | egui::Modifiers::SHIFT,
        egui::Key::ArrowRight,
    );
    h.run();
    assert_eq!(h.state().doc.ws.evaluations[eval].indicators[3].level, 3);
    assert_eq!(weight_findings(h.state(), "2021-dept"), with_weight);

    // Undo all four steps: back to the sample, and to no finding.
    for _ in 0..4 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    assert_eq!(
        h.state().doc.ws.evaluations[eval].indicators.len(),
        rows_before
    );
    assert_eq!(weight_findings(h.state(), "2021-dept"), 0);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_file_open_in_another_instance_opens_read_only() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("共享.ron");
    jixiao::store::save_path(&jixiao::cli::sample_workspace().unwrap(), &path).unwrap();
    // Another instance (PID 1 is always running) holds the lock.
    std::fs::write(session::lock_path(&path), "1\n").unwrap();
    let app = WorkbenchApp::new(Startup {
        open: Some(path.clone()),
        ..startup(root.path())
    });
    assert!(app.file.read_only);
    let mut h = harness(app);
    h.run();
    h.get_by_label("只读");
    h.get_by_label_contains("另一个窗口");

    // A stale lock (its process gone) is reclaimed.
    std::fs::write(session::lock_path(&path), "999999999\n").unwrap();
    let app = WorkbenchApp::new(Startup {
        open: Some(path.clone()),
        ..startup(root.path())
    });
    assert!(!app.file.read_only);
    drop(app);
    assert!(
        !session::lock_path(&path).exists(),
        "closing releases the lock"
    );
}

#[test]
fn a_new_evaluation_from_a_template_for_a_project_is_one_undoable_step() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(WorkbenchApp::new(startup(root.path())));
    h.run();
    let before = h.state().doc.ws.evaluations.len();
    // The menu bar's 评价 (the navigator has a 评价 heading too; the menu bar is drawn first).
    h.get_all_by_label("评价").next().unwrap().click();
    h.run();
    h.get_by_label("新建评价…").click();
    h.run();
    h.get_by_label("新建评价");
    // Pick the 自评表 template and the 铝工业 project in the form (the combo boxes' state).
    let (templates, _) = jixiao::templates::builtin();
    let t = templates
        .iter()
        .position(|t| t.name == "项目支出绩效自评表")
        .unwrap();
    let lv = h
        .state()
        .doc
        .ws
        .projects
        .iter()
        .position(|p| p.name == "铝工业转型升级专项资金")
        .unwrap();
    if let Some(Dialog::NewEvaluation(form)) = &mut h.state_mut().dialog {
        form.template = t;
        form.project = Some(lv);
        form.year = 2021;
    } else {
        panic!("the form is open");
    }
    h.run();
    h.get_by_label("创建").click();
    h.run();
    let ws = &h.state().doc.ws;
    assert_eq!(ws.evaluations.len(), before + 1);
    let ev = ws.evaluations.last().unwrap();
    assert_eq!(ev.kind, jixiao::model::EvaluationKind::ProjectSelf);
    assert_eq!(
        ev.subject,
        jixiao::model::Subject::Project(ws.projects[lv].id.clone())
    );
    assert_eq!(ev.indicators.len(), templates[t].indicators.len());
    assert_eq!(
        h.state().ui.view,
        View::Evaluation(ws.evaluations[before].id.clone())
    );
    // Its 预算执行率 follows the project: 7,309.62 / 6,800 is over 100%, so full marks… but the
    // template's profile measures against 调整后预算, which 铝工业 lacks: the row says why.
    let b = h.state().derived.breakdowns.last().unwrap();
    let exec = &b.nodes[0];
    assert!(exec.linked);
    let why = exec.explain(ev).to_string();
    assert!(why.contains("调整后预算"), "{why}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().doc.ws.evaluations.len(), before);
}

#[test]
fn the_side_editor_explains_the_selected_row_with_its_unit_and_weight() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(WorkbenchApp::new(startup(root.path())));
    let eval = evaluation_index(&h.state().doc.ws, "2021-dept");
    let row = h.state().doc.ws.evaluations[eval]
        .indicators
        .iter()
        .position(|i| i.name == "推动铝工业转型升级")
        .unwrap();
    let id = h.state().doc.ws.evaluations[eval].id.clone();
    h.state_mut()
        .apply_outputs(vec![jixiao::ui::view::Output::Navigate(
            View::Evaluation(id),
            Some((row, 3)),
        )]);
    h.run();
    h.get_by_label(&format!("第{}行 实际完成值", row + 1))
        .click();
    h.run();
    // Seed 000: 50.75% of the 铝工业 fund reached the firms against a 90% target, 3 points:
    // 3 × 50.75 / 90 = 1.6917 → 1.69. The unit, the 分值 and the actual come from the row.
    h.get_by_label("实际 50.75% < 目标 90%，按比例得 1.69（3 × 50.75 / 90）");
}
