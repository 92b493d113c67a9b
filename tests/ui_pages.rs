//! The budget, project and findings pages on the sample workspace: pasting into a 功能分类
//! grid, jumping from a finding to its cell, and a disbursement edit moving the 拨付率. Each
//! is checked on the document and the derived figures; the table logic also without a window.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jixiao::calc::checks::{
    BudgetColumn, Finding, Location, ProjectField, RowRef, TableRef as CheckTable,
};
use jixiao::calc::metrics::project_metric;
use jixiao::calc::num::pct_text;
use jixiao::doc::Document;
use jixiao::model::{
    Amount, DisbursementColumn, DisbursementStage, EconomicColumn, ExecutionBase, FunctionalColumn,
    FunctionalLine, FunctionalLineColumn, HasRowId, LineLevel, ProjectColumn, ProjectMetric, RowId,
    UnitIncomeColumn, Workspace,
};
use jixiao::store::session::Dirs;
use jixiao::ui::app::{Startup, UiState, WorkbenchApp};
use jixiao::ui::derived::Derived;
use jixiao::ui::dialogs::InAppOnly;
use jixiao::ui::grid::{GridAction, GridSource, GridState};
use jixiao::ui::pages::budget::grids::{
    FunctionalGrid, economic_col, functional_col, unit_income_col, visible_rows,
};
use jixiao::ui::pages::checks::{apply_jump, jump_for};
use jixiao::ui::pages::grid_key_for;
use jixiao::ui::pages::projects::{
    DisbursementsGrid, ProjectsGrid, disbursement_col, parse_date, project_col,
};
use jixiao::ui::table::{EditableTable, edits_for};
use jixiao::ui::view::{Output, View};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// 一般公共预算支出情况表 of 2024 in the sample.
const GENERAL_TABLE: usize = 1;
/// Its row 2150501 行政运行 (document index), and the two 项 after it.
const ROW_2150501: usize = 14;
/// Grid column of 工资福利支出.
const WAGES_COL: usize = 4;

fn sample() -> Workspace {
    jixiao::cli::sample_workspace().unwrap()
}

fn startup(root: &Path) -> Startup {
    Startup {
        dirs: Some(Dirs::under(root)),
        dialogs: Box::new(InAppOnly),
        open: None,
    }
}

/// The window on the sample, opened on `view` (set before the first frame is drawn).
fn harness_on(root: &Path, view: View) -> Harness<'static, WorkbenchApp> {
    let mut app = WorkbenchApp::new(startup(root));
    app.ui.view = view;
    harness(app)
}

fn harness(app: WorkbenchApp) -> Harness<'static, WorkbenchApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

/// The same, drawing a missing glyph as tofu instead of failing: the findings' places use
/// "↔", which the bundled font subset lacks (to be added to tools/subset-font.sh).
fn harness_tofu_on(root: &Path, view: View) -> Harness<'static, WorkbenchApp> {
    let mut app = WorkbenchApp::new(startup(root));
    app.ui.view = view;
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(jixiao::ui::fonts::setup)
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame_ui(ui), app)
}

fn general_lines(ws: &Workspace) -> &[FunctionalLine] {
    &ws.budget(2024).unwrap().functional[GENERAL_TABLE].lines
}

fn findings(ws: &Workspace) -> Vec<Finding> {
    let mut d = Derived::default();
    d.refresh(ws, 0);
    d.findings
}

fn budget_finding<'a>(
    fs: &'a [Finding],
    table: CheckTable,
    row: usize,
    column: &str,
) -> &'a Finding {
    // A location in words: the table, the row's position and the model's field name.
    let words = format!("2024 {table:?} [{row}].{column}");
    fs.iter()
        .find(|f| f.location.to_string() == words)
        .unwrap_or_else(|| panic!("a finding on {table:?} row {row} {column}"))
}

fn lvgongye(ws: &Workspace) -> usize {
    ws.projects
        .iter()
        .position(|p| p.id == "2021-lvgongye")
        .unwrap()
}

fn to_beneficiaries(ws: &Workspace) -> String {
    let p = &ws.projects[lvgongye(ws)];
    let m = ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries);
    pct_text(
        project_metric(p, m, ExecutionBase::default())
            .ratio
            .unwrap(),
    )
}

