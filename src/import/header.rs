//! 表头识别: finds the header rows of a sheet (up to four, merged or not), reads the title,
//! year and 单位 line above them, and picks the layout whose header words fit best.

use crate::model::AmountUnit;
use crate::model::amount::WITHHELD_TEXT;
use crate::model::number::{parse_number, to_half_width};

use super::grid::Sheet;
use super::layout::{Field, Layout, is_header_word, map_columns, normalise};

/// Header rows at most.
pub const MAX_HEADER_ROWS: usize = 4;
/// Rows searched for the header.
const SEARCH_ROWS: usize = 40;

/// What the rows above and in the header say about the table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableMeta {
    /// 表名 as printed, without the year ("部门支出总体情况表").
    pub title: String,
    /// 年度 from the title ("2024 年…").
    pub year: Option<i32>,
    /// 单位 from a 单位：万元 line or a header suffix; `None` when the table does not say.
    pub unit: Option<AmountUnit>,
    /// 部门名称 line.
    pub department: String,
}

impl TableMeta {
    /// The title, or `default` when the table prints none.
    pub fn title_or(&self, default: &str) -> String {
        if self.title.is_empty() {
            default.to_owned()
        } else {
            self.title.clone()
        }
    }
}

/// A recognised header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// First header row (0-based).
    pub first_row: usize,
    /// Rows in the header.
    pub rows: usize,
    /// Each column's header path (normalised texts top to bottom).
    pub paths: Vec<Vec<String>>,
    /// Each column's header as shown ("基本支出 / 人员经费 / 工资福利支出").
    pub labels: Vec<String>,
    pub layout: Layout,
    /// Column → field; the evaluator may change it in the preview.
    pub mapping: Vec<Option<Field>>,
    pub meta: TableMeta,
}

impl Header {
    /// The first data row (0-based).
    pub fn data_start(&self) -> usize {
        self.first_row + self.rows
    }

    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.mapping.iter().position(|m| *m == Some(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column_of(field).is_some()
    }
}

/// Whether a row looks like data: a cell that is (or starts like) a number, 'XXXX', or a
/// 合计 row label in its first filled cell with no other header words. Header words never
/// start with a digit.
pub fn is_data_row(sheet: &Sheet, row: usize) -> bool {
    let Some(cells) = sheet.rows.get(row) else {
        return false;
    };
    let first_is_total = cells
        .iter()
        .find(|c| !c.is_blank())
        .is_some_and(|c| super::layout::is_total_label(&c.text));
    // "小计" also heads columns: a header row has other header words beside it.
    (first_is_total && header_words(sheet, row) < 2)
        || cells.iter().any(|c| {
            let t = to_half_width(&c.text);
            let t = t.trim();
            !t.is_empty()
                && (c.numeric
                    || t.eq_ignore_ascii_case(WITHHELD_TEXT)
                    || t.trim_start_matches(['-', '+'])
                        .starts_with(|ch: char| ch.is_ascii_digit())
                    || (parse_number(t).is_ok() && !t.ends_with('%')))
        })
}

fn header_words(sheet: &Sheet, row: usize) -> usize {
    sheet
        .rows
        .get(row)
        .map_or(0, |r| r.iter().filter(|c| is_header_word(&c.text)).count())
}

/// Finds the header block and the layout. `forced` skips the layout choice (but the header
/// must still be found). Returns `None` when no row of the first forty has two header words.
pub fn recognise(sheet: &Sheet, forced: Option<Layout>) -> Option<Header> {
    let limit = sheet.rows.len().min(SEARCH_ROWS);
    let mut candidates = Vec::new();
    for first in 0..limit {
        if header_words(sheet, first) < 2 || is_data_row(sheet, first) {
            continue;
        }
        let mut rows = 1;
        while rows < MAX_HEADER_ROWS
            && first + rows < sheet.rows.len()
            && !is_data_row(sheet, first + rows)
            && header_words(sheet, first + rows) > 0
        {
            rows += 1;
        }
        candidates.push((first, rows));
        // The header of a table comes first; a later block is a repeated page header.
        if candidates.len() >= 3 {
            break;
        }
    }
    let mut best: Option<(usize, Header)> = None;
    for (first, rows) in candidates {
        let paths = column_paths(sheet, first, rows);
        let layouts: Vec<Layout> = match forced {
            Some(l) => vec![l],
            None => Layout::ALL
                .into_iter()
                .filter(|l| *l != Layout::SelfEval)
                .collect(),
        };
        for layout in layouts {
            let mapping = map_columns(layout, &paths);
            let has = |f: Field| mapping.contains(&Some(f));
            if forced.is_none() && !layout.is_satisfied(&has) {
                continue;
            }
            let score = mapping.iter().flatten().count();
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                let labels = paths.iter().map(|p| p.join(" / ")).collect();
                let meta = table_meta(sheet, first);
                best = Some((
                    score,
                    Header {
                        first_row: first,
                        rows,
                        paths: paths.clone(),
                        labels,
                        layout,
                        mapping,
                        meta,
                    },
                ));
            }
        }
        if best.is_some() {
            break;
        }
    }
    best.map(|(_, h)| h)
}

