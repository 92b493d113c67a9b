//! 进度序列: a project's cumulative execution and disbursement against the calendar
//! (执行进度, 拨付进度 per stage, 序时进度) and the warning state at any date.
//!
//! One [`ProjectSeries`] per project feeds the window's charts, the printed summary and
//! `jixiao progress`. Everything is exact (`Decimal`); only the charts turn it into floats.
//!
//! How the tracks are read from the project:
//! - **拨付 per stage**: the dated `disbursements` of that stage, summed up to each date.
//! - **执行** (money leaving the department): the first payment stage the project uses, that is
//!   the transfers to districts when it has any (money passed to a lower government counts as
//!   spent, DESIGN.md), else the payments straight to the final beneficiaries. The year's
//!   执行数 typed in the project stays the authority for the year; when the dated payments add
//!   up to a different figure, a [`SeriesNote::ExecutedDiffers`] says so.
//! - **Shares**: 执行 against the profile's execution base (`execution_base`: 调整后预算,
//!   年初预算 or 实际到位资金); 拨付 against 应拨付资金 (`metrics::disbursement_due`), the
//!   denominator of 资金拨付率, so the year-end share equals the published 拨付率.
//!
//! Shares are fractions (0.7133 = 71.33%), like every ratio in `calc`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::checks::execution::execution_base;
use super::metrics::{
    disbursement_due, has_disbursements, project_base, project_metric, time_progress,
};
use super::num::{opt_pct_text, ratio, thousands, to_pct};
use crate::model::{
    Comparator, DisbursementStage, ExecutionBase, Indicator, Project, ProjectMetric, WarningBands,
    Workspace,
};

/// 预警状态 of 执行进度 against 序时进度.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum WarningState {
    /// 红色预警: below the red edge (60% of 序时进度).
    Red,
    /// 黄色预警: from the red edge up to the yellow edge (60%–80%).
    Yellow,
    /// 正常: from the yellow edge (80%), or nothing due yet (序时进度 0).
    Green,
    /// 无法判断: the project has no budget to measure against.
    Unknown,
}

impl WarningState {
    pub fn label(self) -> &'static str {
        match self {
            WarningState::Red => "红色预警",
            WarningState::Yellow => "黄色预警",
            WarningState::Green => "正常",
            WarningState::Unknown => "无法判断",
        }
    }
}

/// The warning state for an execution share at a time progress (both fractions).
///
/// The ratio 执行进度 ÷ 序时进度 in percent is compared with the bands: below
/// `red_below_pct` red, below `yellow_below_pct` yellow, else green. An edge belongs to the
/// better band. Before the year starts (序时进度 0) nothing is due, so the state is green.
pub fn warning_state(
    execution_share: Option<Decimal>,
    time_progress: Decimal,
    bands: &WarningBands,
) -> WarningState {
    let Some(share) = execution_share else {
        return WarningState::Unknown;
    };
    let Some(r) = ratio(share, time_progress) else {
        return WarningState::Green;
    };
    let pct = to_pct(r);
    if pct < bands.red_below_pct {
        WarningState::Red
    } else if pct < bands.yellow_below_pct {
        WarningState::Yellow
    } else {
        WarningState::Green
    }
}

/// A cumulative track: what has been paid up to a date, and its share of the denominator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Cumulative {
    /// 累计金额 in the project's unit (万元).
    pub amount: Decimal,
    /// 累计占比 (fraction of the denominator); `None` when the denominator is missing or zero.
    pub share: Option<Decimal>,
}

impl Cumulative {
    fn of(amount: Decimal, denominator: Option<Decimal>) -> Cumulative {
        Cumulative {
            amount,
            share: denominator.and_then(|d| ratio(amount, d)),
        }
    }

    /// `71.33%`, or `—` without a denominator.
    pub fn share_text(&self) -> String {
        opt_pct_text(self.share)
    }
}

/// The three tracks a series follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Track {
    /// 执行 (money leaving the department).
    Executed,
    /// 拨付 at one stage.
    Disbursed(DisbursementStage),
}

