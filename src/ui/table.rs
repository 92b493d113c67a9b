//! Turning what a grid reports (`GridAction`) into document edits, the same way for every
//! table: each table says how to read and write its rows; pastes and clears are all or nothing.

use super::grid::{GridAction, GridSource, GridState};
use crate::doc::{Edit, Row, TableRef};
use crate::import::Layout;
use crate::import::paste::{PastedRows, recognise_paste};
use crate::model::AmountUnit;

/// A grid whose rows are rows of one document table.
pub trait EditableTable: GridSource {
    /// The document table behind the grid.
    fn table_ref(&self) -> TableRef;
    /// Document index of a grid row (grids may filter or fold rows).
    fn doc_index(&self, row: usize) -> usize;
    /// Document index where rows inserted before grid row `row` go (`row` may equal the count).
    fn insert_index(&self, row: usize) -> usize {
        if row < self.row_count() {
            self.doc_index(row)
        } else if self.row_count() == 0 {
            0
        } else {
            self.doc_index(self.row_count() - 1) + 1
        }
    }
    /// The document row behind a grid row.
    fn row(&self, row: usize) -> Row;
    /// Writes typed text into one column of a row; `Err(reason)` refuses it.
    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String>;
    /// A new, empty row (for inserts and pastes that grow the table).
    fn blank_row(&self) -> Row;
    /// Changes an outline row's level by `delta` (indicator sheets only).
    fn shift_level(&self, _row: &mut Row, _delta: i8) -> bool {
        false
    }
}

/// Validates typed text the way committing it would: by writing it into a copy of the row.
/// Every editable grid's `GridSource::validate` is this, so validation and commit can never
/// disagree.
pub fn validate_in_copy(
    table: &dyn EditableTable,
    row: usize,
    col: usize,
    text: &str,
) -> Result<(), String> {
    let mut r = table.row(row);
    table.set(&mut r, col, text)
}

/// An edit with its undo label.
pub type LabelledEdit = (Edit, String);

/// The edits for a batch of grid actions. Refusals go into `state.message`.
pub fn edits_for(
    table: &dyn EditableTable,
    actions: &[GridAction],
    state: &mut GridState,
) -> Vec<LabelledEdit> {
    let mut out = Vec::new();
    for a in actions {
        match edit_for(table, a) {
            Ok(Some(e)) => out.push(e),
            Ok(None) => {}
            Err(msg) => state.message = Some(msg),
        }
    }
    out
}

fn cell_name(table: &dyn EditableTable, row: usize, col: usize) -> String {
    let header = table.columns().get(col).map_or("", |c| c.header.as_str());
    format!("第 {} 行「{}」", row + 1, header)
}

fn edit_for(
    table: &dyn EditableTable,
    action: &GridAction,
) -> Result<Option<LabelledEdit>, String> {
    let t = table.table_ref();
    match action {
        GridAction::Commit { row, col, text } => {
            if *row >= table.row_count() {
                return Ok(None);
            }
            let mut r = table.row(*row);
            table
                .set(&mut r, *col, text)
                .map_err(|e| format!("{}：{e}", cell_name(table, *row, *col)))?;
            if r == table.row(*row) {
                return Ok(None);
            }
            let label = format!("编辑{}", cell_name(table, *row, *col));
            Ok(Some((Edit::set_row(t, table.doc_index(*row), r), label)))
        }
        GridAction::Paste { row, col, block } => paste(table, *row, *col, block).map(Some),
        GridAction::Clear { rows, cols } => {
            let mut edits = Vec::new();
            for r in rows.clone().filter(|&r| r < table.row_count()) {
                let before = table.row(r);
                let mut after = before.clone();
                for c in cols.clone() {
                    if table.columns().get(c).is_some_and(|s| s.editable) {
                        table
                            .set(&mut after, c, "")
                            .map_err(|e| format!("{}：{e}", cell_name(table, r, c)))?;
                    }
                }
                if after != before {
                    edits.push(Edit::set_row(t.clone(), table.doc_index(r), after));
                }
            }
            Ok((!edits.is_empty()).then(|| (Edit::Batch(edits), "清除单元格".to_owned())))
        }
        GridAction::InsertRows { at, count } => {
            if !table.rows_editable() {
                return Ok(None);
            }
            let insert = (0..*count).map(|_| table.blank_row()).collect();
            Ok(Some((
                Edit::Splice {
                    table: t,
                    at: table.insert_index(*at),
                    remove: 0,
                    insert,
                },
                "插入行".to_owned(),
            )))
        }
        GridAction::DeleteRows { rows } => {
            if !table.rows_editable() {
                return Ok(None);
            }
            // Delete from the bottom so document indices stay valid within the batch.
            let edits: Vec<Edit> = rows
                .clone()
                .rev()
                .filter(|&r| r < table.row_count())
                .map(|r| Edit::Splice {
                    table: t.clone(),
                    at: table.doc_index(r),
                    remove: 1,
                    insert: vec![],
                })
                .collect();
            Ok(
                (!edits.is_empty())
                    .then(|| (Edit::Batch(edits), format!("删除 {} 行", rows.len()))),
            )
        }
        GridAction::Indent { rows } | GridAction::Outdent { rows } => {
            let delta = if matches!(action, GridAction::Indent { .. }) {
                1
            } else {
                -1
            };
            let mut edits = Vec::new();
            for r in rows.clone().filter(|&r| r < table.row_count()) {
                let mut row = table.row(r);
                if table.shift_level(&mut row, delta) {
                    edits.push(Edit::set_row(t.clone(), table.doc_index(r), row));
                }
            }
            let label = if delta > 0 { "降级" } else { "升级" };
            Ok((!edits.is_empty()).then(|| (Edit::Batch(edits), label.to_owned())))
        }
        GridAction::MoveUp { rows } | GridAction::MoveDown { rows } => {
            let up = matches!(action, GridAction::MoveUp { .. });
            if rows.is_empty() || (up && rows.start == 0) || (!up && rows.end >= table.row_count())
            {
                return Ok(None);
            }
            // Rotate the block with its neighbour: one splice over the span.
            let span = if up {
                rows.start - 1..rows.end
            } else {
                rows.start..rows.end + 1
            };
            let mut moved: Vec<Row> = span.clone().map(|r| table.row(r)).collect();
            if up {
                moved.rotate_left(1);
            } else {
                moved.rotate_right(1);
            }
            let at = table.doc_index(span.start);
            let label = if up { "上移" } else { "下移" };
            Ok(Some((
                Edit::Splice {
                    table: t,
                    at,
                    remove: span.len(),
                    insert: moved,
                },
                label.to_owned(),
            )))
        }
        GridAction::Selected { .. } => Ok(None),
    }
}

