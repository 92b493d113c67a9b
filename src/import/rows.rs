//! 逐行读取: a data row's cells as typed values, with every problem recorded by sheet, row and
//! column; and what became of each row (added, a 合计 row checked, or skipped and why).

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::model::number::{convert_unit, is_blank_mark, parse_amount_input, parse_number};
use crate::model::{Amount, AmountUnit};

use super::grid::{Sheet, column_name};
use super::header::Header;
use super::layout::{Field, normalise};

/// A cell the import cannot read: the import is refused until it is fixed or its row skipped.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub sheet: String,
    /// 1-based row as the spreadsheet shows it.
    pub row: usize,
    /// Column letter ("F"), empty when the problem is not in one cell.
    pub column: String,
    /// The column's header, when there is one.
    pub header: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "工作表“{}”第 {} 行", self.sheet, self.row)?;
        if !self.column.is_empty() {
            write!(f, " {} 列", self.column)?;
        }
        if !self.header.is_empty() {
            write!(f, "（{}）", self.header)?;
        }
        write!(f, "：{}", self.message)
    }
}

/// What became of one row of the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// 导入.
    Added,
    /// A 合计/小计 row: checked against the lines (and kept where the model keeps it).
    Total,
    /// 跳过.
    Skipped,
}

impl RowKind {
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Added => "新增",
            RowKind::Total => "合计行",
            RowKind::Skipped => "跳过",
        }
    }
}

/// One row's outcome, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowNote {
    /// 0-based sheet row.
    pub row: usize,
    pub kind: RowKind,
    /// What it became, or why it was skipped.
    pub text: String,
}

/// A row's outcome with a fixed text.
pub fn note(row: usize, kind: RowKind, text: &str) -> RowNote {
    RowNote {
        row,
        kind,
        text: text.to_owned(),
    }
}

/// Why a row the evaluator chose to skip is skipped.
pub const BY_EVALUATOR: &str = "由评价人员跳过";

/// Reads the cells of data rows under a recognised header.
pub struct Cells<'a> {
    pub sheet: &'a Sheet,
    pub header: &'a Header,
    /// The unit the table is printed in.
    pub from: AmountUnit,
    /// The unit of the workspace book.
    pub to: AmountUnit,
    pub problems: Vec<Problem>,
    /// Largest number of decimal places seen in an amount, in the table's own unit.
    pub decimals: Option<u32>,
}

impl<'a> Cells<'a> {
    pub fn new(sheet: &'a Sheet, header: &'a Header, from: AmountUnit, to: AmountUnit) -> Self {
        Cells {
            sheet,
            header,
            from,
            to,
            problems: Vec::new(),
            decimals: None,
        }
    }

    /// The decimal places of the figures read, in the book's unit (a table in 元 with whole
    /// figures is exact to 0.0001 万元).
    pub fn book_decimals(&self) -> Option<u32> {
        // Each power of ten between the units moves the places by one.
        let places = |u: AmountUnit| match u {
            AmountUnit::Yuan => 0u32,
            AmountUnit::QianYuan => 3,
            AmountUnit::WanYuan => 4,
        };
        let (from, to) = (places(self.from), places(self.to));
        self.decimals.map(|d| (d + to).saturating_sub(from))
    }

    /// The trimmed text of a field's cell ("" when the field has no column).
    pub fn text(&self, row: usize, field: Field) -> String {
        self.header
            .column_of(field)
            .map(|c| self.sheet.get(row, c).trim().to_owned())
            .unwrap_or_default()
    }

    /// Whether the text of the row's cells is empty in every mapped column.
    pub fn is_blank(&self, row: usize) -> bool {
        self.header
            .mapping
            .iter()
            .enumerate()
            .all(|(c, m)| m.is_none() || self.sheet.get(row, c).trim().is_empty())
    }

    /// Records a problem at a field's cell.
    pub fn problem(&mut self, row: usize, field: Option<Field>, message: impl Into<String>) {
        let col = field.and_then(|f| self.header.column_of(f));
        self.problems.push(Problem {
            sheet: self.sheet.name.clone(),
            row: row + 1,
            column: col.map(column_name).unwrap_or_default(),
            header: col
                .and_then(|c| self.header.labels.get(c).cloned())
                .unwrap_or_default(),
            message: message.into(),
        });
    }

    /// A money cell: blank (or a dash) is blank, 'XXXX' withheld, else an exact figure in the
    /// book's unit. A cell that is not a figure is a problem and reads as blank.
    pub fn amount(&mut self, row: usize, field: Field) -> Amount {
        let text = self.text(row, field);
        if text.is_empty() || is_blank_mark(&text) {
            return Amount::Blank;
        }
        match parse_amount_input(&text, self.from) {
            Ok(Amount::Value(v)) => {
                // The places as typed ("1,234.50" → 2), before any unit conversion.
                let scale = parse_number(&text).map_or(v.scale(), |n| n.value.scale());
                self.decimals = Some(self.decimals.map_or(scale, |d| d.max(scale)));
                Amount::Value(convert_unit(v, self.from, self.to))
            }
            Ok(other) => other,
            Err(e) => {
                self.problem(row, Some(field), format!("“{text}”不是金额：{e}"));
                Amount::Blank
            }
        }
    }

