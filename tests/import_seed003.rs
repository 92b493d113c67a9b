//! Done-when of the import issue: seed 003's 2024 功能分类 tables and 项目支出预算表, typed into
//! an xlsx the way the published file lays them out, import into an empty workspace with no
//! errors, and `check` finds exactly the rounding gaps the bundled sample shows for them.
//! Every expected value comes from the sample workspace file, none from the import code.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod import_support;

use jixiao::calc::checks::{Finding, FindingKind, run_all};
use jixiao::calc::checks::{functional_hierarchy, functional_rows, project_sums};
use jixiao::import::{ImportOptions, Layout, RowKind, TextEncoding};
use jixiao::model::{Project, Workspace};

fn sample() -> Workspace {
    jixiao::cli::sample_workspace().unwrap()
}

/// Imports every sheet of the seed workbook into `ws`, one plan per sheet, as the command
/// line does with `--sheet`.
fn import_all(path: &std::path::Path, mut ws: Workspace) -> Workspace {
    let source = jixiao::import::read(path, TextEncoding::Auto).unwrap();
    for sheet in [
        "03部门支出总体情况表",
        "05一般公共预算支出情况表",
        "11项目支出预算表",
    ] {
        let opts = ImportOptions {
            sheet: Some(sheet.to_owned()),
            ..ImportOptions::default()
        };
        let plan = jixiao::import::plan(&ws, &source, &opts).unwrap();
        assert!(plan.problems.is_empty(), "{sheet}: {:#?}", plan.problems);
        assert!(plan.is_ready(), "{sheet}");
        ws = plan.apply(&ws);
    }
    ws
}

/// The findings of the checks that look at these three tables, without the project ids
/// (the sample names its projects by hand; an import numbers them).
fn table_findings(ws: &Workspace) -> Vec<(String, FindingKind, String, String)> {
    let names = [
        functional_hierarchy::NAME,
        functional_rows::NAME,
        project_sums::NAME_SUM,
        project_sums::NAME_FUNDING,
    ];
    run_all(ws)
        .into_iter()
        .filter(|f: &Finding| names.contains(&f.check))
        .filter(|f| match &f.location {
            jixiao::calc::checks::Location::Budget { year, .. } => *year == 2024,
            jixiao::calc::checks::Location::Project { id, .. } => {
                ws.project(id).is_some_and(|p| p.year == 2024)
            }
            _ => false,
        })
        .map(|f| (f.check.to_owned(), f.kind, f.place, f.message))
        .collect()
}

fn project_key(p: &Project) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        &p.name,
        &p.unit,
        p.kind,
        p.year,
        p.budget_initial,
        p.funding,
    )
}

