//! The charts in the window, on the bundled sample: the department chart opens a project when
//! one of its bars is clicked; a disbursement typed into the grid moves the project chart's
//! series and the state it reads out; 双监控 edits go through undo.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::calc::num::pct_text;
use jixiao::calc::series::Track;
use jixiao::model::{DeviationReason, DisbursementStage, Workspace};
use jixiao::store::session::Dirs;
use jixiao::ui::app::{Startup, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::view::View;

fn sample() -> Workspace {
    jixiao::cli::sample_workspace().unwrap()
}

fn project_index(ws: &Workspace, id: &str) -> usize {
    ws.projects.iter().position(|p| p.id == id).unwrap()
}

fn harness_on(root: &Path, view: View) -> Harness<'static, WorkbenchApp> {
    let mut app = WorkbenchApp::new(Startup {
        dirs: Some(Dirs::under(root)),
        dialogs: Box::new(InAppOnly),
        open: None,
    });
    app.ui.view = view;
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

#[test]
fn clicking_a_bar_of_the_department_chart_opens_the_project() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness_on(root.path(), View::Progress { year: 2021 });
    h.run();
    // Each project's column is a button named by its exact rates (seed 000's 71.33%).
    let bar = h.get_by_label("制造业高质量发展专项资金 执行率 95.00% 拨付率 71.33%");
    let rect = bar.rect();
    assert!(rect.width() > 20.0 && rect.height() > 100.0, "{rect:?}");
    bar.click();
    h.run();
    let i = project_index(&h.state().doc.ws, "2021-zhizaoye");
    assert_eq!(
        h.state().ui.view,
        View::Project(h.state().doc.ws.projects[i].id.clone())
    );
    // The project page shows its chart, read out at the default cursor (31 July).
    assert!(
        h.query_all_by_label_contains("2021-07-31  序时进度 58.08%")
            .count()
            >= 1
    );
}

#[test]
fn a_real_pointer_click_on_a_bar_opens_the_project() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness_on(root.path(), View::Progress { year: 2021 });
    h.run();
    // Click, with the pointer, on the lower part of the 拨付率 bar of 铝工业 (50.75%).
    let rect = h
        .get_by_label("铝工业转型升级专项资金 执行率 107.49% 拨付率 50.75%")
        .rect();
    let pos = egui::pos2(rect.center().x + rect.width() * 0.2, rect.bottom() - 10.0);
    h.hover_at(pos);
    h.run();
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let i = project_index(&h.state().doc.ws, "2021-lvgongye");
    assert_eq!(
        h.state().ui.view,
        View::Project(h.state().doc.ws.projects[i].id.clone())
    );
}

