//! 项目: a project's budget, funding, cost items, disbursements and performance targets.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::amount::Amount;
use super::target::Target;

/// 项目类型 in the 项目支出预算表.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProjectKind {
    /// 其他运转类.
    Operating,
    /// 特定目标类.
    Targeted,
    /// Not stated (the withheld project is published without a type).
    #[default]
    Unspecified,
}

impl ProjectKind {
    pub fn label(self) -> &'static str {
        match self {
            ProjectKind::Operating => "其他运转类",
            ProjectKind::Targeted => "特定目标类",
            ProjectKind::Unspecified => "",
        }
    }
}

/// One project (项目支出).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// Stable identifier used by links and the command line (e.g. "2021-lvgongye").
    pub id: String,
    /// 项目编码.
    pub code: String,
    /// 项目名称.
    pub name: String,
    /// 项目单位 (实施单位 on the 自评表).
    pub unit: String,
    /// 主管部门, as the 自评表 writes it (blank when the form leaves it blank).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// 单位代码.
    pub unit_code: String,
    /// 年度.
    pub year: i32,
    /// 项目类型.
    pub kind: ProjectKind,
    /// 年初预算数.
    pub budget_initial: Amount,
    /// 调整后预算数 (全年预算数).
    pub budget_adjusted: Amount,
    /// The 项目支出预算表 funding columns.
    pub funding: ProjectFunding,
    /// 资金来源 as the 自评表's 项目资金 block lists them (the 其中 rows: 当年财政拨款, 上年结转资金,
    /// 其他资金 …), each with its 年初预算数, 全年预算数 and 全年执行数.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funding_sources: Vec<FundingSource>,
    /// 实际到位资金.
    pub received: Amount,
    /// 全年执行数 (实际支出).
    pub executed: Amount,
    /// 应拨付资金; blank means the budget (调整后, else 年初).
    pub disbursement_due: Amount,
    /// 成本明细: budget vs executed per cost item.
    pub cost_items: Vec<CostItem>,
    /// 资金拨付 events.
    pub disbursements: Vec<Disbursement>,
    /// 绩效目标 (成本/产出/效益/满意度) as in the 项目绩效目标汇总表.
    pub targets: Vec<PerformanceTarget>,
    /// Figures a report published about this project, kept to be checked against the computed ones.
    pub published: Vec<PublishedFigure>,
    /// Where the figures come from.
    pub source: String,
    pub notes: String,
}

/// The funding columns of the 项目支出预算表.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectFunding {
    /// 本年拨款: 一般公共预算.
    pub general_budget: Amount,
    /// 本年拨款: 政府性基金预算.
    pub government_fund: Amount,
    /// 本年拨款: 国有资本经营预算.
    pub state_capital: Amount,
    /// 财政拨款结转结余 (all three budgets together).
    pub carryover: Amount,
    /// 财政专户管理资金.
    pub special_account: Amount,
    /// 单位资金.
    pub own_funds: Amount,
}

/// One 其中 row of the 自评表's 项目资金 block: a funding source with its three figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundingSource {
    /// 资金来源 as written, without the "其中：" prefix (当年财政拨款, 上年结转资金 …).
    pub label: String,
    /// 年初预算数.
    pub initial: Amount,
    /// 全年预算数 (调整后).
    pub adjusted: Amount,
    /// 全年执行数.
    pub executed: Amount,
}

/// 成本明细: a cost item (会议费, 培训费 …) with its budget and execution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CostItem {
    pub name: String,
    /// 预算数.
    pub budget: Amount,
    /// 执行数.
    pub executed: Amount,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for CostItem {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// How far a disbursement has travelled.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum DisbursementStage {
    /// 拨付至区县（市）: counts as spent for the department, long before firms see it.
    ToDistricts,
    /// 拨付至最终受益对象 (企业、个人).
    #[default]
    ToBeneficiaries,
}

impl DisbursementStage {
    pub const ALL: [DisbursementStage; 2] = [
        DisbursementStage::ToDistricts,
        DisbursementStage::ToBeneficiaries,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DisbursementStage::ToDistricts => "拨付至区县",
            DisbursementStage::ToBeneficiaries => "拨付至最终受益对象",
        }
    }
}

/// One 拨付 event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Disbursement {
    /// 拨付日期.
    pub date: Option<NaiveDate>,
    /// 金额 (this event only, not cumulative).
    pub amount: Amount,
    pub stage: DisbursementStage,
    pub note: String,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for Disbursement {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// The four kinds of project performance targets (绩效目标).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TargetCategory {
    /// 成本指标.
    Cost,
    /// 产出指标.
    #[default]
    Output,
    /// 效益指标.
    Benefit,
    /// 满意度指标.
    Satisfaction,
}

impl TargetCategory {
    pub fn label(self) -> &'static str {
        match self {
            TargetCategory::Cost => "成本指标",
            TargetCategory::Output => "产出指标",
            TargetCategory::Benefit => "效益指标",
            TargetCategory::Satisfaction => "满意度指标",
        }
    }
}

/// A 绩效目标 line: a 三级指标 with its 指标值.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PerformanceTarget {
    pub category: TargetCategory,
    /// 三级指标.
    pub name: String,
    /// 指标值.
    pub target: Target,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for PerformanceTarget {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// Project metrics a report can publish and the product can compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProjectMetric {
    /// 预算执行率 (denominator per the evaluation's profile).
    ExecutionRate,
    /// 资金到位率.
    ReceivedRate,
    /// 资金拨付率 at a stage.
    DisbursementRate(DisbursementStage),
    /// 资金实际支出率 as some reports word it (executed / received).
    SpendingRate,
}

impl ProjectMetric {
    pub fn label(self) -> &'static str {
        match self {
            ProjectMetric::ExecutionRate => "预算执行率",
            ProjectMetric::ReceivedRate => "资金到位率",
            ProjectMetric::DisbursementRate(DisbursementStage::ToDistricts) => "拨付率（至区县）",
            ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries) => {
                "拨付率（至最终受益对象）"
            }
            ProjectMetric::SpendingRate => "资金实际支出率",
        }
    }
}

/// A figure some report published, in percent points, with where it was published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedFigure {
    pub metric: ProjectMetric,
    /// The published value in percent points (50.75 for 50.75%).
    pub value_pct: Decimal,
    /// Which document says so.
    pub source: String,
}

impl Project {
    /// Gives the copies among the rows of each of the project's tables ids of their own.
    pub fn make_row_ids_unique(&mut self) {
        use super::row_id::make_unique;
        make_unique(&mut self.cost_items);
        make_unique(&mut self.disbursements);
        make_unique(&mut self.targets);
    }
}
