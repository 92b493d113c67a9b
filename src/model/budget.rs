//! 预算表: one year's budget book of the department (收支总表, 功能分类, 经济分类, 三公经费,
//! 政府采购 and the department totals 年初/调整/调整后/执行/结转结余).

use serde::{Deserialize, Serialize};

use super::amount::{Amount, is_blank_ref};
use super::number::AmountUnit;

/// One fiscal year's budget tables, as published or as typed from the department's books.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetBook {
    /// 年度.
    pub year: i32,
    /// 单位 of every table in the book.
    pub unit: AmountUnit,
    /// Decimal places the tables were published with (seed 003: 1). Sets the rounding
    /// tolerance of the consistency checks; `None` means exact figures.
    pub published_decimals: Option<u32>,
    /// Where the figures come from (document and table).
    pub source: String,
    /// 部门预算总额与调整、执行.
    pub totals: DepartmentTotals,
    /// 部门收支总体情况表.
    pub summary: IncomeExpenditureSummary,
    /// 部门收入总体情况表 by unit (单位).
    pub unit_income: Vec<UnitIncome>,
    /// 功能分类 tables (部门支出总体情况表, 一般公共预算支出情况表 …).
    pub functional: Vec<FunctionalTable>,
    /// 经济分类 tables (一般公共预算基本支出表 …).
    pub economic: Vec<EconomicTable>,
    /// 三公经费.
    pub three_public: ThreePublic,
    /// 政府采购.
    pub procurement: Procurement,
}

/// A 合计 / 基本支出 / 项目支出 triple.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Split {
    /// 合计.
    pub total: Amount,
    /// 基本支出.
    pub basic: Amount,
    /// 项目支出.
    pub project: Amount,
}

/// The department-level figures every evaluation starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DepartmentTotals {
    /// 年初预算.
    pub initial: Split,
    /// 年中调增.
    pub increase: Split,
    /// 年中调减 (a positive figure).
    pub decrease: Split,
    /// 调整后预算.
    pub adjusted: Split,
    /// 决算/执行数 (预算完成数).
    pub executed: Amount,
    /// of which 部门本级决算支出.
    pub executed_own: Amount,
    /// of which 部门转移支付.
    pub executed_transfer: Amount,
    /// 实际到位资金.
    pub received: Amount,
    /// 结转结余总额.
    pub carryover: Amount,
    /// 部门参与分配的专项资金总数.
    pub special_allocated: Amount,
    /// 已细化到具体市县和承担单位的专项资金数.
    pub special_detailed: Amount,
    /// Notes on the adjustments (reasons as published).
    pub notes: String,
}

/// 部门收支总体情况表: income by source, expenditure by 功能类, and the two totals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IncomeExpenditureSummary {
    /// 收入 lines (一般公共预算, 其他收入 …).
    pub income: Vec<NamedAmount>,
    /// 本年收入合计 as published.
    pub income_total: Amount,
    /// 支出 lines by 功能类.
    pub expenditure: Vec<NamedAmount>,
    /// 本年支出合计 as published.
    pub expenditure_total: Amount,
}

/// A named figure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NamedAmount {
    pub name: String,
    pub amount: Amount,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for NamedAmount {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// A unit's line in 部门收入总体情况表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitIncome {
    /// 单位代码.
    pub code: String,
    /// 单位名称.
    pub name: String,
    /// 合计.
    pub total: Amount,
    /// 一般公共预算.
    pub general_budget: Amount,
    /// 其他收入.
    pub other: Amount,
    /// True for the department's own 合计 row.
    pub is_total: bool,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for UnitIncome {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// A 功能分类 table with its rows in published order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FunctionalTable {
    /// Table name as published, e.g. "一般公共预算支出情况表".
    pub name: String,
    /// 备注 printed under it.
    pub note: String,
    pub lines: Vec<FunctionalLine>,
}

/// Level of a row in a 功能分类 table.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum LineLevel {
    /// 合计 row of the table.
    Total,
    /// A 单位 row (部门/单位 subtotal).
    Unit,
    /// 类 (3-digit code).
    Class,
    /// 款 (5-digit code).
    Section,
    /// 项 (7-digit code).
    #[default]
    Item,
}

impl LineLevel {
    /// The level a 科目编码 of this length has (3 → 类, 5 → 款, 7 → 项).
    pub fn from_code(code: &str) -> Option<LineLevel> {
        match code.chars().filter(char::is_ascii_digit).count() {
            3 => Some(LineLevel::Class),
            5 => Some(LineLevel::Section),
            7 => Some(LineLevel::Item),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LineLevel::Total => "合计",
            LineLevel::Unit => "单位",
            LineLevel::Class => "类",
            LineLevel::Section => "款",
            LineLevel::Item => "项",
        }
    }
}

/// One row of a 功能分类 table: the nine published columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FunctionalLine {
    /// 科目编码 without spaces ("2150517"); empty for 合计; the unit code for a 单位 row.
    pub code: String,
    /// 科目名称 (or 单位名称).
    pub name: String,
    pub level: LineLevel,
    /// 合计.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub total: Amount,
    /// 基本支出 小计.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub basic: Amount,
    /// 人员经费: 工资福利支出.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub wages: Amount,
    /// 人员经费: 对个人和家庭的补助.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub family: Amount,
    /// 公用经费: 商品和服务支出.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub goods: Amount,
    /// 公用经费: 资本性支出.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub capital: Amount,
    /// 项目支出 小计.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub project: Amount,
    /// 其他运转类.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub operating: Amount,
    /// 特定目标类.
    #[serde(skip_serializing_if = "is_blank_ref")]
    pub targeted: Amount,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for FunctionalLine {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// The columns of a 功能分类 row, for checks and grids that walk them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FunctionalColumn {
    Total,
    Basic,
    Wages,
    Family,
    Goods,
    Capital,
    Project,
    Operating,
    Targeted,
}

