//! 进度预警设置: the warning bands for 执行进度 ÷ 序时进度 and the reference line of the
//! department chart. Stored in the workspace; old files without them load the defaults.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

/// 预警区间: where the ratio 执行进度 ÷ 序时进度 (in percent) turns yellow and red.
///
/// Budget platforms use: below 60% red, 60% up to 80% yellow, from 80% green. A ratio exactly
/// on an edge belongs to the better band (60% is yellow, 80% is green).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WarningBands {
    /// Below this (percent of 序时进度) is 红色预警 (60).
    pub red_below_pct: Decimal,
    /// Below this, and not red, is 黄色预警 (80).
    pub yellow_below_pct: Decimal,
}

impl Default for WarningBands {
    fn default() -> Self {
        WarningBands {
            red_below_pct: dec!(60),
            yellow_below_pct: dec!(80),
        }
    }
}

/// Progress settings of a workspace (进度监控设置).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressSettings {
    /// 预警区间.
    pub bands: WarningBands,
    /// 参考线: the rate the department chart marks (90%), in percent.
    pub reference_rate_pct: Decimal,
}

impl Default for ProgressSettings {
    fn default() -> Self {
        ProgressSettings {
            bands: WarningBands::default(),
            reference_rate_pct: dec!(90),
        }
    }
}

impl ProgressSettings {
    /// True when nothing differs from the defaults (then the file does not mention them).
    pub fn is_default(&self) -> bool {
        *self == ProgressSettings::default()
    }
}
