//! Deleting a project, a budget row or an evaluation, inserting rows, and undoing each, leaves
//! the window on the same things: the page shown, the selected cell and indicator row, the
//! folded 类/款 rows, the flagged cells, and every finding's place (which the 检查结果 page
//! jumps to) point at the same project, evaluation and row as before.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::calc::Finding;
use jixiao::calc::checks::text::line_label;
use jixiao::calc::checks::{Location, ProjectField};
use jixiao::doc::{Edit, Row, TableRef};
use jixiao::model::{
    FunctionalColumn, FunctionalLine, FunctionalLineColumn, HasRowId, Indicator, LineLevel, RowId,
};
use jixiao::store::session::Dirs;
use jixiao::ui::actions::Action;
use jixiao::ui::app::{Startup, WorkbenchApp};
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::grid::{CellStyle, GridSource};
use jixiao::ui::pages::budget::grids::{FunctionalGrid, functional_col};
use jixiao::ui::pages::checks::jump_for;
use jixiao::ui::view::{Output, View};

/// 一般公共预算支出情况表 of 2024 in the sample; its row 12 is 类 215 (2 款 and 5 项 under it),
/// row 13 is 款 21505 工业和信息产业监管, whose 商品和服务支出 874.7 is 0.1 off its 项.
const GENERAL_TABLE: usize = 1;

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

fn edit(app: &mut WorkbenchApp, edit: Edit, label: &str) {
    app.apply_outputs(vec![Output::Edit((edit, label.to_owned()))]);
    refresh(app);
}

fn delete(app: &mut WorkbenchApp, table: TableRef, at: usize) {
    let e = Edit::Splice {
        table,
        at,
        remove: 1,
        insert: vec![],
    };
    edit(app, e, "删除");
}

fn undo(app: &mut WorkbenchApp) {
    app.run_action(Action::Undo, &egui::Context::default());
    refresh(app);
}

fn redo(app: &mut WorkbenchApp) {
    app.run_action(Action::Redo, &egui::Context::default());
    refresh(app);
}

/// Two blank 功能分类 rows inserted at `at` of the 2024 table `table`.
fn insert_two_lines(table: usize, at: usize) -> Edit {
    Edit::Splice {
        table: TableRef::Functional { year: 2024, table },
        at,
        remove: 0,
        insert: vec![
            Row::Functional(FunctionalLine::default()),
            Row::Functional(FunctionalLine::default()),
        ],
    }
}

fn general_lines(app: &WorkbenchApp) -> &[FunctionalLine] {
    &app.doc.ws.budget(2024).unwrap().functional[GENERAL_TABLE].lines
}

/// The project id, evaluation id or table row a finding's place leads to, as the window's jump
/// resolves it now; `None` for places that lead to none of these.
fn target(app: &WorkbenchApp, f: &Finding) -> Option<String> {
    let ws = &app.doc.ws;
    let jump = jump_for(ws, &f.location)?;
    Some(match (&f.location, &jump.view, jump.cell) {
        (Location::Project { .. }, View::Project(i), cell) => {
            format!("项目 {} {cell:?}", ws.project(i).unwrap().id)
        }
        (Location::Indicator { .. }, View::Evaluation(i), Some((r, _))) => {
            let ev = ws.evaluation(i).unwrap();
            format!("评价 {} 第{}行 {}", ev.id, r + 1, ev.indicators[r].name)
        }
        (Location::Evaluation { .. }, View::Evaluation(i), _) => {
            format!("评价 {}", ws.evaluation(i).unwrap().id)
        }
        (Location::Budget { .. }, View::Functional { year, table }, Some((r, c))) => {
            let line = &ws.budget(*year).unwrap().functional[*table].lines[r];
            format!(
                "{year} 功能分类 {table} 第{}行 {} 列{c}",
                r + 1,
                line_label(line)
            )
        }
        _ => format!("{:?} {:?}", jump.view, jump.cell),
    })
}

/// Every finding with the thing its place leads to.
fn places(app: &WorkbenchApp) -> Vec<(String, Option<String>)> {
    app.derived
        .findings
        .iter()
        .map(|f| (f.message.clone(), target(app, f)))
        .collect()
}