/// The block pasted in the paste tests: 3 rows × 4 columns (工资福利 … 资本性支出), in the
/// forms people paste: separators, full-width digits, a unit, a blank and 'XXXX'.
const BLOCK: &str = "1,111.1\t22.2\t３３３.3\t4万元\n5\t\t6.06\tXXXX\n7.7\t8\t9\t10";

fn assert_block_pasted(before: &Workspace, after: &Workspace) {
    let (b, a) = (general_lines(before), general_lines(after));
    assert_eq!(a.len(), b.len(), "no rows added");
    let v = |d: Decimal| Amount::Value(d);
    let expected = [
        [v(dec!(1111.1)), v(dec!(22.2)), v(dec!(333.3)), v(dec!(4))],
        [v(dec!(5)), Amount::Blank, v(dec!(6.06)), Amount::Withheld],
        [v(dec!(7.7)), v(dec!(8)), v(dec!(9)), v(dec!(10))],
    ];
    for (i, (old, new)) in b.iter().zip(a).enumerate() {
        let k = i.wrapping_sub(ROW_2150501);
        if k < 3 {
            assert_eq!(
                [new.wages, new.family, new.goods, new.capital],
                expected[k],
                "row {i}"
            );
            let mut rest = new.clone();
            (rest.wages, rest.family, rest.goods, rest.capital) =
                (old.wages, old.family, old.goods, old.capital);
            assert_eq!(&rest, old, "row {i}: only the four pasted columns changed");
        } else {
            assert_eq!(new, old, "row {i} untouched");
        }
    }
    // Everything else in the workspace is as it was.
    let mut rest = after.clone();
    rest.budgets
        .iter_mut()
        .find(|b| b.year == 2024)
        .unwrap()
        .functional[GENERAL_TABLE] = before.budget(2024).unwrap().functional[GENERAL_TABLE].clone();
    assert_eq!(&rest, before);
}

// ---- without a window ---------------------------------------------------------------------

#[test]
fn pasting_a_block_into_a_functional_table_changes_exactly_those_cells() {
    let ws = sample();
    let fs = findings(&ws);
    let book = ws.budget(2024).unwrap();
    assert_eq!(
        book.functional[GENERAL_TABLE].lines[ROW_2150501].code,
        "2150501"
    );
    let grid = FunctionalGrid::new(book, GENERAL_TABLE, &HashSet::new(), &fs);
    let block: Vec<Vec<String>> = BLOCK
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    let mut gs = GridState::default();
    let action = GridAction::Paste {
        row: ROW_2150501,
        col: WAGES_COL,
        block,
    };
    let edits = edits_for(&grid, &[action], &mut gs);
    assert_eq!(edits.len(), 1, "one paste, one undo step");
    assert_eq!(gs.message, None);
    let mut doc = Document::new(ws.clone());
    let (edit, label) = edits.into_iter().next().unwrap();
    doc.apply(edit, label).unwrap();
    assert_block_pasted(&ws, &doc.ws);
    doc.undo();
    assert_eq!(doc.ws, ws);
}

#[test]
fn a_bad_number_in_a_pasted_block_changes_nothing_and_says_why() {
    let ws = sample();
    let fs = findings(&ws);
    let grid = FunctionalGrid::new(
        ws.budget(2024).unwrap(),
        GENERAL_TABLE,
        &HashSet::new(),
        &fs,
    );
    let block = vec![
        vec!["1".to_owned(), "2".to_owned()],
        vec!["3".to_owned(), "三千".to_owned()],
    ];
    let mut gs = GridState::default();
    let edits = edits_for(
        &grid,
        &[GridAction::Paste {
            row: 2,
            col: 2,
            block,
        }],
        &mut gs,
    );
    assert!(edits.is_empty());
    let msg = gs.message.unwrap();
    assert!(msg.starts_with("粘贴未完成"), "{msg}");
    assert!(
        msg.contains("第 4 行") && msg.contains("基本支出（万元）"),
        "{msg}"
    );
}

