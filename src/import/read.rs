//! 读取文件: xlsx/xls/ods through calamine, CSV through [`super::csv`], each refused early and
//! clearly when it is too large, a zip bomb, password-protected or corrupt. Memory stays
//! bounded: the file size is capped, a workbook's zip entries are measured (declared and real
//! uncompressed sizes) before calamine reads them, and every sheet is capped in rows and cells.

use std::fs::File;
use std::io::{Read, Seek};
use std::path::Path;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};

use super::ImportError;
use super::csv::{self, TextEncoding};
use super::grid::{Cell, Merge, Sheet};

/// Limits on what is read (the defaults suit any published budget file many times over).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest total uncompressed size of a workbook's parts, in bytes.
    pub max_unzipped_bytes: u64,
    /// Rows per sheet.
    pub max_rows: usize,
    /// Cells per sheet.
    pub max_cells: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 << 20,
            max_unzipped_bytes: 256 << 20,
            max_rows: 100_000,
            max_cells: 2_000_000,
        }
    }
}

/// What was read from a file: its sheets, and for CSV the encoding used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// The file name (for messages and the `source` fields).
    pub file_name: String,
    pub sheets: Vec<Sheet>,
    /// "UTF-8" or "GBK/GB18030" for a CSV; `None` for a workbook.
    pub encoding: Option<&'static str>,
}

/// The kind of file, by its first bytes (then its extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A zip container (xlsx, ods).
    Zip,
    /// An OLE compound file (xls, or a password-protected xlsx).
    Compound,
    Text,
}

fn kind_of(head: &[u8], path: &Path) -> Kind {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Compound;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        // A workbook extension on something that is neither zip nor compound: let calamine
        // say it is corrupt (it will), rather than reading it as text.
        return Kind::Zip;
    }
    Kind::Text
}

/// Reads a file for import.
pub fn read_path(
    path: &Path,
    encoding: TextEncoding,
    limits: Limits,
) -> Result<Source, ImportError> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut file =
        File::open(path).map_err(|e| ImportError::new(format!("无法打开“{file_name}”：{e}")))?;
    let size = file.metadata().map_or(0, |m| m.len());
    if size > limits.max_file_bytes {
        return Err(ImportError::new(format!(
            "“{file_name}”有 {}，超过导入上限 {}：请只保留要导入的表格后另存为小文件",
            human_size(size),
            human_size(limits.max_file_bytes)
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.by_ref()
        .take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::new(format!("无法读取“{file_name}”：{e}")))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ImportError::new(format!(
            "“{file_name}”超过导入上限 {}",
            human_size(limits.max_file_bytes)
        )));
    }
    read_bytes(&bytes, path, &file_name, encoding, limits)
}

/// Reads file contents already in memory (`path` only tells the extension).
pub fn read_bytes(
    bytes: &[u8],
    path: &Path,
    file_name: &str,
    encoding: TextEncoding,
    limits: Limits,
) -> Result<Source, ImportError> {
    match kind_of(bytes, path) {
        Kind::Text => {
            let (text, used) =
                csv::decode(bytes, encoding).map_err(|e| e.context(&format!("“{file_name}”")))?;
            let sheet = csv::parse(&text, file_name, limits.max_rows, limits.max_cells)?;
            Ok(Source {
                file_name: file_name.to_owned(),
                sheets: vec![sheet],
                encoding: Some(used),
            })
        }
        Kind::Zip => {
            guard_zip(bytes, file_name, limits)?;
            read_workbook(bytes, file_name, limits)
        }
        Kind::Compound if is_encrypted_package(bytes) => Err(password_error(file_name)),
        Kind::Compound => read_workbook(bytes, file_name, limits),
    }
}

/// Measures a zip before calamine opens it: entry count, declared sizes, then the real
/// uncompressed sizes by streaming every entry into nothing, stopping at the cap.
fn guard_zip(bytes: &[u8], file_name: &str, limits: Limits) -> Result<(), ImportError> {
    let corrupt = |e: &dyn std::fmt::Display| {
        ImportError::new(format!(
            "“{file_name}”不是有效的 xlsx/ods 工作簿（压缩结构损坏：{e}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入"
        ))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| corrupt(&e))?;
    if archive.len() > 10_000 {
        return Err(ImportError::new(format!(
            "“{file_name}”内含 {} 个部件，不像是普通工作簿，已拒绝导入",
            archive.len()
        )));
    }
    let bomb = |total: u64| {
        ImportError::new(format!(
            "“{file_name}”解压后超过 {}（至少 {}），疑似压缩炸弹，已拒绝导入",
            human_size(limits.max_unzipped_bytes),
            human_size(total)
        ))
    };
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| corrupt(&e))?;
        declared = declared.saturating_add(entry.size());
        if declared > limits.max_unzipped_bytes {
            return Err(bomb(declared));
        }
    }
    // Declared sizes can lie: count what really comes out.
    let mut real: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| corrupt(&e))?;
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => return Err(corrupt(&e)),
            };
            real = real.saturating_add(n as u64);
            if real > limits.max_unzipped_bytes {
                return Err(bomb(real));
            }
        }
    }
    Ok(())
}

