//! CSV 读取: encoding detection (BOM, strict UTF-8, else GB18030, which contains GBK) and a
//! quoted-field parser with a row cap. Pure: bytes in, a [`Sheet`] out.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::grid::{Cell, Sheet};
use super::{ImportError, ImportErrorKind};

/// A text encoding the evaluator can choose (自动 picks one of the others).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextEncoding {
    /// 自动识别.
    #[default]
    Auto,
    Utf8,
    /// GBK / GB18030 (Chinese government CSV files).
    Gb18030,
}

impl TextEncoding {
    pub const ALL: [TextEncoding; 3] = [
        TextEncoding::Auto,
        TextEncoding::Utf8,
        TextEncoding::Gb18030,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Auto => "自动识别",
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Gb18030 => "GBK/GB18030",
        }
    }

    /// Reads a command-line word (`utf-8`, `gbk`, `gb18030`, `auto`).
    pub fn parse(word: &str) -> Option<TextEncoding> {
        match word.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" | "自动" => Some(TextEncoding::Auto),
            "utf-8" | "utf8" => Some(TextEncoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "cp936" => Some(TextEncoding::Gb18030),
            _ => None,
        }
    }
}

/// Decodes file bytes to text. Returns the text and the name of the encoding used.
///
/// Auto: a byte-order mark wins; else the bytes are taken as UTF-8 if they are valid UTF-8
/// (GBK text almost never is), else as GB18030. A forced encoding that does not fit the bytes
/// is refused with the position of the first bad byte, rather than filled with replacement
/// characters.
pub fn decode(bytes: &[u8], choice: TextEncoding) -> Result<(String, &'static str), ImportError> {
    let (encoding, body): (&'static Encoding, &[u8]) =
        if let Some((enc, bom)) = Encoding::for_bom(bytes) {
            if choice == TextEncoding::Gb18030 && enc == UTF_8 {
                return Err(ImportError::new(
                    ImportErrorKind::Encoding,
                    "文件以 UTF-8 标记（BOM）开头，不是 GBK 编码：请选择“自动识别”或 UTF-8",
                ));
            }
            (enc, &bytes[bom..])
        } else {
            match choice {
                TextEncoding::Utf8 => (UTF_8, bytes),
                TextEncoding::Gb18030 => (GB18030, bytes),
                TextEncoding::Auto => {
                    if std::str::from_utf8(bytes).is_ok() {
                        (UTF_8, bytes)
                    } else {
                        (GB18030, bytes)
                    }
                }
            }
        };
    let label = if encoding == UTF_8 {
        "UTF-8"
    } else if encoding == GB18030 {
        "GBK/GB18030"
    } else if encoding == UTF_16LE || encoding == UTF_16BE {
        "UTF-16"
    } else {
        encoding.name()
    };
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) {
        return Ok((text.into_owned(), label));
    }
    let at = first_bad_byte(encoding, body);
    let (line, column) = line_and_column(body, at);
    Err(ImportError::new(
        ImportErrorKind::Encoding,
        format!(
            "文件不是 {label} 编码：第 {line} 行第 {column} 个字节起无法解码。请在导入预览中改选编码（UTF-8 或 GBK），或在命令行用 --encoding 指定"
        ),
    ))
}