#[test]
fn typing_a_code_sets_the_level_and_amounts_read_pasted_forms() {
    let ws = sample();
    let grid = FunctionalGrid::new(
        ws.budget(2024).unwrap(),
        GENERAL_TABLE,
        &HashSet::new(),
        &[],
    );
    let mut row = grid.blank_row();
    grid.set(&mut row, 0, "215 05").unwrap();
    grid.set(&mut row, 2, "１,234.5万元").unwrap();
    let jixiao::doc::Row::Functional(line) = &row else {
        panic!()
    };
    assert_eq!(
        (line.code.as_str(), line.level),
        ("21505", LineLevel::Section)
    );
    assert_eq!(line.total, Amount::Value(dec!(1234.5)));
    assert!(grid.set(&mut row, 0, "2150").unwrap_err().contains("3 位"));
    assert!(grid.set(&mut row, 3, "12%").is_err());
    // The 合计 row keeps its level whatever code is typed.
    let mut total = grid.row(0);
    grid.set(&mut total, 0, "021").unwrap();
    let jixiao::doc::Row::Functional(line) = &total else {
        panic!()
    };
    assert_eq!(line.level, LineLevel::Total);
}

#[test]
fn amounts_show_separators_and_edit_plain_and_subtotal_gaps_are_flagged() {
    let ws = sample();
    let fs = findings(&ws);
    let grid = FunctionalGrid::new(
        ws.budget(2024).unwrap(),
        GENERAL_TABLE,
        &HashSet::new(),
        &fs,
    );
    assert_eq!(grid.columns()[2].header, "合计（万元）");
    let total = grid.cell(0, 2);
    assert_eq!(
        (total.display.as_str(), total.edit.as_str()),
        ("96,258.3", "96258.3")
    );
    // 款 21505 商品和服务支出 874.7 against its 项 874.6: a rounding gap.
    let goods = grid.cell(
        13,
        functional_col(FunctionalLineColumn::Amount(FunctionalColumn::Goods)),
    );
    assert_eq!(goods.style, jixiao::ui::grid::CellStyle::Flagged);
    assert_eq!(
        goods.tooltip.as_deref(),
        Some("下级合计 874.6，差额 0.1（舍入差异）")
    );
    assert_eq!(
        grid.cell(14, 1).indent,
        2,
        "项 rows are indented under their 款"
    );
}

#[test]
fn folding_hides_the_rows_under_a_class_and_maps_back_to_the_document() {
    let ws = sample();
    let lines = general_lines(&ws);
    let folded: HashSet<RowId> = [lines[12].row_id()].into(); // 类 215
    let shown = visible_rows(lines, &folded);
    assert_eq!(
        shown.len(),
        lines.len() - 7,
        "215 has 2 款 and 5 项 under it"
    );
    let grid = FunctionalGrid::new(ws.budget(2024).unwrap(), GENERAL_TABLE, &folded, &[]);
    assert_eq!(grid.doc_index(12), 12);
    assert_eq!(grid.doc_index(13), 20, "the row after 215 is 221");
    assert!(grid.cell(12, 0).display.starts_with('▶'));
}

#[test]
fn column_names_of_findings_map_to_grid_columns() {
    // (A column name that names no column cannot be written any more: columns are enums.)
    let amount = FunctionalLineColumn::Amount;
    assert_eq!(functional_col(amount(FunctionalColumn::Total)), 2);
    assert_eq!(functional_col(amount(FunctionalColumn::Goods)), 6);
    assert_eq!(functional_col(amount(FunctionalColumn::Targeted)), 10);
    assert_eq!(economic_col(EconomicColumn::Category), 5);
    assert_eq!(economic_col(EconomicColumn::Amount), 4);
    assert_eq!(unit_income_col(UnitIncomeColumn::GeneralBudget), 3);
    assert_eq!(project_col(ProjectColumn::Executed), 5);
    assert_eq!(disbursement_col(DisbursementColumn::Date), 0);
}

