//! 评分方案 (scoring profile): rounding, denominators, 定性 band edges and grade bands.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

/// How 三级 scores are rounded before they are added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rounding {
    /// 2 decimal places, half away from zero.
    #[default]
    Cents,
    /// Whole points (many 自评表 score 86.2% execution as 9).
    WholePoints,
}

impl Rounding {
    /// The decimal places a score keeps: 2, or 0 for whole points.
    pub fn places(self) -> u32 {
        match self {
            Rounding::Cents => 2,
            Rounding::WholePoints => 0,
        }
    }
}

/// 预算执行率 denominator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExecutionBase {
    /// 调整后预算 (seed 003's definition).
    #[default]
    Adjusted,
    /// 年初预算 (seed 004's 107.49%).
    Initial,
    /// 实际到位资金 (the 2020 project framework).
    Received,
}

impl ExecutionBase {
    pub fn label(self) -> &'static str {
        match self {
            ExecutionBase::Adjusted => "调整后预算",
            ExecutionBase::Initial => "年初预算",
            ExecutionBase::Received => "实际到位资金",
        }
    }
}

/// 预算调整率 definition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdjustmentDefinition {
    /// (调整后预算数 − 年初预算数) / 年初预算数 (seed 003, seed 000's 10.05%).
    #[default]
    NetOverInitial,
    /// 调整数 / 预算数 (财预〔2013〕53号): (调增 + 调减) / 调整后预算.
    GrossOverAdjusted,
}

/// Edges of the three 定性 bands, in percent of 分值.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QualitativeBands {
    /// Lower edge of 达成年度指标 (80).
    pub achieved_min_pct: Decimal,
    /// Lower edge of 部分达成并具有一定效果 (60; some provinces use 50).
    pub partial_min_pct: Decimal,
}

impl Default for QualitativeBands {
    fn default() -> Self {
        QualitativeBands {
            achieved_min_pct: dec!(80),
            partial_min_pct: dec!(60),
        }
    }
}

/// One grade band: totals from `min` (inclusive) get `label`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GradeBand {
    pub min: Decimal,
    pub label: String,
}

/// A 一级指标 weight a profile expects (the 自评表's 10/50/30/10).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpectedWeight {
    pub name: String,
    pub weight: Decimal,
}

/// A named set of scoring settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringProfile {
    /// 方案名称.
    pub name: String,
    pub rounding: Rounding,
    pub execution_base: ExecutionBase,
    pub adjustment_definition: AdjustmentDefinition,
    pub qualitative: QualitativeBands,
    /// Grade bands, highest first (财预〔2020〕10号: ≥90 优, ≥80 良, ≥60 中, else 差).
    pub grades: Vec<GradeBand>,
    /// The sheet's full total (100).
    pub total: Decimal,
    /// An actual at least this many times its ≥ target is flagged: the target may be too low.
    pub overachievement_factor: Decimal,
    /// 一级指标 weights the profile expects, if it fixes them.
    pub expected_level1: Vec<ExpectedWeight>,
}

impl Default for ScoringProfile {
    fn default() -> Self {
        ScoringProfile::national()
    }
}

impl ScoringProfile {
    /// 财预〔2020〕10号: the national default.
    pub fn national() -> ScoringProfile {
        ScoringProfile {
            name: "财预〔2020〕10号（全国通用）".to_owned(),
            rounding: Rounding::Cents,
            execution_base: ExecutionBase::Adjusted,
            adjustment_definition: AdjustmentDefinition::NetOverInitial,
            qualitative: QualitativeBands::default(),
            grades: default_grades(),
            total: dec!(100),
            overachievement_factor: dec!(2),
            expected_level1: Vec::new(),
        }
    }

    /// 项目支出绩效自评表: 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10.
    pub fn self_evaluation() -> ScoringProfile {
        ScoringProfile {
            name: "项目支出绩效自评表".to_owned(),
            expected_level1: [
                ("预算执行率", 10),
                ("产出指标", 50),
                ("效益指标", 30),
                ("满意度指标", 10),
            ]
            .into_iter()
            .map(|(n, w)| ExpectedWeight {
                name: n.to_owned(),
                weight: Decimal::from(w),
            })
            .collect(),
            ..ScoringProfile::national()
        }
    }

