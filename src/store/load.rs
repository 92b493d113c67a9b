//! Reading a workspace file: size and encoding checks, the version gate, the typed parse, and
//! an error that says where and why when any of them fails.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::{LoadError, LoadErrorKind, io_reason};
use super::version::{self, Declared};
use super::{MAX_FILE_BYTES, RECURSION_LIMIT, words};
use crate::model::{FORMAT_VERSION, Workspace};

/// The ron options every load uses: a bounded nesting depth, so no file can exhaust the stack.
fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Reads a workspace file.
pub fn load_path(path: &Path) -> Result<Workspace, LoadError> {
    read_file(path)
        .and_then(|bytes| load_bytes(&bytes))
        .map_err(|e| e.with_path(path))
}

/// Reads the bytes of a file, refusing folders and files beyond [`MAX_FILE_BYTES`] before
/// reading them.
fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io_error = |e: std::io::Error| {
        LoadError::new(
            LoadErrorKind::Io,
            format!("无法读取文件：{}", io_reason(&e)),
        )
    };
    let file = File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_dir() {
        return Err(LoadError::new(
            LoadErrorKind::Io,
            "这是一个文件夹，不是工作区文件",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    // `take` guards against a file that grows while it is read, or reports a wrong length.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> LoadError {
    LoadError::new(
        LoadErrorKind::TooLarge,
        format!(
            "文件太大（{} MiB），超过了工作区文件的上限 {} MiB：这可能不是工作区文件",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// Parses a workspace from the bytes of a file (UTF-8, with or without a byte-order mark).
pub fn load_bytes(bytes: &[u8]) -> Result<Workspace, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::new(
            LoadErrorKind::Encoding,
            "文件是 UTF-16 编码的：请用文本编辑器另存为 UTF-8 后再打开",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            // The prefix is valid by construction; the fallback only keeps this panic-free.
            let head = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = version::line_col(head, head.len());
            Err(LoadError::new(
                LoadErrorKind::Encoding,
                format!(
                    "文件不是有效的 UTF-8 文本（第 {} 个字节起）：可能是用 GBK 等其他编码保存的，\
                     请用文本编辑器另存为 UTF-8 后再打开",
                    e.valid_up_to() + 1
                ),
            )
            .at(line, column))
        }
    }
}

/// Parses a workspace from RON text.
pub fn load_str(text: &str) -> Result<Workspace, LoadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(text.len() as u64));
    }
    // Windows editors may put a byte-order mark in front; it is not part of the document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::new(
            LoadErrorKind::Empty,
            "文件是空的：可能保存时被中断。如果旁边有同名的 .bak 备份文件，可以打开它",
        ));
    }
    let declared = declared_version(text)?;
    let current = u64::from(FORMAT_VERSION);
    if declared.version > current {
        return Err(LoadError::new(
            LoadErrorKind::TooNew,
            format!(
                "此文件由更新版本的绩效评价工作台保存（格式版本 {}），本程序只支持到版本 {current}，\
                 请升级后再打开",
                declared.version
            ),
        )
        .at_maybe(declared.at));
    }
    if declared.version == 0 {
        return Err(LoadError::new(
            LoadErrorKind::Version,
            format!("格式版本 0 无效：版本号从 1 开始（本程序写入的是版本 {current}）"),
        )
        .at_maybe(declared.at));
    }
    if declared.version == current {
        return parse_current(text);
    }
    let migrated = version::migrate(text, declared.version)?;
    // Positions in the upgraded text would point at lines the user never wrote.
    let mut ws = parse_current(&migrated).map_err(|mut e| {
        e.line = None;
        e.column = None;
        e.message = format!("从格式版本 {} 升级后：{}", declared.version, e.message);
        e
    })?;
    ws.format_version = FORMAT_VERSION;
    Ok(ws)
}

/// The declared version: from the head when it is where this app writes it, else from a probe
/// of the whole file.
fn declared_version(text: &str) -> Result<Declared, LoadError> {
    if let Some(d) = version::sniff(text) {
        return Ok(d);
    }
    match version::probe(text, &options()) {
        Ok(Some(version)) => Ok(Declared { version, at: None }),
        Ok(None) => Err(LoadError::new(
            LoadErrorKind::Version,
            "文件中没有 format_version（格式版本号）：这可能不是绩效评价工作台的工作区文件。\
             如果是手工编写的，请在开头的括号后加上 format_version: 1,",
        )),
        // The probe failed the way the full parse would: say where, with the field path.
        Err(_) => Err(diagnose::<ProbeShape>(text)),
    }
}

/// The shape the probe reads, for diagnosing why it failed with a field path.
#[derive(serde::Deserialize)]
struct ProbeShape {
    #[allow(dead_code)]
    #[serde(default, deserialize_with = "version::present")]
    format_version: Option<u64>,
}

/// Parses current-format text; on failure, parses again with path tracking to name the field.
fn parse_current(text: &str) -> Result<Workspace, LoadError> {
    match options().from_str::<Workspace>(text) {
        Ok(ws) => Ok(ws),
        Err(_) => Err(diagnose::<Workspace>(text)),
    }
}

/// The error of parsing `text` as `T`, with line, column and the field path. Runs only after a
/// failure, so the happy path pays nothing for the path tracking.
fn diagnose<T: serde::de::DeserializeOwned>(text: &str) -> LoadError {
    let opts = options();
    let spanned = |e: ron::error::SpannedError, field: Option<String>| {
        let (kind, message) = words::describe(&e.code, RECURSION_LIMIT);
        let mut err = LoadError::new(kind, message).at(e.span.start.line, e.span.start.col);
        err.field = field;
        err
    };
    let mut de = match ron::Deserializer::from_str_with_options(text, &opts) {
        Ok(de) => de,
        Err(e) => return spanned(e, None),
    };
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => {
            let field = field_path(e.path());
            let inner = e.into_inner();
            spanned(de.span_error(inner), field)
        }
        Ok(_) => match de.end() {
            Err(e) => spanned(de.span_error(e), None),
            // The plain parse failed but the tracked one did not: should not happen, but say
            // something true rather than nothing.
            Ok(()) => LoadError::new(LoadErrorKind::Syntax, "文件内容无法读取"),
        },
    }
}

/// The path to the field as the file spells it (`evaluations[0].indicators[3].weight`),
/// leaving out the segments serde could not name (an error at a key gives `?`).
fn field_path(path: &serde_path_to_error::Path) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { variant } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(variant);
            }
            Segment::Unknown => {}
        }
    }
    (!out.is_empty()).then_some(out)
}
