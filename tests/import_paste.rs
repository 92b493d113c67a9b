//! 带表头粘贴: a published table copied from Excel or WPS (title, 单位 line, merged header
//! rows that arrive as blanks, 合计 row) pasted into an empty grid goes through the import's
//! header recognition; the same block into a table that has rows is an ordinary paste.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod import_support;

use std::collections::HashSet;

use jixiao::doc::Document;
use jixiao::model::{Amount, BudgetBook, FunctionalTable, LineLevel, ProjectKind, Workspace};
use jixiao::ui::grid::{GridAction, GridState};
use jixiao::ui::pages::budget::grids::FunctionalGrid;
use jixiao::ui::pages::projects::ProjectsGrid;
use jixiao::ui::table::edits_for;
use rust_decimal_macros::dec;

/// Seed 003's 05表 header and first rows as Excel puts them on the clipboard: tab-separated,
/// merged cells as one text and blanks.
fn copied_05() -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = vec![
        vec!["2024 年一般公共预算支出情况表".into()],
        vec!["单位：万元".into()],
    ];
    let mut header = vec![vec![String::new(); 11]; 3];
    for hd in import_support::T05_HEAD {
        hd.text
            .clone_into(&mut header[hd.row as usize][hd.col as usize]);
    }
    rows.extend(header);
    rows.extend(
        import_support::T05_ROWS[..4]
            .iter()
            .map(|r| r.iter().map(|s| (*s).to_owned()).collect()),
    );
    rows
}

fn empty_general_table() -> Workspace {
    Workspace {
        budgets: vec![BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            functional: vec![FunctionalTable {
                name: "一般公共预算支出情况表".into(),
                ..FunctionalTable::default()
            }],
            ..BudgetBook::default()
        }],
        ..Workspace::default()
    }
}

#[test]
fn a_copied_published_table_pasted_into_an_empty_grid_lands_by_its_header() {
    let ws = empty_general_table();
    let grid = FunctionalGrid::new(ws.budget(2024).unwrap(), 0, &HashSet::new(), &[]);
    let mut gs = GridState::default();
    let edits = edits_for(
        &grid,
        &[GridAction::Paste {
            row: 0,
            col: 0,
            block: copied_05(),
        }],
        &mut gs,
    );
    assert_eq!(gs.message, None);
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].1, "按表头粘贴 4 行（标题、表头等 5 行未粘贴）");
    let mut doc = Document::new(ws.clone());
    let (edit, label) = edits.into_iter().next().unwrap();
    doc.apply(edit, label).unwrap();
    // As the sample has the same rows.
    let sample = jixiao::cli::sample_workspace().unwrap();
    let want = &sample.budget(2024).unwrap().functional[1].lines[..4];
    let got = &doc.ws.budget(2024).unwrap().functional[0].lines;
    assert_eq!(got.as_slice(), want);
    assert_eq!(got[0].level, LineLevel::Total);
    doc.undo();
    assert_eq!(doc.ws, ws, "one undo step");
}

#[test]
fn an_unreadable_cell_in_a_pasted_table_refuses_it_whole() {
    let ws = empty_general_table();
    let grid = FunctionalGrid::new(ws.budget(2024).unwrap(), 0, &HashSet::new(), &[]);
    let mut block = copied_05();
    block[6][2] = "2.974,0".into();
    let mut gs = GridState::default();
    let edits = edits_for(
        &grid,
        &[GridAction::Paste {
            row: 0,
            col: 0,
            block,
        }],
        &mut gs,
    );
    assert!(edits.is_empty());
    let msg = gs.message.unwrap();
    assert!(
        msg.contains("第 7 行 C 列") && msg.contains("欧式"),
        "{msg}"
    );
}

#[test]
fn a_project_list_pasted_into_an_empty_year_gets_ids_and_the_year() {
    let ws = Workspace {
        budgets: vec![BudgetBook {
            year: 2024,
            ..BudgetBook::default()
        }],
        ..Workspace::default()
    };
    let grid = ProjectsGrid::new(&ws, 2024, &[]);
    let block: Vec<Vec<String>> = [
        "类型\t项目名称\t项目单位\t合计\t一般公共预算",
        "\t\t\t685.0\t685.0",
        "其他运转类\t第三方审计费用\t郑州市工业和信息化局机关\t265.0\t265.0",
        "其他运转类\t企业服务活动专项经费\t郑州市工业和信息化局机关\t420.0\t420.0",
    ]
    .iter()
    .map(|l| l.split('\t').map(str::to_owned).collect())
    .collect();
    let mut gs = GridState::default();
    let edits = edits_for(
        &grid,
        &[GridAction::Paste {
            row: 0,
            col: 0,
            block,
        }],
        &mut gs,
    );
    assert_eq!(gs.message, None);
    let mut doc = Document::new(ws);
    for (e, l) in edits {
        doc.apply(e, l).unwrap();
    }
    let ps = &doc.ws.projects;
    assert_eq!(ps.len(), 2);
    assert!(ps.iter().all(|p| p.year == 2024 && !p.id.is_empty()));
    assert_ne!(ps[0].id, ps[1].id);
    assert_eq!(ps[1].kind, ProjectKind::Operating);
    assert_eq!(ps[1].budget_initial, Amount::Value(dec!(420.0)));
}