/// Every finding in `findings` leads to the project, evaluation or row it names in its words
/// (`place`, written when the checks ran), or to nothing when that is gone; never to another.
fn assert_places_hold(app: &WorkbenchApp, findings: &[Finding]) {
    let ws = &app.doc.ws;
    for f in findings {
        let jump = jump_for(ws, &f.location);
        match (&f.location, jump.as_ref().map(|j| (&j.view, j.cell))) {
            (Location::Project { id, .. }, Some((View::Project(i), cell))) => {
                let p = ws.project(i).unwrap();
                assert_eq!(&p.id, id, "{}", f.message);
                if let Location::Project {
                    field: Some(ProjectField::Disbursement { row, .. }),
                    ..
                } = &f.location
                {
                    let (r, _) = cell.unwrap();
                    assert_eq!(p.disbursements[r].row_id(), row.id, "{}", f.message);
                }
            }
            (Location::Indicator { evaluation, row }, Some((View::Evaluation(i), cell))) => {
                let ev = ws.evaluation(i).unwrap();
                assert_eq!(&ev.id, evaluation, "{}", f.message);
                match cell {
                    Some((r, _)) => {
                        assert_eq!(ev.indicators[r].row_id(), row.id, "{}", f.message);
                    }
                    // The row itself is gone: the sheet, never another row.
                    None => assert!(row.find(&ev.indicators).is_none()),
                }
            }
            (Location::Evaluation { id }, Some((View::Evaluation(i), _))) => {
                assert_eq!(&ws.evaluation(i).unwrap().id, id, "{}", f.message);
            }
            (
                Location::Budget {
                    year,
                    table: jixiao::calc::checks::TableRef::Functional(t),
                    row: Some(row),
                    ..
                },
                Some((_, cell)),
            ) => {
                let lines = &ws.budget(*year).unwrap().functional[*t].lines;
                match cell {
                    Some((r, _)) => {
                        assert_eq!(lines[r].row_id(), row.id);
                        assert!(
                            f.place.contains(&line_label(&lines[r])),
                            "{} at {}",
                            f.place,
                            line_label(&lines[r])
                        );
                    }
                    None => assert!(row.find(lines).is_none()),
                }
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

fn indicator_id(app: &WorkbenchApp, evaluation: &str, row: usize) -> RowId {
    app.doc.ws.evaluation(evaluation).unwrap().indicators[row].row_id()
}

#[test]
fn deleting_an_earlier_project_keeps_the_page_and_cell_on_the_same_project() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let lv = project_index(&app, "2021-lvgongye");
    assert_eq!(lv, 1);
    assert_eq!(app.doc.ws.projects[0].id, "2021-qyfw");
    // A cell selected on 2021-qyfw's page too, then back to 铝工业.
    app.apply_outputs(vec![Output::Navigate(
        View::Project("2021-qyfw".to_owned()),
        Some((1, 1)),
    )]);
    let id = || View::Project("2021-lvgongye".to_owned());
    app.apply_outputs(vec![Output::Navigate(id(), Some((2, 1)))]);
    assert!(app.ui.grids.contains_key("project/2021-qyfw/disbursements"));
    let before = places(&app);

    // Delete 2021-qyfw, the project before it: 铝工业 moves up to position 0.
    delete(&mut app, TableRef::Projects, 0);
    assert_eq!(app.ui.view, id());
    assert_eq!(app.doc.ws.projects[0].id, "2021-lvgongye");
    assert_eq!(
        app.ui.grids["project/2021-lvgongye/disbursements"].cursor,
        (2, 1)
    );
    // The deleted project's selection is dropped, not left for another project to pick up.
    assert!(!app.ui.grids.contains_key("project/2021-qyfw/disbursements"));
    // Every finding still names what it names (those of the deleted project are gone).
    assert_places_hold(&app, &app.derived.findings);

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
    assert_places_hold(&app, &app.derived.findings);
    undo(&mut app);
    assert_eq!(app.doc.ws.projects[1].id, "2021-lvgongye");
}

#[test]
fn deleting_an_earlier_evaluation_keeps_the_sheet_and_the_selected_row() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let lv = evaluation_index(&app, "2021-lv-self");
    assert_eq!(lv, 2);
    assert_eq!(app.doc.ws.evaluations[0].id, "2021-dept");
    // A row selected in 2021-dept too, then the 铝工业 自评's fourth row.
    app.apply_outputs(vec![Output::Navigate(
        View::Evaluation("2021-dept".to_owned()),
        Some((5, 1)),
    )]);
    assert!(app.ui.selected_indicator.contains_key("2021-dept"));
    let id = "2021-lv-self";
    app.apply_outputs(vec![Output::Navigate(
        View::Evaluation(id.to_owned()),
        Some((3, 2)),
    )]);
    let fourth = indicator_id(&app, id, 3);
    assert_eq!(app.ui.selected_indicator[id], fourth);
    let before = places(&app);

    // Delete 2021-dept, the first evaluation: the 铝工业 自评 moves to position 1.
    delete(&mut app, TableRef::Evaluations, 0);
    assert_eq!(app.ui.view, View::Evaluation(id.to_owned()));
    assert_eq!(app.doc.ws.evaluations[1].id, "2021-lv-self");
    assert_eq!(app.ui.selected_indicator[id], fourth);
    assert_eq!(indicator_id(&app, id, 3), fourth);
    // The deleted evaluation's selection is dropped.
    assert!(!app.ui.selected_indicator.contains_key("2021-dept"));
    assert_eq!(
        app.ui.grids["evaluation/2021-lv-self/indicators"].cursor,
        (3, 2)
    );
    assert_places_hold(&app, &app.derived.findings);

    undo(&mut app);
    assert_eq!(app.ui.view, View::Evaluation(id.to_owned()));
    assert_eq!(app.doc.ws.evaluations[2].id, "2021-lv-self");
    assert_eq!(app.ui.selected_indicator[id], fourth);
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
    assert_places_hold(&app, &app.derived.findings);

    undo(&mut app);
    assert_eq!(app.ui.view, view);
    assert_eq!(app.ui.grids["functional/2024/0"].cursor, (4, 2));
    assert_eq!(places(&app), before);
}

#[test]
fn deleting_a_row_above_the_cursor_keeps_the_cursor_and_the_findings_on_their_rows() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let view = View::Functional {
        year: 2024,
        table: GENERAL_TABLE,
    };
    let goods = functional_col(FunctionalLineColumn::Amount(FunctionalColumn::Goods));
    app.apply_outputs(vec![Output::Navigate(view.clone(), Some((13, goods)))]);
    assert_eq!(general_lines(&app)[13].code, "21505");
    let key = "functional/2024/1";
    let before = places(&app);
    let old_findings = app.derived.findings.clone();

    // Delete row 1 (a row above 21505 and above most flagged rows).
    let deleted = line_label(&general_lines(&app)[1]);
    delete(
        &mut app,
        TableRef::Functional {
            year: 2024,
            table: GENERAL_TABLE,
        },
        1,
    );
    // The cursor moved up with 21505.
    assert_eq!(app.ui.grids[key].cursor, (12, goods));
    assert_eq!(general_lines(&app)[12].code, "21505");
    // The findings as they are now, and those computed before the delete (as a list drawn
    // from the last revision would still show them), lead to the rows their words name; the
    // deleted row's lead to nothing.
    assert_places_hold(&app, &app.derived.findings);
    let (on_deleted, rest): (Vec<Finding>, Vec<Finding>) = old_findings
        .into_iter()
        .partition(|f| f.place.contains(&format!(" · {deleted} · ")));
    assert_places_hold(&app, &rest);
    for f in &on_deleted {
        let jump = jump_for(&app.doc.ws, &f.location).unwrap();
        assert_eq!((jump.view, jump.cell), (view.clone(), None), "{}", f.place);
    }

    undo(&mut app);
    assert_eq!(app.ui.grids[key].cursor, (13, goods));
    assert_eq!(places(&app), before);
}

#[test]
fn a_folded_row_stays_folded_when_rows_are_inserted_above_it_and_the_insert_is_undone() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let lines = general_lines(&app);
    assert_eq!(
        (lines[12].code.as_str(), lines[12].level),
        ("215", LineLevel::Class)
    );
    let class = lines[12].row_id();
    let shown_before = lines.len() - 7;
    app.ui
        .collapsed
        .insert((2024, GENERAL_TABLE), std::iter::once(class).collect());
    // The rows on screen and those marked folded (▶).
    let on_screen = |app: &WorkbenchApp| -> (usize, Vec<String>) {
        let book = app.doc.ws.budget(2024).unwrap();
        let folded = &app.ui.collapsed[&(2024, GENERAL_TABLE)];
        let grid = FunctionalGrid::new(book, GENERAL_TABLE, folded, &app.derived.findings);
        let marked = (0..grid.row_count())
            .map(|r| grid.cell(r, 0).display)
            .filter(|d| d.starts_with('▶'))
            .collect();
        (grid.row_count(), marked)
    };
    assert_eq!(on_screen(&app), (shown_before, vec!["▶ 215".to_owned()]));

    // Two new rows at the top of the table.
    edit(&mut app, insert_two_lines(GENERAL_TABLE, 0), "插入行");
    assert_eq!(general_lines(&app)[14].code, "215");
    assert_eq!(
        on_screen(&app),
        (shown_before + 2, vec!["▶ 215".to_owned()])
    );
    undo(&mut app);
    assert_eq!(
        app.ui.collapsed[&(2024, GENERAL_TABLE)],
        std::iter::once(class).collect::<HashSet<_>>()
    );
    assert_eq!(on_screen(&app), (shown_before, vec!["▶ 215".to_owned()]));
    redo(&mut app);
    assert_eq!(
        on_screen(&app),
        (shown_before + 2, vec!["▶ 215".to_owned()])
    );
}

