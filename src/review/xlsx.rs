//! The 复核 workbook: a 汇总 sheet (one row per form, as `jixiao review` prints it, and the files
//! that could not be reviewed), then one sheet per form: every indicator row as published and
//! as recomputed, and the form's findings with their places.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use crate::review::error::ReviewError;
use crate::review::text::{COLUMNS, grades, profile_sentence, unit_words};
use crate::review::{Batch, FormReview};

use crate::report::xlsx::{cell_format, header_format, sheet_name, title_format};

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    wrap: Format,
    score: Format,
    flagged: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = cell_format();
        Formats {
            title: title_format(),
            header: header_format(),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            score: cell.clone().set_num_format("0.00"),
            flagged: cell
                .set_num_format("0.00")
                .set_background_color(Color::RGB(0x00FD_E2E2)),
        }
    }
}

/// The workbook as bytes.
pub fn workbook_bytes(batch: &Batch) -> Result<Vec<u8>, ReviewError> {
    let mut wb = Workbook::new();
    let fm = Formats::new();
    let mut taken = vec!["汇总".to_owned()];
    let names: Vec<String> = batch
        .forms
        .iter()
        .enumerate()
        .map(|(i, f)| sheet_name(&format!("{} {}", i + 1, f.project_name), &mut taken))
        .collect();
    {
        let sheet = wb.add_worksheet();
        sheet.set_name("汇总")?;
        summary_sheet(sheet, batch, &names, &fm)?;
    }
    for (f, name) in batch.forms.iter().zip(&names) {
        let sheet = wb.add_worksheet();
        sheet.set_name(name)?;
        form_sheet(sheet, f, &fm)?;
    }
    Ok(wb.save_to_buffer()?)
}