    /// 项目支出绩效自评表, 三级 scores in whole points (many units score 86.2% execution as 9).
    pub fn self_evaluation_whole_points() -> ScoringProfile {
        ScoringProfile {
            name: "项目支出绩效自评表（整数计分）".to_owned(),
            rounding: Rounding::WholePoints,
            ..ScoringProfile::self_evaluation()
        }
    }

    /// 项目支出绩效自评表 with the 定性 bands some provinces use: 100–80 / 80–50 / 50–0.
    pub fn self_evaluation_bands_50() -> ScoringProfile {
        ScoringProfile {
            name: "项目支出绩效自评表（定性 100/80/50）".to_owned(),
            qualitative: QualitativeBands {
                achieved_min_pct: dec!(80),
                partial_min_pct: dec!(50),
            },
            ..ScoringProfile::self_evaluation()
        }
    }

    /// The profiles shipped with the product.
    pub fn presets() -> Vec<ScoringProfile> {
        PRESETS.iter().map(|p| (p.make)()).collect()
    }

    /// The shipped profiles with their short names (`--profile NAME`), in the order listed.
    pub fn catalogue() -> &'static [PresetProfile] {
        PRESETS
    }

    /// The shipped profile a name chooses: its short name (`national`, `selfeval`,
    /// `selfeval-whole`, `selfeval-50`) or its full Chinese name, case and spaces ignored.
    pub fn by_name(name: &str) -> Option<ScoringProfile> {
        let wanted: String = name
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        PRESETS.iter().find_map(|p| {
            let made = (p.make)();
            (p.key == wanted || made.name == wanted || p.aliases.contains(&wanted.as_str()))
                .then_some(made)
        })
    }

    /// The short names accepted by [`ScoringProfile::by_name`], for messages.
    pub fn names() -> Vec<&'static str> {
        PRESETS.iter().map(|p| p.key).collect()
    }
}

/// A shipped profile: its short name, other names it answers to, one line saying what it is,
/// and how to make it.
#[derive(Clone, Copy, Debug)]
pub struct PresetProfile {
    /// Short name for `--profile`.
    pub key: &'static str,
    pub aliases: &'static [&'static str],
    /// One line for `jixiao profiles`.
    pub what: &'static str,
    pub make: fn() -> ScoringProfile,
}

static PRESETS: &[PresetProfile] = &[
    PresetProfile {
        key: "national",
        aliases: &["全国", "财预〔2020〕10号", "cy2020-10"],
        what: "财预〔2020〕10号：三级得分保留 2 位小数，定性 100/80/60，等级 优≥90 良≥80 中≥60",
        make: ScoringProfile::national,
    },
    PresetProfile {
        key: "selfeval",
        aliases: &["自评表", "self"],
        what: "项目支出绩效自评表：预算执行率 10 / 产出 50 / 效益 30 / 满意度 10，得分保留 2 位小数",
        make: ScoringProfile::self_evaluation,
    },
    PresetProfile {
        key: "selfeval-whole",
        aliases: &["整数计分", "whole"],
        what: "自评表，三级得分取整数（执行率 86.2% 得 9 分）",
        make: ScoringProfile::self_evaluation_whole_points,
    },
    PresetProfile {
        key: "selfeval-50",
        aliases: &["定性50"],
        what: "自评表，定性三档 100–80 / 80–50 / 50–0",
        make: ScoringProfile::self_evaluation_bands_50,
    },
];

/// ≥ 90 优, ≥ 80 良, ≥ 60 中, < 60 差.
pub fn default_grades() -> Vec<GradeBand> {
    [(90, "优"), (80, "良"), (60, "中"), (0, "差")]
        .into_iter()
        .map(|(min, label)| GradeBand {
            min: Decimal::from(min),
            label: label.to_owned(),
        })
        .collect()
}
