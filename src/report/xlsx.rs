//! The spreadsheet export (xlsx): per evaluation a score sheet whose subtotals, totals, 得分率
//! and 等级 are live formulas (they recalculate in Excel, WPS and `LibreOffice`), the 总体得分情况表
//! built from those cells, and the budget tables with their hierarchy, in 万元 and %.
//!
//! Amounts are exact decimals in the program; a spreadsheet stores IEEE doubles. A decimal of at
//! most 15 significant digits (any 2- or 4-place amount below 10¹¹ 万元) converts to the
//! nearest double, which reads back as the same decimal, so nothing visible is lost; the
//! formulas' cached results are our exact figures, rounded to 2 places as scores are published.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use super::blocks::level_columns;
use super::cells::{indicator_cells, score};
use super::error::ExportError;
use super::width::display_width;
use crate::calc::metrics::execution_rate;
use crate::calc::metrics::{cost_item_rate, project_metric};
use crate::calc::num::round2;
use crate::calc::{ScoreBreakdown, score_evaluation};
use crate::model::{Amount, Evaluation, FunctionalColumn, LineLevel, ProjectMetric, Workspace};

/// `#,##0.00##`: thousands separators, two places, up to four when typed (54.2543 万元).
const AMOUNT_FORMAT: &str = "#,##0.00##";
const SCORE_FORMAT: &str = "0.00";
const PERCENT_FORMAT: &str = "0.00%";

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    wrap: Format,
    amount: Format,
    score: Format,
    percent: Format,
    bold_score: Format,
    bold_text: Format,
}

/// A table cell of the workbooks we write: thin grey border, vertically centred.
pub(crate) fn cell_format() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0x00A0_A0A0))
        .set_align(FormatAlign::VerticalCenter)
}

/// A sheet's title line.
pub(crate) fn title_format() -> Format {
    Format::new().set_bold().set_font_size(14)
}

/// A column heading: a bold, centred, wrapped cell on a light grey-blue ground.
pub(crate) fn header_format() -> Format {
    cell_format()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_text_wrap()
        .set_background_color(Color::RGB(0x00E2_E8F0))
}

impl Formats {
    fn new() -> Formats {
        let cell = cell_format();
        Formats {
            title: title_format(),
            header: header_format(),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            amount: cell.clone().set_num_format(AMOUNT_FORMAT),
            score: cell.clone().set_num_format(SCORE_FORMAT),
            percent: cell.clone().set_num_format(PERCENT_FORMAT),
            bold_score: cell.clone().set_num_format(SCORE_FORMAT).set_bold(),
            bold_text: cell.set_bold(),
        }
    }
}

/// Column letter(s) of a zero-based column.
fn col_name(c: u16) -> String {
    let mut n = u32::from(c) + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(char::from(b'A' + u8::try_from(r).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    s.iter().rev().collect()
}

/// `H12`: a cell reference (row zero-based).
fn cell(c: u16, r: u32) -> String {
    format!("{}{}", col_name(c), r + 1)
}

/// A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`), unique in the workbook.
pub(crate) fn sheet_name(base: &str, taken: &mut Vec<String>) -> String {
    let clean: String = base
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let mut name = clean.clone();
    let mut k = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{clean}_{k}");
        k += 1;
    }
    taken.push(name.clone());
    name
}

/// Column widths that fit Chinese text: the widest cell in terminal columns (a hanzi is two),
/// within [min, max].
struct Widths(Vec<usize>);

impl Widths {
    fn new(n: usize) -> Widths {
        Widths(vec![0; n])
    }
    fn see(&mut self, c: usize, text: &str) {
        if let Some(w) = self.0.get_mut(c) {
            *w = (*w).max(display_width(text));
        }
    }
    fn apply(&self, ws: &mut Worksheet, min: usize, max: usize) -> Result<(), XlsxError> {
        for (c, &w) in self.0.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let width = (w.clamp(min, max) + 2) as f64;
            ws.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), width)?;
        }
        Ok(())
    }
}

