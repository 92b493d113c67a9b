//! 表格网格: a sheet as plain text cells with its merged ranges, whatever file it came from.

/// A merged range, inclusive, 0-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub first_col: usize,
    pub last_row: usize,
    pub last_col: usize,
}

/// One sheet (or a CSV file, or a pasted block): rows of cell texts.
///
/// A number cell of a workbook is written as the shortest text that reads back as the same
/// binary number (`96258.3`), so amounts go through the same exact decimal parsing as typed
/// text; `numeric` remembers that it was a number (a code such as 款 `5` lost its leading zero).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    /// 工作表名称 (the file name for CSV, "粘贴" for a paste).
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

/// One cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// The workbook stored a number (not text).
    pub numeric: bool,
    /// The workbook holds a formula here but saved no value for it (a file written by a
    /// generator and never opened in Excel): the value is unknown, not blank.
    pub uncached_formula: bool,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            numeric: false,
            uncached_formula: false,
        }
    }

    pub fn number(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            numeric: true,
            uncached_formula: false,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl Sheet {
    /// A sheet from rows of plain texts (CSV, paste, tests).
    pub fn from_texts<S: AsRef<str>>(name: &str, rows: &[Vec<S>]) -> Sheet {
        Sheet {
            name: name.to_owned(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::text(c.as_ref())).collect())
                .collect(),
            merges: Vec::new(),
        }
    }

    /// The cell text at (row, col), "" outside the sheet.
    pub fn get(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or("", |c| c.text.as_str())
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// The widest row's length.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Copies the value of each merged range's top-left cell into every cell of the range, so
    /// a header "基本支出" spanning five columns labels all five and a 一级指标 spanning rows
    /// labels every row. Ranges outside the sheet are clipped.
    pub fn fill_merges(&mut self) {
        let height = self.rows.len();
        let width = self.width();
        for m in self.merges.clone() {
            if m.first_row >= height || m.first_col >= width {
                continue;
            }
            let Some(top_left) = self.cell(m.first_row, m.first_col).cloned() else {
                continue;
            };
            for r in m.first_row..=m.last_row.min(height - 1) {
                let row = &mut self.rows[r];
                let last = m.last_col.min(width - 1);
                if row.len() <= last {
                    row.resize(last + 1, Cell::default());
                }
                for cell in &mut row[m.first_col..=last] {
                    if cell.is_blank() {
                        *cell = top_left.clone();
                    }
                }
            }
        }
    }

    /// Whether (row, col) lies in a merged range other than at its top-left cell.
    pub fn is_merged_copy(&self, row: usize, col: usize) -> bool {
        self.merges.iter().any(|m| {
            (m.first_row..=m.last_row).contains(&row)
                && (m.first_col..=m.last_col).contains(&col)
                && (row, col) != (m.first_row, m.first_col)
        })
    }
}

/// A spreadsheet column name: 0 → A, 26 → AA.
pub fn column_name(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + u8::try_from(rem).unwrap_or(0));
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_run_like_a_spreadsheet() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }

    #[test]
    fn merges_fill_across_and_down_but_keep_typed_cells() {
        let mut s = Sheet::from_texts("s", &[vec!["基本支出", "", "x"], vec!["", "", ""]]);
        s.merges.push(Merge {
            first_row: 0,
            first_col: 0,
            last_row: 1,
            last_col: 2,
        });
        s.fill_merges();
        assert_eq!(s.get(0, 1), "基本支出");
        assert_eq!(s.get(1, 2), "基本支出");
        assert_eq!(s.get(0, 2), "x");
        assert!(s.is_merged_copy(1, 0));
        assert!(!s.is_merged_copy(0, 0));
    }
}