impl FunctionalColumn {
    pub const ALL: [FunctionalColumn; 9] = [
        FunctionalColumn::Total,
        FunctionalColumn::Basic,
        FunctionalColumn::Wages,
        FunctionalColumn::Family,
        FunctionalColumn::Goods,
        FunctionalColumn::Capital,
        FunctionalColumn::Project,
        FunctionalColumn::Operating,
        FunctionalColumn::Targeted,
    ];

    /// Column header as published.
    pub fn label(self) -> &'static str {
        match self {
            FunctionalColumn::Total => "合计",
            FunctionalColumn::Basic => "基本支出",
            FunctionalColumn::Wages => "工资福利支出",
            FunctionalColumn::Family => "对个人和家庭的补助",
            FunctionalColumn::Goods => "商品和服务支出",
            FunctionalColumn::Capital => "资本性支出",
            FunctionalColumn::Project => "项目支出",
            FunctionalColumn::Operating => "其他运转类",
            FunctionalColumn::Targeted => "特定目标类",
        }
    }
}

impl FunctionalLine {
    pub fn get(&self, c: FunctionalColumn) -> Amount {
        match c {
            FunctionalColumn::Total => self.total,
            FunctionalColumn::Basic => self.basic,
            FunctionalColumn::Wages => self.wages,
            FunctionalColumn::Family => self.family,
            FunctionalColumn::Goods => self.goods,
            FunctionalColumn::Capital => self.capital,
            FunctionalColumn::Project => self.project,
            FunctionalColumn::Operating => self.operating,
            FunctionalColumn::Targeted => self.targeted,
        }
    }

    pub fn get_mut(&mut self, c: FunctionalColumn) -> &mut Amount {
        match c {
            FunctionalColumn::Total => &mut self.total,
            FunctionalColumn::Basic => &mut self.basic,
            FunctionalColumn::Wages => &mut self.wages,
            FunctionalColumn::Family => &mut self.family,
            FunctionalColumn::Goods => &mut self.goods,
            FunctionalColumn::Capital => &mut self.capital,
            FunctionalColumn::Project => &mut self.project,
            FunctionalColumn::Operating => &mut self.operating,
            FunctionalColumn::Targeted => &mut self.targeted,
        }
    }
}

/// An 经济分类 table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EconomicTable {
    /// Table name as published, e.g. "一般公共预算基本支出表".
    pub name: String,
    pub note: String,
    /// Published 合计 (合计, 人员经费, 公用经费).
    pub total: EconomicTotals,
    pub lines: Vec<EconomicLine>,
}

/// The 合计 row of an 经济分类 table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EconomicTotals {
    pub total: Amount,
    /// 人员经费.
    pub personnel: Amount,
    /// 公用经费.
    pub public: Amount,
}

/// Whether an economic line is 人员经费 or 公用经费: its own field, as published, never derived
/// from the code (seed 003 counts 30239 其他交通费用 under 人员经费 although it is a 302 code).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CostCategory {
    /// 人员经费.
    Personnel,
    /// 公用经费.
    #[default]
    Public,
}

impl CostCategory {
    pub fn label(self) -> &'static str {
        match self {
            CostCategory::Personnel => "人员经费",
            CostCategory::Public => "公用经费",
        }
    }
}

/// One row of an 经济分类 table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EconomicLine {
    /// 部门预算支出经济分类科目编码 (e.g. "30239").
    pub dept_code: String,
    pub dept_name: String,
    /// 政府预算支出经济分类科目编码 (e.g. "50201").
    pub gov_code: String,
    pub gov_name: String,
    /// 金额 (合计).
    pub amount: Amount,
    /// 人员经费 or 公用经费, as published.
    pub category: CostCategory,
    /// Its stable id in the open document (not saved; see `row_id`).
    #[serde(skip)]
    pub tag: super::row_id::RowTag,
}

impl super::row_id::HasRowId for EconomicLine {
    fn tag(&self) -> super::row_id::RowTag {
        self.tag
    }

    fn tag_mut(&mut self) -> &mut super::row_id::RowTag {
        &mut self.tag
    }
}

/// 三公经费 (budget and, once known, actual spending).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThreePublic {
    /// "三公"经费合计 as published.
    pub total: Amount,
    /// 因公出国（境）费.
    pub abroad: Amount,
    /// 公务用车购置及运行费 小计.
    pub vehicles: Amount,
    /// 公务用车购置费.
    pub vehicle_purchase: Amount,
    /// 公务用车运行费.
    pub vehicle_operation: Amount,
    /// 公务接待费.
    pub reception: Amount,
    /// 三公经费实际支出数 (for 控制率).
    pub actual: Amount,
    /// 上年预算数 (for 变动率).
    pub prior_year: Amount,
}

/// 政府采购 budget and execution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Procurement {
    /// 政府采购预算 合计.
    pub budget: Amount,
    /// 货物.
    pub goods: Amount,
    /// 服务.
    pub services: Amount,
    /// 工程.
    pub works: Amount,
    /// 实际政府采购金额.
    pub actual: Amount,
}

impl BudgetBook {
    /// Gives the copies among the rows of each of the book's tables ids of their own.
    pub fn make_row_ids_unique(&mut self) {
        use super::row_id::make_unique;
        for t in &mut self.functional {
            make_unique(&mut t.lines);
        }
        for t in &mut self.economic {
            make_unique(&mut t.lines);
        }
        make_unique(&mut self.unit_income);
        make_unique(&mut self.summary.income);
        make_unique(&mut self.summary.expenditure);
    }
}
