//! Deleting a project, a budget row or an evaluation, and undoing it, leaves the window on the
//! same things: the page shown, the selected cell and indicator row, and every finding's place
//! (which the 检查结果 page jumps to) point at the same project, evaluation and row as before.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use jixiao::calc::Finding;
use jixiao::calc::checks::Location;
use jixiao::doc::{Edit, TableRef};
use jixiao::store::session::Dirs;
use jixiao::ui::actions::Action;
use jixiao::ui::app::{Startup, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::pages::checks::jump_for;
use jixiao::ui::view::{Output, View};

fn app(root: &Path) -> WorkbenchApp {
    let mut app = WorkbenchApp::new(Startup {
        dirs: Some(Dirs::under(root)),
        dialogs: Box::new(InAppOnly),
        open: None,
    });
    refresh(&mut app);
    app
}

fn refresh(app: &mut WorkbenchApp) {
    app.derived.refresh(&app.doc.ws, app.doc.revision);
}

fn delete(app: &mut WorkbenchApp, table: TableRef, at: usize) {
    let edit = Edit::Splice {
        table,
        at,
        remove: 1,
        insert: vec![],
    };
    app.apply_outputs(vec![Output::Edit((edit, "删除".to_owned()))]);
    refresh(app);
}

fn undo(app: &mut WorkbenchApp) {
    app.run_action(Action::Undo, &egui::Context::default());
    refresh(app);
}

/// The project id, evaluation id or table row a finding's place names, as the page it jumps to
/// resolves it; `None` for places that name none of these.
fn target(app: &WorkbenchApp, f: &Finding) -> Option<String> {
    let ws = &app.doc.ws;
    let jump = jump_for(ws, &f.location)?;
    Some(match (&f.location, &jump.view) {
        (Location::Project { .. }, View::Project(i)) => {
            format!("项目 {}", ws.project(i).unwrap().id)
        }
        (Location::Indicator { index, .. }, View::Evaluation(i)) => {
            let ev = ws.evaluation(i).unwrap();
            format!(
                "评价 {} 第{}行 {}",
                ev.id,
                index + 1,
                ev.indicators[*index].name
            )
        }
        (Location::Evaluation { .. }, View::Evaluation(i)) => {
            format!("评价 {}", ws.evaluation(i).unwrap().id)
        }
        (Location::Budget { row: Some(r), .. }, View::Functional { year, table }) => {
            let line = &ws.budget(*year).unwrap().functional[*table].lines[*r];
            format!("{year} 功能分类 {} {} {}", table, line.code, line.name)
        }
        _ => format!("{:?}", jump.view),
    })
}

/// Every finding with the thing its place points at.
fn places(app: &WorkbenchApp) -> Vec<(String, Option<String>)> {
    app.derived
        .findings
        .iter()
        .map(|f| (f.message.clone(), target(app, f)))
        .collect()
}

/// Every finding's place leads to the project, evaluation or row it names, or to nothing
/// when that is gone; never to another one.
fn assert_places_hold(app: &WorkbenchApp) {
    let ws = &app.doc.ws;
    for f in &app.derived.findings {
        let jump = jump_for(ws, &f.location);
        match (&f.location, jump.as_ref().map(|j| &j.view)) {
            (Location::Project { id, .. }, Some(View::Project(i))) => {
                assert_eq!(&ws.project(i).unwrap().id, id, "{}", f.message);
            }
            (Location::Indicator { evaluation, index }, Some(View::Evaluation(i))) => {
                assert_eq!(&ws.evaluation(i).unwrap().id, evaluation, "{}", f.message);
                assert!(
                    *index < ws.evaluation(i).unwrap().indicators.len(),
                    "{}",
                    f.message
                );
            }
            (Location::Evaluation { id }, Some(View::Evaluation(i))) => {
                assert_eq!(&ws.evaluation(i).unwrap().id, id, "{}", f.message);
            }
            (
                Location::Budget {
                    year,
                    table: jixiao::calc::checks::TableRef::Functional(t),
                    row: Some(r),
                    ..
                },
                Some(_),
            ) => {
                assert!(*r < ws.budget(*year).unwrap().functional[*t].lines.len());
            }
            (
                Location::Project { .. } | Location::Indicator { .. } | Location::Evaluation { .. },
                v,
            ) => {
                panic!("{} leads to {v:?}", f.message)
            }
            _ => {}
        }
    }
}

fn project_index(app: &WorkbenchApp, id: &str) -> usize {
    app.doc.ws.projects.iter().position(|p| p.id == id).unwrap()
}

fn evaluation_index(app: &WorkbenchApp, id: &str) -> usize {
    app.doc
        .ws
        .evaluations
        .iter()
        .position(|e| e.id == id)
        .unwrap()
}

#[test]
fn deleting_an_earlier_project_keeps_the_page_and_cell_on_the_same_project() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let lv = project_index(&app, "2021-lvgongye");
    assert_eq!(lv, 1);
    let id = || View::Project("2021-lvgongye".to_owned());
    app.apply_outputs(vec![Output::Navigate(id(), Some((2, 1)))]);
    let before = places(&app);

    // Delete 2021-qyfw, the project before it: 铝工业 moves up to position 0.
    delete(&mut app, TableRef::Projects, 0);
    assert_eq!(app.ui.view, id());
    assert_eq!(app.doc.ws.projects[0].id, "2021-lvgongye");
    assert_eq!(
        app.ui.grids["project/2021-lvgongye/disbursements"].cursor,
        (2, 1)
    );
    assert!(!app.ui.grids.contains_key("project/2021-qyfw/disbursements"));
    // Every finding still names what it names (those of the deleted project are gone).
    assert_places_hold(&app);

    undo(&mut app);
    assert_eq!(app.ui.view, id());
    assert_eq!(app.doc.ws.projects[1].id, "2021-lvgongye");
    assert_eq!(
        app.ui.grids["project/2021-lvgongye/disbursements"].cursor,
        (2, 1)
    );
    assert_eq!(places(&app), before);
}

