//! 绩效评价指标: one row of a 3-level indicator sheet, with its target, actual and scoring rule.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::metric::MetricRef;
use super::number::{parse_number, to_half_width};
use super::target::{Comparator, Target};

/// One row of an indicator sheet. The sheet is an outline: a row's children are the rows after
/// it with a deeper level, so indenting a row is just changing its level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Indicator {
    /// 1 = 一级指标, 2 = 二级指标, 3 = 三级指标.
    pub level: u8,
    /// 指标名称.
    pub name: String,
    /// 分值 (weight). For a parent it is the published weight, checked against its children.
    pub weight: Decimal,
    /// 指标值 (target).
    pub target: Target,
    /// 实际完成值 (actual): typed, or linked to a metric.
    pub actual: Actual,
    /// 评分规则 with its parameters.
    pub rule: Rule,
    /// 不适用: drops out, and the applicable rest is rescaled to the full total.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
    /// 人工调整: replaces the computed score, always with a reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_override: Option<ScoreOverride>,
    /// 扣分原因 / 说明.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// 佐证材料 (evidence).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// 得分 as published by the report this sheet reproduces, when it gives one per row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_score: Option<Decimal>,
    /// 绩效监控 (双监控) notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<Monitoring>,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for Indicator {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// 实际完成值.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actual {
    /// Typed by the evaluator: the number read from it (if any) and the text as written.
    Typed {
        value: Option<Decimal>,
        text: String,
    },
    /// Follows a metric computed from the budget tables.
    Linked(MetricRef),
}

impl Default for Actual {
    fn default() -> Self {
        Actual::Typed {
            value: None,
            text: String::new(),
        }
    }
}

impl Actual {
    /// A typed actual read from its text (`17.1%` → 17.1; `1200余名` → 1200; `及时` → no number).
    pub fn typed(text: &str) -> Actual {
        let t = text.trim();
        let value = parse_number(t)
            .ok()
            .map(|n| n.value)
            .or_else(|| leading_number(t));
        Actual::Typed {
            value,
            text: t.to_owned(),
        }
    }
}

/// The number at the start of a text such as `1200余名`, if any.
fn leading_number(t: &str) -> Option<Decimal> {
    let half = to_half_width(t);
    let end = half
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-')))
        .map_or(half.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    parse_number(&half[..end]).ok().map(|n| n.value)
}

/// 评分规则: how a 三级指标's score follows from its target and actual.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// 正向比例: 分值 if actual ≥ target, else 分值 × actual / target.
    #[default]
    Proportional,
    /// 反向比例: 分值 if actual ≤ target, else 分值 × target / actual.
    Inverse,
    /// 偏差扣分: 分值 × (1 − |actual − target| / target); deviations within `tolerance`
    /// (in the target's unit) score full marks.
    Deviation { tolerance: Decimal },
    /// 达标制: 分值 if the target is met, else 0. For a 定性 target, `met` is the evaluator's call.
    Threshold { met: Option<bool> },
    /// 区间档次: the first band whose threshold the actual reaches gives its share of 分值.
    Bands { bands: Vec<Band> },
    /// 定性分档: the evaluator picks a band and a share inside it.
    Qualitative {
        grade: QualitativeGrade,
        share_pct: Option<Decimal>,
    },
    /// 定性（按文字判定）: the band follows from the 实际完成值's words through the phrase
    /// catalogue of `calc::qualitative` (达成/完成 → 达成年度指标, 部分达成/基本完成 → 部分达成,
    /// 未完成/未达成 → 未达成). Words the catalogue does not know leave the row unscored, waiting
    /// for the evaluator's judgement (then the rule becomes 定性分档 with the band chosen). What an
    /// imported 定性 row gets, so that no row scores full marks by default.
    QualitativeText,
    /// 扣分制: 分值 minus the listed deductions, floored at 0.
    Deductions { items: Vec<Deduction> },
    /// 线性扣分: full up to `threshold`, then minus `points_per_step` for each `step` beyond it.
    LinearDeduction {
        threshold: Decimal,
        points_per_step: Decimal,
        step: Decimal,
    },
    /// 预算执行率 rule (自评表): 分值 × min(执行率, 100%).
    ExecutionRate,
    /// 人工评分: the evaluator's score, with a mandatory reason.
    Manual {
        score: Option<Decimal>,
        reason: String,
    },
}

