//! Headless frame benchmark of the charts (egui layout + tessellation, no GPU): the department
//! chart page with 1,000 projects, and a project page whose chart has 10,000 disbursement
//! events, each with the pointer resting on the plot and with the pointer moving over it (so
//! the hover read-out runs every frame). Also times the series computation (once per
//! revision) and checks that no frame recomputes it.
//!
//! Run with `cargo bench --bench charts_frame`; not run in CI. Options (after `--`):
//! `--frames N` (timed frames per round, default 300), `--rounds N` (default 3), `--only NAME`
//! (scenarios whose name contains NAME).

// A benchmark is a harness: when its own setup fails, stopping loudly is right.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::{FRAME_DT, WINDOW, app_and_context, arg, input, load_average, pct};
use egui::{Event, Pos2};
use jixiao::model::{
    Amount, Disbursement, DisbursementStage, Meta, Project, ProjectKind, Workspace,
};
use jixiao::ui::app::WorkbenchApp;
use jixiao::ui::charts::data::ProgressData;
use jixiao::ui::view::View;
use rust_decimal::Decimal;

const WARMUP_FRAMES: usize = 20;
const YEAR: i32 = 2021;

/// A deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A project of `YEAR` with `events` disbursements spread over the year, alternating stages,
/// adding up to less than its budget.
fn project(i: usize, events: usize, rng: &mut Rng) -> Project {
    let budget = 1_000_000 + i64::try_from(rng.below(9_000_000)).unwrap();
    let per_event = budget / i64::try_from(events.max(1) * 2).unwrap();
    let start = NaiveDate::from_ymd_opt(YEAR, 1, 1).unwrap();
    let disbursements = (0..events)
        .map(|k| Disbursement {
            date: start.checked_add_days(chrono::Days::new(rng.below(365))),
            amount: Amount::Value(Decimal::new(
                per_event + i64::try_from(rng.below(100)).unwrap(),
                2,
            )),
            stage: if k % 3 == 0 {
                DisbursementStage::ToDistricts
            } else {
                DisbursementStage::ToBeneficiaries
            },
            note: String::new(),
            ..Default::default()
        })
        .collect();
    Project {
        id: format!("p{i:05}"),
        name: format!("合成专项资金第{i}项"),
        year: YEAR,
        kind: ProjectKind::Targeted,
        budget_initial: Amount::Value(Decimal::new(budget, 2)),
        executed: Amount::Value(Decimal::new(budget * 8 / 10, 2)),
        disbursements,
        ..Project::default()
    }
}

fn workspace(projects: usize, events: usize) -> Workspace {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    Workspace {
        meta: Meta {
            title: "图表基准（合成数据）".to_owned(),
            fiscal_year: YEAR,
            ..Meta::default()
        },
        projects: (0..projects)
            .map(|i| project(i, events, &mut rng))
            .collect(),
        ..Workspace::default()
    }
}

struct Window {
    app: WorkbenchApp,
    ctx: egui::Context,
    time: f64,
}

impl Window {
    fn new(ws: Workspace, view: View) -> Window {
        let (app, ctx) = app_and_context(ws, view);
        Window {
            app,
            ctx,
            time: 0.0,
        }
    }

    /// One frame: layout (`frame_ui`) and tessellation; returns its duration. Not inlined,
    /// so that `valgrind --tool=callgrind --toggle-collect='*Window*frame*'` counts frames only.
    #[inline(never)]
    fn frame(&mut self, events: Vec<Event>) -> Duration {
        self.time += FRAME_DT;
        let raw = input(self.time, events);
        let app = &mut self.app;
        let start = Instant::now();
        let output = self.ctx.run_ui(raw, |ui| app.frame_ui(ui));
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        start.elapsed()
    }
}

struct Scenario {
    name: &'static str,
    projects: usize,
    events: usize,
    view: View,
    /// Where the plot is (the pointer rests or moves here).
    pointer: Pos2,
    moving: bool,
}

