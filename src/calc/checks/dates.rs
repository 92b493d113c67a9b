//! 日期与年度: disbursement dates outside the project's fiscal year; monitoring dates outside
//! the evaluation's year; an evaluation dated before its year began; an evaluation of a project
//! of another year.
//!
//! An evaluation dated after its fiscal year is normal (自评 and 部门评价 follow the year), so
//! only a date before the year, or a monitoring date outside it, is flagged.

use chrono::{Datelike, NaiveDate};

use crate::model::{DisbursementColumn, Evaluation, EvaluationKind, Subject, Workspace};

use super::finding::{Finding, FindingKind, Location, ProjectField, RowRef};
use super::text::{place, project_label, project_place};

pub const NAME: &str = "日期与年度";

fn date_text(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in ws.projects.iter().filter(|p| p.year != 0) {
        for (i, d) in p.disbursements.iter().enumerate() {
            let Some(date) = d.date else {
                continue;
            };
            if date.year() == p.year {
                continue;
            }
            let (what, hint) = if date.year() > p.year {
                (
                    "晚于项目年度",
                    "跨年拨付说明资金未在当年拨付到位：核对拨付时间，并在拨付进度和存在问题中反映。",
                )
            } else {
                (
                    "早于项目年度",
                    "核对拨付日期是否录错年份，或项目年度是否正确。",
                )
            };
            out.push(Finding::note(
                NAME,
                FindingKind::Warning,
                place(&[&project_place(p), &format!("第 {} 笔拨付", i + 1)]),
                Location::project(
                    &p.id,
                    Some(ProjectField::Disbursement {
                        row: RowRef::of(d, i),
                        column: Some(DisbursementColumn::Date),
                    }),
                ),
                format!(
                    "{}的第 {} 笔拨付（{}）日期为 {}，{what} {} 年。",
                    project_label(p),
                    i + 1,
                    d.stage.label(),
                    date_text(date),
                    p.year
                ),
                hint.to_owned(),
            ));
        }
    }
    for e in ws.evaluations.iter().filter(|e| e.year != 0) {
        evaluation_dates(ws, e, &mut out);
    }
    out
}

fn evaluation_place(e: &Evaluation) -> String {
    format!("{}年 评价「{}」", e.year, e.name.trim())
}

fn evaluation_dates(ws: &Workspace, e: &Evaluation, out: &mut Vec<Finding>) {
    let here = evaluation_place(e);
    let location = Location::Evaluation { id: e.id.clone() };
    let mut warn = |what: &str, message: String, hint: &str| {
        out.push(Finding::note(
            NAME,
            FindingKind::Warning,
            place(&[&here, what]),
            location.clone(),
            message,
            hint.to_owned(),
        ));
    };
    if let Some(d) = e.monitoring_date
        && d.year() != e.year
    {
        warn(
            "监控时点",
            format!("监控时点 {} 不在评价年度 {} 年之内。", date_text(d), e.year),
            "绩效运行监控应在预算年度之内进行（通常为 7 月 31 日）：核对监控时点的年份。",
        );
    }
    if let Some(d) = e.date {
        let monitoring = e.kind == EvaluationKind::Monitoring;
        if d.year() < e.year || (monitoring && d.year() != e.year) {
            warn(
                "评价日期",
                format!(
                    "评价日期 {} {}评价年度 {} 年。",
                    date_text(d),
                    if d.year() < e.year {
                        "早于"
                    } else {
                        "不在"
                    },
                    e.year
                ),
                "核对评价日期或评价年度是否录错。",
            );
        }
    }
    if let Subject::Project(id) = &e.subject
        && let Some(p) = ws.project(id)
        && p.year != 0
        && p.year != e.year
    {
        warn(
            "评价对象",
            format!(
                "评价年度为 {} 年，而所评价的{}属于 {} 年。",
                e.year,
                project_label(p),
                p.year
            ),
            "核对评价年度，或是否选错了同名项目的另一年度。",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::fixtures::{project, v};
    use crate::model::{Amount, Disbursement, DisbursementStage};
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn disbursements_outside_the_year() {
        let mut p = project("p", 2021, Amount::Blank);
        p.disbursements = vec![
            Disbursement {
                date: d(2021, 6, 30),
                amount: v(dec!(1)),
                ..Disbursement::default()
            },
            Disbursement {
                date: d(2022, 3, 1),
                amount: v(dec!(1)),
                stage: DisbursementStage::ToBeneficiaries,
                note: String::new(),
                ..Default::default()
            },
        ];
        let ws = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        let f = check(&ws);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FindingKind::Warning);
        assert!(f[0].message.contains("2022年3月1日"), "{}", f[0].message);
        assert!(f[0].message.contains("晚于项目年度 2021 年"));
        assert_eq!(f[0].location.to_string(), "project p.disbursements[1].date");
    }

    #[test]
    fn evaluation_dates_and_years() {
        let ws = Workspace {
            projects: vec![project("p", 2020, Amount::Blank)],
            evaluations: vec![
                Evaluation {
                    id: "a".to_owned(),
                    name: "自评".to_owned(),
                    year: 2021,
                    subject: Subject::Project("p".to_owned()),
                    date: d(2022, 4, 1),
                    monitoring_date: d(2022, 7, 31),
                    ..Evaluation::default()
                },
                Evaluation {
                    id: "b".to_owned(),
                    year: 2021,
                    date: d(2020, 12, 1),
                    ..Evaluation::default()
                },
            ],
            ..Workspace::default()
        };
        let f = check(&ws);
        // a: monitoring date in 2022 and a project of 2020 (the 2022 evaluation date is normal);
        // b: dated before its year.
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(f[0].place.ends_with("监控时点"));
        assert!(f[1].place.ends_with("评价对象"));
        assert!(f[2].message.contains("2020年12月1日"));
    }
}
