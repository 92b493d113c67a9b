//! The plain-text rendering of `jixiao progress`: a project's cumulative execution and
//! disbursement by date against 序时进度, its warning state on a date, and the series notes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::width::table;
use crate::calc::num::{opt_pct_text, pct_text, thousands};
use crate::calc::series::{Cumulative, ProjectSeries, SeriesPoint, Track};

fn amount_and_share(c: Cumulative) -> [String; 2] {
    [thousands(c.amount), c.share_text()]
}

fn row(label: String, p: &SeriesPoint) -> Vec<String> {
    let mut r = vec![label, pct_text(p.time_progress)];
    for t in Track::ALL {
        r.extend(amount_and_share(p.track(t)));
    }
    r.push(opt_pct_text(p.execution_to_time));
    r.push(p.state.label().to_owned());
    r
}

/// One project's progress: every event date, then the state at `date` (default 31 December).
pub fn progress_text(s: &ProjectSeries, date: Option<NaiveDate>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "项目「{}」（{} 年度，{}）",
        s.project_name, s.fiscal_year, s.project_id
    );
    let den = |d: Option<rust_decimal::Decimal>| d.map_or_else(|| "空白".to_owned(), thousands);
    let _ = writeln!(
        out,
        "执行进度 = 累计{} / {} {}；拨付进度 = 累计拨付 / {} {}",
        s.execution_stage.label(),
        s.execution_base.label(),
        den(s.execution_denominator),
        s.disbursement_due_label,
        den(s.disbursement_due),
    );
    let mut head = vec!["日期".to_owned(), "序时进度".to_owned()];
    for t in Track::ALL {
        head.push(format!("累计{}", t.label().trim_end_matches("进度")));
        head.push("占比".to_owned());
    }
    head.push("执行/序时".to_owned());
    head.push("预警".to_owned());
    let mut rows = vec![head];
    for p in &s.points {
        rows.push(row(p.date.to_string(), p));
    }
    let at = date.map_or_else(|| s.year_end(), |d| s.state_at(d));
    rows.push(row(format!("{} 时点", at.date), &at));
    let mut right = vec![true; rows[0].len()];
    right[0] = false;
    if let Some(last) = right.last_mut() {
        *last = false;
    }
    if s.points.is_empty() {
        let _ = writeln!(out, "（没有带日期的拨付记录）");
    }
    out.push_str(&table(&rows, &right));
    for n in &s.notes {
        let mark = if n.is_warning() { "提示" } else { "说明" };
        let _ = writeln!(out, "{mark}：{}", n.message());
    }
    out
}
