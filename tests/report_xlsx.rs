//! The spreadsheet export read back with calamine: the same numbers as `jixiao score`, the
//! subtotals, totals, 得分率 and 等级 are formulas, and the formulas compute those numbers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jixiao::calc::num::round2;
use jixiao::calc::score_evaluation;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn workbook() -> (jixiao::model::Workspace, Xlsx<Cursor<Vec<u8>>>) {
    let ws = jixiao::cli::sample_workspace().unwrap();
    let bytes = jixiao::report::xlsx::workbook_bytes(&ws).unwrap();
    let wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    (ws, wb)
}

fn num(d: Option<&Data>) -> f64 {
    match d {
        Some(Data::Float(f)) => *f,
        #[allow(clippy::cast_precision_loss)]
        Some(Data::Int(i)) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.clone(),
        other => panic!("not text: {other:?}"),
    }
}

/// `H12` → (row 11, column 7), zero-based.
fn parse_ref(r: &str) -> (u32, u32) {
    let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits: u32 = r[letters.len()..].parse().unwrap();
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1))
        - 1;
    (digits - 1, col)
}

/// Σ of `H5,H9:H11`-style references, read from the sheet.
fn sum_refs(values: &calamine::Range<Data>, refs: &str) -> f64 {
    refs.split(',')
        .map(|r| match r.split_once(':') {
            Some((a, b)) => {
                let ((r0, c), (r1, _)) = (parse_ref(a), parse_ref(b));
                (r0..=r1).map(|r| num(values.get_value((r, c)))).sum()
            }
            None => num(values.get_value(parse_ref(r))),
        })
        .sum()
}

#[test]
fn scores_match_jixiao_score_and_subtotals_are_live_formulas() {
    let (ws, mut wb) = workbook();
    let names = wb.sheet_names();
    assert_eq!(names[0], "总体得分情况");
    for ev in &ws.evaluations {
        let sheet = format!("得分 {}", ev.id);
        assert!(names.contains(&sheet), "{sheet} in {names:?}");
        let values = wb.worksheet_range(&sheet).unwrap();
        let formulas = wb.worksheet_formula(&sheet).unwrap();
        let b = score_evaluation(&ws, ev);
        let first_row = 3; // title, info line, header
        for (i, n) in b.nodes.iter().enumerate() {
            let r = first_row + u32::try_from(i).unwrap();
            let got = num(values.get_value((r, 7)));
            let want = round2(n.score).to_f64().unwrap();
            assert!(
                (got - want).abs() < 1e-9,
                "{} row {i}: {got} vs {want}",
                ev.id
            );
            let f = formulas.get_value((r, 7)).cloned().unwrap_or_default();
            if n.is_leaf || n.overridden {
                assert!(f.is_empty(), "a scored leaf is a value, got {f}");
            } else {
                // The formula sums the children's cells: evaluate it from the sheet itself.
                let inner = f.strip_prefix("SUM(").and_then(|s| s.strip_suffix(')'));
                let inner = inner.unwrap_or_else(|| panic!("parent formula {f}"));
                let sum = sum_refs(&values, inner);
                assert!((sum - got).abs() < 1e-9, "{f} = {sum}, cell says {got}");
            }
            let rate = formulas.get_value((r, 9)).cloned().unwrap_or_default();
            assert!(rate.starts_with("IF("), "得分率 is a formula: {rate}");
        }
        // 合计 row: total, 得分率 and 等级.
        let t = first_row + u32::try_from(b.nodes.len()).unwrap();
        assert_eq!(text(values.get_value((t, 0))), "合计");
        let total = num(values.get_value((t, 7)));
        assert!((total - round2(b.total.score).to_f64().unwrap()).abs() < 1e-9);
        let tf = formulas.get_value((t, 7)).cloned().unwrap_or_default();
        assert!(tf.starts_with("ROUND(SUM("), "{tf}");
        // Σ of the 一级 cells the formula names equals the total (no 不适用 in the sample).
        let inner = &tf["ROUND(SUM(".len()..tf.find(')').unwrap()];
        let sum = sum_refs(&values, inner);
        assert!((sum - total).abs() < 1e-6, "{sum} vs {total}");
        assert!(formulas.get_value((t, 5)).unwrap().starts_with("IF("));
    }
    // The department evaluation: 84.69, 良.
    let values = wb.worksheet_range("得分 2021-dept").unwrap();
    let b = score_evaluation(&ws, ws.evaluation("2021-dept").unwrap());
    let t = 3 + u32::try_from(b.nodes.len()).unwrap();
    assert!((num(values.get_value((t, 7))) - 84.69).abs() < 1e-9);
    assert!((num(values.get_value((t, 9))) - 0.8469).abs() < 1e-9);
    assert_eq!(text(values.get_value((t, 5))), "良");
}

#[test]
fn summary_sheet_is_seed_000s_table_made_of_references() {
    let (_, mut wb) = workbook();
    let values = wb.worksheet_range("总体得分情况").unwrap();
    let formulas = wb.worksheet_formula("总体得分情况").unwrap();
    // The first evaluation in the sample is the department's (title row 0, name row 2).
    let head = 3;
    let row = |r: u32| -> Vec<Data> {
        (0..5)
            .map(|c| values.get_value((r, c)).cloned().unwrap_or(Data::Empty))
            .collect()
    };
    let labels: Vec<String> = row(head).iter().map(ToString::to_string).collect();
    assert_eq!(labels, ["指标", "投入管理", "产出", "效益", "合计"]);
    let scores: Vec<f64> = row(head + 2)[1..].iter().map(|d| num(Some(d))).collect();
    for (got, want) in scores.iter().zip([27.34, 29.35, 28.0, 84.69]) {
        assert!((got - want).abs() < 1e-9, "{scores:?}");
    }
    let rates: Vec<f64> = row(head + 3)[1..].iter().map(|d| num(Some(d))).collect();
    for (got, want) in rates.iter().zip([0.8041, 0.8632, 0.875, 0.8469]) {
        assert!((got - want).abs() < 5e-5, "{rates:?}");
    }
    let f = formulas.get_value((head + 2, 4)).unwrap();
    assert!(f.starts_with("'得分 2021-dept'!H"), "{f}");
}

#[test]
fn budget_amounts_come_back_exact() {
    let (ws, mut wb) = workbook();
    let values = wb.worksheet_range("项目预算执行").unwrap();
    let p = ws.project("2021-qyfw").unwrap();
    let row = (1..u32::try_from(values.height()).unwrap())
        .find(|&r| values.get_value((r, 1)) == Some(&Data::String(p.name.clone())))
        .unwrap();
    let executed = num(values.get_value((row, 4)));
    // f64 → shortest decimal → the exact amount typed (134.5343 万元).
    assert_eq!(
        executed.to_string().parse::<Decimal>().unwrap(),
        p.executed.value().unwrap()
    );
    // Cost items sit under their project.
    let item = &p.cost_items[0];
    assert_eq!(text(values.get_value((row + 1, 1))), item.name);
}
