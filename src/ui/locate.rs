//! Where a finding's field sits in a grid: the grid column of a field named as in findings,
//! per table, and the folding of 功能分类 rows (which rows show, unfolding to reveal one).
//! Shared by the 预算表 and 项目 pages and the 检查结果 page's jumps; moved from
//! `ui/pages/budget/grids.rs` and `ui/pages/projects.rs`, content unchanged.

use std::collections::HashSet;
use std::hash::BuildHasher;

use crate::calc::checks::text::column_key;
use crate::model::{FunctionalColumn, FunctionalLine, LineLevel};

/// Columns of a 功能分类 grid before the amounts: 科目编码, 科目名称.
pub const FUNCTIONAL_CODE_COL: usize = 0;
pub const FUNCTIONAL_NAME_COL: usize = 1;
/// Grid column of the first amount (合计).
pub const FUNCTIONAL_FIRST_AMOUNT_COL: usize = 2;

/// Grid column of a 功能分类 field named as in findings (`"goods"` → 6, `"code"` → 0).
pub fn functional_column_index(key: &str) -> Option<usize> {
    match key {
        "code" => Some(FUNCTIONAL_CODE_COL),
        "name" => Some(FUNCTIONAL_NAME_COL),
        _ => FunctionalColumn::ALL
            .iter()
            .position(|c| column_key(*c) == key)
            .map(|i| FUNCTIONAL_FIRST_AMOUNT_COL + i),
    }
}

/// Whether a line can be folded (a 类 or 款 row).
pub fn is_foldable(level: LineLevel) -> bool {
    matches!(level, LineLevel::Class | LineLevel::Section)
}

/// The document rows shown when the rows in `collapsed` are folded: a folded 类/款 hides the
/// rows below it up to the next row of its level or higher.
pub fn visible_rows<S: BuildHasher>(
    lines: &[FunctionalLine],
    collapsed: &HashSet<usize, S>,
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
        if collapsed.contains(&i) && is_foldable(line.level) {
            hiding_below = Some(line.level);
        }
    }
    out
}

/// Unfolds the 类/款 rows that hide document row `row`.
pub fn reveal<S: BuildHasher>(
    lines: &[FunctionalLine],
    collapsed: &mut HashSet<usize, S>,
    row: usize,
) {
    let Some(target) = lines.get(row) else {
        return;
    };
    let mut level = target.level;
    for i in (0..row).rev() {
        let Some(l) = lines.get(i) else { continue };
        if l.level < level {
            collapsed.remove(&i);
            level = l.level;
        }
    }
}

/// Grid column of an 经济分类 field named as in findings (`"category"` → 5).
pub fn economic_column_index(key: &str) -> Option<usize> {
    match key {
        "dept_code" => Some(0),
        "dept_name" => Some(1),
        "gov_code" => Some(2),
        "gov_name" => Some(3),
        "amount" => Some(4),
        "category" => Some(5),
        _ => None,
    }
}

/// Grid column of a 单位收入 field named as in findings (`"general_budget"` → 3).
pub fn unit_income_column_index(key: &str) -> Option<usize> {
    match key {
        "code" => Some(0),
        "name" => Some(1),
        "total" => Some(2),
        "general_budget" => Some(3),
        "other" => Some(4),
        _ => None,
    }
}

/// Grid column of a disbursement field (`"date"` → 0, `"amount"` → 1 …).
pub fn disbursement_column_index(field: &str) -> Option<usize> {
    match field {
        "date" => Some(0),
        "amount" => Some(1),
        "stage" => Some(2),
        "note" => Some(3),
        _ => None,
    }
}

/// Splits a project field like `"disbursements[2].date"` into ("disbursements", 2, "date").
pub fn split_field(field: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = field.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    Some((list, index, rest.trim_start_matches('.')))
}
