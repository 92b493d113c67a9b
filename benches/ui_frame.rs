//! Headless frame benchmark of the window (egui layout + tessellation, no GPU): scrolls a
//! 功能分类 grid of 1,000 and 100,000 rows and indicator sheets of 1,000 and 10,000 rows with
//! the mouse wheel, and times one cell edit until the score panel shows the new total.
//! Prints p50/p95/max per scenario. Run with `cargo bench --bench ui_frame`; not run in CI.
//!
//! Options (after `--`): `--frames N` (timed frames per round, default 300), `--rounds N`
//! (rounds per scenario, interleaved so that load hits every scenario alike, default 3),
//! `--only NAME` (scenarios whose name contains NAME).

// A benchmark is a harness, not product code: when its own setup fails (the synthetic sheet
// has no typed leaf, the edit does not land), stopping loudly with the reason is right.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{FRAME_DT, PIXELS_PER_POINT, WINDOW, app_and_context, arg, load_average, ms, pct};
use egui::{Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, RawInput};
use jixiao::model::{Actual, Rule, Workspace};
use jixiao::synth::{SynthSpec, synth};
use jixiao::ui::app::WorkbenchApp;
use jixiao::ui::grid::EditBuffer;
use jixiao::ui::pages::evaluation::ACTUAL_COL;
use jixiao::ui::pages::grid_key_for;
use jixiao::ui::view::{Output, View};
use rust_decimal::Decimal;

/// Points scrolled per frame (one wheel notch is 50 points in egui; a fast flick).
const WHEEL_POINTS: f32 = 40.0;
const WARMUP_FRAMES: usize = 30;

/// A window driven by hand: the app, its context and the simulated clock.
struct Window {
    app: WorkbenchApp,
    ctx: egui::Context,
    time: f64,
    /// Where the pointer rests (over the grid).
    pointer: Pos2,
}

/// What one frame cost and produced.
struct Frame {
    layout: Duration,
    tessellate: Duration,
    output_shapes: Vec<egui::epaint::ClippedShape>,
    repaint_now: bool,
    primitives: usize,
}

impl Window {
    fn new(ws: Workspace, view: View) -> Window {
        let (app, ctx) = app_and_context(ws, view);
        // The grid sits in the central panel, right of the navigator (220 pt) and left of the
        // score panel (300 pt): rest the pointer in the middle of it.
        Window {
            app,
            ctx,
            time: 0.0,
            pointer: egui::pos2(700.0, 500.0),
        }
    }

    fn input(&mut self, events: Vec<Event>) -> RawInput {
        self.time += FRAME_DT;
        common::input(self.time, events)
    }

    /// Runs one frame with these events: layout (the app's `frame_ui`) then tessellation.
    fn frame(&mut self, events: Vec<Event>) -> Frame {
        let raw = self.input(events);
        let app = &mut self.app;
        let start = Instant::now();
        let output = self.ctx.run_ui(raw, |ui| app.frame_ui(ui));
        let laid_out = Instant::now();
        let primitives = self
            .ctx
            .tessellate(output.shapes.clone(), output.pixels_per_point);
        let done = Instant::now();
        // The clone above is outside neither timing on purpose: it stands in for the move
        // eframe makes; it is tiny next to tessellation. Keep the shapes for inspection.
        let repaint_now = output
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.repaint_delay.is_zero());
        Frame {
            layout: laid_out - start,
            tessellate: done - laid_out,
            primitives: primitives.len(),
            output_shapes: output.shapes,
            repaint_now,
        }
    }

    /// One timed frame of scrolling. Not inlined, so that `valgrind --tool=callgrind
    /// --toggle-collect='*scroll_frame*'` counts the instructions of exactly these frames.
    #[inline(never)]
    fn scroll_frame(&mut self) -> Frame {
        let events = self.wheel();
        self.frame(events)
    }

    fn wheel(&self) -> Vec<Event> {
        vec![
            Event::PointerMoved(self.pointer),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -WHEEL_POINTS),
                phase: egui::TouchPhase::Move,
                source: MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            },
        ]
    }

    /// The first row number on screen, read from the accessibility tree ("第N行" row headers).
    fn first_visible_row(&mut self) -> Option<usize> {
        self.ctx.enable_accesskit();
        let raw = self.input(vec![Event::PointerMoved(self.pointer)]);
        let app = &mut self.app;
        let output = self.ctx.run_ui(raw, |ui| app.frame_ui(ui));
        let update = output.platform_output.accesskit_update?;
        update
            .nodes
            .iter()
            .filter(|(_, n)| n.role() == egui::accesskit::Role::RowHeader)
            .filter_map(|(_, n)| {
                n.label()?
                    .strip_prefix('第')?
                    .strip_suffix('行')?
                    .parse::<usize>()
                    .ok()
            })
            .min()
    }
}

