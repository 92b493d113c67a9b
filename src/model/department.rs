//! 部门概况 (department profile) and the workspace's own description.

use serde::{Deserialize, Serialize};

use super::number::AmountUnit;
use super::progress::ProgressSettings;

/// What the workspace is: its title, year and who keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// 标题, e.g. "郑州市工业和信息化局 绩效评价".
    pub title: String,
    /// 评价年度: the fiscal year the workspace is mainly about.
    pub fiscal_year: i32,
    /// 评价人.
    pub evaluator: String,
    /// 评价机构 (third-party firm or bureau).
    pub organization: String,
    /// Default amount unit of the workspace (万元).
    pub unit: AmountUnit,
    /// 备注.
    pub notes: String,
    /// 进度预警设置 (warning bands, reference line); omitted from the file while default.
    #[serde(skip_serializing_if = "ProgressSettings::is_default")]
    pub progress: ProgressSettings,
}

/// 部门概况: who the department is, how many people it has, what it had to do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Department {
    /// 部门名称.
    pub name: String,
    /// 部门代码 (e.g. "021").
    pub code: String,
    /// 编制与人员.
    pub headcount: Headcount,
    /// 内设机构数.
    pub internal_units: Option<u32>,
    /// 下属单位数.
    pub subordinate_units: Option<u32>,
    /// 部门职责.
    pub duties: String,
    /// 年度重点工作任务, one per line.
    pub key_tasks: Vec<String>,
}

/// 编制/在职/离退休 headcounts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Headcount {
    /// 编制数.
    pub authorized: Option<u32>,
    /// 行政编制.
    pub authorized_admin: Option<u32>,
    /// 事业编制.
    pub authorized_institution: Option<u32>,
    /// 在职人数.
    pub on_duty: Option<u32>,
    /// 离退休人数.
    pub retired: Option<u32>,
}