impl Track {
    pub const ALL: [Track; 3] = [
        Track::Executed,
        Track::Disbursed(DisbursementStage::ToDistricts),
        Track::Disbursed(DisbursementStage::ToBeneficiaries),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Track::Executed => "执行进度",
            Track::Disbursed(DisbursementStage::ToDistricts) => "拨付至区县",
            Track::Disbursed(DisbursementStage::ToBeneficiaries) => "拨付至最终受益对象",
        }
    }
}

/// The state of a project at the end of one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeriesPoint {
    pub date: NaiveDate,
    /// 序时进度 at the end of `date` (fraction of the fiscal year elapsed).
    pub time_progress: Decimal,
    /// 累计执行.
    pub executed: Cumulative,
    /// 累计拨付至区县.
    pub to_districts: Cumulative,
    /// 累计拨付至最终受益对象.
    pub to_beneficiaries: Cumulative,
    /// 执行进度 ÷ 序时进度 (fraction); `None` without a budget or before the year.
    pub execution_to_time: Option<Decimal>,
    /// 预警状态 from that ratio and the workspace's bands.
    pub state: WarningState,
}

impl SeriesPoint {
    /// One track's cumulative value.
    pub fn track(&self, t: Track) -> Cumulative {
        match t {
            Track::Executed => self.executed,
            Track::Disbursed(DisbursementStage::ToDistricts) => self.to_districts,
            Track::Disbursed(DisbursementStage::ToBeneficiaries) => self.to_beneficiaries,
        }
    }
}

/// One dated disbursement, with the cumulative of its stage after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeriesEvent {
    /// Index into `Project::disbursements` (for jumping to the grid row).
    pub index: usize,
    pub date: NaiveDate,
    pub stage: DisbursementStage,
    /// 本笔金额.
    pub amount: Decimal,
    /// 该阶段累计 after this event (events of one date in file order).
    pub cumulative: Cumulative,
}

/// Something about the series the evaluator should know; the series is drawn regardless.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum SeriesNote {
    /// A disbursement dated outside the fiscal year (counted at its date).
    OutsideYear {
        index: usize,
        date: NaiveDate,
        stage: DisbursementStage,
    },
    /// A disbursement without a date: it counts in the year's 拨付率 but cannot be placed.
    Undated {
        index: usize,
        stage: DisbursementStage,
    },
    /// A stage's disbursements add up to more than 应拨付资金.
    AboveDue {
        stage: DisbursementStage,
        disbursed: Decimal,
        due: Decimal,
    },
    /// The dated payments that count as 执行 add up to a different figure than the 执行数.
    ExecutedDiffers { dated: Decimal, executed: Decimal },
}

impl SeriesNote {
    /// The note in a sentence.
    pub fn message(&self) -> String {
        match self {
            SeriesNote::OutsideYear { index, date, stage } => format!(
                "第 {} 笔拨付（{}）日期 {date} 不在项目年度内，按其日期计入累计。",
                index + 1,
                stage.label()
            ),
            SeriesNote::Undated { index, stage } => format!(
                "第 {} 笔拨付（{}）没有日期，计入全年拨付率，但无法画在时间轴上。",
                index + 1,
                stage.label()
            ),
            SeriesNote::AboveDue {
                stage,
                disbursed,
                due,
            } => format!(
                "{}累计 {} 超过应拨付资金 {}（超额拨付）。",
                stage.label(),
                thousands(*disbursed),
                thousands(*due)
            ),
            SeriesNote::ExecutedDiffers { dated, executed } => format!(
                "逐笔拨付计入执行的合计 {} 与项目执行数 {} 不一致；执行进度按逐笔记录绘制。",
                thousands(*dated),
                thousands(*executed)
            ),
        }
    }

    /// True for notes that warn (超额拨付), false for explanations.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            SeriesNote::AboveDue { .. } | SeriesNote::OutsideYear { .. }
        )
    }
}

