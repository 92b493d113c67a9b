//! Reading one cell of a 自评表: numbers, amounts and rates, with every cell that cannot be read
//! (a spreadsheet error such as `#NAME?`, a formula the file saved without its value, text in
//! a numeric column) kept as a [`Problem`] at its sheet, row and column, never a silent blank.

use rust_decimal::Decimal;

use crate::calc::qualitative::is_spreadsheet_error;
use crate::model::number::{convert_unit, is_blank_mark, parse_amount_input, parse_number};
use crate::model::{Amount, AmountUnit};

use crate::import::grid::{Sheet, column_name};
use crate::import::rows::Problem;

/// What a cell holds, before it is read as a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellState {
    /// Blank, or a blank mark (—, /, 无).
    Blank,
    /// A spreadsheet error value (`#NAME?` …).
    Error(String),
    /// A formula the file saved without its value: unknown, never 0.
    UncachedFormula,
    /// Text to read.
    Text(String),
}

/// Reads cells of one sheet and gathers their problems.
pub struct Reader<'a> {
    pub sheet: &'a Sheet,
    pub problems: Vec<Problem>,
}

impl<'a> Reader<'a> {
    pub fn new(sheet: &'a Sheet) -> Reader<'a> {
        Reader {
            sheet,
            problems: Vec::new(),
        }
    }

    /// Records a problem at a 0-based row and column.
    pub fn problem(&mut self, r: usize, c: Option<usize>, header: &str, message: String) {
        self.problems.push(Problem {
            sheet: self.sheet.name.clone(),
            row: r + 1,
            column: c.map(column_name).unwrap_or_default(),
            header: header.to_owned(),
            message,
        });
    }

    /// The trimmed text of a cell ("" outside the sheet).
    pub fn text(&self, r: usize, c: usize) -> String {
        self.sheet.get(r, c).trim().to_owned()
    }

    /// What the cell holds.
    pub fn state(&self, r: usize, c: usize) -> CellState {
        let cell = self.sheet.cell(r, c);
        if cell.is_some_and(|c| c.uncached_formula) {
            return CellState::UncachedFormula;
        }
        let t = self.text(r, c);
        if t.is_empty() || is_blank_mark(&t) {
            CellState::Blank
        } else if is_spreadsheet_error(&t) {
            CellState::Error(t)
        } else {
            CellState::Text(t)
        }
    }

    /// The text of a cell to read as a figure, or `None` (blank, or a problem recorded).
    fn figure_text(&mut self, r: usize, c: usize, header: &str) -> Option<String> {
        match self.state(r, c) {
            CellState::Blank => None,
            CellState::Error(e) => {
                self.problem(
                    r,
                    Some(c),
                    header,
                    format!("单元格是表格错误值“{e}”（公式出错），无法读取"),
                );
                None
            }
            CellState::UncachedFormula => {
                self.problem(
                    r,
                    Some(c),
                    header,
                    "单元格是公式，文件中没有保存计算结果：值未知（请在 Excel/WPS 中打开并保存后再导入）"
                        .to_owned(),
                );
                None
            }
            CellState::Text(t) => Some(t),
        }
    }

    /// A plain number (分值, 得分); text in the column is a problem.
    pub fn number(&mut self, r: usize, c: Option<usize>, header: &str) -> Option<Decimal> {
        let c = c?;
        let t = self.figure_text(r, c, header)?;
        match parse_number(&t) {
            Ok(n) if !n.percent => Some(n.value),
            Ok(_) => {
                self.problem(r, Some(c), header, format!("“{t}”是百分数，这一列应为分数"));
                None
            }
            Err(e) => {
                self.problem(r, Some(c), header, format!("“{t}”不是数值：{e}"));
                None
            }
        }
    }

    /// A 分值 or 权重: a number, also written as a percentage of the total ("10%" → 10).
    pub fn weight(&mut self, r: usize, c: Option<usize>, header: &str) -> Option<Decimal> {
        let c = c?;
        let t = self.figure_text(r, c, header)?;
        match parse_number(&t) {
            Ok(n) => Some(n.value),
            Err(e) => {
                self.problem(r, Some(c), header, format!("“{t}”不是数值：{e}"));
                None
            }
        }
    }

    /// An amount in the form's unit, converted exactly to 万元. With no unit (the read was
    /// refused) the cell is still checked, and the amount is blank.
    pub fn amount(
        &mut self,
        r: usize,
        c: Option<usize>,
        header: &str,
        unit: Option<AmountUnit>,
    ) -> Amount {
        let Some(c) = c else { return Amount::Blank };
        let Some(t) = self.figure_text(r, c, header) else {
            return Amount::Blank;
        };
        let read_in = unit.unwrap_or(AmountUnit::WanYuan);
        match parse_amount_input(&t, read_in) {
            Ok(Amount::Value(v)) if unit.is_some() => {
                Amount::Value(convert_unit(v, read_in, AmountUnit::WanYuan))
            }
            Ok(Amount::Value(_)) => Amount::Blank,
            Ok(other) => other,
            Err(e) => {
                self.problem(r, Some(c), header, format!("“{t}”不是金额：{e}"));
                Amount::Blank
            }
        }
    }

    /// A rate in percent points: "64.99%" → 64.99; a number cell formatted as a percentage
    /// (0.6499, at most 1.5) → 64.99; "100" → 100.
    pub fn rate(&mut self, r: usize, c: Option<usize>, header: &str) -> Option<Decimal> {
        let c = c?;
        let numeric = self.sheet.cell(r, c).is_some_and(|x| x.numeric);
        let t = self.figure_text(r, c, header)?;
        match parse_number(&t) {
            Ok(n) if n.percent => Some(n.value),
            Ok(n) if numeric && n.value <= Decimal::new(15, 1) => {
                // 0.862 shown as 86.2%: the precision is the figure's (86.2), not 86.200.
                Some((n.value * Decimal::ONE_HUNDRED).normalize())
            }
            Ok(n) => Some(n.value),
            Err(e) => {
                self.problem(r, Some(c), header, format!("“{t}”不是百分率：{e}"));
                None
            }
        }
    }
}