/// The layout a pasted block with headers is read as, for the tables that have one.
fn layout_of(t: &TableRef) -> Option<(Layout, i32)> {
    match t {
        TableRef::Functional { year, .. } => Some((Layout::Functional, *year)),
        TableRef::Economic { year, .. } => Some((Layout::Economic, *year)),
        TableRef::Projects => Some((Layout::Projects, 0)),
        TableRef::Indicators { .. } => Some((Layout::Indicators, 0)),
        _ => None,
    }
}

/// A block with a recognisable header pasted into an empty table: read like an imported file
/// (header words pick the columns, 合计 and title rows are recognised) and inserted as one step.
fn paste_with_header(
    table: &dyn EditableTable,
    block: &[Vec<String>],
) -> Option<Result<LabelledEdit, String>> {
    let t = table.table_ref();
    let (layout, year) = layout_of(&t)?;
    let pasted = match recognise_paste(block, layout, AmountUnit::WanYuan, year)? {
        Ok(p) => p,
        Err(e) => return Some(Err(e.to_string())),
    };
    if pasted.is_empty() {
        return None;
    }
    let count = pasted.len();
    let insert: Vec<Row> = match pasted.rows {
        PastedRows::Functional(v) => v.into_iter().map(Row::Functional).collect(),
        PastedRows::Economic(v) => v.into_iter().map(Row::Economic).collect(),
        PastedRows::Indicators(v) => v.into_iter().map(Row::Indicator).collect(),
        PastedRows::Projects(v) => v
            .into_iter()
            .map(|mut p| {
                // The page's blank row knows the year shown and a fresh id.
                if let Row::Project(blank) = table.blank_row() {
                    p.id.clone_from(&blank.id);
                    p.year = blank.year;
                }
                Row::Project(Box::new(p))
            })
            .collect(),
    };
    let label = if pasted.left_out > 0 {
        format!(
            "按表头粘贴 {count} 行（标题、表头等 {} 行未粘贴）",
            pasted.left_out
        )
    } else {
        format!("按表头粘贴 {count} 行")
    };
    Some(Ok((
        Edit::Splice {
            table: t,
            at: table.insert_index(0),
            remove: 0,
            insert,
        },
        label,
    )))
}

fn paste(
    table: &dyn EditableTable,
    row: usize,
    col: usize,
    block: &[Vec<String>],
) -> Result<LabelledEdit, String> {
    if table.row_count() == 0
        && row == 0
        && col == 0
        && table.rows_editable()
        && let Some(result) = paste_with_header(table, block)
    {
        return result;
    }
    let t = table.table_ref();
    let n = table.row_count();
    let needed = row + block.len();
    if needed > n && !table.rows_editable() {
        return Err(format!(
            "粘贴的 {} 行超出表格末尾，此表不能增加行",
            block.len()
        ));
    }
    let mut edits = Vec::new();
    let mut appended = Vec::new();
    for (i, cells) in block.iter().enumerate() {
        let r = row + i;
        let mut target = if r < n {
            table.row(r)
        } else {
            table.blank_row()
        };
        for (j, text) in cells.iter().enumerate() {
            let c = col + j;
            match table.columns().get(c) {
                Some(spec) if spec.editable => {
                    table
                        .set(&mut target, c, text)
                        .map_err(|e| format!("粘贴未完成，{}：{e}", cell_name(table, r, c)))?;
                }
                Some(_) => {} // read-only (computed) columns keep their value
                None => return Err(format!("粘贴的内容有 {} 列，超出表格右边界", cells.len())),
            }
        }
        if r < n {
            edits.push(Edit::set_row(t.clone(), table.doc_index(r), target));
        } else {
            appended.push(target);
        }
    }
    if !appended.is_empty() {
        edits.push(Edit::Splice {
            table: t,
            at: table.insert_index(n),
            remove: 0,
            insert: appended,
        });
    }
    Ok((Edit::Batch(edits), format!("粘贴 {} 行", block.len())))
}