/// A project's progress against the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectSeries {
    pub project_id: String,
    pub project_name: String,
    /// 项目年度 (the workspace's year when the project has none).
    pub fiscal_year: i32,
    /// The stage whose payments count as 执行.
    pub execution_stage: DisbursementStage,
    /// The execution base of the project's profile.
    pub execution_base: ExecutionBase,
    /// 执行 denominator (the budget per `execution_base`).
    pub execution_denominator: Option<Decimal>,
    /// 拨付 denominator (应拨付资金).
    pub disbursement_due: Option<Decimal>,
    /// What the 拨付 denominator is ("应拨付资金" or "项目预算").
    pub disbursement_due_label: &'static str,
    /// One point per distinct event date, in date order; each is the state at the end of it.
    pub points: Vec<SeriesPoint>,
    /// Dated disbursements in date order.
    pub events: Vec<SeriesEvent>,
    pub notes: Vec<SeriesNote>,
    /// The bands the states were computed with.
    pub bands: WarningBands,
}

/// The fiscal year a project's series runs over.
pub fn fiscal_year_of(ws: &Workspace, p: &Project) -> i32 {
    if p.year == 0 {
        ws.meta.fiscal_year
    } else {
        p.year
    }
}

/// The stage whose payments count as 执行: to districts when the project has such payments.
pub fn execution_stage(p: &Project) -> DisbursementStage {
    if has_disbursements(p, DisbursementStage::ToDistricts) {
        DisbursementStage::ToDistricts
    } else {
        DisbursementStage::ToBeneficiaries
    }
}

/// The series of one project, with the workspace's warning bands.
pub fn project_series(ws: &Workspace, p: &Project) -> ProjectSeries {
    project_series_with(
        p,
        fiscal_year_of(ws, p),
        execution_base(ws, p),
        &ws.meta.progress.bands,
    )
}

/// The series of one project for an explicit year, execution base and bands.
pub fn project_series_with(
    p: &Project,
    fiscal_year: i32,
    base: ExecutionBase,
    bands: &WarningBands,
) -> ProjectSeries {
    let exec_den = project_base(p, base).0.value();
    let (due_amount, due_label) = disbursement_due(p);
    let due = due_amount.value();
    let exec_stage = execution_stage(p);
    let mut notes = Vec::new();

    let mut dated: Vec<(NaiveDate, usize, DisbursementStage, Decimal)> = Vec::new();
    for (index, d) in p.disbursements.iter().enumerate() {
        match d.date {
            Some(date) => {
                if date.year() != fiscal_year {
                    notes.push(SeriesNote::OutsideYear {
                        index,
                        date,
                        stage: d.stage,
                    });
                }
                dated.push((date, index, d.stage, d.amount.or_zero()));
            }
            None => notes.push(SeriesNote::Undated {
                index,
                stage: d.stage,
            }),
        }
    }
    dated.sort_unstable_by_key(|&(date, index, _, _)| (date, index));

    let mut districts = Decimal::ZERO;
    let mut beneficiaries = Decimal::ZERO;
    let mut events = Vec::with_capacity(dated.len());
    let mut points: Vec<SeriesPoint> = Vec::new();
    for (i, &(date, index, stage, amount)) in dated.iter().enumerate() {
        let total = match stage {
            DisbursementStage::ToDistricts => &mut districts,
            DisbursementStage::ToBeneficiaries => &mut beneficiaries,
        };
        *total = total.saturating_add(amount);
        events.push(SeriesEvent {
            index,
            date,
            stage,
            amount,
            cumulative: Cumulative::of(*total, due),
        });
        let last_of_date = dated.get(i + 1).is_none_or(|next| next.0 != date);
        if last_of_date {
            points.push(point(
                date,
                fiscal_year,
                [districts, beneficiaries],
                exec_stage,
                exec_den,
                due,
                bands,
            ));
        }
    }

    if let Some(due) = due {
        for stage in DisbursementStage::ALL {
            let paid = of_stage(stage, [districts, beneficiaries]);
            if paid > due {
                notes.push(SeriesNote::AboveDue {
                    stage,
                    disbursed: paid,
                    due,
                });
            }
        }
    }
    let dated_exec = of_stage(exec_stage, [districts, beneficiaries]);
    if let Some(executed) = p.executed.value()
        && !dated.is_empty()
        && dated_exec != executed
    {
        notes.push(SeriesNote::ExecutedDiffers {
            dated: dated_exec,
            executed,
        });
    }

    ProjectSeries {
        project_id: p.id.clone(),
        project_name: p.name.clone(),
        fiscal_year,
        execution_stage: exec_stage,
        execution_base: base,
        execution_denominator: exec_den,
        disbursement_due: due,
        disbursement_due_label: due_label,
        points,
        events,
        notes,
        bands: bands.clone(),
    }
}

