//! Grid sources of the 预算表 pages (功能分类, 经济分类, 收支总表 lines, 单位收入) and the cell
//! helpers every money grid shares: amounts right-aligned with thousands separators in
//! `display`, plain in `edit`, the unit in the header, findings shown on the cell they concern.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use crate::calc::checks::{BudgetColumn, Finding, Location, TableRef as CheckTable};
use crate::calc::num::thousands;
use crate::doc::{Row, TableRef};
use crate::model::number::{AmountUnit, parse_amount_input};
use crate::model::{
    Amount, BudgetBook, CostCategory, EconomicColumn, EconomicLine, FunctionalColumn,
    FunctionalLine, FunctionalLineColumn, HasRowId, LineLevel, NamedAmount, RowId, UnitIncome,
    UnitIncomeColumn,
};
use crate::ui::grid::{Align, CellStyle, CellView, ColumnSpec, GridSource};
pub use crate::ui::locate::{
    FUNCTIONAL_CODE_COL, FUNCTIONAL_FIRST_AMOUNT_COL, FUNCTIONAL_NAME_COL, economic_col,
    functional_col, is_foldable, reveal, unit_income_col, visible_rows,
};

use crate::ui::table::EditableTable;

// ---- shared cell helpers ---------------------------------------------------------------

/// A column spec.
pub fn spec(header: impl Into<String>, width: f32, align: Align, editable: bool) -> ColumnSpec {
    ColumnSpec {
        header: header.into(),
        width,
        align,
        editable,
    }
}

/// An amount column: header with the unit ("合计（万元）"), right-aligned, editable.
pub fn amount_spec(label: &str, unit: AmountUnit, width: f32) -> ColumnSpec {
    spec(
        format!("{label}（{}）", unit.label()),
        width,
        Align::Right,
        true,
    )
}

/// How an amount reads in a grid: blank, 'XXXX', or the figure with thousands separators.
pub fn amount_display(a: Amount) -> String {
    match a {
        Amount::Value(v) => thousands(v),
        Amount::Blank | Amount::Withheld => a.to_string(),
    }
}

/// An amount cell: separators shown, plain figure edited and copied.
pub fn amount_cell(a: Amount, style: CellStyle) -> CellView {
    CellView {
        display: amount_display(a),
        edit: a.to_string(),
        style,
        ..CellView::default()
    }
}

/// A text cell.
pub fn text_cell(text: &str, style: CellStyle) -> CellView {
    CellView {
        display: text.to_owned(),
        edit: text.to_owned(),
        style,
        ..CellView::default()
    }
}

/// Marks a cell with the findings that concern it (red tint, the findings as tooltip).
pub fn flag(mut cell: CellView, findings: Option<&Vec<&Finding>>) -> CellView {
    if let Some(fs) = findings.filter(|fs| !fs.is_empty()) {
        cell.style = CellStyle::Flagged;
        let text: Vec<String> = fs.iter().map(|f| finding_tooltip(f)).collect();
        cell.tooltip = Some(text.join("\n"));
    }
    cell
}

/// "下级合计 874.6，差额 0.1（舍入差异）" for a sum finding, else its message.
pub fn finding_tooltip(f: &Finding) -> String {
    match (&f.right, f.difference) {
        (Some(right), Some(diff)) => {
            let what = if f.check == "功能分类层级汇总" {
                "下级合计".to_owned()
            } else {
                right.label.clone()
            };
            format!(
                "{what} {}，差额 {}（{}）",
                thousands(right.amount),
                thousands(diff),
                f.kind.label()
            )
        }
        _ => format!("{}（{}）", f.message, f.kind.label()),
    }
}

/// Findings on rows of one budget table, by (row id, column).
pub type CellFindings<'a> = HashMap<(RowId, Option<BudgetColumn>), Vec<&'a Finding>>;

/// The findings located in cells of `table` of the book of `year`.
pub fn cell_findings<'a>(
    findings: &'a [Finding],
    year: i32,
    table: CheckTable,
) -> CellFindings<'a> {
    let mut map: CellFindings<'a> = HashMap::new();
    for f in findings {
        if let Location::Budget {
            year: y,
            table: t,
            row: Some(row),
            column,
        } = &f.location
            && *y == year
            && *t == table
        {
            map.entry((row.id, *column)).or_default().push(f);
        }
    }
    map
}

/// The findings on a table as a whole (its 合计 fields, class sums), in order.
pub fn table_findings(findings: &[Finding], year: i32, table: CheckTable) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| {
            matches!(&f.location, Location::Budget { year: y, table: t, row: None, .. }
                if *y == year && *t == table)
        })
        .collect()
}

