//! 评价: an evaluation of the department or of one project, with its scoring profile,
//! indicator sheet, findings and recommendations.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::indicator::Indicator;
use super::profile::ScoringProfile;

/// What is evaluated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    /// 部门整体.
    #[default]
    Department,
    /// One project, by id.
    Project(String),
}

/// 评价类型.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvaluationKind {
    /// 部门整体支出绩效评价.
    #[default]
    DepartmentWhole,
    /// 项目支出绩效评价 (by the department or the finance bureau).
    ProjectExpenditure,
    /// 项目支出绩效自评 (the 自评表).
    ProjectSelf,
    /// 绩效运行监控.
    Monitoring,
}

impl EvaluationKind {
    pub fn label(self) -> &'static str {
        match self {
            EvaluationKind::DepartmentWhole => "部门整体评价",
            EvaluationKind::ProjectExpenditure => "项目支出评价",
            EvaluationKind::ProjectSelf => "项目自评",
            EvaluationKind::Monitoring => "绩效监控",
        }
    }
}

/// One evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evaluation {
    /// Stable identifier (command line `--evaluation ID`).
    pub id: String,
    /// 评价名称.
    pub name: String,
    /// 评价年度.
    pub year: i32,
    pub subject: Subject,
    pub kind: EvaluationKind,
    /// The settings the sheet is scored with.
    pub profile: ScoringProfile,
    /// The indicator sheet in outline order.
    pub indicators: Vec<Indicator>,
    /// 存在问题.
    pub findings: Vec<String>,
    /// 相关建议.
    pub recommendations: Vec<String>,
    /// 评价人/机构.
    pub evaluator: String,
    /// 评价日期.
    pub date: Option<NaiveDate>,
    /// 监控时点 for a monitoring evaluation (default 31 July).
    pub monitoring_date: Option<NaiveDate>,
    /// The score a published report gave, when this evaluation reproduces one.
    pub published: Option<PublishedScore>,
    /// Notes (e.g. which parts are illustrative).
    pub notes: String,
    /// 年度总体目标：预期目标, as the 自评表 writes it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goal_expected: String,
    /// 年度总体目标：实际完成情况.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goal_actual: String,
    /// 偏差原因分析及改进措施 (the form's closing paragraph).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deviation_analysis: String,
}

/// A published result, recorded as published.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishedScore {
    /// 总分.
    pub total: Option<Decimal>,
    /// 等级 as written (优秀 is read as 优).
    pub grade: String,
    /// 一级指标 scores, when the report gives them.
    pub level1: Vec<PublishedLevel1>,
    /// Document and place.
    pub source: String,
}

/// One 一级指标 of a published 总体得分情况表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishedLevel1 {
    pub name: String,
    pub weight: Decimal,
    pub score: Decimal,
}