    /// A plain number cell (分值, 得分): blank is `None`.
    pub fn number(&mut self, row: usize, field: Field) -> Option<Decimal> {
        let text = self.text(row, field);
        if text.is_empty() || is_blank_mark(&text) {
            return None;
        }
        match parse_number(&text) {
            Ok(n) if n.unit.is_empty() || n.unit == "分" => Some(n.value),
            Ok(n) => {
                self.problem(
                    row,
                    Some(field),
                    format!("“{text}”带有单位“{}”，应为分数", n.unit),
                );
                None
            }
            Err(e) => {
                self.problem(row, Some(field), format!("“{text}”不是数值：{e}"));
                None
            }
        }
    }

    /// Whether the row is a repeat of the header (a page break in the published file).
    pub fn repeats_header(&self, row: usize) -> bool {
        let mut same = 0;
        for (c, path) in self.header.paths.iter().enumerate() {
            let t = normalise(self.sheet.get(row, c));
            if !t.is_empty() && path.contains(&t) {
                same += 1;
            }
        }
        same >= 2
    }

    /// A title, 部门名称, 单位 or 备注 line: text in at most two cells, no figure in any mapped
    /// amount column.
    pub fn is_caption(&self, row: usize) -> bool {
        let Some(cells) = self.sheet.rows.get(row) else {
            return false;
        };
        let filled: Vec<&str> = cells
            .iter()
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        let amounts = self.header.mapping.iter().enumerate().any(|(c, m)| {
            m.is_some_and(Field::is_amount) && {
                let t = self.sheet.get(row, c).trim();
                !t.is_empty() && !is_blank_mark(t)
            }
        });
        !amounts
            && (1..=2).contains(&filled.len())
            && filled.iter().any(|t| {
                let n = normalise(t);
                n.contains('表')
                    || n.starts_with("部门名称")
                    || n.starts_with("单位名称")
                    || n.contains("单位:")
                    || is_note(&n)
                    || n.starts_with("预算")
            })
    }
}

/// A 备注/注 line under a table.
pub fn is_note(normalised: &str) -> bool {
    normalised.starts_with("备注")
        || normalised.starts_with("注:")
        || normalised.starts_with("说明:")
}

/// Whether a label names a 合计/小计 row.
pub fn is_total_label(text: &str) -> bool {
    let n = normalise(text);
    matches!(
        n.as_str(),
        "合计" | "总计" | "小计" | "本年合计" | "合计数" | "总分" | "合计得分" | "本年支出合计"
    )
}

/// Notes on every row in `range` not yet accounted for: blank rows, repeated headers, captions.
pub fn skip_reason(cells: &Cells<'_>, row: usize) -> Option<&'static str> {
    if cells
        .sheet
        .rows
        .get(row)
        .is_none_or(|r| r.iter().all(super::grid::Cell::is_blank))
    {
        Some("空行")
    } else if cells.repeats_header(row) {
        Some("重复的表头（分页）")
    } else if cells.is_caption(row) {
        Some("标题、单位或备注行")
    } else if cells.is_blank(row) {
        Some("所映射的列均为空")
    } else {
        None
    }
}

/// Why a row is not read: skipped by the evaluator (由评价人员跳过), else [`skip_reason`].
pub fn skipped(cells: &Cells<'_>, skip: &BTreeSet<usize>, row: usize) -> Option<&'static str> {
    if skip.contains(&row) {
        Some(BY_EVALUATOR)
    } else {
        skip_reason(cells, row)
    }
}

/// A field's text with all whitespace removed (a 科目编码 written "201 01").
pub fn compact_text(cells: &Cells<'_>, row: usize, field: Field) -> String {
    cells
        .text(row, field)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A code part as written, with the leading zeros a number cell lost put back (款 `5` → `05`).
pub fn code_part(cells: &Cells<'_>, row: usize, field: Field, digits: usize) -> String {
    let t = compact_text(cells, row, field);
    let numeric = cells
        .header
        .column_of(field)
        .and_then(|c| cells.sheet.cell(row, c))
        .is_some_and(|c| c.numeric);
    if numeric && !t.is_empty() && t.len() < digits && t.chars().all(|c| c.is_ascii_digit()) {
        format!("{t:0>digits$}")
    } else {
        t
    }
}

/// A 科目编码: the parts (类/款/项 columns with their digits) joined when `split`, else the
/// `whole` column's text without whitespace.
pub fn code(
    cells: &Cells<'_>,
    row: usize,
    split: bool,
    whole: Field,
    parts: &[(Field, usize)],
) -> String {
    if split {
        parts
            .iter()
            .map(|&(field, digits)| code_part(cells, row, field, digits))
            .collect()
    } else {
        compact_text(cells, row, whole)
    }
}