#[test]
fn findings_lead_to_their_page_and_cell() {
    let ws = sample();
    let fs = findings(&ws);
    let mut state = UiState::default();
    // 30239 其他交通费用 counted under 人员经费: row 9 of the 经济分类 table, column 类别.
    let f = budget_finding(&fs, CheckTable::Economic(0), 9, "category");
    assert!(f.message.contains("30239"));
    let out = apply_jump(&ws, &mut state, jump_for(&ws, &f.location).unwrap());
    assert!(
        matches!(
            out,
            Output::Navigate(
                View::Economic {
                    year: 2024,
                    table: 0
                },
                Some((9, 5))
            )
        ),
        "{out:?}"
    );
    // 21505 商品和服务支出, with everything folded: its 类 unfolds and the row on screen is chosen.
    let f = budget_finding(&fs, CheckTable::Functional(GENERAL_TABLE), 13, "goods");
    let all: HashSet<RowId> = general_lines(&ws)
        .iter()
        .filter(|l| matches!(l.level, LineLevel::Class | LineLevel::Section))
        .map(HasRowId::row_id)
        .collect();
    state.collapsed.insert((2024, GENERAL_TABLE), all);
    let out = apply_jump(&ws, &mut state, jump_for(&ws, &f.location).unwrap());
    let view = View::Functional {
        year: 2024,
        table: GENERAL_TABLE,
    };
    // On screen: 合计, 208, 210, 215 (unfolded), 21505.
    assert!(
        matches!(&out, Output::Navigate(v, Some((4, 6))) if *v == view),
        "{out:?}"
    );
    assert!(
        !state.collapsed[&(2024, GENERAL_TABLE)].contains(&general_lines(&ws)[12].row_id()),
        "215 unfolded"
    );
    // A project's disbursement, an indicator, an evaluation, the department totals.
    let p = lvgongye(&ws);
    let loc = Location::project(
        "2021-lvgongye",
        Some(ProjectField::Disbursement {
            row: RowRef::at(&ws.projects[p].disbursements, 3).unwrap(),
            column: Some(DisbursementColumn::Date),
        }),
    );
    assert_eq!(jump_for(&ws, &loc).unwrap().cell, Some((3, 0)));
    assert_eq!(
        jump_for(&ws, &loc).unwrap().view,
        View::Project(ws.projects[p].id.clone())
    );
    let e = ws
        .evaluations
        .iter()
        .position(|e| e.id == "2021-dept")
        .unwrap();
    let loc = Location::indicator(&ws.evaluations[e], 32);
    assert_eq!(jump_for(&ws, &loc).unwrap().cell, Some((32, 0)));
    assert_eq!(
        jump_for(&ws, &loc).unwrap().view,
        View::Evaluation(ws.evaluations[e].id.clone())
    );
    let loc = Location::budget_column(
        2024,
        CheckTable::Totals,
        BudgetColumn::Part("initial", "total"),
    );
    assert_eq!(
        jump_for(&ws, &loc).unwrap().view,
        View::Summary { year: 2024 }
    );
    let no_book = Location::Budget {
        year: 1999,
        table: CheckTable::Totals,
        row: None,
        column: None,
    };
    assert!(jump_for(&ws, &no_book).is_none());
    assert!(jump_for(&ws, &Location::project("no-such", None)).is_none());
}

#[test]
fn a_disbursement_edit_moves_the_disbursement_rate() {
    let ws = sample();
    let fs = findings(&ws);
    let i = lvgongye(&ws);
    assert_eq!(to_beneficiaries(&ws), "50.75%");
    let grid = DisbursementsGrid::new(&ws.projects[i], i, jixiao::model::AmountUnit::WanYuan, &fs);
    let mut gs = GridState::default();
    let commit = GridAction::Commit {
        row: 3,
        col: 1,
        text: "400".to_owned(),
    };
    let edits = edits_for(&grid, &[commit], &mut gs);
    let mut doc = Document::new(ws.clone());
    for (e, l) in edits {
        doc.apply(e, l).unwrap();
    }
    assert_eq!(to_beneficiaries(&doc.ws), "52.22%"); // 3,551 / 6,800
    // Dates are checked.
    let mut row = grid.row(0);
    assert!(
        grid.set(&mut row, 0, "2021-02-30")
            .unwrap_err()
            .contains("YYYY-MM-DD")
    );
    assert_eq!(
        parse_date("2021/6/30").unwrap(),
        chrono::NaiveDate::from_ymd_opt(2021, 6, 30)
    );
}

#[test]
fn new_project_rows_get_the_year_and_fresh_ids() {
    let ws = sample();
    let grid = ProjectsGrid::new(&ws, 2024, &[]);
    assert!(grid.row_count() > 10 && grid.row_count() < ws.projects.len());
    let mut gs = GridState::default();
    let edits = edits_for(
        &grid,
        &[GridAction::InsertRows { at: 0, count: 2 }],
        &mut gs,
    );
    let mut doc = Document::new(ws.clone());
    for (e, l) in edits {
        doc.apply(e, l).unwrap();
    }
    let new: Vec<_> = doc
        .ws
        .projects
        .iter()
        .filter(|p| ws.project(&p.id).is_none())
        .collect();
    assert_eq!(new.len(), 2);
    assert!(new.iter().all(|p| p.year == 2024));
    assert_ne!(new[0].id, new[1].id);
}