/// The workbook of a workspace, as bytes.
pub fn workbook_bytes(ws: &Workspace) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let fm = Formats::new();
    let mut taken = vec!["总体得分情况".to_owned()];
    let scored: Vec<(&Evaluation, ScoreBreakdown)> = ws
        .evaluations
        .iter()
        .map(|e| (e, score_evaluation(ws, e)))
        .collect();
    // Sheet names first: the summary refers to the score sheets.
    let names: Vec<String> = scored
        .iter()
        .map(|(e, _)| sheet_name(&format!("得分 {}", e.id), &mut taken))
        .collect();
    let mut refs = Vec::new();
    {
        let summary = wb.add_worksheet();
        summary.set_name("总体得分情况")?;
    }
    for ((ev, b), name) in scored.iter().zip(&names) {
        let sheet = wb.add_worksheet();
        sheet.set_name(name)?;
        refs.push(score_sheet(sheet, ws, ev, b, &fm)?);
    }
    {
        let summary = wb.worksheet_from_name("总体得分情况")?;
        summary_sheet(summary, &scored, &names, &refs, &fm)?;
    }
    let sheet = wb.add_worksheet();
    sheet.set_name("项目预算执行")?;
    projects_sheet(sheet, ws, &fm)?;
    for book in &ws.budgets {
        for (i, table) in book.functional.iter().enumerate() {
            let sheet = wb.add_worksheet();
            let name = sheet_name(&format!("功能分类 {} {}", book.year, i + 1), &mut taken);
            sheet.set_name(name)?;
            functional_sheet(sheet, ws, book.year, table, &fm)?;
        }
    }
    Ok(wb.save_to_buffer()?)
}

/// Where the cells of one score sheet are: the 一级 rows and the total row.
struct ScoreRefs {
    level1_rows: Vec<u32>,
    total_row: u32,
}

// Score sheet columns.
const C_L1: u16 = 0;
const C_WEIGHT: u16 = 3;
const C_TARGET: u16 = 4;
const C_ACTUAL: u16 = 5;
const C_RULE: u16 = 6;
const C_SCORE: u16 = 7;
const C_APPLICABLE: u16 = 8;
const C_RATE: u16 = 9;
const C_REASON: u16 = 10;
const SCORE_HEADERS: [&str; 11] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "指标值",
    "实际完成值",
    "评分规则",
    "得分",
    "适用分值",
    "得分率",
    "扣分原因",
];

/// `SUM(H5:H9,H12)`: the cells of `rows` in column `col`, consecutive rows as one range, and
/// nested when there are more than the 255 arguments a spreadsheet function takes.
fn sum_of_rows(col: u16, rows: &[u32]) -> String {
    let mut args: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        args.push(if j > i {
            format!("{}:{}", cell(col, rows[i]), cell(col, rows[j]))
        } else {
            cell(col, rows[i])
        });
        i = j + 1;
    }
    while args.len() > 255 {
        args = args
            .chunks(255)
            .map(|c| format!("SUM({})", c.join(",")))
            .collect();
    }
    format!("SUM({})", args.join(","))
}

/// A formula with its cached result (what a viewer shows before recalculating).
fn formula(text: &str, result: String) -> Formula {
    Formula::new(text).set_result(result)
}

/// The cached result of a rate formula: the ratio to 10 places, or empty when there is none.
fn cached_rate(r: Option<Decimal>) -> String {
    r.map_or_else(String::new, |v| v.round_dp(10).normalize().to_string())
}

/// The 等级 formula from the profile's bands, highest first.
fn grade_formula(ev: &Evaluation, score_cell: &str) -> String {
    let mut bands: Vec<_> = ev.profile.grades.iter().collect();
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    let mut f = String::from("\"\"");
    for b in bands.iter().rev() {
        f = format!(
            "IF({score_cell}>={},\"{}\",{f})",
            b.min.normalize(),
            b.label.replace('"', "\"\"")
        );
    }
    format!("={f}")
}