#[test]
fn seed003_tables_import_into_an_empty_workspace_as_the_sample_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2024部门预算公开.xlsx");
    import_support::write_seed003(&path);
    let ws = import_all(&path, Workspace::default());
    let sample = sample();
    let want = sample.budget(2024).unwrap();
    let got = ws.budget(2024).unwrap();

    assert_eq!(got.functional.len(), 2);
    for (g, w) in got.functional.iter().zip(&want.functional) {
        assert_eq!(g.name, w.name);
        assert_eq!(g.note, w.note);
        assert_eq!(g.lines.len(), w.lines.len(), "{}", w.name);
        for (gl, wl) in g.lines.iter().zip(&w.lines) {
            assert_eq!(gl, wl, "{}", w.name);
        }
    }
    assert_eq!(got.published_decimals, want.published_decimals);

    let want_projects: Vec<_> = sample
        .projects
        .iter()
        .filter(|p| p.year == 2024)
        .map(project_key)
        .collect();
    let got_projects: Vec<_> = ws.projects.iter().map(project_key).collect();
    assert_eq!(got_projects, want_projects);
    // The table's 合计 row is the book's 年初 项目支出 (the sample has it from the text part).
    assert_eq!(got.totals.initial.project, want.totals.initial.project);

    // `check`: the same rounding gaps, the same deduced withheld amount, and no error.
    let got_findings = table_findings(&ws);
    let want_findings = table_findings(&sample);
    assert!(
        want_findings.iter().any(|f| f.1 == FindingKind::Rounding),
        "the sample shows rounding gaps in these tables"
    );
    assert_eq!(got_findings, want_findings);
    assert!(
        run_all(&ws).iter().all(|f| f.kind != FindingKind::Error),
        "{:#?}",
        run_all(&ws)
    );
    // Importing the project table again adds nothing: every row is already there.
    let source = jixiao::import::read(&path, TextEncoding::Auto).unwrap();
    let again = jixiao::import::plan(
        &ws,
        &source,
        &ImportOptions {
            sheet: Some("11项目支出预算表".to_owned()),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(again.count(RowKind::Added), 0);
    assert!(
        again
            .rows
            .iter()
            .any(|r| r.text.contains("工作区中已有 2024 年项目"))
    );
    assert!(!again.is_ready());
}

#[test]
fn the_preview_says_what_was_skipped_and_checks_the_total_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.xlsx");
    import_support::write_seed003(&path);
    let source = jixiao::import::read(&path, TextEncoding::Auto).unwrap();
    let ws = Workspace::default();
    // No --sheet: the first sheet with a recognisable table, 03表.
    let plan = jixiao::import::plan(&ws, &source, &ImportOptions::default()).unwrap();
    assert_eq!(plan.layout, Layout::Functional);
    assert_eq!(plan.year, 2024);
    // 15 rows on page one (合计, 021, 13 项) and 2 after the repeated page header.
    assert_eq!(plan.count(RowKind::Added), 16);
    assert_eq!(plan.count(RowKind::Total), 1);
    let skipped: Vec<&str> = plan
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Skipped)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        skipped,
        [
            "标题、单位或备注行",
            "标题、单位或备注行",
            "标题、单位或备注行",
            "重复的表头（分页）",
            "重复的表头（分页）",
            "重复的表头（分页）"
        ]
    );

    let projects = jixiao::import::plan(
        &ws,
        &source,
        &ImportOptions {
            sheet: Some("11项目支出预算表".to_owned()),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(projects.layout, Layout::Projects);
    assert_eq!(
        projects.count(RowKind::Added),
        20,
        "{}",
        projects.summary_text()
    );
    assert_eq!(projects.count(RowKind::Total), 2);
    // 85,750.2 − the disclosed 79,118.2 = 6,632.0 withheld, said by the 合计 check.
    assert!(
        projects.checks.iter().any(|c| c.contains("6,632.0")),
        "{:?}",
        projects.checks
    );
}

#[test]
fn the_command_line_imports_then_check_reports_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("seed.xlsx");
    import_support::write_seed003(&src);
    let target = dir.path().join("new.ron");
    let run = |args: &[&str]| {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let argv: Vec<std::ffi::OsString> = std::iter::once("jixiao")
            .chain(args.iter().copied())
            .map(Into::into)
            .collect();
        let code = jixiao::cli::run_with(&argv, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    };
    let (code, out, err) = run(&[
        "import",
        src.to_str().unwrap(),
        "--into",
        target.to_str().unwrap(),
        "--sheet",
        "05一般公共预算支出情况表",
        "--dry-run",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("识别为：功能分类支出表"), "{out}");
    assert!(out.contains("（预览，未写入）"));
    assert!(!target.exists(), "a dry run writes nothing");

    let (code, out, err) = run(&[
        "import",
        src.to_str().unwrap(),
        "--into",
        target.to_str().unwrap(),
        "--sheet",
        "05一般公共预算支出情况表",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("舍入差异"), "{out}");
    let ws = jixiao::store::load_path(&target).unwrap();
    assert_eq!(ws.budget(2024).unwrap().functional[0].lines.len(), 28);
    let (code, check, _) = run(&["check", target.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(check.contains("舍入差异"), "{check}");
}
