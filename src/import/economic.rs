//! 经济分类表 → [`EconomicTable`]: 部门/政府经济分类 codes (one column or split 类/款), the
//! amount, and 人员经费 or 公用经费 as the column the amount is printed in.

use std::collections::BTreeSet;

use crate::model::{Amount, CostCategory, EconomicLine, EconomicTable, EconomicTotals};

use super::layout::Field;
use super::rows::{Cells, RowKind, RowNote, code, is_total_label, note, skipped};

pub struct Read {
    pub table: EconomicTable,
    pub rows: Vec<RowNote>,
    pub notes: Vec<String>,
}

/// A 部门/政府经济分类 code: one column, or 类 (3 digits) and 款 (2 digits) columns.
fn economic_code(
    cells: &Cells<'_>,
    r: usize,
    whole: Field,
    class: Field,
    section: Field,
) -> String {
    let split = cells.header.has(class);
    code(cells, r, split, whole, &[(class, 3), (section, 2)])
}

pub fn read(cells: &mut Cells<'_>, skip: &BTreeSet<usize>) -> Read {
    let header = cells.header;
    let mut table = EconomicTable {
        name: header.meta.title_or("经济分类支出表（导入）"),
        ..EconomicTable::default()
    };
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let split_columns = header.has(Field::Personnel) || header.has(Field::Public);
    if !split_columns {
        notes.push(
            "表中没有人员经费、公用经费两列：按科目类推定（301、303 为人员经费，其余为公用经费），请核对".to_owned(),
        );
    }
    let mut total_seen = false;
    for r in header.data_start()..cells.sheet.rows.len() {
        if let Some(reason) = skipped(cells, skip, r) {
            rows.push(note(r, RowKind::Skipped, reason));
            continue;
        }
        let dept_code = economic_code(
            cells,
            r,
            Field::DeptCode,
            Field::DeptClass,
            Field::DeptSection,
        );
        let dept_name = cells.text(r, Field::DeptName);
        let gov_code = economic_code(cells, r, Field::GovCode, Field::GovClass, Field::GovSection);
        let label_total = is_total_label(&dept_code) || is_total_label(&dept_name);
        if label_total || (dept_code.is_empty() && dept_name.is_empty() && !total_seen) {
            let total = EconomicTotals {
                total: cells.amount(r, Field::Total),
                personnel: cells.amount(r, Field::Personnel),
                public: cells.amount(r, Field::Public),
            };
            if total_seen {
                rows.push(note(r, RowKind::Skipped, "第二个合计行"));
                continue;
            }
            table.total = total;
            total_seen = true;
            rows.push(note(
                r,
                RowKind::Total,
                "记为表的合计，由检查与各行之和核对",
            ));
            continue;
        }
        if !dept_code.chars().all(|c| c.is_ascii_digit()) || dept_code.len() != 5 {
            if dept_code.len() == 3 && dept_code.chars().all(|c| c.is_ascii_digit()) {
                rows.push(note(r, RowKind::Skipped, "单位或科目类小计行"));
                continue;
            }
            cells.problem(
                r,
                Some(if header.has(Field::DeptClass) {
                    Field::DeptClass
                } else {
                    Field::DeptCode
                }),
                format!("经济分类科目编码“{dept_code}”应为 5 位数字（类 3 位 + 款 2 位）"),
            );
            continue;
        }
        let (amount, category) = if split_columns {
            let personnel = cells.amount(r, Field::Personnel);
            let public = cells.amount(r, Field::Public);
            match (personnel, public) {
                (p, Amount::Blank) if !p.is_blank() => (p, CostCategory::Personnel),
                (Amount::Blank, q) if !q.is_blank() => (q, CostCategory::Public),
                (Amount::Blank, Amount::Blank) => {
                    (cells.amount(r, Field::Total), CostCategory::Public)
                }
                _ => {
                    cells.problem(
                        r,
                        Some(Field::Personnel),
                        "人员经费和公用经费两列都有金额：一行只能计入其中一类，请拆成两行",
                    );
                    continue;
                }
            }
        } else {
            let category = if dept_code.starts_with("301") || dept_code.starts_with("303") {
                CostCategory::Personnel
            } else {
                CostCategory::Public
            };
            (cells.amount(r, Field::Total), category)
        };
        let line = EconomicLine {
            dept_code,
            dept_name,
            gov_code,
            gov_name: cells.text(r, Field::GovName),
            amount,
            category,
            ..Default::default()
        };
        rows.push(RowNote {
            row: r,
            kind: RowKind::Added,
            text: format!(
                "{} {}（{}）",
                line.dept_code,
                line.dept_name,
                line.category.label()
            ),
        });
        table.lines.push(line);
    }
    Read { table, rows, notes }
}