fn opt_score(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    v: Option<Decimal>,
    fm: &Format,
) -> Result<(), XlsxError> {
    match v {
        Some(v) => sheet.write_with_format(r, c, v, fm).map(|_| ()),
        None => sheet.write_with_format(r, c, "—", fm).map(|_| ()),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn summary_sheet(
    sheet: &mut Worksheet,
    batch: &Batch,
    names: &[String],
    fm: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_with_format(0, 0, "项目支出绩效自评表复核汇总", &fm.title)?;
    let profile = batch.profile.as_deref().unwrap_or("按各表读取时的方案");
    sheet.write(1, 0, format!("评分方案：{profile}"))?;
    let headers: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .chain(["工作表", "评分方案比对"])
        .collect();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_with_format(3, col(c), *h, &fm.header)?;
    }
    let mut r = 4;
    for (f, name) in batch.forms.iter().zip(names) {
        sheet.write_with_format(r, 0, &f.file, &fm.text)?;
        sheet.write_with_format(r, 1, &f.project_name, &fm.wrap)?;
        sheet.write_with_format(r, 2, &f.unit_name, &fm.wrap)?;
        sheet.write_with_format(r, 3, unit_words(f), &fm.text)?;
        opt_score(sheet, r, 4, f.published_total, &fm.score)?;
        sheet.write_with_format(r, 5, f.recomputed_total, &fm.score)?;
        let diff_fmt = if f.difference.is_some_and(|d| !d.is_zero()) {
            &fm.flagged
        } else {
            &fm.score
        };
        opt_score(sheet, r, 6, f.difference, diff_fmt)?;
        sheet.write_with_format(r, 7, grades(f), &fm.text)?;
        sheet.write_with_format(r, 8, count(f.errors()), &fm.text)?;
        sheet.write_with_format(r, 9, count(f.warnings()), &fm.text)?;
        sheet.write_with_format(r, 10, count(f.judgements()), &fm.text)?;
        sheet.write_with_format(r, 11, name, &fm.text)?;
        sheet.write_with_format(r, 12, profile_sentence(f), &fm.wrap)?;
        r += 1;
    }
    if !batch.failures.is_empty() {
        r += 1;
        sheet.write_with_format(r, 0, "无法复核的文件", &fm.header)?;
        sheet.write_with_format(r, 1, "原因", &fm.header)?;
        for f in &batch.failures {
            r += 1;
            sheet.write_with_format(r, 0, &f.file, &fm.text)?;
            sheet.write_with_format(r, 1, &f.reason, &fm.text)?;
        }
    }
    for (c, w) in [24, 28, 20, 10, 10, 10, 10, 12, 6, 6, 7, 16, 48]
        .iter()
        .enumerate()
    {
        sheet.set_column_width(col(c), *w)?;
    }
    sheet.set_freeze_panes(4, 1)?;
    Ok(())
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn form_sheet(sheet: &mut Worksheet, f: &FormReview, fm: &Formats) -> Result<(), XlsxError> {
    sheet.write_with_format(0, 0, format!("{} 复核", f.project_name), &fm.title)?;
    sheet.write(
        1,
        0,
        format!(
            "文件：{}　工作表：{}　单位：{}　金额单位：{}　评分方案：{}",
            f.file,
            f.sheet,
            f.unit_name,
            unit_words(f),
            f.profile
        ),
    )?;
    sheet.write(2, 0, profile_sentence(f))?;
    let headers = [
        "表中行",
        "级次",
        "指标",
        "分值",
        "指标值",
        "实际完成值",
        "公布得分",
        "复核得分",
        "差异",
        "复核说明",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_with_format(4, col(c), *h, &fm.header)?;
    }
    let mut r = 5;
    for row in &f.rows {
        match &row.place {
            Some(p) => sheet.write_with_format(r, 0, count(p.row), &fm.text)?,
            None => sheet.write_with_format(r, 0, "", &fm.text)?,
        };
        sheet.write_with_format(r, 1, u32::from(row.level), &fm.text)?;
        let indent = "　".repeat(usize::from(row.level.saturating_sub(1)));
        sheet.write_with_format(r, 2, format!("{indent}{}", row.name), &fm.text)?;
        sheet.write_with_format(r, 3, row.weight, &fm.score)?;
        sheet.write_with_format(r, 4, &row.target, &fm.text)?;
        sheet.write_with_format(r, 5, &row.actual, &fm.text)?;
        opt_score(sheet, r, 6, row.published, &fm.score)?;
        sheet.write_with_format(r, 7, row.recomputed, &fm.score)?;
        let flagged = row.difference.is_some_and(|d| !d.is_zero());
        opt_score(
            sheet,
            r,
            8,
            row.difference,
            if flagged { &fm.flagged } else { &fm.score },
        )?;
        let why = if row.needs_judgement {
            format!("需评价人判断（暂计 0 分）；{}", row.explanation)
        } else {
            row.explanation.clone()
        };
        sheet.write_with_format(r, 9, why, &fm.wrap)?;
        r += 1;
    }
    sheet.write_with_format(r, 2, "总分", &fm.header)?;
    opt_score(sheet, r, 6, f.published_total, &fm.score)?;
    sheet.write_with_format(r, 7, f.recomputed_total, &fm.score)?;
    opt_score(sheet, r, 8, f.difference, &fm.score)?;
    sheet.write_with_format(r, 9, format!("等级 {}", grades(f)), &fm.text)?;
    r += 2;
    let heads = ["类别", "位置", "事项", "说明", "公布", "复核", "建议"];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_with_format(r, col(c), *h, &fm.header)?;
    }
    for finding in &f.findings {
        r += 1;
        sheet.write_with_format(r, 0, finding.severity.label(), &fm.text)?;
        let place = finding
            .place
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        sheet.write_with_format(r, 1, place, &fm.text)?;
        sheet.write_with_format(r, 2, &finding.subject, &fm.wrap)?;
        sheet.write_with_format(r, 3, &finding.message, &fm.wrap)?;
        opt_score(sheet, r, 4, finding.published, &fm.score)?;
        opt_score(sheet, r, 5, finding.recomputed, &fm.score)?;
        sheet.write_with_format(r, 6, &finding.hint, &fm.wrap)?;
    }
    for (c, w) in [7, 5, 30, 7, 14, 16, 9, 9, 9, 48].iter().enumerate() {
        sheet.set_column_width(col(c), *w)?;
    }
    sheet.set_freeze_panes(5, 3)?;
    Ok(())
}