fn score_sheet(
    sheet: &mut Worksheet,
    ws: &Workspace,
    ev: &Evaluation,
    b: &ScoreBreakdown,
    fm: &Formats,
) -> Result<ScoreRefs, XlsxError> {
    let mut widths = Widths::new(SCORE_HEADERS.len());
    sheet.write_string_with_format(0, 0, &ev.name, &fm.title)?;
    sheet.write_string(
        1,
        0,
        format!(
            "{} · {} 年度 · {}",
            ev.kind.label(),
            ev.year,
            ev.profile.name
        ),
    )?;
    let head: u32 = 2;
    for (c, h) in SCORE_HEADERS.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(0);
        sheet.write_string_with_format(head, c, *h, &fm.header)?;
        widths.see(c.into(), h);
    }
    let first = head + 1;
    let row_of = |i: usize| first + u32::try_from(i).unwrap_or(u32::MAX - first - 2);
    for (i, n) in b.nodes.iter().enumerate() {
        let r = row_of(i);
        let c = indicator_cells(ws, ev, n);
        let reason = c.reason(n);
        let [l1, l2, l3] = level_columns(n.level, &c.name);
        for (k, t) in [l1, l2, l3].iter().enumerate() {
            let k16 = u16::try_from(k).unwrap_or(0);
            let fmt = if n.level <= 1 {
                &fm.bold_text
            } else {
                &fm.text
            };
            sheet.write_string_with_format(r, C_L1 + k16, t, fmt)?;
            widths.see(k, t);
        }
        sheet.write_with_format(r, C_WEIGHT, n.weight, &fm.score)?;
        for (col, t) in [
            (C_TARGET, &c.target),
            (C_ACTUAL, &c.actual),
            (C_RULE, &c.rule),
        ] {
            sheet.write_string_with_format(r, col, t, &fm.text)?;
            widths.see(col.into(), t);
        }
        sheet.write_string_with_format(r, C_REASON, &reason, &fm.wrap)?;
        widths.see(C_REASON.into(), &reason);
        let score_fmt = if n.level <= 1 {
            &fm.bold_score
        } else {
            &fm.score
        };
        if n.is_leaf || n.overridden {
            // A leaf's score comes from its rule (or the evaluator): a value.
            sheet.write_with_format(r, C_SCORE, round2(n.score), score_fmt)?;
        } else {
            let kids: Vec<u32> = b.children(n.index).map(|k| row_of(k.index)).collect();
            let text = format!("={}", sum_of_rows(C_SCORE, &kids));
            sheet.write_formula_with_format(
                r,
                C_SCORE,
                formula(&text, score(n.score)),
                score_fmt,
            )?;
        }
        if n.is_leaf {
            sheet.write_with_format(r, C_APPLICABLE, n.applicable_weight, &fm.score)?;
        } else {
            let kids: Vec<u32> = b.children(n.index).map(|k| row_of(k.index)).collect();
            let text = format!("={}", sum_of_rows(C_APPLICABLE, &kids));
            sheet.write_formula_with_format(
                r,
                C_APPLICABLE,
                formula(&text, n.applicable_weight.normalize().to_string()),
                &fm.score,
            )?;
        }
        let rate_text = format!(
            "=IF({a}=0,\"\",{s}/{a})",
            a = cell(C_APPLICABLE, r),
            s = cell(C_SCORE, r)
        );
        let cached = cached_rate(n.rate());
        sheet.write_formula_with_format(r, C_RATE, formula(&rate_text, cached), &fm.percent)?;
    }
    // 合计: 分值 is the sheet's full total; 得分 rescales when rows are 不适用.
    let total_row = row_of(b.nodes.len());
    let roots: Vec<u32> = b.roots.iter().map(|&i| row_of(i)).collect();
    sheet.write_string_with_format(total_row, C_L1, "合计", &fm.bold_text)?;
    for c in 1..C_WEIGHT {
        sheet.write_string_with_format(total_row, c, "", &fm.text)?;
    }
    sheet.write_with_format(total_row, C_WEIGHT, b.total.weight, &fm.bold_score)?;
    let (w_ref, a_ref) = (cell(C_WEIGHT, total_row), cell(C_APPLICABLE, total_row));
    sheet.write_formula_with_format(
        total_row,
        C_APPLICABLE,
        formula(
            &format!("={}", sum_of_rows(C_APPLICABLE, &roots)),
            b.total.applicable_weight.normalize().to_string(),
        ),
        &fm.score,
    )?;
    let total_text = format!(
        "=ROUND({}*IF(OR({a_ref}=0,{a_ref}={w_ref}),1,{w_ref}/{a_ref}),2)",
        sum_of_rows(C_SCORE, &roots)
    );
    sheet.write_formula_with_format(
        total_row,
        C_SCORE,
        formula(&total_text, score(b.total.score)),
        &fm.bold_score,
    )?;
    let s_ref = cell(C_SCORE, total_row);
    sheet.write_formula_with_format(
        total_row,
        C_RATE,
        formula(
            &format!("=IF({w_ref}=0,\"\",{s_ref}/{w_ref})"),
            cached_rate(b.total.rate),
        ),
        &fm.percent,
    )?;
    sheet.write_string_with_format(total_row, C_TARGET, "等级", &fm.bold_text)?;
    sheet.write_formula_with_format(
        total_row,
        C_ACTUAL,
        formula(&grade_formula(ev, &s_ref), b.total.grade.clone()),
        &fm.bold_text,
    )?;
    sheet.write_string_with_format(total_row, C_RULE, "", &fm.text)?;
    sheet.write_string_with_format(total_row, C_REASON, "", &fm.text)?;
    widths.apply(sheet, 6, 40)?;
    sheet.set_column_width(C_REASON, 60)?;
    sheet.set_freeze_panes(first, 0)?;
    Ok(ScoreRefs {
        level1_rows: b.roots.iter().map(|&i| row_of(i)).collect(),
        total_row,
    })
}

