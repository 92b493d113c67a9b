//! 功能分类表 → [`FunctionalTable`]: 科目编码 in one column or split 类/款/项, 单位 rows,
//! the 合计 row kept as the table's `Total` line (the checks compare it with the lines).

use std::collections::BTreeSet;

use crate::model::{FunctionalColumn, FunctionalLine, FunctionalTable, LineLevel};

use super::layout::{Field, normalise};
use super::rows::{
    BY_EVALUATOR, Cells, RowKind, RowNote, code, is_note, is_total_label, note, skip_reason,
};

/// The table read, with what became of each row.
pub struct Read {
    pub table: FunctionalTable,
    pub rows: Vec<RowNote>,
    pub notes: Vec<String>,
}

/// The field a 功能分类 column is read into.
fn column_field(c: FunctionalColumn) -> Field {
    match c {
        FunctionalColumn::Total => Field::Total,
        FunctionalColumn::Basic => Field::Basic,
        FunctionalColumn::Wages => Field::Wages,
        FunctionalColumn::Family => Field::Family,
        FunctionalColumn::Goods => Field::Goods,
        FunctionalColumn::Capital => Field::Capital,
        FunctionalColumn::Project => Field::Project,
        FunctionalColumn::Operating => Field::Operating,
        FunctionalColumn::Targeted => Field::Targeted,
    }
}

pub fn read(cells: &mut Cells<'_>, skip: &BTreeSet<usize>) -> Read {
    let header = cells.header;
    let mut table = FunctionalTable {
        name: header.meta.title_or("功能分类支出表（导入）"),
        ..FunctionalTable::default()
    };
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let split = header.has(Field::CodeClass) || header.has(Field::CodeItem);
    if header.has(Field::Personnel) && !header.has(Field::Wages) {
        notes.push("“人员经费”列读入“工资福利支出”（表中未分列对个人和家庭的补助）".to_owned());
    }
    if header.has(Field::Public) && !header.has(Field::Goods) {
        notes.push("“公用经费”列读入“商品和服务支出”（表中未分列资本性支出）".to_owned());
    }
    for r in header.data_start()..cells.sheet.rows.len() {
        if skip.contains(&r) {
            rows.push(note(r, RowKind::Skipped, BY_EVALUATOR));
            continue;
        }
        if let Some(reason) = skip_reason(cells, r) {
            let first = cells
                .sheet
                .rows
                .get(r)
                .and_then(|row| row.iter().find(|c| !c.is_blank()))
                .map(|c| c.text.trim().to_owned())
                .unwrap_or_default();
            if is_note(&normalise(&first)) {
                table.note = first;
            }
            rows.push(note(r, RowKind::Skipped, reason));
            continue;
        }
        let code = code(
            cells,
            r,
            split,
            Field::Code,
            &[
                (Field::CodeClass, 3),
                (Field::CodeSection, 2),
                (Field::CodeItem, 2),
            ],
        );
        let unit_code = cells.text(r, Field::UnitCode);
        let name = cells.text(r, Field::Name);
        let stated = stated_level(&cells.text(r, Field::Level));
        let (code, unit_code) = if stated == Some(LineLevel::Unit) && unit_code.is_empty() {
            (String::new(), code)
        } else {
            (code, unit_code)
        };
        let level =
            if let Some(l) = stated.filter(|l| matches!(l, LineLevel::Total | LineLevel::Unit)) {
                l
            } else if code.is_empty() && unit_code.is_empty() && is_total_label(&name) {
                LineLevel::Total
            } else if code.is_empty() && !unit_code.is_empty() {
                LineLevel::Unit
            } else if let Some(level) =
                LineLevel::from_code(&code).filter(|_| code.chars().all(|c| c.is_ascii_digit()))
            {
                level
            } else if code.is_empty() {
                cells.problem(
                    r,
                    Some(if split { Field::CodeClass } else { Field::Code }),
                    format!("“{name}”一行没有科目编码，也不是合计或单位行"),
                );
                continue;
            } else {
                cells.problem(
                    r,
                    Some(if split { Field::CodeClass } else { Field::Code }),
                    format!("科目编码“{code}”应为 3 位（类）、5 位（款）或 7 位（项）数字"),
                );
                continue;
            };
        let mut line = FunctionalLine {
            code: if level == LineLevel::Unit {
                unit_code
            } else {
                code
            },
            name,
            level,
            ..FunctionalLine::default()
        };
        for c in FunctionalColumn::ALL {
            let field = match c {
                FunctionalColumn::Wages if !header.has(Field::Wages) => Field::Personnel,
                FunctionalColumn::Goods if !header.has(Field::Goods) => Field::Public,
                other => column_field(other),
            };
            *line.get_mut(c) = cells.amount(r, field);
        }
        let (kind, text) = match level {
            LineLevel::Total => (
                RowKind::Total,
                "保留为表的合计行，由检查与各行之和核对".to_owned(),
            ),
            other => (
                RowKind::Added,
                format!("{} {} {}", other.label(), line.code, line.name),
            ),
        };
        rows.push(RowNote { row: r, kind, text });
        table.lines.push(line);
    }
    Read { table, rows, notes }
}

/// A 级次 cell as the export writes it (合计, 单位, 类, 款, 项).
fn stated_level(text: &str) -> Option<LineLevel> {
    [
        LineLevel::Total,
        LineLevel::Unit,
        LineLevel::Class,
        LineLevel::Section,
        LineLevel::Item,
    ]
    .into_iter()
    .find(|l| l.label() == text.trim())
}
