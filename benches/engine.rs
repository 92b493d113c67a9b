//! Criterion benchmarks of the engine at the sizes BENCHMARKS.md sets targets for: a full
//! rescore of a 10,000-indicator sheet, opening and saving that workspace, and the same with
//! 100,000 budget lines. Run with `cargo bench --bench engine`; not run in CI.

// A benchmark is a harness, not product code: when its own setup fails (a temp dir cannot be
// made), stopping loudly with the reason is the right outcome.
#![allow(clippy::expect_used)]

use std::cell::LazyCell;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, SamplingMode};
use jixiao::calc::{ScoreBreakdown, score_evaluation};
use jixiao::model::Workspace;
use jixiao::store::{LoadError, load_path, load_str, save_path, to_ron_string};
use jixiao::synth::{SynthSpec, synth};

/// The 10,000-indicator workspace of the first targets (an ordinary budget book).
fn sheet_spec() -> SynthSpec {
    SynthSpec {
        indicators: 10_000,
        budget_lines: 120,
        projects: 20,
        seed: 1,
        year: 2023,
    }
}

/// The same sheet with 100,000 budget lines.
fn big_spec() -> SynthSpec {
    SynthSpec {
        budget_lines: 100_000,
        ..sheet_spec()
    }
}

fn score_first(ws: &Workspace) -> Option<ScoreBreakdown> {
    ws.evaluations.first().map(|ev| score_evaluation(ws, ev))
}

/// What opening a file costs the user: read, parse and deserialize, then score.
fn open_text(text: &str) -> Result<(Workspace, Option<ScoreBreakdown>), LoadError> {
    let ws = load_str(text)?;
    let b = score_first(&ws);
    Ok((ws, b))
}

fn open_file(path: &Path) -> Result<(Workspace, Option<ScoreBreakdown>), LoadError> {
    let ws = load_path(path)?;
    let b = score_first(&ws);
    Ok((ws, b))
}

/// A full rescore of the 10,000-indicator sheet, two ways:
/// - `score_evaluation_10k_indicators`: as the window does on an edit. The new breakdown is
///   computed while the previous one is still shown, then the previous one is dropped; the
///   drop is timed, and memory freed by earlier rescores is reused, as it is in the app.
/// - `…_fresh_memory`: every result kept until the batch ends, so each rescore writes into
///   memory the allocator has just obtained from the system (page faults included), and the
///   drop is not timed. This is the slower, colder case.
fn rescore<M: Measurement>(c: &mut Criterion<M>) {
    let ws = LazyCell::new(|| synth(&sheet_spec()));
    let mut g = c.benchmark_group("rescore");
    g.bench_function("score_evaluation_10k_indicators", |b| {
        let mut shown = score_first(&ws);
        b.iter(|| std::mem::replace(&mut shown, score_first(black_box(&ws))));
    });
    g.bench_function("score_evaluation_10k_indicators_fresh_memory", |b| {
        b.iter_with_large_drop(|| score_first(black_box(&ws)));
    });
    g.finish();
}

/// What the open and save benchmarks of one size work on.
struct Fixture {
    ws: Workspace,
    text: String,
    path: std::path::PathBuf,
    /// Kept so the directory lives as long as the fixture.
    _dir: tempfile::TempDir,
}

impl Fixture {
    fn new(group: &str, spec: &SynthSpec) -> Fixture {
        let ws = synth(spec);
        let text = to_ron_string(&ws).expect("the synthetic workspace serializes");
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("workspace.ron");
        save_path(&ws, &path).expect("the synthetic workspace saves");
        eprintln!(
            "{group}: {} indicators, {} budget lines, {} projects, RON {} bytes",
            spec.indicators,
            spec.budget_lines,
            spec.projects,
            text.len()
        );
        Fixture {
            ws,
            text,
            path,
            _dir: dir,
        }
    }
}

/// Open and save of one workspace, with the sub-steps that make them up. The workspace is
/// only built when a benchmark of the group is selected (`cargo bench --bench engine -- NAME`).
fn open_and_save<M: Measurement>(c: &mut Criterion<M>, group: &str, spec: &SynthSpec, slow: bool) {
    let fx = LazyCell::new(|| Fixture::new(group, spec));
    let mut g = c.benchmark_group(group);
    if slow {
        g.sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(8));
    } else {
        g.sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
    }
    g.bench_function("open_file", |b| {
        b.iter_with_large_drop(|| open_file(black_box(&fx.path)));
    });
    g.bench_function("open_text", |b| {
        b.iter_with_large_drop(|| open_text(black_box(&fx.text)));
    });
    g.bench_function("save_file", |b| {
        b.iter(|| save_path(black_box(&fx.ws), black_box(&fx.path)));
    });
    // Sub-steps, to see where the time goes.
    g.bench_function("step_load_str", |b| {
        b.iter_with_large_drop(|| load_str(black_box(&fx.text)));
    });
    g.bench_function("step_score", |b| {
        b.iter_with_large_drop(|| score_first(black_box(&fx.ws)));
    });
    g.bench_function("step_to_ron_string", |b| {
        b.iter_with_large_drop(|| to_ron_string(black_box(&fx.ws)));
    });
    g.bench_function("step_write_text", |b| {
        b.iter(|| std::fs::write(black_box(&fx.path), black_box(fx.text.as_bytes())));
    });
    g.finish();
}

fn open_save_10k<M: Measurement>(c: &mut Criterion<M>) {
    open_and_save(c, "open_save_10k_indicators", &sheet_spec(), false);
}

fn open_save_100k_lines<M: Measurement>(c: &mut Criterion<M>) {
    open_and_save(c, "open_save_10k_indicators_100k_lines", &big_spec(), true);
}

/// Thread CPU time, read from `/proc/thread-self/schedstat` (nanoseconds on the CPU), for
/// numbers that other processes on a busy machine disturb less than wall time. The kernel
/// brings the running thread's figure up to date at each scheduler tick, so a single reading
/// can lag by a few milliseconds: criterion's samples here are hundreds of milliseconds long.
struct ThreadCpu;

fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    #[allow(clippy::cast_precision_loss)] // nanoseconds below 2^53 are exact
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        WallTime.formatter()
    }
}

fn run<M: Measurement + 'static>(mut c: Criterion<M>) {
    rescore(&mut c);
    open_save_10k(&mut c);
    open_save_100k_lines(&mut c);
    c.final_summary();
}

/// `JIXIAO_BENCH_CLOCK=cpu` measures thread CPU time instead of wall time.
fn main() {
    if std::env::var("JIXIAO_BENCH_CLOCK").is_ok_and(|v| v == "cpu") {
        run(Criterion::default()
            .with_measurement(ThreadCpu)
            .configure_from_args());
    } else {
        run(Criterion::default().configure_from_args());
    }
}
