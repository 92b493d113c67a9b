//! Load time of large workspaces (ignored by default; run in release with
//! `cargo test --release --test store_perf -- --ignored --nocapture`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use jixiao::model::*;
use jixiao::store;
use rust_decimal::Decimal;

fn amount(i: usize, scale: u32) -> Amount {
    Amount::Value(Decimal::new(i64::try_from(i).unwrap() * 12_345 + 7, scale))
}

fn big_budget(lines: usize) -> Workspace {
    let mut ws = Workspace::default();
    let rows = (0..lines)
        .map(|i| FunctionalLine {
            code: format!("{:07}", 2_010_101 + i),
            name: format!("行政运行{i}"),
            level: LineLevel::Item,
            total: amount(i, 2),
            basic: amount(i, 4),
            wages: amount(i + 1, 2),
            family: Amount::Blank,
            goods: amount(i + 2, 1),
            capital: Amount::Withheld,
            project: amount(i + 3, 2),
            operating: Amount::Blank,
            targeted: amount(i + 4, 2),
            ..Default::default()
        })
        .collect();
    ws.budgets.push(BudgetBook {
        year: 2021,
        functional: vec![FunctionalTable {
            name: "一般公共预算支出情况表".to_owned(),
            lines: rows,
            ..FunctionalTable::default()
        }],
        ..BudgetBook::default()
    });
    ws
}

fn many_indicators(n: usize) -> Workspace {
    let mut ws = Workspace::default();
    ws.evaluations.push(Evaluation {
        indicators: (0..n)
            .map(|i| Indicator {
                level: 3,
                name: format!("指标{i}"),
                weight: Decimal::new(1, 2),
                target: Target::parse("≥90%"),
                actual: Actual::typed("95.5%"),
                rule: Rule::Proportional,
                ..Indicator::default()
            })
            .collect(),
        ..Evaluation::default()
    });
    ws
}

/// Best of three loads, so a busy machine (other builds on two cores) skews it less.
fn time_load(label: &str, ws: &Workspace, budget_ms: u128) {
    let text = store::to_ron_string(ws).unwrap();
    let mut ms = u128::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let back = store::load_str(&text).unwrap();
        ms = ms.min(start.elapsed().as_millis());
        assert_eq!(&back, ws);
    }
    println!(
        "{label}: {} MiB parsed in {ms} ms",
        text.len() / (1024 * 1024)
    );
    if !cfg!(debug_assertions) {
        assert!(ms <= budget_ms, "{label}: {ms} ms > {budget_ms} ms");
    }
}

#[test]
#[ignore = "timing; run in release"]
fn a_hundred_thousand_budget_lines_load_quickly() {
    // The product's budget is 0.5 s for parse, checks and scores together; parsing gets most.
    time_load("100,000 budget lines", &big_budget(100_000), 400);
}

#[test]
#[ignore = "timing; run in release"]
fn ten_thousand_indicators_load_quickly() {
    time_load("10,000 indicators", &many_indicators(10_000), 60);
}
