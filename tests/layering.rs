//! The layers only look downward: `model` and `calc` know nothing of the window or of files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

/// Words that would mean a layer reaches up or out.
const FORBIDDEN: [&str; 9] = [
    "egui",
    "eframe",
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "File::",
    "OpenOptions",
    "crate::store",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn model_and_calc_do_no_io_and_know_no_window() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    for layer in ["model", "calc"] {
        let mut files = Vec::new();
        rust_files(&root.join(layer), &mut files);
        assert!(!files.is_empty(), "src/{layer} has no files");
        for f in files {
            let text = fs::read_to_string(&f).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for word in FORBIDDEN {
                    if code.contains(word) {
                        offences.push(format!("{}:{}: {word}", f.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "layer violations:\n{}",
        offences.join("\n")
    );
}

#[test]
fn model_and_calc_do_not_reach_into_upper_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("model"), &mut files);
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        assert!(
            !text.contains("crate::calc"),
            "{} uses calc (model must not)",
            f.display()
        );
    }
}

mod support_modgraph;

#[test]
fn no_file_uses_a_file_that_uses_it_back() {
    let krate = support_modgraph::Crate::read();
    let edges = krate.edges();
    let cycles = support_modgraph::cycles(&edges);
    let text: Vec<String> = cycles
        .iter()
        .map(|c| {
            let uses: Vec<String> = c
                .iter()
                .flat_map(|a| {
                    edges[a]
                        .iter()
                        .filter(|b| c.contains(b))
                        .map(move |b| format!("{a} → {b}"))
                })
                .collect();
            format!("{}\n  ({})", c.join(" ⇄ "), uses.join("; "))
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "use cycles between files (each line: files that reach each other):\n{}",
        text.join("\n")
    );
}

/// Which top-level modules each module may use (besides itself). Everything below `ui` and
/// `cli` is forbidden from using them, and `ui` from using `cli`; a new module must be added
/// here before it can be used.
const MAY_USE: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("doc", &["model"]),
    ("calc", &["model"]),
    ("templates", &["model"]),
    ("synth", &["model", "calc"]),
    ("store", &["model"]),
    ("sample", &["model", "store"]),
    ("report", &["model", "calc"]),
    ("import", &["model", "doc", "calc"]),
    ("review", &["model", "doc", "calc", "store", "import", "report"]),
    (
        "ui",
        &[
            "model",
            "doc",
            "calc",
            "templates",
            "store",
            "sample",
            "report",
            "import",
            "review",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "doc",
            "calc",
            "templates",
            "synth",
            "store",
            "sample",
            "report",
            "import",
            "review",
            "ui",
        ],
    ),
];

#[test]
fn every_module_uses_only_the_modules_below_it() {
    let krate = support_modgraph::Crate::read();
    let top = |m: &str| m.split("::").next().unwrap_or(m).to_owned();
    let table: std::collections::BTreeMap<&str, &[&str]> = MAY_USE.iter().copied().collect();
    let mut offences = Vec::new();
    for (from, uses) in krate.edges() {
        if from == "crate" {
            continue;
        }
        let a = top(&from);
        let Some(allowed) = table.get(a.as_str()) else {
            offences.push(format!("src/{a}: not in the layering table MAY_USE"));
            continue;
        };
        for to in uses {
            let b = top(&to);
            if b != a && b != "crate" && !allowed.contains(&b.as_str()) {
                offences.push(format!("{from} uses {to} ({a} may not use {b})"));
            }
        }
    }
    offences.sort();
    offences.dedup();
    assert!(
        offences.is_empty(),
        "layering violations:\n{}",
        offences.join("\n")
    );
}

#[test]
fn nothing_below_the_window_uses_it_and_the_window_does_not_use_the_command_line() {
    for (module, allowed) in MAY_USE {
        if *module != "ui" && *module != "cli" {
            assert!(!allowed.contains(&"ui"), "{module} may use ui");
            assert!(!allowed.contains(&"cli"), "{module} may use cli");
        }
    }
    let ui = MAY_USE.iter().find(|(m, _)| *m == "ui").unwrap().1;
    assert!(!ui.contains(&"cli"));
}

#[test]
fn the_reader_sees_uses_through_braces_relative_paths_and_re_exports() {
    let edges = support_modgraph::Crate::read().edges();
    // `crate::sample::sample_workspace()` in code.
    assert!(edges["ui::app"].contains("sample"));
    // `use app::{Startup, WorkbenchApp};` in ui/mod.rs (a path relative to the module).
    assert!(edges["ui"].contains("ui::app"));
    // `use crate::model::{..., Target, ...}` resolves through `pub use target::*` in model.
    assert!(edges["model::project"].contains("model::target"));
    // `use super::blocks::{info_grid, level_columns, title_block};`
    assert!(edges["report::selfeval"].contains("report::blocks"));
    // A `pub use` is not a use: cli re-exports the sample but does not use it otherwise.
    assert!(!edges["cli"].contains("sample"));
}