/// Texts painted in this frame at this font size.
fn texts_of_size(shapes: &[egui::epaint::ClippedShape], size: f32) -> Vec<String> {
    let mut out = Vec::new();
    for s in shapes {
        collect_texts(&s.shape, size, &mut out);
    }
    out
}

fn collect_texts(shape: &egui::Shape, size: f32, out: &mut Vec<String>) {
    match shape {
        egui::Shape::Text(t) => {
            let sized = t
                .galley
                .job
                .sections
                .iter()
                .any(|s| (s.format.font_id.size - size).abs() < 0.01);
            if sized {
                out.push(t.galley.text().to_owned());
            }
        }
        egui::Shape::Vec(v) => {
            for s in v {
                collect_texts(s, size, out);
            }
        }
        _ => {}
    }
}

/// One scrolling scenario.
struct Scenario {
    name: &'static str,
    spec: SynthSpec,
    /// The 功能分类 grid (else the indicator sheet of the first evaluation).
    functional: bool,
}

impl Scenario {
    fn view(&self, ws: &Workspace) -> View {
        if self.functional {
            let year = ws.budgets.first().expect("a budget book").year;
            View::Functional { year, table: 0 }
        } else {
            View::Evaluation(ws.evaluations[0].id.clone())
        }
    }

    /// Rows of the grid scrolled.
    fn rows(&self, ws: &Workspace) -> usize {
        if self.functional {
            ws.budgets
                .first()
                .map_or(0, |b| b.functional[0].lines.len())
        } else {
            ws.evaluations[0].indicators.len()
        }
    }
}

/// Timings of one scenario over all its rounds.
#[derive(Default)]
struct Samples {
    total: Vec<Duration>,
    layout: Vec<Duration>,
    tessellate: Vec<Duration>,
    rows: usize,
    first_frame: Vec<Duration>,
    scrolled_to: Vec<usize>,
    primitives: usize,
}

fn run_round(sc: &Scenario, ws: &Workspace, frames: usize, samples: &mut Samples) {
    let mut w = Window::new(ws.clone(), sc.view(ws));
    // The first frame computes the scores and findings of the whole workspace (once per
    // document revision): reported apart, not part of the scrolling frames.
    let first = w.frame(vec![Event::PointerMoved(w.pointer)]);
    samples.first_frame.push(first.layout + first.tessellate);
    for _ in 0..WARMUP_FRAMES {
        let events = w.wheel();
        w.frame(events);
    }
    for _ in 0..frames {
        let f = w.scroll_frame();
        samples.total.push(f.layout + f.tessellate);
        samples.layout.push(f.layout);
        samples.tessellate.push(f.tessellate);
        samples.primitives = f.primitives;
    }
    samples.scrolled_to.push(w.first_visible_row().unwrap_or(0));
}