#[test]
fn sorting_by_disbursement_rate_puts_the_lowest_first() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness_on(root.path(), View::Progress { year: 2021 });
    h.run();
    h.get_by_label("排序").click();
    h.run();
    h.get_by_label("按拨付率（低到高）").click();
    h.run();
    let x = |h: &Harness<'_, WorkbenchApp>, name: &str| {
        h.get_by_label_contains(&format!("{name} 执行率"))
            .rect()
            .center()
            .x
    };
    // The project without disbursements first, then 50.75%, 71.33%, 96.13%.
    let order = [
        x(&h, "企业服务活动专项经费"),
        x(&h, "铝工业转型升级专项资金"),
        x(&h, "制造业高质量发展专项资金"),
        x(&h, "汽车产业发展专项资金"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn a_disbursement_typed_in_the_grid_moves_the_chart() {
    let root = tempfile::tempdir().unwrap();
    let ws = sample();
    let i = project_index(&ws, "2021-zhizaoye");
    let mut h = harness_on(root.path(), View::Project(ws.projects[i].id.clone()));
    h.run();
    let before = &h.state().derived.progress.projects[i];
    let year_end = before.series.year_end();
    assert_eq!(pct_text(year_end.to_districts.share.unwrap()), "95.00%");
    let districts = before.geometry.tracks[1].clone();
    assert!((districts.last().unwrap().y - 95.0).abs() < 1e-9);
    // The read-out at 31 July: 6,000 + 8,000 passed to districts.
    assert!(
        h.query_all_by_label_contains("拨付至区县 14,000.00 万元（46.67%）")
            .count()
            >= 1
    );

    // Row 2 of the grid is the 10 June transfer to districts (8,000.00): make it 9,000.00.
    let d = &ws.projects[i].disbursements[1];
    assert_eq!(
        (d.date.unwrap().to_string(), d.amount.to_string()),
        ("2021-06-10".to_owned(), "8000.00".to_owned())
    );
    let cell = "第2行 金额（万元）";
    h.get_by_label(cell).click();
    h.run();
    h.key_press(egui::Key::F2);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(cell).type_text("9000.00");
    h.key_press(egui::Key::Enter);
    h.run();

    let after = &h.state().derived.progress.projects[i];
    let end = after.series.year_end();
    assert_eq!(end.to_districts.amount.to_string(), "29500.00");
    assert_eq!(pct_text(end.to_districts.share.unwrap()), "98.33%");
    assert_eq!(end.executed, end.to_districts, "执行 follows the transfers");
    let line = &after.geometry.tracks[1];
    assert!(
        (line.last().unwrap().y - 29500.0 / 300.0).abs() < 1e-9,
        "{line:?}"
    );
    assert_ne!(*line, districts);
    // The marker of that transfer carries the new running total.
    let ev = after.series.events.iter().find(|e| e.index == 1).unwrap();
    assert_eq!(ev.stage, DisbursementStage::ToDistricts);
    assert_eq!(ev.cumulative.amount.to_string(), "15000.00");
    let july = chrono::NaiveDate::from_ymd_opt(2021, 7, 31).unwrap();
    assert_eq!(
        after
            .series
            .state_at(july)
            .track(Track::Executed)
            .amount
            .to_string(),
        "15000.00"
    );
    // And the chart's read-out says so, with the note that 执行数 no longer matches.
    assert!(
        h.query_all_by_label_contains("拨付至区县 15,000.00 万元（50.00%）")
            .count()
            >= 1
    );
    assert!(
        h.query_all_by_label_contains("合计 29,500.00 与项目执行数 28,500.00 不一致")
            .count()
            >= 1
    );
}

#[test]
fn monitoring_page_reads_the_date_and_records_a_deviation_reason() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness_on(root.path(), View::Monitoring { year: 2021 });
    h.run();
    // 铝工业 at 31 July: 44.12% executed against 58.08% elapsed, 75.96%: yellow.
    assert!(h.query_all_by_label("75.96%").count() >= 1);
    assert!(h.query_all_by_label("黄色预警").count() >= 1);

    // Move the date to 30 September: 7,309.62 passed to districts (107.49%).
    let field = h.get_by_label("监控时点");
    field.click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("监控时点").type_text("2021-09-30");
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert!(h.query_all_by_label("107.49%").count() >= 1);

    // 偏差原因 of the first indicator of the department evaluation.
    let ev = h
        .state()
        .doc
        .ws
        .evaluations
        .iter()
        .position(|e| e.id == "2021-dept")
        .unwrap();
    let name = h.state().doc.ws.evaluations[ev].indicators[2].name.clone();
    // Two combo boxes are labelled by the indicator's name: 偏差原因 first, then 完成可能性.
    let combo = h
        .query_all_by_role_and_label(egui::accesskit::Role::ComboBox, &name)
        .next()
        .unwrap();
    combo.click();
    h.run();
    h.get_by_label("制度保障").click();
    h.run();
    let reason = |h: &Harness<'_, WorkbenchApp>| {
        h.state().doc.ws.evaluations[ev].indicators[2]
            .monitoring
            .as_ref()
            .and_then(|m| m.deviation_reason)
    };
    assert_eq!(reason(&h), Some(DeviationReason::Rules));
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(reason(&h), None, "undo takes the choice back");
}
