//! The bundled sample's 2021 funds: their year-end 拨付率 are the ones seed 000 publishes
//! (71.33%, 50.75%, 96.13%), and their execution runs behind the calendar at 31 July.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use jixiao::calc::num::pct_text;
use jixiao::calc::series::{WarningState, project_series};
use jixiao::model::Workspace;

fn sample() -> Workspace {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/zhengzhou-gongxin.ron"
    );
    jixiao::store::load_path(std::path::Path::new(path)).unwrap()
}

#[test]
fn seed_000_year_end_disbursement_rates() {
    let ws = sample();
    for (id, rate, amount) in [
        ("2021-zhizaoye", "71.33%", "21399.00"),
        ("2021-lvgongye", "50.75%", "3451.00"),
        ("2021-qiche", "96.13%", "4806.50"),
    ] {
        let s = project_series(&ws, ws.project(id).unwrap());
        let end = s.year_end();
        assert_eq!(end.to_beneficiaries.amount.to_string(), amount, "{id}");
        assert_eq!(pct_text(end.to_beneficiaries.share.unwrap()), rate, "{id}");
        if id == "2021-lvgongye" {
            // 7,309.62 passed to districts against the 年初 6,800 ([004]: 107.49%).
            assert_eq!(s.notes.len(), 1);
            assert_eq!(
                s.notes[0].message(),
                "拨付至区县累计 7,309.62 超过应拨付资金 6,800（超额拨付）。"
            );
        } else {
            assert!(s.notes.is_empty(), "{id}: {:?}", s.notes);
        }
    }
}

#[test]
fn aluminium_fund_at_the_end_of_july() {
    let ws = sample();
    let s = project_series(&ws, ws.project("2021-lvgongye").unwrap());
    let july = s.state_at(NaiveDate::from_ymd_opt(2021, 7, 31).unwrap());
    // 3,000 of 6,800 passed to districts by 25 June (44.12%) against 58.08% of the year.
    assert_eq!(july.executed.amount.to_string(), "3000.00");
    assert_eq!(pct_text(july.executed.share.unwrap()), "44.12%");
    assert_eq!(pct_text(july.time_progress), "58.08%");
    assert_eq!(pct_text(july.execution_to_time.unwrap()), "75.96%");
    assert_eq!(july.state, WarningState::Yellow);
    // 300 reached firms by 30 July.
    assert_eq!(july.to_beneficiaries.amount.to_string(), "300.00");
}
