//! 带表头粘贴: a block pasted from Excel or WPS into an empty grid goes through the same header
//! recognition as a file, so a copied published table (title, 单位 line, header rows, 合计 row)
//! lands in the right columns. A block without a recognisable header is an ordinary paste.

use std::collections::BTreeSet;

use crate::model::{AmountUnit, EconomicLine, FunctionalLine, Indicator, Project};

use super::grid::Sheet;
use super::header::recognise;
use super::layout::{Field, Layout};
use super::rows::{Cells, RowKind, RowNote};
use super::{economic, functional, indicators, projects};

/// The rows a pasted block holds, typed for the table it was pasted into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PastedRows {
    Functional(Vec<FunctionalLine>),
    Economic(Vec<EconomicLine>),
    Projects(Vec<Project>),
    Indicators(Vec<Indicator>),
}

/// A recognised paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    pub rows: PastedRows,
    /// Rows left out (titles, repeated headers, 合计 rows the table keeps elsewhere).
    pub left_out: usize,
}

impl Pasted {
    pub fn len(&self) -> usize {
        match &self.rows {
            PastedRows::Functional(v) => v.len(),
            PastedRows::Economic(v) => v.len(),
            PastedRows::Projects(v) => v.len(),
            PastedRows::Indicators(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What kind of pasted block was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteErrorKind {
    /// A header was recognised, but cells under it cannot be read.
    UnreadableCells,
}

/// Why a pasted block with a header was refused (nothing is pasted): its kind, and the message
/// naming the first cell that cannot be read and how many more there are.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PasteError {
    pub kind: PasteErrorKind,
    pub message: String,
}

/// Reads a pasted block as a table of `layout` when its first rows are that layout's header.
/// `None`: no header (paste cell by cell as usual). `Some(Err)`: a header, but a cell that
/// cannot be read (the message names its row and column; nothing is pasted).
pub fn recognise_paste(
    block: &[Vec<String>],
    layout: Layout,
    unit: AmountUnit,
    year: i32,
) -> Option<Result<Pasted, PasteError>> {
    if block.len() < 2 {
        return None;
    }
    let sheet = Sheet::from_texts("粘贴", block);
    let header = recognise(&sheet, Some(layout))?;
    let has = |f: Field| header.has(f);
    if !layout.is_satisfied(&has) {
        return None;
    }
    let from = header.meta.unit.unwrap_or(unit);
    let mut cells = Cells::new(&sheet, &header, from, unit);
    let skip = BTreeSet::new();
    let (rows, notes): (PastedRows, Vec<RowNote>) = match layout {
        Layout::Functional => {
            let r = functional::read(&mut cells, &skip);
            (PastedRows::Functional(r.table.lines), r.rows)
        }
        Layout::Economic => {
            let r = economic::read(&mut cells, &skip);
            (PastedRows::Economic(r.table.lines), r.rows)
        }
        Layout::Projects => {
            let r = projects::read(&mut cells, &skip, header.meta.year.unwrap_or(year));
            (PastedRows::Projects(r.projects), r.rows)
        }
        Layout::Indicators => {
            let r = indicators::read(&mut cells, &skip);
            (PastedRows::Indicators(r.indicators), r.rows)
        }
        Layout::ThreePublic | Layout::SelfEval => return None,
    };
    if let Some(first) = cells.problems.first() {
        let more = cells.problems.len() - 1;
        let message = if more > 0 {
            format!("粘贴未完成，{first}（另有 {more} 处）")
        } else {
            format!("粘贴未完成，{first}")
        };
        return Some(Err(PasteError {
            kind: PasteErrorKind::UnreadableCells,
            message,
        }));
    }
    let left_out = notes.iter().filter(|n| n.kind == RowKind::Skipped).count()
        + header.first_row
        + header.rows;
    Some(Ok(Pasted { rows, left_out }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Amount, LineLevel};
    use rust_decimal_macros::dec;

    fn block(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn a_copied_published_table_is_read_by_its_header() {
        let b = block(
            "2024 年一般公共预算支出情况表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10,000\t10,000\t\n2150501\t行政运行\t10,000\t10,000\t—",
        );
        let Some(Ok(p)) = recognise_paste(&b, Layout::Functional, AmountUnit::WanYuan, 2024) else {
            panic!("recognised")
        };
        let PastedRows::Functional(lines) = p.rows else {
            panic!()
        };
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].level, LineLevel::Total);
        assert_eq!(lines[1].total, Amount::Value(dec!(1)));
        assert_eq!(lines[1].project, Amount::Blank);
        assert_eq!(p.left_out, 3);
    }

    #[test]
    fn plain_data_is_left_to_the_ordinary_paste() {
        let b = block("2150501\t行政运行\t1\n2150517\t产业发展\t2");
        assert!(recognise_paste(&b, Layout::Functional, AmountUnit::WanYuan, 2024).is_none());
    }

    #[test]
    fn an_unreadable_cell_refuses_the_whole_paste() {
        let b = block("项目名称\t合计\n甲\t1.234,5");
        let Some(Err(e)) = recognise_paste(&b, Layout::Projects, AmountUnit::WanYuan, 2024) else {
            panic!("refused")
        };
        let e = e.to_string();
        assert!(e.contains("第 2 行 B 列") && e.contains("欧式"), "{e}");
    }
}
