//! Metric references: the department and project metrics an actual can follow (moved from
//! `model/indicator.rs`, content unchanged).

use serde::{Deserialize, Serialize};

use super::project::{DisbursementStage, ProjectMetric};

/// A checked reference to a metric an actual can follow.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MetricRef {
    /// A department metric of the budget book of `year`.
    Department { year: i32, metric: DepartmentMetric },
    /// A metric of the project with this id.
    Project {
        project: String,
        metric: ProjectMetric,
    },
}

/// Department (部门整体) metrics of DESIGN.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DepartmentMetric {
    /// 预算执行率.
    ExecutionRate,
    /// 预算调整率.
    AdjustmentRate,
    /// 结转结余率.
    CarryoverRate,
    /// "三公经费"控制率.
    ThreePublicControlRate,
    /// 政府采购执行率.
    ProcurementExecutionRate,
    /// 专项资金细化率.
    SpecialFundDetailRate,
    /// 资金到位率.
    ReceivedRate,
    /// 在职人员控制率.
    StaffControlRate,
}

impl DepartmentMetric {
    pub const ALL: [DepartmentMetric; 8] = [
        DepartmentMetric::ExecutionRate,
        DepartmentMetric::AdjustmentRate,
        DepartmentMetric::CarryoverRate,
        DepartmentMetric::ThreePublicControlRate,
        DepartmentMetric::ProcurementExecutionRate,
        DepartmentMetric::SpecialFundDetailRate,
        DepartmentMetric::ReceivedRate,
        DepartmentMetric::StaffControlRate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DepartmentMetric::ExecutionRate => "预算执行率",
            DepartmentMetric::AdjustmentRate => "预算调整率",
            DepartmentMetric::CarryoverRate => "结转结余率",
            DepartmentMetric::ThreePublicControlRate => "“三公经费”控制率",
            DepartmentMetric::ProcurementExecutionRate => "政府采购执行率",
            DepartmentMetric::SpecialFundDetailRate => "专项资金细化率",
            DepartmentMetric::ReceivedRate => "资金到位率",
            DepartmentMetric::StaffControlRate => "在职人员控制率",
        }
    }
}

impl ProjectMetric {
    pub const ALL: [ProjectMetric; 5] = [
        ProjectMetric::ExecutionRate,
        ProjectMetric::ReceivedRate,
        ProjectMetric::DisbursementRate(DisbursementStage::ToDistricts),
        ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries),
        ProjectMetric::SpendingRate,
    ];
}