/// The header path of every column. A blank header cell takes the text above it (a merged
/// cell pasted without its merge), or, when the row below has labels under both it and its
/// left neighbour, the text to its left (a group label such as 基本支出 spanning columns).
pub fn column_paths(sheet: &Sheet, first: usize, rows: usize) -> Vec<Vec<String>> {
    let width = (first..first + rows)
        .map(|r| sheet.rows.get(r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let mut grid: Vec<Vec<String>> = (first..first + rows)
        .map(|r| (0..width).map(|c| normalise(sheet.get(r, c))).collect())
        .collect();
    // Group labels spread right, bottom-up so that each level spreads over filled children.
    for r in (0..rows.saturating_sub(1)).rev() {
        for c in 1..width {
            if grid[r][c].is_empty()
                && !grid[r][c - 1].is_empty()
                && !grid[r + 1][c].is_empty()
                && !grid[r + 1][c - 1].is_empty()
            {
                let left = grid[r][c - 1].clone();
                grid[r][c] = left;
            }
        }
    }
    (0..width)
        .map(|c| {
            let mut path: Vec<String> = Vec::new();
            for row in &grid {
                let t = &row[c];
                if !t.is_empty() && path.last() != Some(t) {
                    path.push(t.clone());
                }
            }
            path
        })
        .collect()
}

/// Title, year, unit and department from the rows above the header (and unit suffixes in it).
fn table_meta(sheet: &Sheet, first: usize) -> TableMeta {
    let mut meta = TableMeta::default();
    for r in 0..first {
        for cell in sheet.rows.get(r).into_iter().flatten() {
            let t = cell.text.trim();
            if t.is_empty() {
                continue;
            }
            let n = normalise(t);
            if let Some(unit) = unit_in(&n) {
                meta.unit = Some(unit);
                continue;
            }
            if let Some(d) = n
                .strip_prefix("部门名称:")
                .or_else(|| n.strip_prefix("单位名称:"))
            {
                d.clone_into(&mut meta.department);
                continue;
            }
            if meta.title.is_empty() && n.contains('表') {
                // A unit in the title: "2024 年 一般公共预算支出情况表（万元）" (which
                // `normalise` has already cut off the title).
                let raw = t.replace('（', "(").replace('）', ")");
                if raw.ends_with("(万元)") {
                    meta.unit = Some(AmountUnit::WanYuan);
                } else if raw.ends_with("(元)") {
                    meta.unit = Some(AmountUnit::Yuan);
                }
                let (year, title) = split_year(&n);
                meta.year = year;
                meta.title = title;
            } else if meta.year.is_none() {
                meta.year = split_year(&n).0;
            }
        }
    }
    if meta.unit.is_none() {
        // A unit written into the header cells themselves: "合计（万元）".
        for r in first..first + MAX_HEADER_ROWS {
            for cell in sheet.rows.get(r).into_iter().flatten() {
                let n = crate::model::number::to_half_width(&cell.text).replace(['（', '）'], "");
                if n.contains("万元") {
                    meta.unit = Some(AmountUnit::WanYuan);
                } else if n.contains("(元)") || n.ends_with("元)") {
                    meta.unit = Some(AmountUnit::Yuan);
                }
            }
        }
    }
    meta
}

/// The unit a "单位：万元" / "金额单位：元" line names.
pub fn unit_in(normalised: &str) -> Option<AmountUnit> {
    let idx = normalised.find("单位:")?;
    let rest = &normalised[idx + "单位:".len()..];
    if rest.starts_with("万元") {
        Some(AmountUnit::WanYuan)
    } else if rest.starts_with('元') {
        Some(AmountUnit::Yuan)
    } else {
        None
    }
}

/// "2024年部门支出总体情况表" → (Some(2024), "部门支出总体情况表").
pub fn split_year(text: &str) -> (Option<i32>, String) {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        if i + 4 < chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit())
        {
            let year: String = chars[i..i + 4].iter().collect();
            let mut rest: String = chars[..i].iter().collect();
            let after: String = chars[i + 5..].iter().collect();
            let after = after.trim_start_matches('度');
            rest.push_str(after);
            let rest = rest.trim_start_matches(['(', ')']).to_owned();
            return (year.parse().ok(), rest);
        }
    }
    (None, text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_units_are_read_from_the_title_lines() {
        assert_eq!(
            split_year("2024年部门支出总体情况表"),
            (Some(2024), "部门支出总体情况表".to_owned())
        );
        assert_eq!(split_year("预算表").0, None);
        assert_eq!(unit_in("单位:万元"), Some(AmountUnit::WanYuan));
        assert_eq!(unit_in("金额单位:元"), Some(AmountUnit::Yuan));
        assert_eq!(unit_in("部门名称:郑州市工业和信息化局"), None);
    }

    #[test]
    fn a_pasted_three_row_header_without_merges_is_recognised() {
        let s = Sheet::from_texts(
            "粘贴",
            &[
                vec![
                    "科目编码",
                    "",
                    "",
                    "单位代码",
                    "单位（科目名称）",
                    "合计",
                    "基本支出",
                    "",
                    "",
                    "",
                    "",
                    "项目支出",
                    "",
                    "",
                ],
                vec![
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "小计",
                    "人员经费",
                    "",
                    "公用经费",
                    "",
                    "小计",
                    "其他运转类",
                    "特定目标类",
                ],
                vec![
                    "类",
                    "款",
                    "项",
                    "",
                    "",
                    "",
                    "",
                    "工资福利支出",
                    "对个人和家庭的补助",
                    "商品和服务支出",
                    "资本性支出",
                    "",
                    "",
                    "",
                ],
                vec!["", "", "", "", "合计", "1", "1", "", "", "", "", "", "", ""],
            ],
        );
        let h = recognise(&s, None).unwrap();
        assert_eq!((h.first_row, h.rows, h.layout), (0, 3, Layout::Functional));
        assert_eq!(h.column_of(Field::Family), Some(8));
        assert_eq!(h.column_of(Field::Basic), Some(6));
        assert_eq!(h.column_of(Field::CodeSection), Some(1));
        assert_eq!(h.labels[9], "基本支出 / 公用经费 / 商品和服务支出");
    }
}