/// 总体得分情况: for each evaluation, seed 000's table (指标 / 分值 / 得分 / 得分率 per 一级指标
/// and 合计) whose cells refer to the score sheet, then 等级.
fn summary_sheet(
    sheet: &mut Worksheet,
    scored: &[(&Evaluation, ScoreBreakdown)],
    names: &[String],
    refs: &[ScoreRefs],
    fm: &Formats,
) -> Result<(), XlsxError> {
    let mut r: u32 = 0;
    let mut widths = Widths::new(16);
    sheet.write_string_with_format(r, 0, "总体得分情况表", &fm.title)?;
    r += 2;
    for (((ev, b), name), refs) in scored.iter().zip(names).zip(refs) {
        sheet.write_string_with_format(r, 0, &ev.name, &fm.bold_text)?;
        r += 1;
        let sheet_ref = format!("'{}'!", name.replace('\'', "''"));
        let mut rows = refs.level1_rows.clone();
        rows.push(refs.total_row);
        let mut names_row: Vec<String> = b.level1().map(|n| n.name(ev).to_owned()).collect();
        names_row.push("合计".to_owned());
        sheet.write_string_with_format(r, 0, "指标", &fm.header)?;
        sheet.write_string_with_format(r + 1, 0, "分值", &fm.bold_text)?;
        sheet.write_string_with_format(r + 2, 0, "得分", &fm.bold_text)?;
        sheet.write_string_with_format(r + 3, 0, "得分率", &fm.bold_text)?;
        let level1: Vec<_> = b.level1().collect();
        for (k, (label, &src)) in names_row.iter().zip(&rows).enumerate() {
            let c = u16::try_from(k + 1).unwrap_or(u16::MAX);
            sheet.write_string_with_format(r, c, label, &fm.header)?;
            widths.see(k + 1, label);
            let (wv, sv, rv) = match level1.get(k) {
                Some(n) => (n.weight, n.score, n.rate()),
                None => (b.total.weight, b.total.score, b.total.rate),
            };
            sheet.write_formula_with_format(
                r + 1,
                c,
                formula(
                    &format!("={sheet_ref}{}", cell(C_WEIGHT, src)),
                    wv.normalize().to_string(),
                ),
                &fm.score,
            )?;
            sheet.write_formula_with_format(
                r + 2,
                c,
                formula(&format!("={sheet_ref}{}", cell(C_SCORE, src)), score(sv)),
                &fm.score,
            )?;
            sheet.write_formula_with_format(
                r + 3,
                c,
                formula(
                    &format!("={sheet_ref}{}", cell(C_RATE, src)),
                    cached_rate(rv),
                ),
                &fm.percent,
            )?;
        }
        sheet.write_string_with_format(r + 4, 0, "等级", &fm.bold_text)?;
        sheet.write_formula_with_format(
            r + 4,
            1,
            formula(
                &format!("={sheet_ref}{}", cell(C_ACTUAL, refs.total_row)),
                b.total.grade.clone(),
            ),
            &fm.bold_text,
        )?;
        r += 7;
    }
    widths.see(0, "得分率");
    widths.apply(sheet, 8, 24)?;
    Ok(())
}

