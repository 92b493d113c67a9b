//! Where things sit in the grids: the grid column of each table's column enum (the enums of
//! `model::columns`, which findings locate their cells with), and the folding of 功能分类 rows
//! by row id (which rows show, unfolding to reveal one; a fold stays on its 类/款 row when rows
//! are inserted or removed above it). Shared by the 预算表 and 项目 pages and the 检查结果
//! page's jumps.

use std::collections::HashSet;
use std::hash::BuildHasher;

use crate::model::{
    DisbursementColumn, EconomicColumn, FunctionalLine, FunctionalLineColumn, HasRowId, LineLevel,
    ProjectColumn, RowId, UnitIncomeColumn,
};

/// Columns of a 功能分类 grid before the amounts: 科目编码, 科目名称.
pub const FUNCTIONAL_CODE_COL: usize = 0;
pub const FUNCTIONAL_NAME_COL: usize = 1;
/// Grid column of the first amount (合计).
pub const FUNCTIONAL_FIRST_AMOUNT_COL: usize = 2;

/// The grid column of a 功能分类 column: the grid shows `FunctionalLineColumn::ALL` in order.
pub fn functional_col(c: FunctionalLineColumn) -> usize {
    match c {
        FunctionalLineColumn::Code => FUNCTIONAL_CODE_COL,
        FunctionalLineColumn::Name => FUNCTIONAL_NAME_COL,
        FunctionalLineColumn::Amount(a) => FUNCTIONAL_FIRST_AMOUNT_COL + a as usize,
    }
}

/// The grid column of an 经济分类 column: the grid shows `EconomicColumn::ALL` in order.
pub fn economic_col(c: EconomicColumn) -> usize {
    c as usize
}

/// The grid column of a 单位收入 column: the grid shows `UnitIncomeColumn::ALL` in order.
pub fn unit_income_col(c: UnitIncomeColumn) -> usize {
    c as usize
}

/// The grid column of a 拨付记录 column: the grid shows `DisbursementColumn::ALL` in order.
pub fn disbursement_col(c: DisbursementColumn) -> usize {
    c as usize
}

/// The grid column of a 项目支出预算表 column: the grid shows `ProjectColumn::ALL` in order,
/// then the computed rates.
pub fn project_col(c: ProjectColumn) -> usize {
    c as usize
}

/// Whether a line can be folded (a 类 or 款 row).
pub fn is_foldable(level: LineLevel) -> bool {
    matches!(level, LineLevel::Class | LineLevel::Section)
}

/// The document rows shown when the rows in `collapsed` are folded: a folded 类/款 hides the
/// rows below it up to the next row of its level or higher.
pub fn visible_rows<S: BuildHasher>(
    lines: &[FunctionalLine],
    collapsed: &HashSet<RowId, S>,
) -> Vec<usize> {
    let mut out = Vec::with_capacity(lines.len());
    let mut hiding_below: Option<LineLevel> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(level) = hiding_below {
            if line.level > level {
                continue;
            }
            hiding_below = None;
        }
        out.push(i);
        if is_foldable(line.level) && collapsed.contains(&line.row_id()) {
            hiding_below = Some(line.level);
        }
    }
    out
}

/// Unfolds the 类/款 rows that hide document row `row`.
pub fn reveal<S: BuildHasher>(
    lines: &[FunctionalLine],
    collapsed: &mut HashSet<RowId, S>,
    row: usize,
) {
    let Some(target) = lines.get(row) else {
        return;
    };
    let mut level = target.level;
    for i in (0..row).rev() {
        let Some(l) = lines.get(i) else { continue };
        if l.level < level {
            collapsed.remove(&l.row_id());
            level = l.level;
        }
    }
}