#[test]
fn deleting_the_project_on_screen_leaves_its_page_and_undo_restores_the_document() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let on_screen = app.doc.ws.projects[1].id.clone();
    app.apply_outputs(vec![Output::Navigate(
        View::Project(on_screen.clone()),
        Some((0, 0)),
    )]);
    delete(&mut app, TableRef::Projects, 1);
    // The page of a project that is gone is not shown on another project.
    assert_eq!(app.ui.view, View::Department);
    assert!(
        !app.ui
            .grids
            .contains_key(&format!("project/{on_screen}/disbursements"))
    );
    assert_places_hold(&app);
    undo(&mut app);
    assert_eq!(app.doc.ws.projects[1].id, "2021-lvgongye");
}

#[test]
fn deleting_an_earlier_evaluation_keeps_the_sheet_and_the_selected_row() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let lv = evaluation_index(&app, "2021-lv-self");
    assert_eq!(lv, 2);
    let id = "2021-lv-self";
    app.apply_outputs(vec![Output::Navigate(
        View::Evaluation(id.to_owned()),
        Some((3, 2)),
    )]);
    assert_eq!(app.ui.selected_indicator[id], 3);
    let before = places(&app);

    // Delete 2021-dept, the first evaluation: the 铝工业 自评 moves to position 1.
    delete(&mut app, TableRef::Evaluations, 0);
    assert_eq!(app.ui.view, View::Evaluation(id.to_owned()));
    assert_eq!(app.doc.ws.evaluations[1].id, "2021-lv-self");
    assert_eq!(app.ui.selected_indicator[id], 3);
    assert!(!app.ui.selected_indicator.contains_key("2021-dept"));
    assert_eq!(
        app.ui.grids["evaluation/2021-lv-self/indicators"].cursor,
        (3, 2)
    );
    assert_places_hold(&app);

    undo(&mut app);
    assert_eq!(app.ui.view, View::Evaluation(id.to_owned()));
    assert_eq!(app.doc.ws.evaluations[2].id, "2021-lv-self");
    assert_eq!(app.ui.selected_indicator[id], 3);
    assert_eq!(
        app.ui.grids["evaluation/2021-lv-self/indicators"].cursor,
        (3, 2)
    );
    assert_eq!(places(&app), before);
}

#[test]
fn deleting_a_budget_row_and_undoing_it_puts_every_finding_back_on_its_row() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let year = 2024;
    let view = View::Functional { year, table: 0 };
    app.apply_outputs(vec![Output::Navigate(view.clone(), Some((4, 2)))]);
    let before = places(&app);
    let rows = app.doc.ws.budget(year).unwrap().functional[0].lines.len();

    delete(&mut app, TableRef::Functional { year, table: 0 }, rows - 1);
    assert_eq!(app.ui.view, view);
    // Findings on the rows are recomputed from the table as it now is: each names a row
    // that exists.
    assert_places_hold(&app);

    undo(&mut app);
    assert_eq!(app.ui.view, view);
    assert_eq!(app.ui.grids["functional/2024/0"].cursor, (4, 2));
    assert_eq!(places(&app), before);
}

#[test]
fn a_folded_row_stays_folded_when_rows_are_inserted_above_it_and_the_insert_is_undone() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let year = 2024;
    let lines = &app.doc.ws.budget(year).unwrap().functional[0].lines;
    // A 类 or 款 row (foldable), else any row: folds are kept by row position either way.
    let class = lines
        .iter()
        .position(|l| {
            matches!(
                l.level,
                jixiao::model::LineLevel::Class | jixiao::model::LineLevel::Section
            )
        })
        .unwrap_or(lines.len() / 2);
    assert!(class > 0);
    let code = lines[class].code.clone();
    app.ui
        .collapsed
        .insert((year, 0), std::iter::once(class).collect());

    // Two new rows at the top of the table.
    let edit = Edit::Splice {
        table: TableRef::Functional { year, table: 0 },
        at: 0,
        remove: 0,
        insert: vec![
            jixiao::doc::Row::Functional(jixiao::model::FunctionalLine::default()),
            jixiao::doc::Row::Functional(jixiao::model::FunctionalLine::default()),
        ],
    };
    app.apply_outputs(vec![Output::Edit((edit, "插入行".to_owned()))]);
    let folded = |app: &WorkbenchApp| -> Vec<String> {
        let lines = &app.doc.ws.budget(year).unwrap().functional[0].lines;
        app.ui.collapsed[&(year, 0)]
            .iter()
            .map(|r| lines[*r].code.clone())
            .collect()
    };
    assert_eq!(folded(&app), std::slice::from_ref(&code));
    undo(&mut app);
    assert_eq!(
        app.ui.collapsed[&(year, 0)],
        std::iter::once(class).collect()
    );
    assert_eq!(folded(&app), std::slice::from_ref(&code));
    app.run_action(Action::Redo, &egui::Context::default());
    assert_eq!(folded(&app), [code]);
}
