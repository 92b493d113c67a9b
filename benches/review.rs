//! The 批量复核 target: 500 submitted 自评表 (xlsx in 万元 and 元, GBK and UTF-8 CSV, from
//! `tests/review_support`) written to a temporary folder, then reviewed as `jixiao review`
//! does (walk, read every file on every core, re-score under the chosen profile and every
//! preset, checks, placed findings), plus the text and the xlsx of the batch. The target is
//! 500 forms in at most 5 s on the 2-core machine. Plain timing (a handful of runs, the best
//! and the median); run with `cargo bench --bench review`; not run in CI.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::cast_precision_loss)]

#[path = "../tests/review_support/mod.rs"]
mod review_support;

use std::time::{Duration, Instant};

use jixiao::review::{ReviewOptions, review_paths, text::batch_text};

const FORMS: usize = 500;
const RUNS: usize = 5;
const TARGET: Duration = Duration::from_secs(5);

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo test --benches` passes `--bench`-less arguments; a quick run is enough there.
    let quick = std::env::args().all(|a| a != "--bench");
    let n = if quick { 8 } else { FORMS };
    let dir = tempfile::tempdir().expect("temp dir");
    let written = Instant::now();
    review_support::write_many(dir.path(), n);
    println!(
        "wrote {n} forms in {:.0} ms to {}",
        ms(written.elapsed()),
        dir.path().display()
    );
    let paths = vec![dir.path().to_path_buf()];
    let opts = ReviewOptions::default();
    let mut times = Vec::new();
    for _ in 0..if quick { 1 } else { RUNS } {
        let t = Instant::now();
        let batch = review_paths(&paths, &opts);
        let text = batch_text(&batch);
        let reviewed = t.elapsed();
        let xlsx = jixiao::review::xlsx::workbook_bytes(&batch).expect("xlsx");
        let with_xlsx = t.elapsed();
        assert_eq!(batch.forms.len(), n, "every form reviewed");
        assert!(batch.failures.is_empty(), "{:?}", batch.failures);
        println!(
            "review {n} forms: {:.0} ms (text {} KB); with the xlsx ({} KB): {:.0} ms",
            ms(reviewed),
            text.len() / 1024,
            xlsx.len() / 1024,
            ms(with_xlsx)
        );
        times.push(reviewed);
    }
    times.sort();
    let best = times[0];
    let median = times[times.len() / 2];
    println!(
        "review/{n}_forms: best {:.0} ms, median {:.0} ms over {} runs ({:.2} ms per form); target {} s: {}",
        ms(best),
        ms(median),
        times.len(),
        ms(median) / n as f64,
        TARGET.as_secs(),
        if median <= TARGET { "met" } else { "NOT met" }
    );
}
