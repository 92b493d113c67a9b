//! Chart data derived from the document: every project's `ProjectSeries` and year-end rates,
//! and the float geometry the plots draw, computed once per revision (never per frame).

use chrono::NaiveDate;
use egui_plot::PlotPoint;

use super::pct_f64;
use crate::calc::derived::ProjectDerived;
use crate::calc::series::{ProjectSeries, Track, YearEndRates, year_start_date};
use crate::model::{DisbursementStage, Workspace};

/// What the charts need about one project.
#[derive(Debug)]
pub struct ProjectProgress {
    pub series: ProjectSeries,
    pub rates: YearEndRates,
    /// The year-end 执行率 and 拨付率 in percent, for the department chart's bars.
    pub bars: [Option<f64>; 2],
    pub geometry: SeriesGeometry,
}

/// The float geometry of a project chart. x is the day of the fiscal year counted at the end
/// of each date (1 January = 1, 31 December = 365 or 366; 0 is the start of the year); y is
/// percent of the track's denominator.
#[derive(Debug, Default)]
pub struct SeriesGeometry {
    /// Days in the fiscal year.
    pub year_days: f64,
    /// Step lines per track (`Track::ALL` order); empty when the track has no denominator.
    pub tracks: [Vec<PlotPoint>; 3],
    /// One marker per disbursement event, per stage (`DisbursementStage::ALL` order).
    pub markers: [Vec<PlotPoint>; 2],
    /// For each marker, its index in `series.events`.
    pub marker_events: [Vec<usize>; 2],
    /// The highest y drawn (at least 100).
    pub y_max: f64,
}

/// x of a date: days since the start of the fiscal year, at the end of the date.
pub fn day_x(date: NaiveDate, year: i32) -> f64 {
    #[allow(clippy::cast_precision_loss)] // day counts are far below 2^52
    let days = (date - year_start_date(year)).num_days() as f64;
    days + 1.0
}

/// The date at x (the day whose end is at or after x), clamped to chrono's range.
pub fn x_date(x: f64, year: i32) -> NaiveDate {
    #[allow(clippy::cast_possible_truncation)] // clamped to ±1e6 days first
    let day = x.ceil().clamp(-1.0e6, 1.0e6) as i64;
    year_start_date(year)
        .checked_add_signed(chrono::TimeDelta::days(day - 1))
        .unwrap_or_else(|| year_start_date(year))
}

fn days_in_year(year: i32) -> f64 {
    f64::from(crate::calc::metrics::days_in_year(year))
}

impl SeriesGeometry {
    /// The geometry of a series.
    pub fn of(s: &ProjectSeries) -> SeriesGeometry {
        let year = s.fiscal_year;
        let year_days = days_in_year(year);
        let first_x = s
            .points
            .first()
            .map_or(0.0, |p| day_x(p.date, year).min(0.0));
        let last_x = s
            .points
            .last()
            .map_or(year_days, |p| day_x(p.date, year).max(year_days));
        let mut y_max: f64 = 100.0;
        let tracks = Track::ALL.map(|t| {
            let mut line = Vec::with_capacity(s.points.len() * 2 + 2);
            let mut y = 0.0;
            line.push(PlotPoint::new(first_x, 0.0));
            for p in &s.points {
                let Some(share) = p.track(t).share else {
                    return Vec::new();
                };
                let x = day_x(p.date, year);
                let next = pct_f64(share);
                if (next - y).abs() > f64::EPSILON {
                    line.push(PlotPoint::new(x, y));
                    line.push(PlotPoint::new(x, next));
                    y = next;
                    y_max = y_max.max(y);
                }
            }
            line.push(PlotPoint::new(last_x, y));
            line
        });
        let mut markers: [Vec<PlotPoint>; 2] = Default::default();
        let mut marker_events: [Vec<usize>; 2] = Default::default();
        for (i, e) in s.events.iter().enumerate() {
            let Some(share) = e.cumulative.share else {
                continue;
            };
            let k = stage_slot(e.stage);
            markers[k].push(PlotPoint::new(day_x(e.date, year), pct_f64(share)));
            marker_events[k].push(i);
        }
        SeriesGeometry {
            year_days,
            tracks,
            markers,
            marker_events,
            y_max,
        }
    }
}

/// The slot of a stage in `DisbursementStage::ALL`.
pub fn stage_slot(stage: DisbursementStage) -> usize {
    match stage {
        DisbursementStage::ToDistricts => 0,
        DisbursementStage::ToBeneficiaries => 1,
    }
}

/// All projects' chart data, in workspace order.
#[derive(Debug, Default)]
pub struct ProgressData {
    pub projects: Vec<ProjectProgress>,
    /// The fiscal years the projects belong to, ascending, each once (the navigator's
    /// 进度监控 entries).
    pub years: Vec<i32>,
}

impl ProgressData {
    /// Computes everything from the document (called when the revision changes).
    pub fn compute(ws: &Workspace) -> ProgressData {
        ProgressData::of(
            crate::calc::derived::project_data(ws),
            crate::calc::derived::project_years(ws),
        )
    }

    /// The chart data of projects whose series `calc::derived` computed.
    pub fn of(projects: Vec<ProjectDerived>, years: Vec<i32>) -> ProgressData {
        ProgressData {
            years,
            projects: projects
                .into_iter()
                .map(|ProjectDerived { series, rates }| {
                    let geometry = SeriesGeometry::of(&series);
                    ProjectProgress {
                        bars: [
                            rates.execution_rate.map(pct_f64),
                            rates.disbursement_rate.map(pct_f64),
                        ],
                        rates,
                        series,
                        geometry,
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_x_and_back() {
        let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
        assert!((day_x(d(1, 1), 2021) - 1.0).abs() < 1e-9);
        assert!((day_x(d(12, 31), 2021) - 365.0).abs() < 1e-9);
        assert!((day_x(NaiveDate::from_ymd_opt(2020, 12, 31).unwrap(), 2021)).abs() < 1e-9);
        assert_eq!(x_date(212.0, 2021), d(7, 31));
        assert_eq!(x_date(211.2, 2021), d(7, 31));
        assert_eq!(x_date(0.5, 2021), d(1, 1));
    }
}
