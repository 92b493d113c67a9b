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