// ---- through the window ---------------------------------------------------------------------

#[test]
fn clicking_a_finding_lands_on_its_cell() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness_tofu_on(root.path(), View::Checks);
    h.run();
    let search = h.get_by_role_and_label(Role::TextInput, "筛选");
    search.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "筛选")
        .type_text("30239");
    h.run();
    h.get_by_label_contains("（116.3）属 302").click();
    h.run();
    let view = View::Economic {
        year: 2024,
        table: 0,
    };
    assert_eq!(h.state().ui.view, view);
    assert_eq!(h.state().ui.grids[&grid_key_for(&view)].cursor, (9, 5));

    // Back to the list: the 21505 商品和服务支出 rounding gap.
    h.state_mut().ui.view = View::Checks;
    h.run();
    h.get_by_role_and_label(Role::TextInput, "筛选").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "筛选")
        .type_text("21505");
    h.run();
    h.get_by_label_contains("工业和信息产业监管的商品和服务支出 874.7 与其下")
        .click();
    h.run();
    let view = View::Functional {
        year: 2024,
        table: GENERAL_TABLE,
    };
    assert_eq!(h.state().ui.view, view);
    assert_eq!(h.state().ui.grids[&grid_key_for(&view)].cursor, (13, 6));
}

#[test]
fn pasting_into_the_general_budget_table_through_the_window() {
    let root = tempfile::tempdir().unwrap();
    let mut h = harness_on(
        root.path(),
        View::Functional {
            year: 2024,
            table: GENERAL_TABLE,
        },
    );
    let before = h.state().doc.ws.clone();
    h.run();
    h.get_by_label(&format!("第{}行 工资福利支出（万元）", ROW_2150501 + 1))
        .click();
    h.run();
    h.event(egui::Event::Paste(BLOCK.to_owned()));
    h.run();
    assert_block_pasted(&before, &h.state().doc.ws);
    assert_eq!(h.state().doc.undo_label(), Some("粘贴 3 行"));

    // A bad number: nothing changes and the grid says why.
    let pasted = h.state().doc.ws.clone();
    h.get_by_label("第3行 基本支出（万元）").click();
    h.run();
    h.event(egui::Event::Paste("1\t2\n3\t三千".to_owned()));
    h.run();
    assert_eq!(h.state().doc.ws, pasted);
    assert!(h.query_all_by_label_contains("粘贴未完成").count() >= 1);
}

#[test]
fn editing_a_disbursement_moves_the_rate_on_the_project_page() {
    let root = tempfile::tempdir().unwrap();
    let i = lvgongye(&sample());
    let mut h = harness_on(root.path(), View::Project(sample().projects[i].id.clone()));
    h.run();
    assert!(h.query_all_by_label("50.75%").count() >= 1);
    let cell = "第4行 金额（万元）";
    h.get_by_label(cell).click();
    h.run();
    h.key_press(egui::Key::F2);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(cell).type_text("400");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(to_beneficiaries(&h.state().doc.ws), "52.22%");
    assert!(
        h.query_all_by_label("52.22%").count() >= 1,
        "the page shows the new rate"
    );
}

#[test]
fn every_budget_and_project_page_draws_on_the_sample() {
    let root = tempfile::tempdir().unwrap();
    let ws = sample();
    let mut views = Vec::new();
    for b in &ws.budgets {
        let year = b.year;
        views.push(View::Summary { year });
        views.extend((0..b.functional.len()).map(|table| View::Functional { year, table }));
        views.extend((0..b.economic.len()).map(|table| View::Economic { year, table }));
        views.push(View::ThreePublic { year });
        views.push(View::Projects { year });
    }
    views.extend(ws.projects.iter().map(|p| View::Project(p.id.clone())));
    let mut h = harness_on(root.path(), View::Department);
    h.run();
    for v in views {
        h.state_mut().ui.view = v.clone();
        h.run();
        assert_eq!(h.state().ui.view, v);
        assert!(!h.state().doc.is_dirty(), "drawing {v:?} changed nothing");
    }
    h.state_mut().ui.view = View::Summary { year: 2021 };
    h.run();
    // The department metrics of seed 000, with their formula.
    assert!(h.query_all_by_label("94.36%").count() >= 1);
}