/// The total of one stage out of the two (至区县, 至最终受益对象).
fn of_stage(stage: DisbursementStage, [districts, beneficiaries]: [Decimal; 2]) -> Decimal {
    match stage {
        DisbursementStage::ToDistricts => districts,
        DisbursementStage::ToBeneficiaries => beneficiaries,
    }
}

/// A point from the two stage totals.
fn point(
    date: NaiveDate,
    fiscal_year: i32,
    [districts, beneficiaries]: [Decimal; 2],
    exec_stage: DisbursementStage,
    exec_den: Option<Decimal>,
    due: Option<Decimal>,
    bands: &WarningBands,
) -> SeriesPoint {
    let executed = Cumulative::of(of_stage(exec_stage, [districts, beneficiaries]), exec_den);
    let tp = time_progress(date, fiscal_year);
    SeriesPoint {
        date,
        time_progress: tp,
        executed,
        to_districts: Cumulative::of(districts, due),
        to_beneficiaries: Cumulative::of(beneficiaries, due),
        execution_to_time: executed.share.and_then(|s| ratio(s, tp)),
        state: warning_state(executed.share, tp, bands),
    }
}

impl ProjectSeries {
    /// The state at the end of `date` (any date: before the first event everything is zero).
    pub fn state_at(&self, date: NaiveDate) -> SeriesPoint {
        let n = self.points.partition_point(|p| p.date <= date);
        let (districts, beneficiaries) = n
            .checked_sub(1)
            .and_then(|i| self.points.get(i))
            .map_or((Decimal::ZERO, Decimal::ZERO), |p| {
                (p.to_districts.amount, p.to_beneficiaries.amount)
            });
        point(
            date,
            self.fiscal_year,
            [districts, beneficiaries],
            self.execution_stage,
            self.execution_denominator,
            self.disbursement_due,
            &self.bands,
        )
    }

    /// The state on 31 December of the fiscal year.
    pub fn year_end(&self) -> SeriesPoint {
        self.state_at(year_end_date(self.fiscal_year))
    }
}

/// 1 January of `year` (clamped to chrono's range).
pub fn year_start_date(year: i32) -> NaiveDate {
    NaiveDate::from_yo_opt(year, 1).unwrap_or(NaiveDate::MIN)
}

/// 31 December of `year` (clamped to chrono's range).
pub fn year_end_date(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The default 监控时点: 31 July of `year`.
pub fn default_monitoring_date(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 7, 31).unwrap_or(NaiveDate::MAX)
}

/// A project's year-end 执行率 and 拨付率 (to final beneficiaries), each with the warning state
/// its own rate gives at the end of the year (序时进度 100%): the department chart's bars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearEndRates {
    /// 预算执行率 (执行数 / the profile's base), from `metrics::project_metric`.
    pub execution_rate: Option<Decimal>,
    /// 资金拨付率 to final beneficiaries (已拨付 / 应拨付资金).
    pub disbursement_rate: Option<Decimal>,
    pub execution_state: WarningState,
    pub disbursement_state: WarningState,
}