/// Reads an amount typed in a table of this unit.
pub fn parse_amount(text: &str, unit: AmountUnit) -> Result<Amount, String> {
    parse_amount_input(text, unit).map_err(|e| e.to_string())
}

// ---- 功能分类 ---------------------------------------------------------------------------

/// The rows on screen of a 功能分类 table: all of them (nothing folded, the usual case, which
/// costs nothing however long the table is) or the list [`visible_rows`] gives. The page builds
/// this every frame, so a table of 100,000 rows must not be walked when nothing is folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShownRows {
    /// Every row of a table of this many rows.
    All(usize),
    /// These document rows.
    Folded(Vec<usize>),
}

impl ShownRows {
    pub fn new<S: BuildHasher>(lines: &[FunctionalLine], collapsed: &HashSet<RowId, S>) -> Self {
        if collapsed.is_empty() {
            ShownRows::All(lines.len())
        } else {
            ShownRows::Folded(visible_rows(lines, collapsed))
        }
    }

    /// How many rows show.
    pub fn len(&self) -> usize {
        match self {
            ShownRows::All(n) => *n,
            ShownRows::Folded(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The document row shown as grid row `row`.
    pub fn doc(&self, row: usize) -> Option<usize> {
        match self {
            ShownRows::All(n) => (row < *n).then_some(row),
            ShownRows::Folded(v) => v.get(row).copied(),
        }
    }
}

/// Whether a line has rows under it (so folding it hides something).
fn has_children(lines: &[FunctionalLine], i: usize) -> bool {
    match (lines.get(i), lines.get(i + 1)) {
        (Some(l), Some(next)) => next.level > l.level,
        _ => false,
    }
}

/// A 功能分类 table as a grid; folded rows are left out and `doc_index` maps back.
pub struct FunctionalGrid<'a> {
    pub year: i32,
    pub table: usize,
    pub unit: AmountUnit,
    pub lines: &'a [FunctionalLine],
    /// Document rows on screen.
    pub visible: ShownRows,
    collapsed: HashSet<RowId>,
    findings: CellFindings<'a>,
    columns: Vec<ColumnSpec>,
}

impl<'a> FunctionalGrid<'a> {
    pub fn new(
        book: &'a BudgetBook,
        table: usize,
        collapsed: &HashSet<RowId>,
        findings: &'a [Finding],
    ) -> FunctionalGrid<'a> {
        let lines = book
            .functional
            .get(table)
            .map_or(&[][..], |t| t.lines.as_slice());
        let mut columns = vec![
            spec("科目编码", 90.0, Align::Left, true),
            spec("科目名称", 200.0, Align::Left, true),
        ];
        for c in FunctionalColumn::ALL {
            columns.push(amount_spec(c.label(), book.unit, 110.0));
        }
        FunctionalGrid {
            year: book.year,
            table,
            unit: book.unit,
            lines,
            visible: ShownRows::new(lines, collapsed),
            collapsed: collapsed.clone(),
            findings: cell_findings(findings, book.year, CheckTable::Functional(table)),
            columns,
        }
    }

    fn line(&self, row: usize) -> Option<&FunctionalLine> {
        self.visible.doc(row).and_then(|i| self.lines.get(i))
    }
}

impl GridSource for FunctionalGrid<'_> {
    fn row_count(&self) -> usize {
        self.visible.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let (Some(doc), Some(line)) = (self.visible.doc(row), self.line(row)) else {
            return CellView::default();
        };
        let style = match line.level {
            LineLevel::Total | LineLevel::Unit | LineLevel::Class | LineLevel::Section => {
                CellStyle::Strong
            }
            LineLevel::Item => CellStyle::Normal,
        };
        match col {
            FUNCTIONAL_CODE_COL => {
                let mut c = text_cell(&line.code, style);
                if is_foldable(line.level) && has_children(self.lines, doc) {
                    let mark = if self.collapsed.contains(&line.row_id()) {
                        "▶"
                    } else {
                        "▼"
                    };
                    c.display = format!("{mark} {}", line.code);
                }
                c.tooltip = Some(line.level.label().to_owned());
                c
            }
            FUNCTIONAL_NAME_COL => {
                let indent = match line.level {
                    LineLevel::Total | LineLevel::Unit | LineLevel::Class => 0,
                    LineLevel::Section => 1,
                    LineLevel::Item => 2,
                };
                CellView {
                    indent,
                    ..text_cell(&line.name, style)
                }
            }
            _ => {
                let Some(&c) = FunctionalColumn::ALL.get(col - FUNCTIONAL_FIRST_AMOUNT_COL) else {
                    return CellView::default();
                };
                let column = BudgetColumn::Functional(FunctionalLineColumn::Amount(c));
                let findings = self.findings.get(&(line.row_id(), Some(column)));
                flag(amount_cell(line.get(c), style), findings)
            }
        }
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for FunctionalGrid<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::Functional {
            year: self.year,
            table: self.table,
        }
    }

