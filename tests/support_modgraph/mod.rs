//! The crate's files and which files each one uses, read from the sources: every `crate::`,
//! `super::` and `self::` path (in `use` statements, braces expanded, and in code), resolved
//! to the file that defines the named module or item. A `pub use` is a re-export, not a use:
//! a path through it resolves on to the file that defines the item.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One source file: its module path (`["ui", "pages", "checks"]`), text without comments.
pub struct File {
    pub module: Vec<String>,
    pub path: PathBuf,
    /// Lines of code with comments removed, each with the inline-module depth it sits at.
    pub lines: Vec<(usize, String)>,
}

pub struct Crate {
    pub files: Vec<File>,
    /// Module path → index in `files`.
    pub by_module: BTreeMap<Vec<String>, usize>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The code of a file without `//` comments and string contents, with the depth of inline
/// `mod name {` blocks (where `super::` means the file's own module).
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut inline_starts: Vec<i64> = Vec::new();
    let mut braces: i64 = 0;
    for line in text.lines() {
        let mut code = String::new();
        let mut in_str = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_str {
                if c == '\\' {
                    chars.next();
                } else if c == '"' {
                    in_str = false;
                    code.push('"');
                }
                continue;
            }
            if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' {
                in_str = true;
            }
            code.push(c);
        }
        let trimmed = code.trim_start();
        let opens_inline = (trimmed.starts_with("mod ") || trimmed.starts_with("pub mod "))
            && trimmed.trim_end().ends_with('{');
        if opens_inline {
            inline_starts.push(braces);
            depth += 1;
        }
        out.push((depth, code.clone()));
        for c in code.chars() {
            match c {
                '{' => braces += 1,
                '}' => {
                    braces -= 1;
                    if inline_starts.last() == Some(&braces) {
                        inline_starts.pop();
                        depth -= 1;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

impl Crate {
    pub fn read() -> Crate {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut paths = Vec::new();
        rust_files(&src, &mut paths);
        let mut files = Vec::new();
        let mut by_module = BTreeMap::new();
        for path in paths {
            if path.file_name().is_some_and(|n| n == "main.rs") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let module = module_of(&src, &path);
            by_module.insert(module.clone(), files.len());
            files.push(File {
                module,
                path,
                lines: code_lines(&text),
            });
        }
        Crate { files, by_module }
    }

    /// Whether a file is a directory module (`mod.rs` or `lib.rs`).
    fn is_dir_module(&self, i: usize) -> bool {
        let name = self.files[i].path.file_name().unwrap().to_string_lossy();
        name == "mod.rs" || name == "lib.rs"
    }

    /// The child a directory module re-exports `name` from (`pub use child::{.., name, ..}` or
    /// `pub use child::*`).
    fn reexport_of(&self, dir: usize, name: &str) -> Option<usize> {
        let module = &self.files[dir].module;
        let mut glob = None;
        for stmt in use_statements(&self.files[dir]) {
            if !stmt.public {
                continue;
            }
            for path in &stmt.paths {
                let Some(first) = path.first() else { continue };
                let abs: Vec<String> = if first == "crate" || first == "self" || first == "super" {
                    let Some(abs) = absolute(module, 0, false, path) else {
                        continue;
                    };
                    abs
                } else {
                    module.iter().cloned().chain(path.iter().cloned()).collect()
                };
                if abs.is_empty() {
                    continue;
                }
                let last = abs.last().cloned().unwrap_or_default();
                if last == name || path.last().is_some_and(|l| l == name) {
                    let (file, _) = self.resolve_module(&abs[..abs.len() - 1]);
                    if let Some(f) = file
                        && f != dir
                    {
                        return Some(self.resolve_item(f, name));
                    }
                }
                if last == "*" {
                    let (file, _) = self.resolve_module(&abs[..abs.len() - 1]);
                    if let Some(f) = file
                        && f != dir
                    {
                        glob.get_or_insert(f);
                    }
                }
            }
        }
        // A glob re-export: the child, if it defines the name (else the directory itself).
        let f = glob?;
        let defines = self.files[f].lines.iter().any(|(_, l)| {
            [
                "struct ", "enum ", "fn ", "trait ", "type ", "const ", "static ", "use ",
            ]
            .iter()
            .any(|k| l.contains(&format!("{k}{name}")))
        });
        defines.then_some(f)
    }

    /// The longest module prefix of `abs` that is a file, and how many segments it took.
    fn resolve_module(&self, abs: &[String]) -> (Option<usize>, usize) {
        for n in (0..=abs.len()).rev() {
            if let Some(i) = self.by_module.get(&abs[..n]) {
                return (Some(*i), n);
            }
        }
        (None, 0)
    }

    /// The file that defines `name` as reached through file `i`.
    fn resolve_item(&self, i: usize, name: &str) -> usize {
        if let Some(child) = self.reexport_of(i, name) {
            return child;
        }
        i
    }

    /// The file a path (already made absolute, without `crate`) names.
    fn resolve(&self, abs: &[String]) -> Option<usize> {
        let (file, took) = self.resolve_module(abs);
        let file = file?;
        match abs.get(took) {
            Some(name) if name != "*" => Some(self.resolve_item(file, name)),
            _ => Some(file),
        }
    }

    /// Every file each file uses (its own file excluded), as module paths joined by `::`.
    pub fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (i, f) in self.files.iter().enumerate() {
            let entry = out.entry(name_of(&f.module)).or_default();
            let children: BTreeSet<String> = self
                .by_module
                .keys()
                .filter(|m| m.len() == f.module.len() + 1 && m.starts_with(&f.module))
                .filter_map(|m| m.last().cloned())
                .collect();
            for (depth, path) in paths_in(f, &children) {
                let Some(abs) = absolute(&f.module, depth, self.is_dir_module(i), &path) else {
                    continue;
                };
                if let Some(t) = self.resolve(&abs)
                    && t != i
                {
                    entry.insert(name_of(&self.files[t].module));
                }
            }
        }
        out
    }
}

/// `crate` for the root, else the module path joined by `::`.
pub fn name_of(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

/// A path made absolute (without `crate`), or `None` for an external path.
fn absolute(module: &[String], depth: usize, dir: bool, path: &[String]) -> Option<Vec<String>> {
    let first = path.first()?;
    // Inside an inline `mod tests {}` one `super` climbs back to the file's module.
    let mut base: Vec<String> = module.to_vec();
    let mut rest = path;
    match first.as_str() {
        "crate" => {
            base.clear();
            rest = &path[1..];
        }
        "self" => rest = &path[1..],
        "super" => {
            let mut supers: usize = 0;
            while rest.first().is_some_and(|s| s == "super") {
                supers += 1;
                rest = &rest[1..];
            }
            let mut climb = supers.saturating_sub(depth);
            // `super` in a file `a/b.rs` is `a`; in `a/b/mod.rs` (module a::b) it is `a` too.
            let _ = dir;
            while climb > 0 {
                base.pop()?;
                climb -= 1;
            }
        }
        _ => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

struct UseStmt {
    public: bool,
    paths: Vec<Vec<String>>,
}

/// The `use` statements of a file, braces expanded.
fn use_statements(f: &File) -> Vec<UseStmt> {
    let mut out = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for (_, line) in &f.lines {
        let t = line.trim();
        if current.is_none() {
            let (public, rest) = if let Some(r) = t.strip_prefix("pub use ") {
                (true, r)
            } else if let Some(r) = t.strip_prefix("pub(crate) use ") {
                (true, r)
            } else if let Some(r) = t.strip_prefix("use ") {
                (false, r)
            } else {
                continue;
            };
            current = Some((public, String::new()));
            if let Some((_, s)) = &mut current {
                s.push_str(rest);
            }
        } else if let Some((_, s)) = &mut current {
            s.push_str(t);
        }
        if let Some((public, s)) = &current
            && s.contains(';')
        {
            let body = s.split(';').next().unwrap_or("");
            out.push(UseStmt {
                public: *public,
                paths: expand(body),
            });
            current = None;
        }
    }
    out
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e` (each as segments; `as` dropped).
fn expand(s: &str) -> Vec<Vec<String>> {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() || *c == ' ')
        .collect();
    let s = s.trim();
    let Some(open) = s.find('{') else {
        let p = s.split(" as ").next().unwrap_or(s).replace(' ', "");
        return vec![p.split("::").map(str::to_owned).collect()];
    };
    let prefix = s[..open].trim_end_matches("::").replace(' ', "");
    let inner = &s[open + 1..s.rfind('}').unwrap_or(s.len())];
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    let mut out = Vec::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        for mut tail in expand(p) {
            if tail == ["self"] {
                tail.clear();
            }
            let mut full: Vec<String> = if prefix.is_empty() {
                Vec::new()
            } else {
                prefix.split("::").map(str::to_owned).collect()
            };
            full.extend(tail);
            out.push(full);
        }
    }
    out
}

/// Every `crate::`/`super::`/`self::` path of a file, in `use` statements and in code, with
/// the inline-module depth it appears at.
fn paths_in(f: &File, children: &BTreeSet<String>) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    // use statements (with braces); their lines are skipped by the code scan below.
    let mut in_use = false;
    let mut stmt = String::new();
    let mut stmt_depth = 0;
    let mut stmt_public = false;
    for (depth, line) in &f.lines {
        let t = line.trim();
        let starts =
            t.starts_with("use ") || t.starts_with("pub use ") || t.starts_with("pub(crate) use ");
        if !in_use && starts {
            in_use = true;
            stmt_public = t.starts_with("pub");
            stmt.clear();
            stmt_depth = *depth;
            stmt.push_str(t.split_once("use ").map_or("", |(_, r)| r));
        } else if in_use {
            stmt.push_str(t);
        } else {
            scan_code(line, *depth, &mut out);
            continue;
        }
        if stmt.contains(';') {
            in_use = false;
            if stmt_public {
                // A re-export, not a use.
                continue;
            }
            let body = stmt.split(';').next().unwrap_or("").to_owned();
            for p in expand(&body) {
                let Some(first) = p.first() else { continue };
                if first == "crate" || first == "super" || first == "self" {
                    out.push((stmt_depth, p));
                } else if stmt_depth == 0 && children.contains(first) {
                    // A path relative to this module (`use app::X;` in `ui/mod.rs`).
                    let mut rel = vec!["self".to_owned()];
                    rel.extend(p);
                    out.push((stmt_depth, rel));
                }
            }
        }
    }
    out
}

fn scan_code(line: &str, depth: usize, out: &mut Vec<(usize, Vec<String>)>) {
    let bytes = line.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(pos) = line[from..].find(start) {
            let at = from + pos;
            from = at + start.len();
            // Not the tail of another identifier (`my_crate::`).
            if at > 0 {
                let b = bytes[at - 1];
                if b.is_ascii_alphanumeric() || b == b'_' || b == b':' {
                    continue;
                }
            }
            let mut segs = Vec::new();
            let mut rest = &line[at..];
            loop {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if end == 0 {
                    break;
                }
                segs.push(rest[..end].to_owned());
                rest = &rest[end..];
                if let Some(r) = rest.strip_prefix("::") {
                    rest = r;
                } else {
                    break;
                }
            }
            if segs.len() > 1 {
                out.push((depth, segs));
            }
        }
    }
}

/// The cycles of a graph: every strongly connected component of more than one node, sorted.
pub fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Tarjan's algorithm, iterative enough for a few hundred files (recursion is fine here).
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        on: BTreeSet<&'a str>,
        stack: Vec<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(ws) = t.edges.get(v) {
            for w in ws {
                let w = w.as_str();
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(lw));
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(iw));
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        on: BTreeSet::new(),
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out.sort();
    t.out
}