/// The offset of the first byte the encoding cannot decode.
fn first_bad_byte(encoding: &'static Encoding, body: &[u8]) -> usize {
    if encoding == UTF_8 {
        return std::str::from_utf8(body)
            .err()
            .map_or(0, |e| e.valid_up_to());
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(body.len().saturating_mul(3).min(1 << 20));
    let mut start = 0;
    // Decode in chunks so the position of the failure is known to within a chunk, then narrow.
    while start < body.len() {
        let end = (start + 1024).min(body.len());
        out.clear();
        let (result, read) = decoder.decode_to_string_without_replacement(
            &body[start..end],
            &mut out,
            end == body.len(),
        );
        if let encoding_rs::DecoderResult::Malformed(bad, _) = result {
            return (start + read).saturating_sub(usize::from(bad));
        }
        start += read.max(1);
    }
    0
}

fn line_and_column(body: &[u8], at: usize) -> (usize, usize) {
    let before = &body[..at.min(body.len())];
    let line = before.split(|&b| b == b'\n').count();
    let column = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(at + 1, |nl| at - nl);
    (line, column)
}

/// Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes
/// written twice, and line breaks). A tab-separated text (a paste from Excel or WPS) is read
/// with tabs when its first line has a tab. Refuses more than
/// `max_rows` rows or `max_cells` cells.
pub fn parse(
    text: &str,
    name: &str,
    max_rows: usize,
    max_cells: usize,
) -> Result<Sheet, ImportError> {
    let first_line = text.lines().next().unwrap_or("");
    let separator = if first_line.contains('\t') { '\t' } else { ',' };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut at_field_start = true;
    let mut cells = 0usize;
    let mut chars = text.chars().peekable();
    let mut push_row = |row: &mut Vec<Cell>,
                        rows: &mut Vec<Vec<Cell>>|
     -> Result<(), ImportError> {
        if rows.len() >= max_rows {
            return Err(ImportError::new(
                ImportErrorKind::TooLarge,
                format!("“{name}”超过 {max_rows} 行，超出导入上限：请只保留要导入的表格"),
            ));
        }
        cells += row.len();
        if cells > max_cells {
            return Err(ImportError::new(
                ImportErrorKind::TooLarge,
                format!("“{name}”超过 {max_cells} 个单元格，超出导入上限：请只保留要导入的表格"),
            ));
        }
        rows.push(std::mem::take(row));
        Ok(())
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == separator => {
                row.push(Cell::text(std::mem::take(&mut field)));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(Cell::text(std::mem::take(&mut field)));
                push_row(&mut row, &mut rows)?;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(ImportError::new(
            ImportErrorKind::Malformed,
            format!("“{name}”第 {} 行有未闭合的引号", rows.len() + 1),
        ));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(Cell::text(field));
        push_row(&mut row, &mut rows)?;
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows,
        merges: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_gbk_are_told_apart() {
        let text = "科目编码,科目名称\n208,社会保障和就业支出\n";
        let (t, e) = decode(text.as_bytes(), TextEncoding::Auto).unwrap();
        assert_eq!((t.as_str(), e), (text, "UTF-8"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom, TextEncoding::Auto).unwrap().0, text);
        let (gbk, _, _) = GB18030.encode(text);
        let (t, e) = decode(&gbk, TextEncoding::Auto).unwrap();
        assert_eq!((t.as_str(), e), (text, "GBK/GB18030"));
    }

    #[test]
    fn a_forced_wrong_encoding_is_refused_with_the_place() {
        let (gbk, _, _) = GB18030.encode("合计\n预算");
        let err = decode(&gbk, TextEncoding::Utf8).unwrap_err().to_string();
        assert!(err.contains("不是 UTF-8 编码"), "{err}");
        assert!(err.contains("第 1 行第 1 个字节"), "{err}");
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let s = parse(
            "a,\"1,234.5\",\"say \"\"hi\"\"\"\r\nb,\"two\nlines\",\n",
            "t.csv",
            10,
            100,
        )
        .unwrap();
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.get(0, 1), "1,234.5");
        assert_eq!(s.get(0, 2), "say \"hi\"");
        assert_eq!(s.get(1, 1), "two\nlines");
        assert_eq!(s.get(1, 2), "");
    }

    #[test]
    fn tabs_are_read_when_the_first_line_has_them() {
        let s = parse("合计\t1,234.5\n", "粘贴", 10, 100).unwrap();
        assert_eq!(s.get(0, 1), "1,234.5");
    }

    #[test]
    fn row_and_cell_caps_refuse_with_a_message() {
        let e = parse("a\nb\nc\n", "big.csv", 2, 100)
            .unwrap_err()
            .to_string();
        assert!(e.contains("超过 2 行"), "{e}");
        assert!(
            parse("a,\"open\n", "x", 10, 100)
                .unwrap_err()
                .to_string()
                .contains("引号")
        );
    }
}