    fn doc_index(&self, row: usize) -> usize {
        self.visible.doc(row).unwrap_or(self.lines.len())
    }

    fn row(&self, row: usize) -> Row {
        Row::Functional(self.line(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::Functional(line) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            FUNCTIONAL_CODE_COL => {
                let code: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                if !code.chars().all(|c| c.is_ascii_digit()) {
                    return Err("科目编码只能由数字组成".to_owned());
                }
                if !matches!(line.level, LineLevel::Total | LineLevel::Unit) && !code.is_empty() {
                    line.level = LineLevel::from_code(&code).ok_or_else(|| {
                        "科目编码应为 3 位（类）、5 位（款）或 7 位（项）".to_owned()
                    })?;
                }
                line.code = code;
            }
            FUNCTIONAL_NAME_COL => text.trim().clone_into(&mut line.name),
            _ => {
                let c = FunctionalColumn::ALL
                    .get(col.wrapping_sub(FUNCTIONAL_FIRST_AMOUNT_COL))
                    .copied()
                    .ok_or_else(|| "没有这一列".to_owned())?;
                *line.get_mut(c) = parse_amount(text, self.unit)?;
            }
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::Functional(FunctionalLine::default())
    }
}

// ---- 经济分类 ---------------------------------------------------------------------------

/// Reads 人员经费 / 公用经费.
pub fn parse_category(text: &str) -> Result<CostCategory, String> {
    match text.trim() {
        "人员经费" | "人员" => Ok(CostCategory::Personnel),
        "公用经费" | "公用" => Ok(CostCategory::Public),
        "" => Err("请填写“人员经费”或“公用经费”".to_owned()),
        other => Err(format!("“{other}”不是类别：请填写“人员经费”或“公用经费”")),
    }
}

/// An 经济分类 table as a grid.
pub struct EconomicGrid<'a> {
    pub year: i32,
    pub table: usize,
    pub unit: AmountUnit,
    pub lines: &'a [EconomicLine],
    findings: CellFindings<'a>,
    columns: Vec<ColumnSpec>,
}

impl<'a> EconomicGrid<'a> {
    pub fn new(book: &'a BudgetBook, table: usize, findings: &'a [Finding]) -> EconomicGrid<'a> {
        let lines = book
            .economic
            .get(table)
            .map_or(&[][..], |t| t.lines.as_slice());
        let columns = vec![
            spec("部门科目编码", 100.0, Align::Left, true),
            spec("部门科目名称", 180.0, Align::Left, true),
            spec("政府科目编码", 100.0, Align::Left, true),
            spec("政府科目名称", 160.0, Align::Left, true),
            amount_spec("金额", book.unit, 110.0),
            spec("类别", 90.0, Align::Left, true),
        ];
        EconomicGrid {
            year: book.year,
            table,
            unit: book.unit,
            lines,
            findings: cell_findings(findings, book.year, CheckTable::Economic(table)),
            columns,
        }
    }
}