#[test]
fn folds_stay_with_their_table_when_a_table_is_inserted_before_it() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let class = general_lines(&app)[12].row_id();
    app.ui
        .collapsed
        .insert((2024, GENERAL_TABLE), std::iter::once(class).collect());
    let e = Edit::Splice {
        table: TableRef::FunctionalTables { year: 2024 },
        at: 0,
        remove: 0,
        insert: vec![Row::FunctionalTable(Box::default())],
    };
    edit(&mut app, e, "插入表");
    assert_eq!(
        app.ui.collapsed.get(&(2024, GENERAL_TABLE + 1)),
        Some(&std::iter::once(class).collect())
    );
    assert!(!app.ui.collapsed.contains_key(&(2024, GENERAL_TABLE)));
    undo(&mut app);
    assert_eq!(
        app.ui.collapsed.get(&(2024, GENERAL_TABLE)),
        Some(&std::iter::once(class).collect())
    );
}

#[test]
fn a_flagged_cell_and_the_cursor_stay_on_their_row_when_rows_are_inserted_above() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let goods = functional_col(FunctionalLineColumn::Amount(FunctionalColumn::Goods));
    let view = View::Functional {
        year: 2024,
        table: GENERAL_TABLE,
    };
    app.apply_outputs(vec![Output::Navigate(view, Some((13, goods)))]);
    let tooltip = "下级合计 874.6，差额 0.1（舍入差异）";
    let cell = |app: &WorkbenchApp, row: usize| {
        let book = app.doc.ws.budget(2024).unwrap();
        let grid = FunctionalGrid::new(book, GENERAL_TABLE, &HashSet::new(), &app.derived.findings);
        let c = grid.cell(row, goods);
        (c.style, c.tooltip)
    };
    assert_eq!(
        cell(&app, 13),
        (CellStyle::Flagged, Some(tooltip.to_owned()))
    );

    // Two rows under 合计: 21505 is now row 15.
    edit(&mut app, insert_two_lines(GENERAL_TABLE, 1), "插入行");
    assert_eq!(general_lines(&app)[15].code, "21505");
    assert_eq!(
        cell(&app, 15),
        (CellStyle::Flagged, Some(tooltip.to_owned()))
    );
    assert_ne!(cell(&app, 13).1.as_deref(), Some(tooltip));
    assert_eq!(app.ui.grids["functional/2024/1"].cursor, (15, goods));

    undo(&mut app);
    assert_eq!(
        cell(&app, 13),
        (CellStyle::Flagged, Some(tooltip.to_owned()))
    );
    assert_eq!(app.ui.grids["functional/2024/1"].cursor, (13, goods));
}

