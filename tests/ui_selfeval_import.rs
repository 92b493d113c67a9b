//! The import preview of a 自评表 that states no money unit (kittest, no GPU): 导入 stays
//! disabled until the evaluator chooses the unit; then the amounts come in converted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod selfeval_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::model::{Amount, Workspace};
use jixiao::ui::app::{Dialog, Startup, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::store::session::Dirs;
use rust_decimal_macros::dec;

fn harness(app: WorkbenchApp) -> Harness<'static, WorkbenchApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

#[test]
fn a_form_without_unit_waits_for_the_evaluators_choice() {
    let root = tempfile::tempdir().unwrap();
    let ws_path = root.path().join("空.ron");
    jixiao::store::save_path(&Workspace::default(), &ws_path).unwrap();
    let mut form = selfeval_support::national();
    form.funding_caption = String::from("项目资金");
    let xlsx = root.path().join("自评表.xlsx");
    form.save_xlsx(&xlsx);
    let app = WorkbenchApp::new(Startup {
        dirs: Some(Dirs::under(root.path())),
        dialogs: Box::new(InAppOnly),
        open: Some(ws_path),
    });
    let mut h = harness(app);
    h.run();
    h.state_mut().open_import(&xlsx);
    h.run();
    assert!(h.query_all_by_label_contains("表中金额单位不明").count() >= 1);
    {
        let Some(Dialog::Import(d)) = &h.state().dialog else {
            panic!("the preview is open")
        };
        assert!(!d.plan().unwrap().is_ready());
    }
    // The evaluator says the form is in 元 (what the preview's 金额单位 choice sets).
    if let Some(Dialog::Import(d)) = &mut h.state_mut().dialog {
        d.opts.unit = Some(jixiao::model::AmountUnit::Yuan);
    }
    let ws = h.state().doc.ws.clone();
    if let Some(Dialog::Import(d)) = &mut h.state_mut().dialog {
        d.replan(&ws);
    }
    h.run();
    {
        let Some(Dialog::Import(d)) = &h.state().dialog else {
            panic!("the preview stays open")
        };
        assert!(d.plan().unwrap().is_ready());
    }
    assert!(
        h.query_all_by_label_contains("金额单位：元（评价人指定；表中未写明单位）")
            .count()
            >= 1
    );
    h.get_by_label("导入").click();
    h.run();
    h.run();
    let p = &h.state().doc.ws.projects[0];
    // 100 元 = 0.01 万元; 95 元 = 0.0095 万元.
    assert_eq!(p.budget_adjusted, Amount::Value(dec!(0.01)));
    assert_eq!(p.executed, Amount::Value(dec!(0.0095)));
}
