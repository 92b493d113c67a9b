//! The review as text: one summary line per form, the files that could not be reviewed, then
//! each form's findings by sheet, row and column (the output of `jixiao review`), and the
//! shared wording of the summary columns (the window and the xlsx use the same words).

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::calc::num::{plain, round2};
use crate::report::width::table;

use super::{Batch, FormReview, ReviewFinding};

/// The summary's column titles.
pub const COLUMNS: [&str; 11] = [
    "文件",
    "项目",
    "单位",
    "金额单位",
    "公布总分",
    "复核得分",
    "差异",
    "等级（公布/复核）",
    "错误",
    "提示",
    "待判断",
];

/// A published figure as written (`100`, `86.5`), or `—`.
pub fn published(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_owned(), plain)
}

/// A recomputed score with 2 places.
pub fn score(v: Decimal) -> String {
    round2(v).to_string()
}

/// A signed difference with 2 places (`+3.50`, `-10.00`, `0.00`), or `—`.
pub fn difference(v: Option<Decimal>) -> String {
    match v {
        None => "—".to_owned(),
        Some(d) if d.is_zero() => "0.00".to_owned(),
        Some(d) if d.is_sign_positive() => format!("+{}", round2(d)),
        Some(d) => round2(d).to_string(),
    }
}

/// `元（表中注明）` or `万元（按 --unit）`.
pub fn unit_words(f: &FormReview) -> String {
    format!(
        "{}{}",
        f.money_unit.label(),
        if f.money_unit_stated {
            ""
        } else {
            "（指定）"
        }
    )
}

/// `优/良`, with `—` for a side that has no grade.
pub fn grades(f: &FormReview) -> String {
    let or_dash = |s: &str| {
        if s.is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    format!(
        "{}/{}",
        or_dash(&f.published_grade),
        or_dash(&f.recomputed_grade)
    )
}

/// The summary cells of one form, in [`COLUMNS`] order.
pub fn summary_cells(f: &FormReview) -> [String; 11] {
    [
        f.file.clone(),
        f.project_name.clone(),
        f.unit_name.clone(),
        unit_words(f),
        published(f.published_total),
        score(f.recomputed_total),
        difference(f.difference),
        grades(f),
        f.errors().to_string(),
        f.warnings().to_string(),
        f.judgements().to_string(),
    ]
}

/// Which built-in profile reproduces the published scores, in one sentence.
pub fn profile_sentence(f: &FormReview) -> String {
    let found = f.reproducing_profiles();
    if !found.is_empty() {
        return format!("重现公布得分的内置评分方案：{}", found.join("、"));
    }
    // The first of the closest (the presets are listed from the most general).
    let best =
        f.trials
            .iter()
            .filter(|t| t.compared > 0)
            .fold(None::<&super::ProfileTrial>, |best, t| match best {
                Some(b) if b.matched >= t.matched => Some(b),
                _ => Some(t),
            });
    match best {
        Some(best) => format!(
            "没有内置评分方案能重现公布得分（最接近：{}，重现 {}/{} 项）",
            best.profile, best.matched, best.compared
        ),
        None => "表中没有公布得分，无法比对评分方案".to_owned(),
    }
}

/// One finding as a line (without the leading indent).
pub fn finding_line(f: &ReviewFinding) -> String {
    let mut line = format!("[{}] ", f.severity.label());
    if let Some(p) = &f.place {
        let _ = write!(line, "{p} ");
    }
    if !f.subject.is_empty() {
        let _ = write!(line, "{}：", f.subject);
    }
    line.push_str(&f.message);
    line
}

/// The whole text of `jixiao review`.
pub fn batch_text(batch: &Batch) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "复核 {} 个文件：{} 张自评表已复核，{} 处无法复核。",
        batch.files,
        batch.forms.len(),
        batch.failures.len()
    );
    match &batch.profile {
        Some(p) => {
            let _ = writeln!(out, "评分方案：{p}");
        }
        None => {
            let _ = writeln!(out, "评分方案：按各表读取时的方案（可用 --profile 指定）");
        }
    }
    out.push('\n');
    if !batch.forms.is_empty() {
        let mut rows = vec![COLUMNS.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()];
        rows.extend(batch.forms.iter().map(|f| summary_cells(f).to_vec()));
        let right: Vec<bool> = (0..COLUMNS.len())
            .map(|i| (4..=6).contains(&i) || i >= 8)
            .collect();
        out.push_str(&table(&rows, &right));
    }
    if !batch.failures.is_empty() {
        out.push_str("\n无法复核：\n");
        for f in &batch.failures {
            let _ = writeln!(out, "  {}：{}", f.file, f.reason);
        }
    }
    for f in &batch.forms {
        out.push('\n');
        out.push_str(&form_text(f));
    }
    out
}

/// One form's findings.
pub fn form_text(f: &FormReview) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "== {}（工作表“{}”）：{} ==",
        f.file, f.sheet, f.project_name
    );
    let _ = writeln!(
        out,
        "单位：{}　金额单位：{}　评分方案：{}",
        if f.unit_name.is_empty() {
            "—"
        } else {
            &f.unit_name
        },
        unit_words(f),
        f.profile
    );
    let _ = writeln!(
        out,
        "公布总分 {}，复核得分 {}，差异 {}；等级 {}",
        published(f.published_total),
        score(f.recomputed_total),
        difference(f.difference),
        grades(f)
    );
    let _ = writeln!(out, "{}", profile_sentence(f));
    if f.findings.is_empty() {
        out.push_str("  未发现问题。\n");
    }
    for finding in &f.findings {
        let _ = writeln!(out, "  {}", finding_line(finding));
        if !finding.hint.is_empty() {
            let _ = writeln!(out, "      {}", finding.hint);
        }
    }
    out
}
