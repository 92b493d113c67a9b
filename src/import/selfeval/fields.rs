//! The text fields of a 自评表: 年度 (from the title), 项目名称, 主管部门, 实施单位, 年度总体目标
//! (预期目标 and 实际完成情况 apart) and 偏差原因分析及改进措施. A blank cell stays blank: the value
//! right of a label is never taken from the next label.

use crate::import::grid::Sheet;
use crate::import::header::split_year;
use crate::import::layout::normalise;

/// What the form says in words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    /// 0 when neither the title nor the caller gives one.
    pub year: i32,
    pub name: String,
    pub department: String,
    pub unit: String,
    pub goal_expected: String,
    pub goal_actual: String,
    pub deviation_analysis: String,
}

/// Labels of the form: a value cell is never one of these.
const LABELS: &[&str] = &[
    "项目名称",
    "主管部门",
    "实施单位",
    "项目单位",
    "预算单位",
    "项目负责人",
    "联系电话",
    "填报单位",
    "项目资金",
    "年度总体目标",
    "年度绩效目标",
    "预期目标",
    "实际完成情况",
    "年度目标",
    "完成情况",
    "实施单位(盖章)",
    "主管部门及代码",
    "实施单位及代码",
];

fn is_label(n: &str) -> bool {
    LABELS.contains(&n) || n.ends_with(':')
}

fn find(sheet: &Sheet, pred: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    sheet.rows.iter().enumerate().find_map(|(r, row)| {
        row.iter()
            .position(|c| pred(&normalise(&c.text)))
            .map(|c| (r, c))
    })
}

/// The first non-blank cell right of (r, c) that is not a copy of the label (merged cells
/// repeat it); "" when that cell is another label or there is none.
fn value_right(sheet: &Sheet, r: usize, c: usize) -> String {
    let label = normalise(sheet.get(r, c));
    for cell in sheet.rows.get(r).into_iter().flatten().skip(c + 1) {
        let t = cell.text.trim();
        let n = normalise(t);
        if t.is_empty() || n == label {
            continue;
        }
        return if is_label(&n) {
            String::new()
        } else {
            t.to_owned()
        };
    }
    String::new()
}

/// "主管部门：某局" written in one cell: the text after the colon.
fn after_colon(sheet: &Sheet, word: &str) -> Option<String> {
    sheet.rows.iter().flatten().find_map(|c| {
        let n = normalise(&c.text);
        let rest = n.strip_prefix(word)?.strip_prefix(':')?;
        Some(rest.to_owned())
    })
}

fn labelled(sheet: &Sheet, words: &[&str]) -> String {
    for w in words {
        if let Some((r, c)) = find(sheet, |t| {
            t == *w || t.strip_prefix(w).is_some_and(|r| r.starts_with('('))
        }) {
            return value_right(sheet, r, c);
        }
        if let Some(v) = after_colon(sheet, w) {
            return v;
        }
    }
    String::new()
}

/// Reads the fields. `year` is used when the title gives none.
pub fn read(sheet: &Sheet, year: Option<i32>) -> Texts {
    let title_year = sheet
        .rows
        .iter()
        .take(6)
        .flatten()
        .find_map(|c| split_year(&normalise(&c.text)).0);
    let (goal_expected, goal_actual) = goal(sheet);
    Texts {
        year: title_year.or(year).unwrap_or(0),
        name: labelled(sheet, &["项目名称"]),
        department: labelled(sheet, &["主管部门", "主管部门及代码"]),
        unit: labelled(sheet, &["实施单位", "项目单位", "实施单位及代码"]),
        goal_expected,
        goal_actual,
        deviation_analysis: deviation(sheet),
    }
}

/// 年度总体目标: the 预期目标 and 实际完成情况 texts under their sub-headers, or the one text
/// beside the label when the form has no sub-headers (then it is the 预期目标).
fn goal(sheet: &Sheet) -> (String, String) {
    let Some((gr, gc)) = find(sheet, |t| {
        matches!(
            t,
            "年度总体目标" | "总体目标" | "年度绩效目标" | "年度总体绩效目标"
        )
    }) else {
        return (String::new(), String::new());
    };
    let subheader = (gr..(gr + 3).min(sheet.rows.len())).find_map(|r| {
        let row = &sheet.rows[r];
        let expected = row.iter().position(|c| {
            let n = normalise(&c.text);
            n.starts_with("预期目标") || n == "年度目标" || n == "年初设定目标"
        })?;
        let actual = row.iter().position(|c| {
            let n = normalise(&c.text);
            n.starts_with("实际完成") || n == "完成情况" || n == "全年实际完成情况"
        })?;
        Some((r, expected, actual))
    });
    let text_in = |r: usize, from: usize, to: usize| -> String {
        let mut seen: Vec<String> = Vec::new();
        for c in from..to.min(sheet.rows.get(r).map_or(0, Vec::len)) {
            let t = sheet.get(r, c).trim();
            if !t.is_empty() && !is_label(&normalise(t)) && !seen.iter().any(|s| s == t) {
                seen.push(t.to_owned());
            }
        }
        seen.join("")
    };
    match subheader {
        Some((hr, e, a)) => {
            let r = hr + 1;
            let (lo, hi) = if e < a { (e, a) } else { (a, e) };
            let first = text_in(r, lo, hi);
            let second = text_in(r, hi, usize::MAX);
            if e < a {
                (first, second)
            } else {
                (second, first)
            }
        }
        None => (text_in(gr, gc + 1, usize::MAX), String::new()),
    }
}

/// 偏差原因分析及改进措施 written as a section of its own (not a column of the indicator table).
fn deviation(sheet: &Sheet) -> String {
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let n = normalise(&cell.text);
            if !(n.starts_with("偏差原因分析") || n.starts_with("偏差大或目标未完成原因分析"))
            {
                continue;
            }
            // A column header of the indicator table has 得分/分值 headers on its row.
            let in_table = row.iter().any(|x| {
                let t = normalise(&x.text);
                t == "得分" || t == "分值" || t == "三级指标"
            });
            if in_table {
                continue;
            }
            if let Some(rest) = n.split_once(':').map(|(_, r)| r).filter(|r| !r.is_empty()) {
                return rest.to_owned();
            }
            let right = value_right(sheet, r, c);
            if !right.is_empty() {
                return right;
            }
            // The text on the row below, first non-blank cell.
            return sheet
                .rows
                .get(r + 1)
                .into_iter()
                .flatten()
                .map(|x| x.text.trim())
                .find(|t| !t.is_empty())
                .unwrap_or("")
                .to_owned();
        }
    }
    String::new()
}

/// A 分值 column header, normalised: 分值, 权重, 分值(A), 指标分值, 标准分值 (not 得分).
pub fn is_weight_header(t: &str) -> bool {
    t == "权重"
        || t.starts_with("分值(")
        || (t.ends_with("分值") && !t.contains('得') && t.chars().count() <= 5)
}

/// A 得分 column header, normalised: 得分, 自评得分, 得分(C), 评价得分 — not a 复核/评审 得分
/// column an evaluator added, nor 扣分原因.
pub fn is_score_header(t: &str) -> bool {
    t.starts_with("得分(")
        || (t.ends_with("得分")
            && t.chars().count() <= 5
            && !t.contains("复核")
            && !t.contains("评审"))
}