/// The year-end rates of a project with the workspace's bands.
pub fn year_end_rates(ws: &Workspace, p: &Project) -> YearEndRates {
    let base = execution_base(ws, p);
    let execution_rate = project_metric(p, ProjectMetric::ExecutionRate, base).ratio;
    let disbursement_rate = project_metric(
        p,
        ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries),
        base,
    )
    .ratio;
    let bands = &ws.meta.progress.bands;
    YearEndRates {
        execution_rate,
        disbursement_rate,
        execution_state: warning_state(execution_rate, Decimal::ONE, bands),
        disbursement_state: warning_state(disbursement_rate, Decimal::ONE, bands),
    }
}

/// 指标完成进度 for monitoring: the progress value (`Monitoring::progress_value`) as a share of
/// the target's number, for ≥ and = targets; `None` for ≤ and qualitative targets (progress
/// towards a ceiling is not a share), without a progress value, or with a zero target.
pub fn indicator_progress(ind: &Indicator) -> Option<Decimal> {
    let progress = ind.monitoring.as_ref()?.progress_value?;
    match ind.target.comparator {
        Comparator::AtLeast | Comparator::Equal => ratio(progress, ind.target.value?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::num::pct_text;
    use crate::model::{Amount, Disbursement};
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn pay(date: Option<NaiveDate>, amount: Decimal, stage: DisbursementStage) -> Disbursement {
        Disbursement {
            date,
            amount: amount.into(),
            stage,
            note: String::new(),
            ..Default::default()
        }
    }

    fn project(budget: Decimal, pays: Vec<Disbursement>) -> Project {
        Project {
            id: "p".to_owned(),
            year: 2021,
            budget_initial: budget.into(),
            disbursements: pays,
            ..Project::default()
        }
    }

    fn series(p: &Project) -> ProjectSeries {
        project_series_with(p, 2021, ExecutionBase::Initial, &WarningBands::default())
    }

    use DisbursementStage::{ToBeneficiaries as Firms, ToDistricts as Districts};

    #[test]
    fn cumulative_sums_per_stage_and_date() {
        let p = project(
            dec!(1000),
            vec![
                pay(Some(d(2021, 6, 30)), dec!(100.25), Firms),
                pay(Some(d(2021, 3, 1)), dec!(400), Districts),
                pay(Some(d(2021, 6, 30)), dec!(50), Firms),
                pay(Some(d(2021, 9, 1)), dec!(600), Districts),
            ],
        );
        let s = series(&p);
        // Three dates, the two June events folded into one point.
        let dates: Vec<_> = s.points.iter().map(|p| p.date).collect();
        assert_eq!(dates, [d(2021, 3, 1), d(2021, 6, 30), d(2021, 9, 1)]);
        let june = &s.points[1];
        assert_eq!(june.to_districts.amount, dec!(400));
        assert_eq!(june.to_beneficiaries.amount, dec!(150.25));
        assert_eq!(june.to_beneficiaries.share, Some(dec!(0.15025)));
        // Districts are paid, so 执行 follows them.
        assert_eq!(s.execution_stage, Districts);
        assert_eq!(june.executed.amount, dec!(400));
        assert_eq!(june.executed.share, Some(dec!(0.4)));
        // Events keep their stage's running total, in date order.
        let firms: Vec<_> = s
            .events
            .iter()
            .filter(|e| e.stage == Firms)
            .map(|e| e.cumulative.amount)
            .collect();
        assert_eq!(firms, [dec!(100.25), dec!(150.25)]);
        assert_eq!(s.events[0].index, 1);
        let end = s.year_end();
        assert_eq!(end.to_districts.amount, dec!(1000));
        assert_eq!(end.executed.share, Some(Decimal::ONE));
        assert_eq!(end.time_progress, Decimal::ONE);
        assert_eq!(end.state, WarningState::Green);
        assert!(s.notes.is_empty(), "{:?}", s.notes);
    }

    #[test]
    fn state_at_any_date_between_events() {
        let p = project(
            dec!(1000),
            vec![
                pay(Some(d(2021, 3, 1)), dec!(100), Firms),
                pay(Some(d(2021, 9, 1)), dec!(500), Firms),
            ],
        );
        let s = series(&p);
        assert_eq!(s.execution_stage, Firms);
        assert_eq!(s.state_at(d(2021, 2, 28)).executed.amount, dec!(0));
        assert_eq!(s.state_at(d(2021, 3, 1)).executed.amount, dec!(100));
        assert_eq!(s.state_at(d(2021, 8, 31)).executed.amount, dec!(100));
        assert_eq!(s.state_at(d(2021, 9, 1)).executed.amount, dec!(600));
        // 31 July: 10% executed against 212/365 elapsed = 17.2%: red.
        let july = s.state_at(d(2021, 7, 31));
        assert_eq!(pct_text(july.time_progress), "58.08%");
        assert_eq!(
            july.execution_to_time,
            Some(dec!(0.1) / (dec!(212) / dec!(365)))
        );
        assert_eq!(july.state, WarningState::Red);
    }

    #[test]
    fn no_disbursements() {
        let mut p = project(dec!(500), Vec::new());
        p.executed = dec!(400).into();
        let s = series(&p);
        assert!(s.points.is_empty());
        assert!(s.events.is_empty());
        assert!(s.notes.is_empty(), "no dated payments: nothing to compare");
        let end = s.year_end();
        // Nothing dated: 0 of the 500 budget executed.
        assert_eq!(
            end.executed,
            Cumulative {
                amount: dec!(0),
                share: Some(dec!(0))
            }
        );
        assert_eq!(end.state, WarningState::Red);
        // Before the year nothing is due.
        assert_eq!(s.state_at(d(2020, 12, 31)).state, WarningState::Green);
    }

    #[test]
    fn no_budget_cannot_be_judged() {
        let p = Project {
            year: 2021,
            disbursements: vec![pay(Some(d(2021, 5, 1)), dec!(10), Firms)],
            ..Project::default()
        };
        let s = series(&p);
        assert_eq!(s.points[0].executed.share, None);
        assert_eq!(s.points[0].executed.share_text(), "—");
        assert_eq!(s.points[0].state, WarningState::Unknown);
    }

    #[test]
    fn events_outside_the_year_are_notes_not_failures() {
        let p = project(
            dec!(100),
            vec![
                pay(Some(d(2020, 12, 20)), dec!(10), Firms),
                pay(Some(d(2022, 1, 15)), dec!(30), Firms),
                pay(None, dec!(5), Firms),
                pay(Some(d(2021, 6, 1)), dec!(20), Firms),
            ],
        );
        let s = series(&p);
        assert_eq!(s.points.len(), 3);
        assert_eq!(
            s.notes,
            [
                SeriesNote::OutsideYear {
                    index: 0,
                    date: d(2020, 12, 20),
                    stage: Firms
                },
                SeriesNote::OutsideYear {
                    index: 1,
                    date: d(2022, 1, 15),
                    stage: Firms
                },
                SeriesNote::Undated {
                    index: 2,
                    stage: Firms
                },
            ]
        );
        // The early payment counts from its date; the late one is not in the year-end state.
        assert_eq!(s.state_at(d(2021, 1, 1)).executed.amount, dec!(10));
        assert_eq!(s.year_end().executed.amount, dec!(30));
        assert_eq!(s.state_at(d(2022, 1, 15)).executed.amount, dec!(60));
        // After the year, 序时进度 stays at 100%.
        assert_eq!(s.state_at(d(2022, 6, 1)).time_progress, Decimal::ONE);
        assert!(s.notes[0].message().contains("2020-12-20"));
    }

    #[test]
    fn disbursed_above_due_warns() {
        let mut p = project(
            dec!(100),
            vec![
                pay(Some(d(2021, 3, 1)), dec!(80), Districts),
                pay(Some(d(2021, 4, 1)), dec!(40), Districts),
            ],
        );
        p.executed = dec!(120).into();
        let s = series(&p);
        assert_eq!(
            s.notes,
            [SeriesNote::AboveDue {
                stage: Districts,
                disbursed: dec!(120),
                due: dec!(100)
            }]
        );
        assert!(s.notes[0].is_warning());
        assert_eq!(s.year_end().to_districts.share, Some(dec!(1.2)));
        assert_eq!(s.year_end().state, WarningState::Green);
    }

    #[test]
    fn executed_figure_that_differs_is_noted() {
        let mut p = project(
            dec!(100),
            vec![pay(Some(d(2021, 3, 1)), dec!(80), Districts)],
        );
        p.executed = dec!(90).into();
        let s = series(&p);
        assert_eq!(
            s.notes,
            [SeriesNote::ExecutedDiffers {
                dated: dec!(80),
                executed: dec!(90)
            }]
        );
        assert!(!s.notes[0].is_warning());
    }

    #[test]
    fn leap_years_count_366_days() {
        let mut p = project(dec!(366), vec![pay(Some(d(2024, 2, 29)), dec!(60), Firms)]);
        p.year = 2024;
        let s = project_series_with(&p, 2024, ExecutionBase::Initial, &WarningBands::default());
        let feb29 = &s.points[0];
        assert_eq!(feb29.time_progress, dec!(60) / dec!(366));
        // 60/366 executed against 60/366 elapsed: exactly on time.
        assert_eq!(feb29.execution_to_time, Some(Decimal::ONE));
        assert_eq!(s.state_at(d(2024, 12, 31)).time_progress, Decimal::ONE);
        assert_eq!(
            s.state_at(d(2024, 12, 30)).time_progress,
            dec!(365) / dec!(366)
        );
    }

    #[test]
    fn warning_bands_at_their_edges() {
        let b = WarningBands::default();
        let t = dec!(0.5);
        let at = |pct: Decimal| warning_state(Some(t * pct / dec!(100)), t, &b);
        assert_eq!(at(dec!(59.99)), WarningState::Red);
        assert_eq!(at(dec!(60)), WarningState::Yellow);
        assert_eq!(at(dec!(79.99)), WarningState::Yellow);
        assert_eq!(at(dec!(80)), WarningState::Green);
        assert_eq!(at(dec!(150)), WarningState::Green);
        assert_eq!(
            warning_state(Some(dec!(0)), dec!(0), &b),
            WarningState::Green
        );
        assert_eq!(warning_state(None, t, &b), WarningState::Unknown);
        // Configured bands (e.g. 50 / 70) move the edges.
        let custom = WarningBands {
            red_below_pct: dec!(50),
            yellow_below_pct: dec!(70),
        };
        assert_eq!(
            warning_state(Some(dec!(0.25)), t, &custom),
            WarningState::Yellow
        );
        assert_eq!(
            warning_state(Some(dec!(0.35)), t, &custom),
            WarningState::Green
        );
        assert_eq!(
            warning_state(Some(dec!(0.2499)), t, &custom),
            WarningState::Red
        );
    }

    #[test]
    fn indicator_progress_against_its_target() {
        use crate::model::{Monitoring, Target};
        let mut ind = Indicator {
            target: Target::parse("≥343人次"),
            ..Indicator::default()
        };
        assert_eq!(indicator_progress(&ind), None);
        ind.monitoring = Some(Monitoring {
            progress_value: Some(dec!(171.5)),
            ..Monitoring::default()
        });
        assert_eq!(indicator_progress(&ind), Some(dec!(0.5)));
        ind.target = Target::parse("≤450元/人·天");
        assert_eq!(indicator_progress(&ind), None);
        ind.target = Target::parse("及时");
        assert_eq!(indicator_progress(&ind), None);
    }

    #[test]
    fn blank_amounts_count_as_nothing() {
        let mut p = project(dec!(100), vec![pay(Some(d(2021, 3, 1)), dec!(1), Firms)]);
        p.disbursements[0].amount = Amount::Blank;
        let s = series(&p);
        assert_eq!(s.points[0].executed.amount, dec!(0));
        assert_eq!(s.events[0].amount, dec!(0));
    }
}