fn harness(app: WorkbenchApp) -> Harness<'static, WorkbenchApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

#[test]
fn inserting_indicator_rows_above_the_selected_row_keeps_the_window_on_it() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(app(root.path()));
    let id = "2021-dept";
    let eval = evaluation_index(h.state(), id);
    h.state_mut().apply_outputs(vec![Output::Navigate(
        View::Evaluation(id.to_owned()),
        Some((5, 3)),
    )]);
    h.run();
    let name = h.state().doc.ws.evaluations[eval].indicators[5]
        .name
        .clone();
    let selected = indicator_id(h.state(), id, 5);
    let rows = h.state().doc.ws.evaluations[eval].indicators.len();
    // The side editor shows the selected row.
    h.get_by_label(&format!("第 6 行：{name}"));

    // Two indicator rows inserted at the top of the sheet.
    let blank = || {
        Row::Indicator(Indicator {
            level: 1,
            name: "新指标".to_owned(),
            ..Indicator::default()
        })
    };
    let insert = Edit::Splice {
        table: TableRef::Indicators { evaluation: eval },
        at: 0,
        remove: 0,
        insert: vec![blank(), blank()],
    };
    h.state_mut()
        .apply_outputs(vec![Output::Edit((insert, "插入行".to_owned()))]);
    h.run();
    // The same indicator stays selected, now the 8th row, in the grid and the side editor.
    assert_eq!(h.state().ui.selected_indicator[id], selected);
    assert_eq!(
        h.state().ui.grids["evaluation/2021-dept/indicators"].cursor,
        (7, 3)
    );
    h.get_by_label(&format!("第 8 行：{name}"));
    assert!(h.query_by_label(&format!("第 6 行：{name}")).is_none());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().doc.ws.evaluations[eval].indicators.len(), rows);
    assert_eq!(h.state().ui.selected_indicator[id], selected);
    assert_eq!(
        h.state().ui.grids["evaluation/2021-dept/indicators"].cursor,
        (5, 3)
    );
    h.get_by_label(&format!("第 6 行：{name}"));
}