fn amount_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    value: Amount,
    fm: &Formats,
) -> Result<(), XlsxError> {
    match value {
        Amount::Value(v) => sheet.write_with_format(r, c, v, &fm.amount).map(|_| ()),
        Amount::Withheld => sheet
            .write_string_with_format(r, c, "XXXX", &fm.text)
            .map(|_| ()),
        Amount::Blank => sheet
            .write_string_with_format(r, c, "", &fm.text)
            .map(|_| ()),
    }
}

fn ratio_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    v: Option<Decimal>,
    fm: &Formats,
) -> Result<(), XlsxError> {
    match v {
        Some(v) => sheet
            .write_with_format(r, c, v.round_dp(10), &fm.percent)
            .map(|_| ()),
        None => sheet
            .write_string_with_format(r, c, "", &fm.text)
            .map(|_| ()),
    }
}

/// 项目预算执行: each project, then its cost items indented and grouped under it.
fn projects_sheet(sheet: &mut Worksheet, ws: &Workspace, fm: &Formats) -> Result<(), XlsxError> {
    let unit = ws.meta.unit.label();
    let headers = [
        "年度".to_owned(),
        "项目 / 成本明细".to_owned(),
        format!("年初预算（{unit}）"),
        format!("调整后预算（{unit}）"),
        format!("执行数（{unit}）"),
        "执行率".to_owned(),
        "拨付率（至区县）".to_owned(),
        "拨付率（至受益对象）".to_owned(),
    ];
    let mut widths = Widths::new(headers.len());
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, u16::try_from(c).unwrap_or(0), h, &fm.header)?;
        widths.see(c, h);
    }
    let settings = super::text::department_settings(ws);
    let mut r: u32 = 1;
    for p in &ws.projects {
        sheet.write_with_format(r, 0, p.year, &fm.text)?;
        sheet.write_string_with_format(r, 1, &p.name, &fm.bold_text)?;
        widths.see(1, &p.name);
        amount_cell(sheet, r, 2, p.budget_initial, fm)?;
        amount_cell(sheet, r, 3, p.budget_adjusted, fm)?;
        amount_cell(sheet, r, 4, p.executed, fm)?;
        let m = |metric| project_metric(p, metric, settings.execution_base).ratio;
        ratio_cell(sheet, r, 5, execution_rate(p, settings.execution_base), fm)?;
        ratio_cell(
            sheet,
            r,
            6,
            m(ProjectMetric::DisbursementRate(
                crate::model::DisbursementStage::ToDistricts,
            )),
            fm,
        )?;
        ratio_cell(
            sheet,
            r,
            7,
            m(ProjectMetric::DisbursementRate(
                crate::model::DisbursementStage::ToBeneficiaries,
            )),
            fm,
        )?;
        let first_item = r + 1;
        for src in &p.funding_sources {
            r += 1;
            let indented = fm.text.clone().set_indent(2);
            let label = format!("资金来源：{}", src.label);
            sheet.write_string_with_format(r, 1, &label, &indented)?;
            widths.see(1, &format!("    {label}"));
            amount_cell(sheet, r, 2, src.initial, fm)?;
            amount_cell(sheet, r, 3, src.adjusted, fm)?;
            amount_cell(sheet, r, 4, src.executed, fm)?;
            let rate = match (src.executed.value(), src.adjusted.value()) {
                (Some(e), Some(a)) => crate::calc::num::ratio(e, a),
                _ => None,
            };
            ratio_cell(sheet, r, 5, rate, fm)?;
        }
        for item in &p.cost_items {
            r += 1;
            let indented = fm.text.clone().set_indent(2);
            sheet.write_string_with_format(r, 1, &item.name, &indented)?;
            widths.see(1, &format!("    {}", item.name));
            amount_cell(sheet, r, 3, item.budget, fm)?;
            amount_cell(sheet, r, 4, item.executed, fm)?;
            ratio_cell(sheet, r, 5, cost_item_rate(item), fm)?;
        }
        if r >= first_item {
            sheet.group_rows(first_item, r)?;
        }
        r += 1;
    }
    widths.apply(sheet, 8, 40)?;
    sheet.set_freeze_panes(1, 2)?;
    Ok(())
}