fn read_workbook(bytes: &[u8], file_name: &str, limits: Limits) -> Result<Source, ImportError> {
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| workbook_error(file_name, &e))?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        sheets.push(read_sheet(&mut book, &name, file_name, limits)?);
    }
    Ok(Source {
        file_name: file_name.to_owned(),
        sheets,
        encoding: None,
    })
}

/// An OOXML workbook saved with a password to open is an OLE compound file holding an
/// `EncryptedPackage` stream; its directory names are UTF-16LE.
fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

fn password_error(file_name: &str) -> ImportError {
    ImportError::new(format!(
        "“{file_name}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入"
    ))
}

fn workbook_error(file_name: &str, e: &calamine::Error) -> ImportError {
    let text = e.to_string();
    if text.contains("password") || text.contains("Password") {
        password_error(file_name)
    } else {
        ImportError::new(format!(
            "“{file_name}”无法作为工作簿读取（文件损坏或格式不符：{text}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入"
        ))
    }
}

fn read_sheet<RS: Read + Seek>(
    book: &mut Sheets<RS>,
    name: &str,
    file_name: &str,
    limits: Limits,
) -> Result<Sheet, ImportError> {
    let range = book
        .worksheet_range(name)
        .map_err(|e| ImportError::new(format!("“{file_name}”的工作表“{name}”无法读取：{e}")))?;
    let (start_row, start_col) = range.start().unwrap_or((0, 0));
    let (h, w) = range.get_size();
    let start_row = start_row as usize;
    let start_col = start_col as usize;
    let rows_total = start_row.saturating_add(h);
    if rows_total > limits.max_rows || h.saturating_mul(w) > limits.max_cells {
        return Err(ImportError::new(format!(
            "工作表“{name}”有 {rows_total} 行 × {} 列，超出导入上限（{} 行、{} 个单元格）：请只保留要导入的表格",
            start_col + w,
            limits.max_rows,
            limits.max_cells
        )));
    }
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); start_row];
    for r in range.rows() {
        let mut row = vec![Cell::default(); start_col];
        row.extend(r.iter().map(cell_of));
        while row.last().is_some_and(Cell::is_blank) {
            row.pop();
        }
        rows.push(row);
    }
    // Forms and tables of a few thousand rows: the formulas are read a second time, which a
    // 100 000-line budget table does not need to pay for.
    if rows.len() <= 5_000 {
        mark_uncached_formulas(book, name, &mut rows);
    }
    let merges = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    };
    let merges = merges
        .into_iter()
        .map(|d| Merge {
            first_row: d.start.0 as usize,
            first_col: d.start.1 as usize,
            last_row: (d.end.0 as usize).min(rows_total.saturating_sub(1)),
            last_col: (d.end.1 as usize).min(start_col + w),
        })
        .collect();
    Ok(Sheet {
        name: name.to_owned(),
        rows,
        merges,
    })
}

/// Marks the blank cells that hold a formula: the file saved the formula without its value.
/// A workbook whose formulas cannot be listed is read as it is.
fn mark_uncached_formulas<RS: Read + Seek>(
    book: &mut Sheets<RS>,
    name: &str,
    rows: &mut [Vec<Cell>],
) {
    let Ok(formulas) = book.worksheet_formula(name) else {
        return;
    };
    let (r0, c0) = formulas.start().unwrap_or((0, 0));
    for (dr, frow) in formulas.rows().enumerate() {
        for (dc, f) in frow.iter().enumerate() {
            if f.trim().is_empty() {
                continue;
            }
            let (r, c) = (r0 as usize + dr, c0 as usize + dc);
            let Some(row) = rows.get_mut(r) else { continue };
            if row.len() <= c {
                row.resize(c + 1, Cell::default());
            }
            if row[c].is_blank() {
                row[c].uncached_formula = true;
            }
        }
    }
}

/// A workbook value as cell text. Numbers get their shortest exact-round-trip spelling, which
/// is what the person typed for any figure of up to 15 significant digits.
fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::default(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Int(i) => Cell::number(i.to_string()),
        Data::Float(f) if f.is_finite() => Cell::number(format!("{f}")),
        Data::Float(f) => Cell::text(f.to_string()),
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => Cell::text(dt.to_string()),
        Data::Error(e) => Cell::text(e.to_string()),
    }
}

/// "1.0 GB", "64 MB", "512 KB".
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1 << 10;
    const MB: u64 = 1 << 20;
    const GB: u64 = 1 << 30;
    // Whole and tenths of the unit, in integers (no float rounding of a byte count).
    let tenths = |unit: u64| bytes.saturating_mul(10) / unit;
    if bytes >= GB {
        let t = tenths(GB);
        format!("{}.{} GB", t / 10, t % 10)
    } else if bytes >= MB {
        format!("{} MB", bytes / MB)
    } else {
        format!("{} KB", (bytes / KB).max(1))
    }
}

/// Opens a path for import with the default limits.
pub fn read(path: &Path, encoding: TextEncoding) -> Result<Source, ImportError> {
    read_path(path, encoding, Limits::default())
}