impl GridSource for EconomicGrid<'_> {
    fn row_count(&self) -> usize {
        self.lines.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(l) = self.lines.get(row) else {
            return CellView::default();
        };
        let n = CellStyle::Normal;
        let cell = match col {
            0 => text_cell(&l.dept_code, n),
            1 => text_cell(&l.dept_name, n),
            2 => text_cell(&l.gov_code, n),
            3 => text_cell(&l.gov_name, n),
            4 => amount_cell(l.amount, n),
            5 => text_cell(l.category.label(), n),
            _ => return CellView::default(),
        };
        let Some(&column) = EconomicColumn::ALL.get(col) else {
            return cell;
        };
        let key = (l.row_id(), Some(BudgetColumn::Economic(column)));
        flag(cell, self.findings.get(&key))
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for EconomicGrid<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::Economic {
            year: self.year,
            table: self.table,
        }
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::Economic(self.lines.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::Economic(l) = row else {
            return Err("行类型不符".to_owned());
        };
        let code = || {
            text.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        };
        match col {
            0 => l.dept_code = code(),
            1 => text.trim().clone_into(&mut l.dept_name),
            2 => l.gov_code = code(),
            3 => text.trim().clone_into(&mut l.gov_name),
            4 => l.amount = parse_amount(text, self.unit)?,
            5 => l.category = parse_category(text)?,
            _ => return Err("没有这一列".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::Economic(EconomicLine::default())
    }
}

// ---- 收支总表 lines -----------------------------------------------------------------------

/// Income or expenditure lines of 收支总表 (name and amount).
pub struct NamedGrid<'a> {
    pub lines: &'a [NamedAmount],
    pub table: TableRef,
    pub unit: AmountUnit,
    columns: Vec<ColumnSpec>,
}

impl<'a> NamedGrid<'a> {
    pub fn new(
        lines: &'a [NamedAmount],
        table: TableRef,
        unit: AmountUnit,
        header: &str,
        amount_header: &str,
    ) -> NamedGrid<'a> {
        NamedGrid {
            lines,
            table,
            unit,
            columns: vec![
                spec(header, 240.0, Align::Left, true),
                amount_spec(amount_header, unit, 120.0),
            ],
        }
    }
}

impl GridSource for NamedGrid<'_> {
    fn row_count(&self) -> usize {
        self.lines.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(l) = self.lines.get(row) else {
            return CellView::default();
        };
        match col {
            0 => text_cell(&l.name, CellStyle::Normal),
            1 => amount_cell(l.amount, CellStyle::Normal),
            _ => CellView::default(),
        }
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for NamedGrid<'_> {
    fn table_ref(&self) -> TableRef {
        self.table.clone()
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::Named(self.lines.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::Named(l) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            0 => text.trim().clone_into(&mut l.name),
            1 => l.amount = parse_amount(text, self.unit)?,
            _ => return Err("没有这一列".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::Named(NamedAmount::default())
    }
}

// ---- 部门收入总体情况表 -------------------------------------------------------------------

/// 部门收入总体情况表 by unit.
pub struct UnitIncomeGrid<'a> {
    pub year: i32,
    pub unit: AmountUnit,
    pub lines: &'a [UnitIncome],
    findings: CellFindings<'a>,
    columns: Vec<ColumnSpec>,
}

impl<'a> UnitIncomeGrid<'a> {
    pub fn new(book: &'a BudgetBook, findings: &'a [Finding]) -> UnitIncomeGrid<'a> {
        UnitIncomeGrid {
            year: book.year,
            unit: book.unit,
            lines: &book.unit_income,
            findings: cell_findings(findings, book.year, CheckTable::UnitIncome),
            columns: vec![
                spec("单位代码", 90.0, Align::Left, true),
                spec("单位名称", 240.0, Align::Left, true),
                amount_spec("合计", book.unit, 110.0),
                amount_spec("一般公共预算", book.unit, 130.0),
                amount_spec("其他收入", book.unit, 110.0),
            ],
        }
    }
}

impl GridSource for UnitIncomeGrid<'_> {
    fn row_count(&self) -> usize {
        self.lines.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(l) = self.lines.get(row) else {
            return CellView::default();
        };
        let style = if l.is_total {
            CellStyle::Strong
        } else {
            CellStyle::Normal
        };
        let Some(&column) = UnitIncomeColumn::ALL.get(col) else {
            return CellView::default();
        };
        let cell = match column {
            UnitIncomeColumn::Code => text_cell(&l.code, style),
            UnitIncomeColumn::Name => text_cell(&l.name, style),
            UnitIncomeColumn::Total => amount_cell(l.total, style),
            UnitIncomeColumn::GeneralBudget => amount_cell(l.general_budget, style),
            UnitIncomeColumn::Other => amount_cell(l.other, style),
        };
        let key = (l.row_id(), Some(BudgetColumn::UnitIncome(column)));
        flag(cell, self.findings.get(&key))
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for UnitIncomeGrid<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::UnitIncome { year: self.year }
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::UnitIncome(self.lines.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::UnitIncome(l) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            0 => l.code = text.chars().filter(|c| !c.is_whitespace()).collect(),
            1 => {
                text.trim().clone_into(&mut l.name);
                l.is_total = l.name == "合计";
            }
            2 => l.total = parse_amount(text, self.unit)?,
            3 => l.general_budget = parse_amount(text, self.unit)?,
            4 => l.other = parse_amount(text, self.unit)?,
            _ => return Err("没有这一列".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::UnitIncome(UnitIncome::default())
    }
}