/// The first 三级 indicator with a typed, positive actual scored 正向比例: setting its actual to
/// 0 changes the total.
fn typed_leaf_row(ws: &Workspace) -> usize {
    let ev = &ws.evaluations[0];
    let shape = jixiao::calc::outline(&ev.indicators);
    ev.indicators
        .iter()
        .enumerate()
        .position(|(i, ind)| {
            shape[i].1 == i + 1
                && matches!(&ind.actual, Actual::Typed { value: Some(v), .. } if *v > Decimal::ZERO)
                && matches!(ind.rule, Rule::Proportional)
        })
        .expect("the synthetic sheet has a typed 正向比例 leaf")
}

/// Edits one actual in the 10,000-indicator sheet the way a user does (select, F2, select
/// all, type 0, Enter) and reports the frames from the Enter until the score panel shows the
/// new total.
fn edit_to_total(ws: &Workspace, round: usize) -> (Vec<Duration>, usize, String, String) {
    let view = View::Evaluation(ws.evaluations[0].id.clone());
    let key = grid_key_for(&view);
    let grid_id = egui::Id::unique(&key);
    let mut w = Window::new(ws.clone(), view.clone());
    w.frame(vec![]);
    // Different rows in different rounds, all typed leaves far down the sheet.
    let first = typed_leaf_row(ws);
    let ev = &ws.evaluations[0];
    let shape = jixiao::calc::outline(&ev.indicators);
    let row = (first + 5000 + round * 997..ev.indicators.len())
        .chain(first..ev.indicators.len())
        .find(|&i| {
            let ind = &ev.indicators[i];
            shape[i].1 == i + 1
                && matches!(&ind.actual, Actual::Typed { value: Some(v), .. } if *v > Decimal::ZERO)
                && matches!(ind.rule, Rule::Proportional)
        })
        .expect("a typed leaf");
    let old_total = w.app.derived.breakdowns[0].total.score;
    w.app
        .apply_outputs(vec![Output::Navigate(view, Some((row, ACTUAL_COL)))]);
    w.ctx.memory_mut(|m| m.request_focus(grid_id));
    for _ in 0..5 {
        w.frame(vec![]);
    }
    w.frame(vec![key_event(Key::F2, Modifiers::NONE)]);
    w.frame(vec![
        key_event(Key::A, Modifiers::COMMAND),
        Event::Text("0".to_owned()),
    ]);
    let editing = w.app.ui.grids.get(&key).and_then(|g| g.editing.clone());
    assert!(
        matches!(&editing, Some(EditBuffer { text, row: r, col, .. }) if text == "0" && *r == row && *col == ACTUAL_COL),
        "the editor holds the typed 0: {editing:?}"
    );
    let revision = w.app.doc.revision;
    let mut times = Vec::new();
    let mut frame = w.frame(vec![key_event(Key::Enter, Modifiers::NONE)]);
    times.push(frame.layout + frame.tessellate);
    assert_ne!(w.app.doc.revision, revision, "the Enter committed the edit");
    let new_total = w.app.derived.breakdowns[0].total.score;
    assert_ne!(new_total, old_total, "the edit moves the total");
    let shown = jixiao::calc::num::round2(new_total).to_string();
    // The total is the only 40-pt text of the window.
    let mut frames_until_shown = 1;
    while !texts_of_size(&frame.output_shapes, 40.0).contains(&shown) {
        assert!(
            frame.repaint_now,
            "egui must ask for the next frame at once while the panel lags"
        );
        assert!(frames_until_shown < 3, "the total never showed");
        frame = w.frame(vec![]);
        times.push(frame.layout + frame.tessellate);
        frames_until_shown += 1;
    }
    (
        times,
        frames_until_shown,
        jixiao::calc::num::round2(old_total).to_string(),
        shown,
    )
}