#[test]
fn deleting_the_selected_indicator_row_shows_no_other_row_and_undo_brings_it_back() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(app(root.path()));
    let id = "2021-dept";
    let eval = evaluation_index(h.state(), id);
    h.state_mut().apply_outputs(vec![Output::Navigate(
        View::Evaluation(id.to_owned()),
        Some((5, 3)),
    )]);
    h.run();
    let name = h.state().doc.ws.evaluations[eval].indicators[5]
        .name
        .clone();
    let selected = indicator_id(h.state(), id, 5);
    let delete = Edit::Splice {
        table: TableRef::Indicators { evaluation: eval },
        at: 5,
        remove: 1,
        insert: vec![],
    };
    h.state_mut()
        .apply_outputs(vec![Output::Edit((delete, "删除行".to_owned()))]);
    h.run();
    // Not the row that moved into its place.
    h.get_by_label("所选的指标行已删除：请在表格中另选一行。");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    // Undo puts the row back with its id: it is selected again.
    assert_eq!(indicator_id(h.state(), id, 5), selected);
    h.get_by_label(&format!("第 6 行：{name}"));
}

#[test]
fn deleting_a_project_above_the_selected_one_keeps_the_projects_table_on_it() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(root.path());
    let of_2021 = |app: &WorkbenchApp| -> Vec<String> {
        app.doc
            .ws
            .projects
            .iter()
            .filter(|p| p.year == 2021)
            .map(|p| p.id.clone())
            .collect()
    };
    let ids = of_2021(&app);
    assert_eq!(ids[0], "2021-qyfw");
    assert_eq!(app.doc.ws.projects[0].id, "2021-qyfw");
    let selected = ids[2].clone();
    app.apply_outputs(vec![Output::Navigate(
        View::Projects { year: 2021 },
        Some((2, 1)),
    )]);
    delete(&mut app, TableRef::Projects, 0);
    assert_eq!(app.ui.grids["projects/2021"].cursor, (1, 1));
    assert_eq!(of_2021(&app)[1], selected);
    undo(&mut app);
    assert_eq!(app.ui.grids["projects/2021"].cursor, (2, 1));
    assert_eq!(of_2021(&app)[2], selected);
}

#[test]
fn a_row_folded_in_the_window_stays_folded_and_selected_when_rows_are_inserted_above() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness(app(root.path()));
    let view = View::Functional {
        year: 2024,
        table: GENERAL_TABLE,
    };
    // Select 类 215 (the 13th row) and fold it with the button.
    h.state_mut()
        .apply_outputs(vec![Output::Navigate(view, Some((12, 0)))]);
    h.run();
    h.get_by_label("折叠所选类/款").click();
    h.run();
    let code = |h: &Harness<'static, WorkbenchApp>, row: usize| {
        h.get_by_label(&format!("第{row}行 科目编码")).value()
    };
    assert_eq!(code(&h, 13).as_deref(), Some("▶ 215"));
    assert_eq!(
        code(&h, 14).as_deref(),
        Some("▼ 221"),
        "215's rows are hidden"
    );
    h.get_by_label("展开所选类/款");

    // Two rows inserted at the top of the table.
    h.state_mut().apply_outputs(vec![Output::Edit((
        insert_two_lines(GENERAL_TABLE, 0),
        "插入行".to_owned(),
    ))]);
    h.run();
    assert_eq!(code(&h, 15).as_deref(), Some("▶ 215"));
    assert_eq!(code(&h, 16).as_deref(), Some("▼ 221"));
    assert_eq!(h.state().ui.grids["functional/2024/1"].cursor, (14, 0));
    // The selected row is still the folded 215.
    h.get_by_label("展开所选类/款");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(code(&h, 13).as_deref(), Some("▶ 215"));
    assert_eq!(h.state().ui.grids["functional/2024/1"].cursor, (12, 0));
    h.get_by_label("展开所选类/款");
}
