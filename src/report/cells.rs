//! The cells of the score tables as text, built once for every renderer (the command line's
//! text, the PDF, the spreadsheet), so they cannot disagree.

use rust_decimal::Decimal;

use crate::calc::links::link_label;
use crate::calc::num::{opt_pct_text, plain, round2, thousands};
use crate::calc::{NodeScore, ScoreBreakdown};
use crate::model::{Actual, Amount, Evaluation, Workspace};

/// `84.69`, `28.00`: a score with 2 places.
pub fn score(v: Decimal) -> String {
    round2(v).to_string()
}

/// `34`, `2.5`: a weight as written.
pub fn weight(v: Decimal) -> String {
    plain(v)
}

/// `80.41%`, or `—` when there is no rate.
pub fn rate(r: Option<Decimal>) -> String {
    opt_pct_text(r)
}

/// An amount as printed: thousands separators, the typed scale, `XXXX` when withheld, blank
/// when blank.
pub fn amount(a: Amount) -> String {
    match a {
        Amount::Blank => String::new(),
        Amount::Withheld => "XXXX".to_owned(),
        Amount::Value(v) => thousands(v),
    }
}

/// The 总体得分情况表 of seed 000 as four rows (指标 / 分值 / 得分 / 得分率), one column per
/// 一级指标 and 合计.
pub fn summary_rows(ev: &Evaluation, b: &ScoreBreakdown) -> [Vec<String>; 4] {
    let mut head = vec!["指标".to_owned()];
    let mut w = vec!["分值".to_owned()];
    let mut s = vec!["得分".to_owned()];
    let mut r = vec!["得分率".to_owned()];
    for n in b.level1() {
        head.push(n.name(ev).to_owned());
        w.push(weight(n.weight));
        s.push(score(n.score));
        r.push(rate(n.rate()));
    }
    head.push("合计".to_owned());
    w.push(weight(b.total.weight));
    s.push(score(b.total.score));
    r.push(rate(b.total.rate));
    [head, w, s, r]
}

/// One indicator row as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorCells {
    pub name: String,
    pub weight: String,
    /// 指标值 (leaves only).
    pub target: String,
    /// 实际完成值 as written or as linked (leaves only).
    pub actual: String,
    pub rule: String,
    pub score: String,
    pub rate: String,
    /// The rule's explanation (`不适用` when dropped).
    pub explanation: String,
    /// 扣分原因 / 说明 as the evaluator wrote it.
    pub note: String,
}

/// The cells of one breakdown row.
pub fn indicator_cells(ws: &Workspace, ev: &Evaluation, n: &NodeScore) -> IndicatorCells {
    let Some(ind) = ev.indicators.get(n.index) else {
        return IndicatorCells::default();
    };
    let actual = if n.is_leaf {
        match &ind.actual {
            Actual::Typed { text, .. } => text.clone(),
            Actual::Linked(r) => match n.actual {
                Some(v) => format!("{}%（链接：{}）", round2(v), link_label(ws, r)),
                None => format!("—（链接：{}）", link_label(ws, r)),
            },
        }
    } else {
        String::new()
    };
    IndicatorCells {
        name: ind.name.clone(),
        weight: weight(n.weight),
        target: if n.is_leaf {
            ind.target.text.clone()
        } else {
            String::new()
        },
        actual,
        rule: n.rule(ev).to_owned(),
        score: score(n.score),
        rate: rate(n.rate()),
        explanation: if n.not_applicable {
            "不适用".to_owned()
        } else {
            n.explain(ev).to_string()
        },
        note: ind.note.clone(),
    }
}

impl IndicatorCells {
    /// The explanation followed by the evaluator's note (the text summary's 说明 column).
    pub fn explanation_and_note(&self) -> String {
        if self.note.is_empty() {
            self.explanation.clone()
        } else {
            format!("{}；{}", self.explanation, self.note)
        }
    }

    /// 扣分原因 for print: the evaluator's note; without one, the rule's explanation when the
    /// row lost points or was dropped, so no deduction goes unexplained.
    pub fn reason(&self, n: &NodeScore) -> String {
        if !self.note.is_empty() {
            self.note.clone()
        } else if n.is_leaf && (n.not_applicable || n.overridden || n.score < n.applicable_weight) {
            self.explanation.clone()
        } else {
            String::new()
        }
    }
}