fn run(sc: &Scenario, ws: &Workspace, frames: usize, samples: &mut Vec<Duration>) {
    let mut w = Window::new(ws.clone(), sc.view.clone());
    for _ in 0..WARMUP_FRAMES {
        w.frame(vec![Event::PointerMoved(sc.pointer)]);
    }
    let revision = w.app.doc.revision;
    // The derived progress data of this revision: recomputing it allocates a new one.
    let progress = w.app.derived.progress.projects.as_ptr();
    assert!(
        !w.app.derived.progress.projects.is_empty(),
        "no progress data to watch"
    );
    for k in 0..frames {
        let events = if sc.moving {
            #[expect(clippy::cast_precision_loss, reason = "small frame counts")]
            let dx = (k % 200) as f32 * 2.0 - 200.0;
            vec![Event::PointerMoved(sc.pointer + egui::vec2(dx, 0.0))]
        } else {
            Vec::new()
        };
        samples.push(w.frame(events));
    }
    // Nothing was recomputed during the frames: no edit, and the progress data computed before
    // them is the very one still in use.
    assert_eq!(w.app.doc.revision, revision);
    assert!(
        std::ptr::eq(w.app.derived.progress.projects.as_ptr(), progress),
        "derived data recomputed without an edit"
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let frames: usize = arg(&args, "--frames").unwrap_or(300);
    let rounds: usize = arg(&args, "--rounds").unwrap_or(3);
    let only: Option<String> = arg(&args, "--only");
    let dept = workspace(1000, 6);
    let big = workspace(1, 10_000);
    let scenarios = [
        Scenario {
            name: "department chart, 1,000 projects, pointer still",
            projects: 1000,
            events: 6,
            view: View::Progress { year: YEAR },
            pointer: egui::pos2(700.0, 250.0),
            moving: false,
        },
        Scenario {
            name: "department chart, 1,000 projects, pointer moving",
            projects: 1000,
            events: 6,
            view: View::Progress { year: YEAR },
            pointer: egui::pos2(700.0, 250.0),
            moving: true,
        },
        Scenario {
            name: "project chart, 10,000 events, pointer still",
            projects: 1,
            events: 10_000,
            view: View::Project(big.projects[0].id.clone()),
            pointer: egui::pos2(700.0, 200.0),
            moving: false,
        },
        Scenario {
            name: "project chart, 10,000 events, pointer moving",
            projects: 1,
            events: 10_000,
            view: View::Project(big.projects[0].id.clone()),
            pointer: egui::pos2(700.0, 200.0),
            moving: true,
        },
    ];
    println!(
        "charts_frame: {frames} frames x {rounds} rounds per scenario, window {}x{}, {} logical cores",
        WINDOW.x,
        WINDOW.y,
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    println!("load average at start: {}", load_average());

    for (name, ws) in [
        ("1,000 projects x 6 events", &dept),
        ("1 project x 10,000 events", &big),
    ] {
        let mut t = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            let d = ProgressData::compute(ws);
            t.push(start.elapsed());
            assert_eq!(d.projects.len(), ws.projects.len());
        }
        t.sort_unstable();
        println!(
            "series + geometry once per revision ({name}): median {:.2} ms",
            pct(&t, 50.0)
        );
    }

    let mut samples: Vec<Vec<Duration>> = scenarios.iter().map(|_| Vec::new()).collect();
    for round in 0..rounds {
        for (sc, s) in scenarios.iter().zip(&mut samples) {
            if only.as_ref().is_some_and(|o| !sc.name.contains(o.as_str())) {
                continue;
            }
            let ws = if sc.projects == 1 { &big } else { &dept };
            assert_eq!(ws.projects.len(), sc.projects);
            assert_eq!(ws.projects[0].disbursements.len(), sc.events);
            run(sc, ws, frames, s);
        }
        eprintln!("round {} done, load {}", round + 1, load_average());
    }
    println!();
    println!("| scenario | frames | p50 ms | p95 ms | max ms |");
    println!("|---|---:|---:|---:|---:|");
    for (sc, s) in scenarios.iter().zip(&mut samples) {
        if s.is_empty() {
            continue;
        }
        s.sort_unstable();
        println!(
            "| {} | {} | {:.2} | {:.2} | {:.2} |",
            sc.name,
            s.len(),
            pct(s, 50.0),
            pct(s, 95.0),
            pct(s, 100.0)
        );
    }
    println!("load average at end: {}", load_average());
}