/// One 功能分类 table: 科目编码, 科目名称 indented by level (类/款/项) and grouped, the nine
/// amount columns as published (values, not formulas: a published 类 may differ from the sum
/// of its 款 by rounding or by error, and the 检查 lists those differences).
fn functional_sheet(
    sheet: &mut Worksheet,
    ws: &Workspace,
    year: i32,
    table: &crate::model::FunctionalTable,
    fm: &Formats,
) -> Result<(), XlsxError> {
    let unit = ws.meta.unit.label();
    sheet.write_string_with_format(
        0,
        0,
        format!("{year} 年 {}（{unit}）", table.name),
        &fm.title,
    )?;
    let mut headers = vec![
        "科目编码".to_owned(),
        "科目名称".to_owned(),
        "级次".to_owned(),
    ];
    headers.extend(FunctionalColumn::ALL.iter().map(|c| c.label().to_owned()));
    let mut widths = Widths::new(headers.len());
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(1, u16::try_from(c).unwrap_or(0), h, &fm.header)?;
        widths.see(c, h);
    }
    let depth = |l: LineLevel| -> u8 {
        match l {
            LineLevel::Total | LineLevel::Unit => 0,
            LineLevel::Class => 1,
            LineLevel::Section => 2,
            LineLevel::Item => 3,
        }
    };
    for (r, line) in (2_u32..).zip(&table.lines) {
        let d = depth(line.level);
        sheet.write_string_with_format(r, 0, &line.code, &fm.text)?;
        widths.see(0, &line.code);
        let name_fmt = if d <= 1 {
            fm.bold_text.clone()
        } else {
            fm.text.clone().set_indent(d - 1)
        };
        sheet.write_string_with_format(r, 1, &line.name, &name_fmt)?;
        widths.see(1, &format!("{}{}", "  ".repeat(usize::from(d)), line.name));
        sheet.write_string_with_format(r, 2, line.level.label(), &fm.text)?;
        for (k, c) in FunctionalColumn::ALL.iter().enumerate() {
            let col = u16::try_from(k + 3).unwrap_or(u16::MAX);
            amount_cell(sheet, r, col, line.get(*c), fm)?;
            if let Some(v) = line.get(*c).value() {
                widths.see(k + 3, &crate::calc::num::thousands(v));
            }
        }
    }
    // Group 款 and 项 rows under their 类 so the outline can be folded.
    let mut i = 0;
    let lines = &table.lines;
    while i < lines.len() {
        if lines[i].level == LineLevel::Class {
            let start = i + 1;
            let mut end = start;
            while end < lines.len() && depth(lines[end].level) >= 2 {
                end += 1;
            }
            if end > start {
                let (first_row, last_row) = (
                    2 + u32::try_from(start).unwrap_or(0),
                    1 + u32::try_from(end).unwrap_or(0),
                );
                sheet.group_rows(first_row, last_row)?;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    widths.apply(sheet, 6, 40)?;
    sheet.set_freeze_panes(2, 2)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_use_ranges_and_nest_past_255_arguments() {
        assert_eq!(
            sum_of_rows(7, &[4, 5, 6, 9, 11, 12]),
            "SUM(H5:H7,H10,H12:H13)"
        );
        assert_eq!(sum_of_rows(0, &[0]), "SUM(A1)");
        let spread: Vec<u32> = (0..600).map(|i| i * 2).collect();
        let f = sum_of_rows(7, &spread);
        assert!(f.starts_with("SUM(SUM(H1,H3,"), "{f}");
        // 600 cells: three nested sums (255 + 255 + 90) inside the outer one.
        assert_eq!(f.matches("SUM(").count(), 4);
        assert_eq!(f.matches(',').count(), 599);
    }
}
