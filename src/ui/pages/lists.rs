//! Grids over lists of text (存在问题, 相关建议, 重点工作任务).

use crate::doc::{Row, TableRef};
use crate::ui::grid::{Align, CellView, ColumnSpec, GridSource};
use crate::ui::table::EditableTable;

/// A one-column grid over a list of strings.
pub struct TextList<'a> {
    pub items: &'a [String],
    pub table: TableRef,
    pub columns: Vec<ColumnSpec>,
}

impl<'a> TextList<'a> {
    pub fn new(items: &'a [String], table: TableRef, header: &str) -> TextList<'a> {
        TextList {
            items,
            table,
            columns: vec![ColumnSpec {
                header: header.to_owned(),
                width: 640.0,
                align: Align::Left,
                editable: true,
            }],
        }
    }
}

impl GridSource for TextList<'_> {
    fn row_count(&self) -> usize {
        self.items.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, _col: usize) -> CellView {
        let t = self.items.get(row).cloned().unwrap_or_default();
        CellView {
            display: t.clone(),
            edit: t,
            ..CellView::default()
        }
    }

    fn validate(&self, _row: usize, _col: usize, _text: &str) -> Result<(), String> {
        Ok(())
    }
}

impl EditableTable for TextList<'_> {
    fn table_ref(&self) -> TableRef {
        self.table.clone()
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::Text(self.items.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, _col: usize, text: &str) -> Result<(), String> {
        match row {
            Row::Text(t) => {
                text.trim().clone_into(t);
                Ok(())
            }
            _ => Err("行类型不符".to_owned()),
        }
    }

    fn blank_row(&self) -> Row {
        Row::Text(String::new())
    }
}