fn key_event(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let frames: usize = arg(&args, "--frames").unwrap_or(300);
    let rounds: usize = arg(&args, "--rounds").unwrap_or(3);
    let only: Option<String> = arg(&args, "--only");

    let scenarios = [
        Scenario {
            name: "functional_1k_rows",
            spec: SynthSpec {
                budget_lines: 1_000,
                ..SynthSpec::default()
            },
            functional: true,
        },
        Scenario {
            name: "functional_100k_rows",
            spec: SynthSpec {
                budget_lines: 100_000,
                ..SynthSpec::default()
            },
            functional: true,
        },
        Scenario {
            name: "evaluation_1k_indicators",
            spec: SynthSpec {
                indicators: 1_000,
                ..SynthSpec::default()
            },
            functional: false,
        },
        Scenario {
            name: "evaluation_10k_indicators",
            spec: SynthSpec {
                indicators: 10_000,
                ..SynthSpec::default()
            },
            functional: false,
        },
    ];
    let chosen: Vec<&Scenario> = scenarios
        .iter()
        .filter(|s| only.as_deref().is_none_or(|o| s.name.contains(o)))
        .collect();

    println!(
        "ui_frame: window {}x{} pt at {PIXELS_PER_POINT} px/pt, {frames} frames x {rounds} rounds after {WARMUP_FRAMES} warm-up frames, wheel {WHEEL_POINTS} pt/frame",
        WINDOW.x, WINDOW.y
    );
    println!("load average at start: {}", load_average());
    let workspaces: Vec<Workspace> = chosen.iter().map(|s| synth(&s.spec)).collect();
    let mut samples: Vec<Samples> = chosen.iter().map(|_| Samples::default()).collect();
    for ((s, ws), sc) in samples.iter_mut().zip(&workspaces).zip(&chosen) {
        s.rows = sc.rows(ws);
    }
    for round in 0..rounds {
        for (i, sc) in chosen.iter().enumerate() {
            run_round(sc, &workspaces[i], frames, &mut samples[i]);
        }
        eprintln!("round {} done, load {}", round + 1, load_average());
    }

    println!();
    println!(
        "| scenario | rows | frames | p50 ms | p95 ms | max ms | layout p50/p95 ms | tessellate p50/p95 ms | primitives | first frame ms | first row at end |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (sc, s) in chosen.iter().zip(samples.iter_mut()) {
        s.total.sort();
        s.layout.sort();
        s.tessellate.sort();
        let first: Vec<String> = s
            .first_frame
            .iter()
            .map(|d| format!("{:.0}", ms(*d)))
            .collect();
        let to: Vec<String> = s.scrolled_to.iter().map(ToString::to_string).collect();
        println!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} / {:.2} | {:.2} / {:.2} | {} | {} | {} |",
            sc.name,
            s.rows,
            s.total.len(),
            pct(&s.total, 50.0),
            pct(&s.total, 95.0),
            pct(&s.total, 100.0),
            pct(&s.layout, 50.0),
            pct(&s.layout, 95.0),
            pct(&s.tessellate, 50.0),
            pct(&s.tessellate, 95.0),
            s.primitives,
            first.join("/"),
            to.join("/"),
        );
    }
    println!("load average after scrolling: {}", load_average());

    if only.as_deref().is_none_or(|o| "edit".contains(o)) {
        let ws = workspaces
            .iter()
            .zip(&chosen)
            .find(|(_, s)| s.name == "evaluation_10k_indicators")
            .map_or_else(
                || {
                    synth(&SynthSpec {
                        indicators: 10_000,
                        ..SynthSpec::default()
                    })
                },
                |(w, _)| w.clone(),
            );
        println!();
        println!("edit → total, 10,000 indicators (Enter on an edited 实际完成值):");
        println!("| round | total before → after | frames until shown | frame times ms | sum ms |");
        println!("|---|---|---:|---|---:|");
        for round in 0..rounds.max(1) {
            let (times, n, before, after) = edit_to_total(&ws, round);
            let list: Vec<String> = times.iter().map(|d| format!("{:.2}", ms(*d))).collect();
            let sum: Duration = times.iter().sum();
            println!(
                "| {} | {before} → {after} | {n} | {} | {:.2} |",
                round + 1,
                list.join(" + "),
                ms(sum)
            );
        }
        println!("load average at end: {}", load_average());
    }
}
