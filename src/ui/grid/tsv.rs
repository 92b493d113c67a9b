//! Tab-separated text as Excel and WPS put it on the clipboard: parsing a pasted block and
//! writing a copied one.

/// Parses a pasted block into rows of cells.
///
/// Accepts `\r\n`, `\n` and lone `\r` line ends and ignores one trailing line end (Excel ends
/// every copied block with one). A cell that starts with `"` and has a matching closing quote
/// followed by a tab, a line end or the end of the text is a quoted cell: its tabs and line
/// ends belong to the cell and `""` stands for `"`. Any other quote is an ordinary character,
/// so `12"` or `"abc` arrive unchanged. Rows keep their own length (text from outside a
/// spreadsheet can be ragged); an empty text gives no rows.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut rows = Vec::new();
    if chars.is_empty() {
        return rows;
    }
    let mut row = Vec::new();
    let mut i = 0;
    loop {
        let (cell, next) = quoted_cell(&chars, i).unwrap_or_else(|| plain_cell(&chars, i));
        row.push(cell);
        i = next;
        match chars.get(i) {
            Some('\t') => i += 1,
            Some('\r' | '\n') => {
                i += line_end_len(&chars, i);
                rows.push(std::mem::take(&mut row));
                if i >= chars.len() {
                    break;
                }
            }
            _ => {
                rows.push(row);
                break;
            }
        }
    }
    rows
}

/// Writes a block as tab-separated rows joined by `\n`, quoting (Excel's way) the cells that
/// hold a tab, a line end, or start with a quote, so that `parse_tsv` and spreadsheets read
/// them back unchanged.
pub fn format_tsv(block: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (r, row) in block.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                out.push('\t');
            }
            if cell.contains(['\t', '\n', '\r']) || cell.starts_with('"') {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
    }
    out
}

/// Length of the line end at `i`: 2 for `\r\n`, else 1.
fn line_end_len(chars: &[char], i: usize) -> usize {
    if chars.get(i) == Some(&'\r') && chars.get(i + 1) == Some(&'\n') {
        2
    } else {
        1
    }
}

/// A cell up to the next tab or line end; returns the cell and the index after it.
fn plain_cell(chars: &[char], start: usize) -> (String, usize) {
    let mut i = start;
    while let Some(&ch) = chars.get(i) {
        if matches!(ch, '\t' | '\r' | '\n') {
            break;
        }
        i += 1;
    }
    (chars[start..i].iter().collect(), i)
}

/// A quoted cell starting at `start`, or `None` when the text there is not a well-formed
/// quoted cell (then it is read as plain text).
fn quoted_cell(chars: &[char], start: usize) -> Option<(String, usize)> {
    if chars.get(start) != Some(&'"') {
        return None;
    }
    let mut cell = String::new();
    let mut i = start + 1;
    loop {
        match chars.get(i)? {
            '"' if chars.get(i + 1) == Some(&'"') => {
                cell.push('"');
                i += 2;
            }
            '"' => {
                i += 1;
                return match chars.get(i) {
                    None | Some('\t' | '\r' | '\n') => Some((normalise_line_ends(&cell), i)),
                    Some(_) => None,
                };
            }
            &ch => {
                cell.push(ch);
                i += 1;
            }
        }
    }
}

/// Line ends inside a quoted cell, as `\n` only (Excel writes `\n` there, other programs `\r\n`).
fn normalise_line_ends(cell: &str) -> String {
    if cell.contains('\r') {
        cell.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter()
            .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
            .collect()
    }

    #[test]
    fn plain_block_with_crlf_and_trailing_newline() {
        assert_eq!(
            parse_tsv("a\tb\r\n1\t2\r\n"),
            rows(&[&["a", "b"], &["1", "2"]])
        );
        assert_eq!(parse_tsv("a\tb\n1\t2"), rows(&[&["a", "b"], &["1", "2"]]));
        assert_eq!(parse_tsv("x"), rows(&[&["x"]]));
        assert_eq!(parse_tsv(""), Vec::<Vec<String>>::new());
        assert_eq!(parse_tsv("\n"), rows(&[&[""]]));
    }

    #[test]
    fn empty_cells_and_ragged_rows() {
        assert_eq!(parse_tsv("\t\tc\n1"), rows(&[&["", "", "c"], &["1"]]));
        assert_eq!(parse_tsv("a\t\n"), rows(&[&["a", ""]]));
    }

    #[test]
    fn quoted_cells_as_excel_writes_them() {
        let text = "\"第一行\n第二行\"\t\"含\t制表\"\t\"说\"\"明\"\"\"\r\n1\t2\t3\r\n";
        assert_eq!(
            parse_tsv(text),
            rows(&[
                &["第一行\n第二行", "含\t制表", "说\"明\""],
                &["1", "2", "3"]
            ])
        );
    }

    #[test]
    fn stray_quotes_are_plain_text() {
        assert_eq!(parse_tsv("12\"\t\"abc"), rows(&[&["12\"", "\"abc"]]));
        assert_eq!(parse_tsv("\"a\"b\tc"), rows(&[&["\"a\"b", "c"]]));
    }

    #[test]
    fn format_round_trips() {
        let block = rows(&[&["1,234.56", "a\tb", "x\ny"], &["\"q", "", "说\"明"]]);
        let text = format_tsv(&block);
        assert_eq!(text, "1,234.56\t\"a\tb\"\t\"x\ny\"\n\"\"\"q\"\t\t说\"明");
        assert_eq!(parse_tsv(&text), block);
    }
}
