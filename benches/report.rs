//! Criterion benchmark of the printed summary at the size BENCHMARKS.md sets a target for: a
//! ~50-page summary (about 1,600 indicator rows, from `jixiao::synth`), timed from the score
//! breakdown to the PDF bytes (layout, then the PDF writer). Run with
//! `cargo bench --bench report`; not run in CI.

#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use jixiao::calc::score_evaluation;
use jixiao::report::font::FontMetrics;
use jixiao::report::pdf::write_pdf;
use jixiao::report::{ReportOptions, layout_report};
use jixiao::synth::{SynthSpec, synth};

fn spec() -> SynthSpec {
    SynthSpec {
        indicators: 1_600,
        budget_lines: 120,
        projects: 8,
        seed: 1,
        year: 2023,
    }
}

fn summary(c: &mut Criterion) {
    let ws = synth(&spec());
    let ev = ws.evaluations.first().expect("synth makes an evaluation");
    let b = score_evaluation(&ws, ev);
    let fonts = FontMetrics::bundled().expect("bundled font");
    let opts = ReportOptions::default();
    // What is measured, said once: pages and bytes.
    let doc = layout_report(&ws, &[(ev, &b)], &[], opts, &fonts);
    let bytes = write_pdf(&doc, &fonts).expect("pdf");
    println!(
        "summary: {} indicator rows, {} pages, {} bytes ({} KB)",
        ev.indicators.len(),
        doc.pages.len(),
        bytes.len(),
        bytes.len().div_ceil(1024)
    );
    let mut g = c.benchmark_group("report");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("layout_1600_rows", |bch| {
        bch.iter(|| black_box(layout_report(&ws, &[(ev, &b)], &[], opts, &fonts)));
    });
    g.bench_function("layout_and_pdf_1600_rows", |bch| {
        bch.iter(|| {
            let doc = layout_report(&ws, &[(ev, &b)], &[], opts, &fonts);
            black_box(write_pdf(&doc, &fonts).expect("pdf"))
        });
    });
    g.bench_function("xlsx_1600_rows", |bch| {
        bch.iter(|| black_box(jixiao::report::xlsx::workbook_bytes(&ws).expect("xlsx")));
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    summary(&mut c);
    c.final_summary();
}
