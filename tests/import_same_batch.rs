//! `jixiao import` and the window's import preview apply the same `Edit::Batch` for the same
//! file: the batch says what it changes (a table added to an existing book, projects appended),
//! and the workspace the command line saves is the one the window shows after 导入.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsString;
use std::path::Path;

use jixiao::doc::{Document, Edit, Row, TableRef};
use jixiao::import::{ImportOptions, TextEncoding};
use jixiao::model::{BudgetBook, FunctionalTable, Workspace};
use jixiao::ui::import_dialog::ImportDialog;

/// A 功能分类 table of 2024 (a book the workspace already has, with another table in it).
const CSV: &str = "2024年一般公共预算支出情况表\n单位：万元\n科目编码,科目名称,合计,基本支出,项目支出\n,合计,\"1,000.0\",600.0,400.0\n2150501,行政运行,600.0,600.0,\n2150517,产业发展,400.0,,400.0\n";

/// 2024 项目 list: two projects.
const PROJECTS: &str =
    "2024年项目支出表\n单位：万元\n项目名称,合计\n合计,300.0\n信息化建设,100.0\n产业扶持,200.0\n";

fn workspace() -> Workspace {
    let mut ws = Workspace::default();
    ws.budgets.push(BudgetBook {
        year: 2024,
        functional: vec![FunctionalTable {
            name: "部门支出总体情况表".into(),
            ..FunctionalTable::default()
        }],
        ..BudgetBook::default()
    });
    ws
}

/// The batch the window's preview hands to the shell when 导入 is pressed.
fn window_batch(file: &Path, ws: &Workspace) -> Edit {
    let dialog = ImportDialog::open(file, ws);
    dialog.plan().unwrap().edit()
}

/// Runs `jixiao import FILE --into WS` in-process and loads what it saved.
fn cli_import(file: &Path, ws_path: &Path) -> Workspace {
    let args: Vec<OsString> = vec![
        "jixiao".into(),
        "import".into(),
        file.into(),
        "--into".into(),
        ws_path.into(),
    ];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = jixiao::cli::run_with(&args, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    jixiao::store::load_path(ws_path).unwrap()
}

#[test]
fn a_table_into_an_existing_book_is_one_added_table_for_both_paths() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("05表.csv");
    std::fs::write(&csv, CSV).unwrap();
    let ws = workspace();

    let batch = window_batch(&csv, &ws);
    // What the command line plans for the same file and options.
    let source = jixiao::import::read(&csv, TextEncoding::Auto).unwrap();
    let cli_plan = jixiao::import::plan(&ws, &source, &ImportOptions::default()).unwrap();
    assert_eq!(cli_plan.edit(), batch);

    // The batch adds the new table after the book's one table, and replaces nothing.
    let Edit::Batch(edits) = &batch else {
        panic!("not a batch: {batch:?}")
    };
    let [first, rest @ ..] = edits.as_slice() else {
        panic!("empty batch")
    };
    let Edit::Splice {
        table,
        at,
        remove,
        insert,
    } = first
    else {
        panic!("not a splice: {first:?}")
    };
    assert_eq!(*table, TableRef::FunctionalTables { year: 2024 });
    assert_eq!((*at, *remove), (1, 0));
    let [Row::FunctionalTable(t)] = insert.as_slice() else {
        panic!("not one table: {insert:?}")
    };
    assert_eq!(t.name, "一般公共预算支出情况表");
    assert_eq!(t.lines.len(), 3);
    // The only other change is the book's decimal places (1, as printed).
    assert_eq!(
        rest,
        [Edit::PublishedDecimals {
            year: 2024,
            decimals: Some(1)
        }]
    );

    // The window applies it as one undo step; the command line saves the same workspace.
    let mut doc = Document::new(ws.clone());
    doc.apply(batch, "导入").unwrap();
    let ws_path = dir.path().join("工作区.ron");
    jixiao::store::save_path(&ws, &ws_path).unwrap();
    let saved = cli_import(&csv, &ws_path);
    assert_eq!(saved, doc.ws);
    assert_eq!(saved.budgets[0].functional.len(), 2);
    // Undoing the import restores the workspace exactly.
    assert!(doc.undo());
    assert_eq!(doc.ws, ws);
}

#[test]
fn projects_are_appended_rows_for_both_paths() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("项目.csv");
    std::fs::write(&csv, PROJECTS).unwrap();
    let ws = workspace();

    let batch = window_batch(&csv, &ws);
    let Edit::Batch(edits) = &batch else {
        panic!("not a batch: {batch:?}")
    };
    let appended: Vec<_> = edits
        .iter()
        .filter_map(|e| match e {
            Edit::Splice {
                table: TableRef::Projects,
                at,
                remove,
                insert,
            } => Some((*at, *remove, insert.len())),
            _ => None,
        })
        .collect();
    assert_eq!(appended, [(0, 0, 2)]);

    let mut doc = Document::new(ws.clone());
    doc.apply(batch, "导入").unwrap();
    let ws_path = dir.path().join("工作区.ron");
    jixiao::store::save_path(&ws, &ws_path).unwrap();
    assert_eq!(cli_import(&csv, &ws_path), doc.ws);
    let names: Vec<&str> = doc.ws.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["信息化建设", "产业扶持"]);
}
