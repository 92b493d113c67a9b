//! The one door from the review to the 自评表 reader: a sheet in, the project and its 项目自评
//! out, with the unit used and where each indicator sits in the sheet. Everything the review
//! needs from the reader passes through [`read_form`], so a new reader changes only this file.

use crate::import::{Problem, RowKind, Sheet};
use crate::model::{AmountUnit, Evaluation, Project};

use super::ReviewOptions;

/// One form as read.
#[derive(Clone, Debug)]
pub struct FormRead {
    pub project: Project,
    pub evaluation: Evaluation,
    /// The money unit the amounts were read in, and whether the form said so.
    pub unit: AmountUnit,
    pub unit_stated: bool,
    /// Cells the reader could not read, placed by sheet, row and column.
    pub problems: Vec<Problem>,
    /// What the reader noted.
    pub notes: Vec<String>,
    /// The 0-based sheet row of each indicator (by index in `evaluation.indicators`).
    pub indicator_rows: Vec<Option<usize>>,
    /// The 0-based rows of the funding block's total and of the indicator table's 总分.
    pub funding_row: Option<usize>,
    pub total_row: Option<usize>,
}

/// Whether a sheet looks like a 自评表.
pub fn looks_like(sheet: &Sheet) -> bool {
    crate::import::selfeval::looks_like(sheet)
}

/// The unit the 项目资金 header states, if it states one, and its cell.
fn stated_unit(sheet: &Sheet) -> Option<(AmountUnit, usize, usize)> {
    sheet.rows.iter().enumerate().find_map(|(r, row)| {
        row.iter().enumerate().find_map(|(c, cell)| {
            let t =
                crate::model::number::to_half_width(&cell.text).replace(char::is_whitespace, "");
            if !t.starts_with("项目资金") {
                return None;
            }
            let t = t.replace('（', "(").replace('）', ")");
            if t.contains("(万元)") {
                Some((AmountUnit::WanYuan, r, c))
            } else if t.contains("(元)") {
                Some((AmountUnit::Yuan, r, c))
            } else {
                None
            }
        })
    })
}

/// Reads one form sheet (merged cells already filled or not).
pub fn read_form(sheet: &Sheet, opts: &ReviewOptions) -> Result<FormRead, String> {
    let mut sheet = sheet.clone();
    sheet.fill_merges();
    let stated = stated_unit(&sheet);
    let unit = match (opts.unit, stated) {
        (Some(u), _) => u,
        (None, Some((u, _, _))) => u,
        (None, None) => {
            return Err(
                "表中没有注明金额单位（元或万元）：请核对后用 --unit 元 或 --unit 万元 指定"
                    .to_owned(),
            );
        }
    };
    let read = crate::import::selfeval::read(&sheet, None, "review-p", "review-e");
    if read.evaluation.indicators.len() <= 1 && read.project.name.is_empty() {
        return Err("读不出项目名称和绩效指标：不是可复核的自评表".to_owned());
    }
    let funding_row = read
        .rows
        .iter()
        .find(|n| n.kind == RowKind::Added && n.text.starts_with("项目资金"))
        .map(|n| n.row);
    let total_row = read
        .rows
        .iter()
        .find(|n| n.kind == RowKind::Total)
        .map(|n| n.row);
    let indicator_rows = place_indicators(&read.evaluation, &read.rows, funding_row);
    let mut evaluation = read.evaluation;
    if let Some(p) = &opts.profile {
        let base = evaluation.profile.execution_base;
        evaluation.profile = p.clone();
        evaluation.profile.execution_base = base;
    }
    Ok(FormRead {
        project: read.project,
        evaluation,
        unit,
        unit_stated: stated.is_some(),
        problems: read.problems,
        notes: read.notes,
        indicator_rows,
        funding_row,
        total_row,
    })
}

/// Each indicator's sheet row: the 预算执行率 row first (the funding total), then the leaves in
/// the order of the rows read; a parent sits on the row of its first leaf.
fn place_indicators(
    ev: &Evaluation,
    rows: &[crate::import::RowNote],
    funding_row: Option<usize>,
) -> Vec<Option<usize>> {
    let mut leaf_rows = rows
        .iter()
        .filter(|n| n.kind == RowKind::Added && n.text.starts_with("指标"))
        .map(|n| n.row);
    let n = ev.indicators.len();
    let mut out = vec![None; n];
    for i in 0..n {
        let is_leaf = ev
            .indicators
            .get(i + 1)
            .is_none_or(|next| next.level <= ev.indicators[i].level);
        if i == 0 {
            out[0] = funding_row;
        } else if is_leaf {
            out[i] = leaf_rows.next();
        }
    }
    // Parents take the row of the next placed row below them.
    for i in (0..n).rev() {
        if out[i].is_none() {
            out[i] = out.get(i + 1).copied().flatten();
        }
    }
    out
}
