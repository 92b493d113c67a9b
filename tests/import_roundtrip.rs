//! Round trip: the spreadsheet export (issue 5) read back by the import gives the same 功能分类
//! tables, rows, levels and amounts, as the sample workspace has them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::import::{ImportOptions, Layout, TextEncoding};
use jixiao::model::Workspace;

#[test]
fn exported_functional_tables_import_back_unchanged() {
    let sample = jixiao::cli::sample_workspace().unwrap();
    let bytes = jixiao::report::xlsx::workbook_bytes(&sample).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("导出.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let source = jixiao::import::read(&path, TextEncoding::Auto).unwrap();
    let want = &sample.budget(2024).unwrap().functional;
    assert_eq!(want.len(), 2);
    let mut ws = Workspace::default();
    for i in 1..=want.len() {
        let plan = jixiao::import::plan(
            &ws,
            &source,
            &ImportOptions {
                sheet: Some(format!("功能分类 2024 {i}")),
                ..ImportOptions::default()
            },
        )
        .unwrap();
        assert_eq!(plan.layout, Layout::Functional);
        assert!(plan.unit_stated, "the export's title says 万元");
        assert!(plan.problems.is_empty(), "{:?}", plan.problems);
        ws = plan.apply(&ws);
    }
    let got = &ws.budget(2024).unwrap().functional;
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g.name, w.name);
        assert_eq!(g.lines, w.lines, "{}", w.name);
    }
}