impl Rule {
    pub fn label(&self) -> &'static str {
        match self {
            Rule::Proportional => "正向比例",
            Rule::Inverse => "反向比例",
            Rule::Deviation { .. } => "偏差扣分",
            Rule::Threshold { .. } => "达标制",
            Rule::Bands { .. } => "区间档次",
            Rule::Qualitative { .. } => "定性分档",
            Rule::QualitativeText => "定性（按文字判定）",
            Rule::Deductions { .. } => "扣分制",
            Rule::LinearDeduction { .. } => "线性扣分",
            Rule::ExecutionRate => "预算执行率",
            Rule::Manual { .. } => "人工评分",
        }
    }

    /// The rule a new indicator gets for its target's comparator.
    pub fn default_for(comparator: Comparator) -> Rule {
        match comparator {
            Comparator::AtLeast => Rule::Proportional,
            Comparator::AtMost => Rule::Inverse,
            Comparator::Equal => Rule::Deviation {
                tolerance: Decimal::ZERO,
            },
            Comparator::Qualitative => Rule::Qualitative {
                grade: QualitativeGrade::Achieved,
                share_pct: None,
            },
        }
    }
}

/// One band of a 区间档次 rule: reaching `threshold` (≥ for a ≥ target, ≤ for a ≤ target)
/// scores `share_pct` percent of 分值.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Band {
    pub threshold: Decimal,
    pub share_pct: Decimal,
}

/// The national three 定性 bands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QualitativeGrade {
    /// 达成年度指标 (100%–80%).
    #[default]
    Achieved,
    /// 部分达成并具有一定效果 (80%–60%).
    Partial,
    /// 未达成且效果较差 (60%–0%).
    NotAchieved,
}

impl QualitativeGrade {
    pub fn label(self) -> &'static str {
        match self {
            QualitativeGrade::Achieved => "达成年度指标",
            QualitativeGrade::Partial => "部分达成并具有一定效果",
            QualitativeGrade::NotAchieved => "未达成且效果较差",
        }
    }
}

/// One deduction of a 扣分制 rule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deduction {
    pub reason: String,
    pub points: Decimal,
}

/// A manual replacement of a computed score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreOverride {
    pub score: Decimal,
    /// 调整理由 (mandatory; an empty reason is reported by the checks).
    pub reason: String,
}

/// 偏差原因 categories of the monitoring sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeviationReason {
    /// 经费保障.
    Funding,
    /// 制度保障.
    Rules,
    /// 人员保障.
    Staffing,
    /// 硬件条件保障.
    Facilities,
    /// 其他.
    Other,
}

impl DeviationReason {
    pub const ALL: [DeviationReason; 5] = [
        DeviationReason::Funding,
        DeviationReason::Rules,
        DeviationReason::Staffing,
        DeviationReason::Facilities,
        DeviationReason::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DeviationReason::Funding => "经费保障",
            DeviationReason::Rules => "制度保障",
            DeviationReason::Staffing => "人员保障",
            DeviationReason::Facilities => "硬件条件保障",
            DeviationReason::Other => "其他",
        }
    }
}

/// 完成目标可能性.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Likelihood {
    /// 确定能.
    Certain,
    /// 有可能.
    Possible,
    /// 完全不可能.
    Impossible,
}

impl Likelihood {
    pub const ALL: [Likelihood; 3] = [
        Likelihood::Certain,
        Likelihood::Possible,
        Likelihood::Impossible,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Likelihood::Certain => "确定能",
            Likelihood::Possible => "有可能",
            Likelihood::Impossible => "完全不可能",
        }
    }
}

/// 绩效监控 record of one indicator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Monitoring {
    /// 1–7月执行情况 as written.
    pub progress_text: String,
    /// The progress as a number in the target's unit, when there is one.
    pub progress_value: Option<Decimal>,
    pub deviation_reason: Option<DeviationReason>,
    pub likelihood: Option<Likelihood>,
    /// 原因说明.
    pub explanation: String,
}
